// The names of DuckDB's aggregate functions, asked once per process: the parser does not mark a
// call as an aggregate, and key-pushdown.ts must know whether a SELECT aggregates.
import type { SqlConnection } from '../db/connection.js';

let names: Promise<ReadonlySet<string>> | undefined;

export async function aggregateFunctions(conn: SqlConnection): Promise<ReadonlySet<string>> {
  names ??= conn
    .all<{ name: string }>("SELECT DISTINCT lower(function_name) AS name FROM duckdb_functions() WHERE function_type = 'aggregate'")
    .then((rows) => new Set([...rows.map((r) => r.name), 'count_star']));
  try {
    return await names;
  } catch (err) {
    names = undefined;
    throw err;
  }
}
