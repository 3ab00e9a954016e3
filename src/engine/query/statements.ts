// Guards a user's SQL before it runs: DuckDB's parser says how many statements there are and
// what each does, and anything but a single read-only query is refused unless writing is allowed.
import { IngotError } from '../../shared/errors.js';
import type { SqlConnection } from '../db/connection.js';
import { WRITE_ACCESS } from './read-only.js';
import { calledFunction, isReadOnlyFunction, leadingKeyword, statementName, writesWhenUnbound } from './statement-kind.js';

/** Statement types that only read: queries (incl. DESCRIBE, SHOW, SUMMARIZE, FROM-first, read-only PRAGMAs) and EXPLAIN. */
const READ_ONLY_TYPES = new Set(['SELECT', 'EXPLAIN']);

/** Whether a statement of DuckDB type `type` only reads. */
export function isReadOnlyType(type: string): boolean {
  return READ_ONLY_TYPES.has(type);
}

/**
 * The DuckDB types of the statements in `sql`. Without `allowWrite`, fails unless `sql` is exactly
 * one read-only statement; empty SQL always fails. A statement that writes is refused as such
 * even when it would not bind (a wrong column count), so the user does not fix it in vain.
 */
export async function checkStatements(conn: SqlConnection, sql: string, allowWrite: boolean): Promise<string[]> {
  let types: string[];
  try {
    types = await parse(conn, sql);
  } catch (err) {
    if (!allowWrite) await refuseUnbound(conn, sql, err);
    throw err;
  }
  if (types.length === 0) {
    throw new IngotError('INVALID_INPUT', 'There is no SQL statement to run.', { hint: 'Write a query, e.g. SELECT * FROM bronze.orders LIMIT 10.', detail: { sql } });
  }
  if (allowWrite) return types;
  // DuckDB turns a PIVOT without an IN list into two statements: CREATE TYPE __pivot_enum…, then the query.
  if (types.length > 1 && types[0] === 'CREATE' && leadingKeyword(sql)?.word === 'PIVOT') throw pivotNeedsValues(sql);
  if (types.length > 1) throw severalStatements(sql, types.length);
  const type = types[0] as string;
  if (isReadOnlyType(type)) return types;
  const called = await calledFunction(conn, sql);
  if (type === 'CALL' && isReadOnlyFunction(called)) return types;
  throw writes(sql, type, called);
}

/** Refuses `sql`, which failed to bind with `err`, when it is several statements or one that writes. */
async function refuseUnbound(conn: SqlConnection, sql: string, err: unknown): Promise<void> {
  if (!(err instanceof IngotError) || err.code !== 'SQL_ERROR') return;
  const count = await conn.statementCount(sql).catch(() => 0);
  if (count > 1) throw severalStatements(sql, count);
  if (count === 1 && (await writesWhenUnbound(conn, sql))) throw writes(sql, undefined, await calledFunction(conn, sql), err);
}

function severalStatements(sql: string, count: number): IngotError {
  return new IngotError('INVALID_INPUT', `The SQL holds ${count} statements; a query runs one statement at a time.`, {
    hint: 'Run the statements one by one. A script that changes data needs write access (`ingot sql --write`).',
    detail: { sql },
  });
}

/** The refusal of `sql`, one statement of DuckDB type `type` that may write; `called` is the function a CALL runs. */
function writes(sql: string, type: string | undefined, called: string | undefined, cause?: unknown): IngotError {
  const options = { detail: { sql }, ...(cause !== undefined ? { cause } : {}) };
  if (leadingKeyword(sql)?.word === 'CALL') {
    const what = called === undefined ? 'This CALL' : `CALL ${called}(…)`;
    return new IngotError('INVALID_INPUT', `${what} runs a function that may change the workspace or the session; queries here are read-only.`, {
      hint: `To read a table function's rows, write SELECT * FROM ${called ?? 'function'}(…). ${WRITE_ACCESS}`,
      ...options,
    });
  }
  const name = statementName(sql, type);
  return new IngotError('INVALID_INPUT', `${name.charAt(0).toUpperCase()}${name.slice(1)} changes the workspace or the session; queries here are read-only.`, {
    hint: `Refine data with SQL models (models/<layer>/*.sql) so every change is rebuilt and checked. ${WRITE_ACCESS}`,
    ...options,
  });
}

async function parse(conn: SqlConnection, sql: string): Promise<string[]> {
  try {
    return await conn.statementTypes(sql);
  } catch (err) {
    // A PIVOT without an IN list creates a temporary ENUM type first, which binding alone cannot see.
    if (err instanceof IngotError && /__pivot_enum/.test(err.message)) throw pivotNeedsValues(sql, err);
    throw err;
  }
}

function pivotNeedsValues(sql: string, cause?: unknown): IngotError {
  return new IngotError('INVALID_INPUT', 'A PIVOT without an IN list has to create a temporary type, which a read-only query cannot do.', {
    hint: 'List the pivot values: PIVOT t ON col IN (\'a\', \'b\') USING sum(x).',
    detail: { sql },
    ...(cause !== undefined ? { cause } : {}),
  });
}
