// Host handler for the rows a bronze table's loads rejected: lists `_ingot.rejects` for the loads
// whose rows the table holds (the batches the Tables screen counts as "Rejected"), a page at a
// time, with the total, so the app shows file, line, column, error and raw line without SQL.
import type { EngineHandlers } from '../../shared/api/engine-api.js';
import type { ListRejectsResult, RejectDto } from '../../shared/api/tables.js';
import { IngotError } from '../../shared/errors.js';
import type { SqlConnection } from '../db/connection.js';
import type { HostContext } from './context.js';

/** The batches the table's rows come from: its loads not replaced since. */
const LOADED_BATCHES = `SELECT batch_id FROM _ingot.batches WHERE source = ? AND status = 'loaded'`;

interface RejectRow {
  [key: string]: unknown;
  batch_id: bigint | number;
  file: string;
  line: bigint | number | null;
  column_name: string | null;
  error: string;
  raw_line: string | null;
}

/** A page of the rejects of `bronze.<table>`, in batch, file, line and column order. */
export async function listRejects(conn: SqlConnection, table: string, offset: number, limit: number): Promise<ListRejectsResult> {
  const counts = await conn.one<{ batches: number; rejected: number | null }>(
    `SELECT count(*)::BIGINT AS batches, sum(rows_rejected)::BIGINT AS rejected FROM _ingot.batches WHERE source = ? AND status = 'loaded'`,
    [table],
  );
  if (Number(counts?.batches ?? 0) === 0) {
    throw new IngotError('NOT_FOUND', `bronze.${table} has no loads, so it has no rejected rows to show.`, {
      hint: 'Rejected rows belong to bronze tables loaded from a source; pick one on the Tables screen.',
      detail: { field: 'table' },
    });
  }
  const total = await conn.one<{ n: number }>(`SELECT count(*)::BIGINT AS n FROM _ingot.rejects WHERE source = ? AND batch_id IN (${LOADED_BATCHES})`, [table, table]);
  const rows = await conn.all<RejectRow>(
    `SELECT batch_id, file, line, column_name, error, raw_line FROM _ingot.rejects
     WHERE source = ? AND batch_id IN (${LOADED_BATCHES})
     ORDER BY batch_id, file, line NULLS LAST, column_name NULLS FIRST, error
     LIMIT ? OFFSET ?`,
    [table, table, limit, offset],
  );
  const rejects: RejectDto[] = rows.map((r) => ({
    batchId: Number(r.batch_id),
    file: r.file,
    line: r.line === null ? null : Number(r.line),
    column: r.column_name,
    error: r.error,
    rawLine: r.raw_line,
  }));
  return { table: `bronze.${table}`, total: Number(total?.n ?? 0), rejectedRows: Number(counts?.rejected ?? 0), offset, rejects };
}

export function rejectHandlers(ctx: HostContext): Pick<EngineHandlers, 'listRejects'> {
  return {
    listRejects: async (req) => ctx.pool.use((conn) => listRejects(conn, req.table, req.offset, req.limit)),
  };
}
