// Turns whatever a failed engine call threw into the `{code, message, hint, detail}` a user sees;
// hints that name CLI commands are put as steps in the app.
import { hintForTheApp } from '../format/app-hint.js';
import { ERROR_CODES, IngotError, toErrorData, type ErrorCode, type ErrorData } from '../../shared/errors.js';

const KNOWN_CODES: ReadonlySet<string> = new Set(ERROR_CODES);

function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && KNOWN_CODES.has(value);
}

/** The wire form of `err`: IngotErrors and error-shaped objects keep their code, message and hint. */
export function errorDataOf(err: unknown): ErrorData {
  const data = wireDataOf(err);
  return data.hint === undefined ? data : { ...data, hint: hintForTheApp(data.hint) };
}

function wireDataOf(err: unknown): ErrorData {
  if (err instanceof IngotError) return err.toData();
  if (typeof err === 'object' && err !== null) {
    const { code, message, hint, detail } = err as { code?: unknown; message?: unknown; hint?: unknown; detail?: unknown };
    if (isErrorCode(code) && typeof message === 'string') {
      const data: ErrorData = { code, message };
      if (typeof hint === 'string') data.hint = hint;
      if (typeof detail === 'object' && detail !== null) data.detail = detail as ErrorData['detail'];
      return data;
    }
  }
  return toErrorData(err);
}

/** True when a call failed only because the connection to the engine went away mid-call. */
export function isDisconnect(err: unknown): boolean {
  const detail = errorDataOf(err).detail;
  return detail?.reason === 'disconnected';
}
