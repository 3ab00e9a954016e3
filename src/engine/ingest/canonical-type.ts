// Type names as DuckDB itself prints them, so the same type compares equal whichever way it was
// spelled: the driver's statement description quotes STRUCT/UNION field names (STRUCT("a" BIGINT))
// and spaces DECIMAL(10, 2), while the catalog prints STRUCT(a BIGINT) and DECIMAL(10,2).
import type { SqlConnection } from '../db/connection.js';
import { ident } from '../db/sql.js';

const printed = new WeakMap<SqlConnection, Map<string, string>>();

/** Each type in DuckDB's printed form (`typeof(CAST(NULL AS t))`), one query for the uncached ones. */
export async function canonicalTypes(conn: SqlConnection, types: readonly string[]): Promise<string[]> {
  let cache = printed.get(conn);
  if (!cache) printed.set(conn, (cache = new Map()));
  const missing = [...new Set(types.filter((t) => !cache.has(t)))];
  if (missing.length > 0) {
    const row = await conn.one<Record<string, string>>(`SELECT ${missing.map((t, i) => `typeof(CAST(NULL AS ${t})) AS ${ident(`t${i}`)}`).join(', ')}`);
    missing.forEach((t, i) => cache.set(t, row?.[`t${i}`] ?? t));
  }
  return types.map((t) => cache.get(t) ?? t);
}
