// Runs a user's SQL (the SQL editor, `ingot sql`) and returns the rows as Arrow. Read-only by
// default: the statement is checked by type and then runs inside a READ ONLY transaction, so
// even a write hidden in it (EXPLAIN ANALYZE INSERT …) fails instead of changing data.
import { IngotError } from '../../shared/errors.js';
import type { ArrowResult, RunOptions, SqlConnection } from '../db/connection.js';
import { literal } from '../db/sql.js';
import { readOnly } from './read-only.js';
import { relocate } from './relocate-error.js';
import { checkStatements } from './statements.js';

export interface QueryOptions {
  /** Return at most this many rows (DuckDB stops early where it can). */
  limit?: number;
  /** Skip this many rows first. */
  offset?: number;
  signal?: AbortSignal;
  onProgress?: RunOptions['onProgress'];
  /** Allow several statements and statements that change data (DDL/DML). */
  allowWrite?: boolean;
}

export interface QueryResult extends ArrowResult {
  /** DuckDB's type of the (last) statement: SELECT, EXPLAIN, INSERT, … */
  statementType: string;
}

/**
 * Runs `sql` and returns its result as Arrow IPC. Read-only runs open their own transaction, so give
 * it a connection that is not inside `transaction()` and not shared with concurrent work.
 */
export async function runQuery(conn: SqlConnection, sql: string, options: QueryOptions = {}): Promise<QueryResult> {
  checkWindow(options.limit, options.offset);
  const allowWrite = options.allowWrite === true;
  const types = await checkStatements(conn, sql, allowWrite);
  const statementType = types.at(-1) as string;
  const runOptions: RunOptions = {
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  };
  const paged = types.length === 1 && statementType === 'SELECT' && (options.limit !== undefined || (options.offset ?? 0) > 0);
  const execute = async (): Promise<ArrowResult> => {
    if (!paged) return conn.arrow(sql, undefined, runOptions);
    const wrapped = pagedSql(sql, options.limit, options.offset ?? 0);
    try {
      return await conn.arrow(wrapped, undefined, runOptions);
    } catch (err) {
      // PRAGMA-style queries cannot be wrapped; their results are small, so run them as written.
      if (err instanceof IngotError && /Expected a single SELECT statement/.test(err.message)) return conn.arrow(sql, undefined, runOptions);
      throw relocate(err, wrapped, sql);
    }
  };
  if (allowWrite) return { ...(await execute()), statementType };
  return { ...(await readOnly(conn, sql, execute)), statementType };
}

/** How many rows `sql` (one read-only query) returns, counted by DuckDB. */
export async function countQueryRows(conn: SqlConnection, sql: string, options: { signal?: AbortSignal } = {}): Promise<number> {
  await checkStatements(conn, sql, false);
  const counting = `SELECT count(*) AS n FROM query(${literal(sql)})`;
  return readOnly(conn, sql, async () => {
    const row = await conn.one<{ n: number | bigint }>(counting, undefined, options.signal ? { signal: options.signal } : {}).catch((err: unknown) => {
      throw relocate(err, counting, sql);
    });
    return Number(row?.n ?? 0);
  });
}

/** `sql` as a subquery with LIMIT/OFFSET; query() takes the text as is, trailing `;` and comments included. */
export function pagedSql(sql: string, limit: number | undefined, offset: number): string {
  const parts = [`SELECT * FROM query(${literal(sql)})`];
  if (limit !== undefined) parts.push(`LIMIT ${limit}`);
  if (offset > 0) parts.push(`OFFSET ${offset}`);
  return parts.join(' ');
}

function checkWindow(limit: number | undefined, offset: number | undefined): void {
  for (const [name, value] of [['limit', limit], ['offset', offset]] as const) {
    if (value !== undefined && (!Number.isSafeInteger(value) || value < 0)) {
      throw new IngotError('INVALID_INPUT', `The ${name} must be a whole number of rows, 0 or more (got ${value}).`, {
        hint: `Pass a ${name} such as 100.`,
        detail: { field: name },
      });
    }
  }
}
