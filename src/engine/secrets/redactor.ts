// Keeps secret values out of everything Ingot says or stores: messages, hints, error details,
// warnings, URLs in the ledger. Every value resolved for a request is registered here, with the
// forms it travels in (URL-encoded, and base64 inside a Basic header).
import { IngotError, type ErrorLocation } from '../../shared/errors.js';

export const REDACTED = '***';

export interface Redactor {
  /** Registers a secret value (and its encoded forms) to be masked from now on. */
  add(value: string): void;
  /** `text` with every registered value replaced by ***. */
  text(text: string): string;
  /** An error with its message, hint and detail masked (IngotErrors keep their code). */
  error(err: unknown): unknown;
}

/** Values shorter than this are not masked: they would mangle ordinary text and protect nothing. */
const MIN_LENGTH = 4;

export function createRedactor(): Redactor {
  const values = new Set<string>();
  const add = (value: string): void => {
    for (const form of [value, encodeURIComponent(value), new URLSearchParams({ v: value }).toString().slice(2)]) {
      if (form.length >= MIN_LENGTH) values.add(form);
    }
  };
  const text = (input: string): string => {
    let out = input;
    // Longest first, so a value that contains another is masked whole.
    for (const v of [...values].sort((a, b) => b.length - a.length)) out = out.split(v).join(REDACTED);
    return out;
  };
  const detail = (d: ErrorLocation | undefined): ErrorLocation | undefined =>
    d && (JSON.parse(text(JSON.stringify(d))) as ErrorLocation);
  return {
    add,
    text,
    error(err) {
      if (values.size === 0) return err;
      if (err instanceof IngotError) {
        const hint = err.hint === undefined ? undefined : text(err.hint);
        const masked = detail(err.detail);
        return new IngotError(err.code, text(err.message), { ...(hint !== undefined ? { hint } : {}), ...(masked ? { detail: masked } : {}) });
      }
      if (err instanceof Error) return new Error(text(err.message));
      return new Error(text(String(err)));
    },
  };
}

/** Adds the Basic-auth form of `user:password` (base64) to `redactor`. */
export function addBasicCredentials(redactor: Redactor, user: string, password: string): void {
  redactor.add(Buffer.from(`${user}:${password}`).toString('base64'));
}
