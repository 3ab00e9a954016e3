// The quote character a CSV load pins, and the error for a quote that never closes. DuckDB's
// sniffer reports "no quoting" when its sample (the first 20,480 rows) holds no quote at all;
// pinning that would split a quoted value further down the file into rejected pieces, so such
// files are read with `"`. When the sample does hold quotes that do not enclose whole values, the
// sniffer's choice stands and the user is told, with the line, that those quotes stay text —
// unless other values of the sample are properly quoted: then the file quotes its values, and one
// quote that never closes is an error at its line, not a reason to read every line unquoted.
import { IngotError } from '../../../shared/errors.js';
import type { CsvDialect } from '../types.js';
import type { FileFormatOptions } from './file-options.js';
import { findUnterminatedQuote } from './locate-line.js';

const DOUBLE_QUOTE = 0x22;
/** Rows DuckDB's sniffer reads (its default sample_size). */
const SNIFF_SAMPLE_ROWS = 20_480;
/** How much of the file's start is searched for the sample's quotes. */
export const QUOTE_SAMPLE_BYTES = 8 << 20;

/** 1-based line of byte `at` in `bytes`. */
function lineAt(bytes: Buffer, at: number): number {
  let line = 1;
  for (let nl = bytes.indexOf(10); nl !== -1 && nl < at; nl = bytes.indexOf(10, nl + 1)) line++;
  return line;
}

/**
 * The dialect to load with: the sniffed one, except that "no quoting" becomes `"` (escaped by
 * doubling) when the user set no quote and no quote character sits in the sniffer's sample
 * (searched in `readStart()`, the first QUOTE_SAMPLE_BYTES of the file).
 */
export async function settleQuote(
  dialect: CsvDialect,
  options: FileFormatOptions,
  displayName: string,
  readStart: () => Promise<Buffer>,
  findOpenQuote: () => Promise<number | undefined>,
): Promise<{ dialect: CsvDialect; warning?: string }> {
  if (options.quote !== undefined || dialect.quote !== '' || dialect.encoding === 'utf-16') return { dialect };
  const start = await readStart();
  const at = start.indexOf(DOUBLE_QUOTE);
  const line = at === -1 ? undefined : lineAt(start, at);
  const sampled = SNIFF_SAMPLE_ROWS + dialect.skipRows + (dialect.header ? 1 : 0);
  if (line === undefined || line > sampled) return { dialect: { ...dialect, quote: '"', escape: options.escape ?? '"' } };
  if (hasQuotedValue(start, dialect.delimiter.charCodeAt(dialect.delimiter.length - 1))) {
    const open = await findOpenQuote();
    if (open !== undefined) throw openQuoteError(displayName, open, '"');
  }
  return {
    dialect,
    warning: `${displayName}:${line}: quote characters (") here do not enclose whole values, so the file is read without quoting and they stay part of the values; fix the quotes, or set \`quote: ""\` in the source to confirm.`,
  };
}

/** Whether some value in `bytes` is enclosed in quotes: `"…"` from a field's start to its end. */
function hasQuotedValue(bytes: Buffer, delimiter: number): boolean {
  const ends = (b: number | undefined): boolean => b === undefined || b === delimiter || b === 10 || b === 13;
  for (let at = bytes.indexOf(DOUBLE_QUOTE); at !== -1; at = bytes.indexOf(DOUBLE_QUOTE, at + 1)) {
    if (at > 0 && !ends(bytes[at - 1])) continue;
    let close = bytes.indexOf(DOUBLE_QUOTE, at + 1);
    while (close !== -1 && bytes[close + 1] === DOUBLE_QUOTE) close = bytes.indexOf(DOUBLE_QUOTE, close + 2);
    if (close === -1) return false;
    if (ends(bytes[close + 1])) return true;
    at = close;
  }
  return false;
}

/** The error for a quoted value that opens on `line` and is never closed. */
export function openQuoteError(displayName: string, line: number | undefined, quote: string, cause?: unknown): IngotError {
  const where = line !== undefined ? `${displayName}:${line}: a quoted value opens here` : `${displayName}: a quoted value opens`;
  return new IngotError('INGEST_FAILED', `${where} (${quote}) and is never closed.`, {
    hint: 'Close the quote in the file, or set `quote: ""` in the source if the file does not quote its values.',
    detail: { file: displayName, ...(line !== undefined ? { line } : {}) },
    ...(cause !== undefined ? { cause } : {}),
  });
}

/** For a file whose record scan ended inside quotes: the error naming the line where the quote opened. */
export async function unclosedQuoteError(path: string, displayName: string, dialect: CsvDialect): Promise<IngotError> {
  const line = await findUnterminatedQuote(path, dialect.quote.charCodeAt(0), dialect.delimiter.charCodeAt(dialect.delimiter.length - 1), true);
  return openQuoteError(displayName, line, dialect.quote);
}
