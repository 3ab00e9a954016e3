// Checks that user-written SQL in a check (an expression, an assert query, a release filter) is
// exactly one SELECT, using DuckDB's own parser, so a `;` cannot smuggle in a second statement.
import type { SqlConnection } from '../db/connection.js';

interface Serialized {
  error?: boolean;
  error_message?: string;
  statements?: unknown[];
}

/** Undefined when `sql` parses as exactly one SELECT; otherwise the reason it does not. */
export async function singleSelectProblem(conn: SqlConnection, sql: string): Promise<string | undefined> {
  const row = await conn.one<{ j: string }>('SELECT json_serialize_sql(?::VARCHAR)::VARCHAR AS j', [sql]);
  const parsed = JSON.parse(row?.j ?? '{}') as Serialized;
  if (parsed.error) {
    const message = parsed.error_message ?? 'it does not parse';
    return /only SELECT statements/i.test(message) ? 'it contains a statement other than SELECT' : message;
  }
  const n = parsed.statements?.length ?? 0;
  if (n !== 1) return n === 0 ? 'it is empty' : `it holds ${n} statements; write one`;
  return undefined;
}
