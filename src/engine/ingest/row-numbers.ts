// Fills `_row_number` (the data record's number in its file) for the rows one file of a batch
// appended to bronze.<source>. DuckDB appends a load's rows in file order, so a row's number is
// its position among that file's rows, shifted past the records DuckDB rejected.
//
// File loads number their rows right after the load's transaction commits, not inside it: an
// UPDATE of rows appended in the same transaction makes DuckDB rewrite, at COMMIT, every row group
// it had already written (measured: +1.4 s on a 4.5 M-row load), while the same UPDATE of committed
// rows costs about 0.2 s. Until then the batch's `_row_number` is NULL; the ledger marks such batch
// files, and what a process killed in between left is numbered when the workspace is opened
// again, or by the next ingest of the source (`numberPendingRows`).
import type { SqlConnection } from '../db/connection.js';
import { literal, qualified, sqlValue } from '../db/sql.js';

/** Numbers the rows of (`batchId`, `sourceFile`) in `table`; `lineOffset` maps rejected lines to records (null: no rejects). */
export async function numberFileRows(conn: SqlConnection, table: string, batchId: number, sourceFile: string, lineOffset: number | null): Promise<void> {
  const whereOf = (alias: string): string => `${alias}_batch_id = ${sqlValue(batchId)} AND ${alias}_source_file = ${literal(sourceFile)}`;
  const where = whereOf('');
  const first = await conn.one<{ r: bigint | number | null }>(`SELECT min(rowid) AS r FROM ${table} WHERE ${where}`);
  if (first?.r === null || first?.r === undefined) return;
  await conn.run(`UPDATE ${table} SET _row_number = (rowid - ${String(first.r)} + 1) WHERE ${where}`);
  if (lineOffset === null) return;
  // A reject's record number; rejects stored before `record` existed have it as line - offset.
  const rejectedLines = `SELECT DISTINCT j FROM (SELECT coalesce(record, line - ${sqlValue(lineOffset)}) AS j FROM _ingot.rejects
              WHERE batch_id = ${sqlValue(batchId)} AND file = ${literal(sourceFile)}) WHERE j IS NOT NULL`;
  const anyRejected = await conn.one<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM (${rejectedLines} LIMIT 1)`);
  if (!anyRejected || anyRejected.n === 0) return;
  // Loaded row k is data record k + m, where m counts rejected records j_i with j_i - i < k.
  const gaps = `(SELECT lo, lead(lo, 1, 9223372036854775807) OVER (ORDER BY m) AS hi, m FROM (
        SELECT j - row_number() OVER (ORDER BY j) AS lo, row_number() OVER (ORDER BY j) AS m
        FROM (${rejectedLines})))`;
  await conn.run(
    `UPDATE ${table} AS t SET _row_number = t._row_number + g.m FROM ${gaps} AS g WHERE ${whereOf('t.')} AND t._row_number > g.lo AND t._row_number <= g.hi`,
  );
}

/** Numbers every batch file (of `source`, or of all sources) that committed without row numbers, each in its own transaction. */
export async function numberPendingRows(conn: SqlConnection, source?: string): Promise<void> {
  const pending = await conn.all<{ batchId: number; source: string; path: string; lineOffset: number | null }>(
    `SELECT f.batch_id AS "batchId", f.source, f.path, f.line_offset AS "lineOffset"
     FROM _ingot.batch_files f JOIN _ingot.batches b USING (batch_id)
     WHERE NOT f.rows_numbered AND b.status = 'loaded' ${source === undefined ? '' : 'AND f.source = ?'}
       AND EXISTS (SELECT 1 FROM duckdb_tables() t WHERE t.database_name = current_database() AND t.schema_name = 'bronze' AND t.table_name = f.source)
     ORDER BY f.batch_id, f.path`,
    source === undefined ? [] : [source],
  );
  for (const p of pending) {
    await conn.transaction(async (tx) => {
      await numberFileRows(tx, qualified('bronze', p.source), Number(p.batchId), p.path, p.lineOffset === null ? null : Number(p.lineOffset));
      await tx.run(`UPDATE _ingot.batch_files SET rows_numbered = true WHERE batch_id = ? AND path = ?`, [p.batchId, p.path]);
    });
  }
}
