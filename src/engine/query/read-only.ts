// Runs work inside a READ ONLY transaction that is always rolled back, so a user's query can
// read everything and change nothing, whatever it contains.
import { IngotError } from '../../shared/errors.js';
import type { SqlConnection } from '../db/connection.js';

/** Runs `work` (which runs `sql`) in a READ ONLY transaction on `conn`; a write fails with INVALID_INPUT. */
export async function readOnly<T>(conn: SqlConnection, sql: string, work: () => Promise<T>): Promise<T> {
  await conn.run('BEGIN TRANSACTION READ ONLY');
  try {
    return await work();
  } catch (err) {
    if (err instanceof IngotError && /read-only mode/.test(err.message)) {
      throw new IngotError('INVALID_INPUT', 'This query tries to change data; queries here are read-only.', {
        hint: 'Refine data with SQL models (models/<layer>/*.sql), or run it with `ingot sql --write`.',
        detail: { sql },
        cause: err,
      });
    }
    throw err;
  } finally {
    try {
      await conn.run('ROLLBACK');
    } catch {
      // DuckDB ended the transaction itself (e.g. after an interrupt); nothing is left to undo.
    }
  }
}
