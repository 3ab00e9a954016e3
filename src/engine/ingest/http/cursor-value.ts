// The incremental cursor after a load: the newest value of the cursor field over the rows this
// batch keeps, or the previous cursor if that is newer. Stored as the text the API is sent next
// time: numbers as digits, timestamps as ISO 8601 in UTC (2024-03-01T10:00:00Z), dates as
// 2024-03-01, anything else as DuckDB prints it.
import type { ColumnInfo, SqlConnection } from '../../db/connection.js';
import { ident, sqlValue } from '../../db/sql.js';

function asText(type: string): (v: string) => string {
  const t = type.toUpperCase();
  if (t === 'TIMESTAMP WITH TIME ZONE' || t === 'TIMESTAMPTZ') return (v) => `strftime(timezone('UTC', ${v}), '%Y-%m-%dT%H:%M:%S.%fZ')`;
  if (t.startsWith('TIMESTAMP')) return (v) => `strftime(CAST(${v} AS TIMESTAMP), '%Y-%m-%dT%H:%M:%S.%fZ')`;
  if (t === 'DATE') return (v) => `strftime(${v}, '%Y-%m-%d')`;
  return (v) => `CAST(${v} AS VARCHAR)`;
}

/** Drops zero fractions: 10:00:00.000000Z → 10:00:00Z, 10:00:00.120000Z → 10:00:00.12Z. */
function tidy(text: string): string {
  return text.replace(/\.(\d*?)0+Z$/, (_m, digits: string) => (digits ? `.${digits}Z` : 'Z'));
}

export async function nextCursor(conn: SqlConnection, table: string, batchId: number, column: ColumnInfo, previous: string | null): Promise<string | null> {
  const col = ident(column.name);
  const prev = previous === null ? '' : ` UNION ALL SELECT TRY_CAST(? AS ${column.type})`;
  const row = await conn.one<{ c: string | null }>(
    `SELECT ${asText(column.type)('max(v)')} AS c FROM (SELECT max(${col}) AS v FROM ${table} WHERE _batch_id = ${sqlValue(batchId)}${prev})`,
    previous === null ? [] : [previous],
  );
  const value = row?.c ?? null;
  return value === null ? previous : tidy(value);
}
