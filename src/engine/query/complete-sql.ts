// Suggestions for the SQL editor from DuckDB's own autocomplete (the built-in extension's
// `sql_auto_complete`): keywords, schemas, tables, columns and functions that may follow the text
// before the cursor, each with where the word it completes begins.
import type { SqlConnection } from '../db/connection.js';

/** At most this many suggestions go back to the editor. */
export const MAX_SUGGESTIONS = 50;

export interface SqlCompletion {
  text: string;
  /** Offset in `before` where the completed word begins. */
  start: number;
}

/** What may follow `before` (the SQL up to the cursor). */
export async function completeSql(conn: SqlConnection, before: string): Promise<SqlCompletion[]> {
  const rows = await conn.all<{ suggestion: string; suggestion_start: number }>(
    `SELECT suggestion, suggestion_start FROM sql_auto_complete(?) LIMIT ${MAX_SUGGESTIONS}`,
    [before],
  );
  // DuckDB counts in bytes of UTF-8; the editor counts UTF-16 code units.
  const bytes = Buffer.from(before, 'utf8');
  return rows.map((r) => ({ text: r.suggestion.trimEnd(), start: bytes.subarray(0, Number(r.suggestion_start)).toString('utf8').length }));
}
