// Errors as data: every failure that reaches a user carries a code, a message, a hint saying
// what to do, and a detail object saying where (file, line, column, URL, SQL position).

/** Stable error codes; clients switch on these, never on message text. */
export const ERROR_CODES = [
  'INVALID_INPUT',
  'NOT_FOUND',
  'WORKSPACE_INVALID',
  'WORKSPACE_LOCKED',
  'SQL_ERROR',
  'INGEST_FAILED',
  'MODEL_INVALID',
  'RUN_FAILED',
  'QUALITY_FAILED',
  'HTTP_ERROR',
  'CANCELLED',
  'UNAUTHORIZED',
  'VERSION_MISMATCH',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** Where an error happened. Every field is optional; set the ones that apply. */
export interface ErrorLocation {
  file?: string;
  line?: number;
  column?: number;
  field?: string;
  url?: string;
  /** Zero-based character offset into `sql`. */
  sqlPosition?: number;
  sql?: string;
  [key: string]: unknown;
}

/** The wire form of an error. */
export interface ErrorData {
  code: ErrorCode;
  message: string;
  hint?: string;
  detail?: ErrorLocation;
}

/** An error a user can act on. Thrown by the engine, carried as `ErrorData` over RPC. */
export class IngotError extends Error {
  readonly code: ErrorCode;
  readonly hint: string | undefined;
  readonly detail: ErrorLocation | undefined;

  constructor(code: ErrorCode, message: string, options: { hint?: string; detail?: ErrorLocation; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'IngotError';
    this.code = code;
    this.hint = options.hint;
    this.detail = options.detail;
  }

  toData(): ErrorData {
    const data: ErrorData = { code: this.code, message: this.message };
    if (this.hint !== undefined) data.hint = this.hint;
    if (this.detail !== undefined) data.detail = this.detail;
    return data;
  }

  static fromData(data: ErrorData): IngotError {
    return new IngotError(data.code, data.message, {
      ...(data.hint !== undefined ? { hint: data.hint } : {}),
      ...(data.detail !== undefined ? { detail: data.detail } : {}),
    });
  }
}

/** Turns anything thrown into ErrorData, without leaking stack traces. */
export function toErrorData(err: unknown): ErrorData {
  if (err instanceof IngotError) return err.toData();
  const message = err instanceof Error ? err.message : String(err);
  return { code: 'INTERNAL', message, hint: 'This is a bug in Ingot; the message above says what went wrong.' };
}

/** A one-line human rendering: message, where, and what to do. */
export function formatError(data: ErrorData): string {
  const d = data.detail;
  // Each part of the location is added unless the message already says it.
  const said = (text: string): boolean => data.message.includes(text);
  const where: string[] = [];
  if (d?.file) {
    const at = d.line ? `${d.file}:${d.line}` : d.file;
    if (!said(at)) where.push(d.line && d.column ? `${at}:${d.column}` : at);
  }
  if (d?.field && !said(d.field)) where.push(`field ${d.field}`);
  if (d?.url && !said(d.url)) where.push(d.url);
  const head = where.length > 0 ? `${data.message} (${where.join(', ')})` : data.message;
  return data.hint ? `${head}\n  hint: ${data.hint}` : head;
}
