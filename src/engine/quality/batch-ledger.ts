// Where ingest records when each bronze batch landed, for `freshness` checks with `batch:`: the
// ledger `_ingot.batches` (migration 010), one row per load with its source, status and finish
// time. Only batches whose rows are in bronze (status 'loaded') count.
import type { SqlConnection } from '../db/connection.js';
import type { BatchLedger } from './compile.js';

export const INGEST_LEDGER: BatchLedger = {
  table: '"_ingot"."batches"',
  sourceColumn: 'source',
  loadedAtColumn: 'finished_at',
  where: "status = 'loaded'",
};

/** The batch ledger of this workspace, or undefined when its database has none. */
export async function findBatchLedger(conn: SqlConnection): Promise<BatchLedger | undefined> {
  const row = await conn.one<{ n: number }>("SELECT count(*) AS n FROM information_schema.tables WHERE table_schema = '_ingot' AND table_name = 'batches'");
  return (row?.n ?? 0) > 0 ? INGEST_LEDGER : undefined;
}
