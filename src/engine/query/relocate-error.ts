// Errors from a wrapped query (paging, counting, exporting run the user's SQL inside query(…))
// are moved back onto the SQL the user wrote, so line and column point into their own text.
import { IngotError } from '../../shared/errors.js';
import { lineColumn } from '../db/errors.js';

/**
 * An error raised while running `wrapped` (the user's `sql` inside query(…)) points into the text
 * query() parsed, which is the user's SQL: report it against that SQL, not the wrapper.
 */
export function relocate(err: unknown, wrapped: string, sql: string): unknown {
  if (!(err instanceof IngotError) || err.detail?.sql !== wrapped) return err;
  const detail = { ...err.detail, sql };
  let message = err.message;
  if (typeof detail.sqlPosition === 'number' && detail.sqlPosition <= sql.length) {
    const { line, column } = lineColumn(sql, detail.sqlPosition);
    message = `${message.replace(/ \(line \d+, column \d+\)$/, '')} (line ${line}, column ${column})`;
    Object.assign(detail, { line, column });
  }
  return new IngotError(err.code, message, { ...(err.hint !== undefined ? { hint: err.hint } : {}), detail, cause: err });
}
