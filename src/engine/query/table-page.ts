// Pages a table into a grid: a window of rows (optionally sorted) as Arrow, and the row count
// that sizes the scrollbar. Names are quoted; the window is bound, never spliced into the SQL.
import { IngotError } from '../../shared/errors.js';
import type { ArrowResult, SqlConnection } from '../db/connection.js';
import { ident, qualified } from '../db/sql.js';

export interface SortKey {
  column: string;
  descending?: boolean;
}

/** Rows `offset .. offset+limit` of `schema.table`, in `orderBy` order (else the table's own order). */
export async function tablePage(
  conn: SqlConnection,
  schema: string,
  table: string,
  offset: number,
  limit: number,
  orderBy: readonly SortKey[] = [],
  options: { signal?: AbortSignal; /** Select list instead of `*`. */ columns?: string } = {},
): Promise<ArrowResult> {
  for (const [name, value] of [['offset', offset], ['limit', limit]] as const) {
    if (!Number.isSafeInteger(value) || value < 0) {
      throw new IngotError('INVALID_INPUT', `The page ${name} must be a whole number of rows, 0 or more (got ${value}).`, { detail: { field: name } });
    }
  }
  const order = orderBy.length > 0 ? ` ORDER BY ${orderBy.map((k) => `${ident(k.column)} ${k.descending ? 'DESC' : 'ASC'} NULLS LAST`).join(', ')}` : '';
  const sql = `SELECT ${options.columns ?? '*'} FROM ${qualified(schema, table)}${order} LIMIT ? OFFSET ?`;
  return withTable(schema, table, () => conn.arrow(sql, [limit, offset], options.signal ? { signal: options.signal } : {}));
}

/** Number of rows in `schema.table`. */
export async function tableRowCount(conn: SqlConnection, schema: string, table: string): Promise<number> {
  return withTable(schema, table, async () => {
    const row = await conn.one<{ n: number | bigint }>(`SELECT count(*) AS n FROM ${qualified(schema, table)}`);
    return Number(row?.n ?? 0);
  });
}

/** Turns DuckDB's "table does not exist" into NOT_FOUND naming the table. */
async function withTable<T>(schema: string, table: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof IngotError && /Catalog Error: Table with name/i.test(err.message)) {
      throw new IngotError('NOT_FOUND', `There is no table ${schema}.${table} in this workspace.`, {
        hint: 'Check the layer and name; `ingot tables` lists what exists.',
        detail: { field: 'table' },
        cause: err,
      });
    }
    throw err;
  }
}
