// Moves the rows DuckDB could not parse during one scan from its temporary reject tables into
// _ingot.rejects (batch, source, file, line, column, raw line, error, record), and counts the
// rejected records (a record with several bad fields is one rejected row). DuckDB's line is a
// record count; where the file allows it exactly, the line stored is the file line the record
// starts on, and the raw line is the record's text in the file as its encoding reads it (DuckDB's
// copy drops bytes it cannot decode, with the delimiter after them, and may start with the
// newline of a \r\n). Also says when rejects point at a wrong encoding.
import type { SqlConnection } from '../db/connection.js';
import { ident, literal, sqlValue } from '../db/sql.js';
import type { RecordLocator, RejectScan } from './land-context.js';

/** Rejected records among reject rows (one per bad field): distinct lines, and every row without a line. */
export const REJECTED_RECORDS = '(count(DISTINCT line) + count(*) FILTER (WHERE line IS NULL))';

/** Copies and drops the scan's reject tables; returns the number of distinct rejected records. */
export async function collectRejects(conn: SqlConnection, scan: RejectScan, where: { batchId: number; source: string; file: string }): Promise<number> {
  const exists = await conn.one<{ n: number }>(
    `SELECT count(*)::INTEGER AS n FROM duckdb_tables() WHERE temporary AND table_name = ?`,
    [scan.errors],
  );
  if (!exists || exists.n === 0) return 0;
  const errors = ident(scan.errors);
  const counted = await conn.one<{ n: number }>(`SELECT ${REJECTED_RECORDS}::BIGINT AS n FROM ${errors}`);
  const rejected = Number(counted?.n ?? 0);
  // Nothing rejected (the usual load): nothing to locate or copy.
  const located = scan.locate && rejected > 0 ? await locateRejects(conn, scan, scan.locate) : undefined;
  const [line, rawLine, join] = located
    ? [
        'coalesce(l.line, e.line)',
        'coalesce(l.raw, e.csv_line)',
        `LEFT JOIN ${ident(located)} AS l ON l.position = e.line_byte_position`,
      ]
    : ['e.line', 'e.csv_line', ''];
  await conn.run(
    `INSERT INTO _ingot.rejects (batch_id, source, file, line, byte_position, column_name, error_type, raw_line, error, record)
     SELECT ${sqlValue(where.batchId)}, ${literal(where.source)}, ${literal(where.file)}, ${line}, e.byte_position, e.column_name, e.error_type::VARCHAR, ${rawLine}, e.error_message, e.line - ${sqlValue(scan.lineOffset)}
     FROM ${errors} AS e ${join} ORDER BY e.line, e.column_idx`,
  );
  if (located) await conn.run(`DROP TABLE IF EXISTS ${ident(located)}`);
  await conn.run(`DROP TABLE IF EXISTS ${errors}; DROP TABLE IF EXISTS ${ident(scan.scans)}`);
  return rejected;
}

/** Puts where the scan's rejected records are in the file into a temporary table; returns its name (none found: undefined). */
async function locateRejects(conn: SqlConnection, scan: RejectScan, locate: RecordLocator): Promise<string | undefined> {
  const starts = await conn.all<{ p: number }>(`SELECT DISTINCT line_byte_position::BIGINT AS p FROM ${ident(scan.errors)} WHERE line_byte_position IS NOT NULL`);
  if (starts.length === 0) return undefined;
  const found = [...(await locate(starts.map((r) => Number(r.p)))).entries()];
  if (found.length === 0) return undefined;
  const table = `${scan.errors}_located`;
  await conn.run(`CREATE TEMP TABLE ${ident(table)} (position BIGINT, line BIGINT, raw VARCHAR)`);
  await insertRows(
    conn,
    table,
    [
      ['position', 'BIGINT'],
      ['line', 'BIGINT'],
      ['raw', 'VARCHAR'],
    ],
    found.map(([position, r]) => [position, r.line, r.raw]),
  );
  return table;
}

/**
 * Inserts many rows into a table as one JSON text per 50,000 rows, which DuckDB unpacks: binding
 * hundreds of thousands of parameters, or parsing as many literal VALUES, is many times slower.
 */
export async function insertRows(conn: SqlConnection, table: string, columns: readonly (readonly [name: string, type: string])[], rows: readonly (readonly unknown[])[]): Promise<void> {
  const structure = JSON.stringify([Object.fromEntries(columns)]);
  const names = columns.map(([name]) => ident(name)).join(', ');
  const fields = columns.map(([name]) => `r.${ident(name)}`).join(', ');
  for (let i = 0; i < rows.length; i += 50_000) {
    const json = JSON.stringify(rows.slice(i, i + 50_000).map((r) => Object.fromEntries(columns.map(([name], k) => [name, r[k] ?? null]))));
    await conn.run(`INSERT INTO ${ident(table)} (${names}) SELECT ${fields} FROM (SELECT unnest(from_json(?::VARCHAR, ${literal(structure)})) AS r)`, [json]);
  }
}

/** Warnings, one per file, when rows of the batch were rejected as invalid UTF-8: the file probably has another encoding. */
export async function encodingWarnings(conn: SqlConnection, batchId: number): Promise<string[]> {
  const rows = await conn.all<{ source: string; file: string; n: number; line: number | null }>(
    `SELECT source, file, ${REJECTED_RECORDS}::BIGINT AS n, min(line) AS line FROM _ingot.rejects
     WHERE batch_id = ? AND error_type = 'INVALID ENCODING' GROUP BY source, file ORDER BY file`,
    [batchId],
  );
  return rows.map((r) => {
    const what = r.n === 1 ? '1 row is' : `${r.n.toLocaleString('en-US')} rows are`;
    const where = r.line !== null ? `${r.file}:${r.line}` : r.file;
    return `${where}: ${what} not valid UTF-8 and went to the rejects; if the file is Latin-1 (or UTF-16), set \`encoding:\` in the source and load it again replacing this data (Replace on the Ingest screen, or \`ingot ingest ${r.source} --replace\`).`;
  });
}
