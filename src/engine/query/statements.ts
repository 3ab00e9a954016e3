// Guards a user's SQL before it runs: DuckDB's parser says how many statements there are and
// what each does, and anything but a single read-only query is refused unless writing is allowed.
import { IngotError } from '../../shared/errors.js';
import type { SqlConnection } from '../db/connection.js';

/** Statement types that only read: queries (incl. DESCRIBE, SHOW, SUMMARIZE, FROM-first) and EXPLAIN. */
const READ_ONLY_TYPES = new Set(['SELECT', 'EXPLAIN']);

/** Whether a statement of DuckDB type `type` only reads. */
export function isReadOnlyType(type: string): boolean {
  return READ_ONLY_TYPES.has(type);
}

/**
 * The DuckDB types of the statements in `sql`. Without `allowWrite`, fails unless `sql` is exactly
 * one read-only statement; empty SQL always fails.
 */
export async function checkStatements(conn: SqlConnection, sql: string, allowWrite: boolean): Promise<string[]> {
  const types = await parse(conn, sql);
  if (types.length === 0) {
    throw new IngotError('INVALID_INPUT', 'There is no SQL statement to run.', { hint: 'Write a query, e.g. SELECT * FROM bronze.orders LIMIT 10.', detail: { sql } });
  }
  if (allowWrite) return types;
  if (types.length > 1) {
    throw new IngotError('INVALID_INPUT', `The SQL holds ${types.length} statements; a query runs one statement at a time.`, {
      hint: 'Run the statements one by one. A script that changes data needs write access (`ingot sql --write`).',
      detail: { sql },
    });
  }
  const type = types[0] as string;
  if (!isReadOnlyType(type)) {
    throw new IngotError('INVALID_INPUT', `${/^[AEIOU]/i.test(type) ? 'An' : 'A'} ${type} statement changes the workspace or the session; queries here are read-only.`, {
      hint: 'Refine data with SQL models (models/<layer>/*.sql) so every change is rebuilt and checked, or run it with `ingot sql --write`.',
      detail: { sql },
    });
  }
  return types;
}

async function parse(conn: SqlConnection, sql: string): Promise<string[]> {
  try {
    return await conn.statementTypes(sql);
  } catch (err) {
    // A PIVOT without an IN list creates a temporary ENUM type first, which binding alone cannot see.
    if (err instanceof IngotError && /__pivot_enum/.test(err.message)) {
      throw new IngotError('INVALID_INPUT', 'A PIVOT without an IN list has to create a temporary type, which a read-only query cannot do.', {
        hint: 'List the pivot values: PIVOT t ON col IN (\'a\', \'b\') USING sum(x).',
        detail: { sql },
        cause: err,
      });
    }
    throw err;
  }
}
