// Load speed and the real compression ratio, from the batch ledger (written by ingest: one row
// per bronze batch with its file size, rows loaded and duration) and the bronze tables' storage:
// raw bytes the batches read ÷ bytes their rows occupy in DuckDB.
import type { SqlConnection } from '../db/connection.js';
import { ident, qualified } from '../db/sql.js';
import type { SourceMeasure, Throughput } from '../../shared/capacity/index.js';
import { tableStorage } from '../db/storage-bytes.js';
import { enoughSql, splitColumns, splitThroughput, type MinimumSample, type SplitRow } from './sample-size.js';

/** The ledger's table and the columns calibration reads; the one place that names them. */
export const LEDGER = {
  schema: '_ingot',
  table: 'batches',
  batchId: 'batch_id',
  source: 'source',
  bytes: 'size_bytes',
  rows: 'rows_loaded',
  durationMs: 'duration_ms',
  /** 'loaded' (rows in bronze) or 'replaced' (swapped out later) for loads that succeeded. */
  status: 'status',
  /** Lineage column of every bronze table naming the batch a row came from. */
  bronzeBatchColumn: '_batch_id',
} as const;

const col = (name: string): string => ident(name);
const ledgerTable = qualified(LEDGER.schema, LEDGER.table);

/** The ledger columns calibration needs that this database lacks (all of them when there is no ledger). */
export async function missingLedgerColumns(conn: SqlConnection): Promise<string[]> {
  const needed = [LEDGER.batchId, LEDGER.source, LEDGER.bytes, LEDGER.rows, LEDGER.durationMs, LEDGER.status];
  const present = await conn.all<{ column_name: string }>(
    `SELECT column_name FROM duckdb_columns() WHERE database_name = current_database() AND schema_name = ? AND table_name = ?`,
    [LEDGER.schema, LEDGER.table],
  );
  const have = new Set(present.map((p) => p.column_name));
  return needed.filter((c) => !have.has(c));
}

/** Whether the batch ledger exists with every column calibration reads. */
export async function hasLedger(conn: SqlConnection): Promise<boolean> {
  return (await missingLedgerColumns(conn)).length === 0;
}

/** Load speed of the successful bronze loads (replaced ones too) large enough to speak for throughput; the smaller ones summed apart. */
export async function ingestThroughput(
  conn: SqlConnection,
  minimum: MinimumSample,
): Promise<{ counted?: Throughput & { bytes: number; bytesPerSec: number }; tooSmall?: Throughput }> {
  const row = await conn.one<SplitRow & { bytes: number | null }>(
    `WITH measured AS (
       SELECT ${col(LEDGER.rows)}::DOUBLE AS load_rows, ${col(LEDGER.bytes)}::DOUBLE AS load_bytes, ${col(LEDGER.durationMs)} / 1000.0 AS load_seconds
       FROM ${ledgerTable}
       WHERE ${col(LEDGER.status)} IN ('loaded', 'replaced') AND ${col(LEDGER.rows)} > 0 AND ${col(LEDGER.durationMs)} > 0
     )
     SELECT ${splitColumns('load_rows', 'load_seconds', minimum)},
            sum(load_bytes) FILTER (WHERE ${enoughSql('load_rows', 'load_seconds', minimum)})::DOUBLE AS bytes
     FROM measured`,
  );
  const { counted, tooSmall } = splitThroughput(row);
  const bytes = Number(row?.bytes ?? 0);
  return {
    ...(counted ? { counted: { ...counted, bytes, bytesPerSec: bytes / counted.seconds } } : {}),
    ...(tooSmall ? { tooSmall } : {}),
  };
}

/**
 * Per bronze table with a ledger: the batches whose rows are still in the table (a replaced
 * batch no longer counts), their raw bytes and load time, and the table's stored bytes.
 */
export async function sourceMeasures(conn: SqlConnection): Promise<SourceMeasure[]> {
  const tables = (await tableStorage(conn, ['bronze'])).filter((t) => t.rows > 0);
  const lineage = await conn.all<{ table_name: string }>(
    `SELECT table_name FROM duckdb_columns() WHERE database_name = current_database() AND schema_name = 'bronze' AND column_name = ?`,
    [LEDGER.bronzeBatchColumn],
  );
  const withLineage = new Set(lineage.map((l) => l.table_name));
  const out: SourceMeasure[] = [];
  for (const table of tables) {
    if (!withLineage.has(table.table)) continue;
    const row = await conn.one<{ source: string | null; batches: number; rows: number | null; bytes: number | null; seconds: number | null }>(
      `WITH present AS (SELECT DISTINCT ${col(LEDGER.bronzeBatchColumn)} AS batch_id FROM ${qualified('bronze', table.table)})
       SELECT any_value(l.${col(LEDGER.source)}) AS source, count(*) AS batches, sum(l.${col(LEDGER.rows)})::DOUBLE AS rows,
              sum(l.${col(LEDGER.bytes)})::DOUBLE AS bytes, sum(l.${col(LEDGER.durationMs)}) / 1000.0 AS seconds
       FROM ${ledgerTable} l JOIN present p ON l.${col(LEDGER.batchId)} = p.batch_id`,
    );
    const rows = Number(row?.rows ?? 0);
    const sourceBytes = Number(row?.bytes ?? 0);
    // Compression is measured on what is on disk, not on the estimate of data not checkpointed yet.
    const stored = table.savedBytes;
    if (!row || rows <= 0 || sourceBytes <= 0 || stored <= 0) continue;
    const seconds = Number(row.seconds ?? 0);
    out.push({
      source: row.source ?? table.table,
      table: `bronze.${table.table}`,
      batches: Number(row.batches),
      rows,
      sourceBytes,
      storedBytes: stored,
      rawBytesPerRow: sourceBytes / rows,
      storedBytesPerRow: stored / table.rows,
      compressionRatio: sourceBytes / stored,
      ingest: { samples: Number(row.batches), rows, seconds, rowsPerSec: seconds > 0 ? rows / seconds : 0 },
    });
  }
  return out;
}

/** Used in messages: the ledger table as SQL shows it. */
export const LEDGER_NAME = `${LEDGER.schema}.${LEDGER.table}`;
