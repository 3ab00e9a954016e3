// Runs work inside a READ ONLY transaction that is always rolled back, so a user's query can
// read everything and change nothing, whatever it contains.
import { IngotError } from '../../shared/errors.js';
import type { SqlConnection } from '../db/connection.js';

/** How to change data by hand; the CLI cannot open the workspace while the app or `ingot serve` has it open. */
export const WRITE_ACCESS = 'To change data by hand, run it with `ingot sql --write` in a terminal while no other Ingot window or server has this workspace open.';

/** The refusal of `sql`, a query that tried to change data inside a READ ONLY transaction. */
export function triesToWrite(sql: string, cause: unknown): IngotError {
  return new IngotError('INVALID_INPUT', 'This query tries to change data; queries here are read-only.', {
    hint: `Refine data with SQL models (models/<layer>/*.sql). ${WRITE_ACCESS}`,
    detail: { sql },
    cause,
  });
}

/** Runs `work` (which runs `sql`) in a READ ONLY transaction on `conn`; a write fails with INVALID_INPUT. */
export async function readOnly<T>(conn: SqlConnection, sql: string, work: () => Promise<T>): Promise<T> {
  await conn.run('BEGIN TRANSACTION READ ONLY');
  try {
    return await work();
  } catch (err) {
    if (err instanceof IngotError && /read-only mode/.test(err.message)) throw triesToWrite(sql, err);
    throw err;
  } finally {
    try {
      await conn.run('ROLLBACK');
    } catch {
      // DuckDB ended the transaction itself (e.g. after an interrupt); nothing is left to undo.
    }
  }
}
