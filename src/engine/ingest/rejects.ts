// Moves the rows DuckDB could not parse during one scan from its temporary reject tables into
// _ingot.rejects (batch, source, file, line, column, raw line, error), and counts the rejected
// records (a record with several bad fields is one rejected row). Also says when rejects point at
// a wrong encoding.
import type { SqlConnection } from '../db/connection.js';
import { ident, literal, sqlValue } from '../db/sql.js';
import type { RejectScan } from './land-context.js';

/** Copies and drops the scan's reject tables; returns the number of distinct rejected records. */
export async function collectRejects(conn: SqlConnection, scan: RejectScan, where: { batchId: number; source: string; file: string }): Promise<number> {
  const exists = await conn.one<{ n: number }>(
    `SELECT count(*)::INTEGER AS n FROM duckdb_tables() WHERE temporary AND table_name = ?`,
    [scan.errors],
  );
  if (!exists || exists.n === 0) return 0;
  const errors = ident(scan.errors);
  await conn.run(
    `INSERT INTO _ingot.rejects (batch_id, source, file, line, byte_position, column_name, error_type, raw_line, error)
     SELECT ${sqlValue(where.batchId)}, ${literal(where.source)}, ${literal(where.file)}, line, byte_position, column_name, error_type::VARCHAR, csv_line, error_message
     FROM ${errors} ORDER BY line, column_idx`,
  );
  const counted = await conn.one<{ n: number }>(`SELECT (count(DISTINCT line) + count(*) FILTER (WHERE line IS NULL))::BIGINT AS n FROM ${errors}`);
  await conn.run(`DROP TABLE IF EXISTS ${errors}; DROP TABLE IF EXISTS ${ident(scan.scans)}`);
  return Number(counted?.n ?? 0);
}

/** Warnings, one per file, when rows of the batch were rejected as invalid UTF-8: the file probably has another encoding. */
export async function encodingWarnings(conn: SqlConnection, batchId: number): Promise<string[]> {
  const rows = await conn.all<{ source: string; file: string; n: number; line: number | null }>(
    // A row with several undecodable fields has one reject per field: count rows (lines).
    `SELECT source, file, (count(DISTINCT line) + count(*) FILTER (WHERE line IS NULL))::BIGINT AS n, min(line) AS line FROM _ingot.rejects
     WHERE batch_id = ? AND error_type = 'INVALID ENCODING' GROUP BY source, file ORDER BY file`,
    [batchId],
  );
  return rows.map((r) => {
    const what = r.n === 1 ? '1 row is' : `${r.n.toLocaleString('en-US')} rows are`;
    const where = r.line !== null ? `${r.file}:${r.line}` : r.file;
    return `${where}: ${what} not valid UTF-8 and went to the rejects; if the file is Latin-1 (or UTF-16), set \`encoding:\` in the source and load it again replacing this data (Replace on the Ingest screen, or \`ingot ingest ${r.source} --replace\`).`;
  });
}
