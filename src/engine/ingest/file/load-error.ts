// Turns DuckDB's errors while reading a file into messages that name the file and the line
// (or JSON record) and say what to change in the source definition.
import { IngotError } from '../../../shared/errors.js';

/** The full text DuckDB gave, including the lines the driver trims from the message. */
function fullText(err: unknown): string {
  const cause = err instanceof Error ? (err.cause as unknown) : undefined;
  if (cause instanceof Error) return cause.message;
  return err instanceof Error ? err.message : String(err);
}

/** The sentence that says what is wrong, without DuckDB's prefixes and option suggestions. */
function explanation(text: string): string {
  const lines = text.split('\n').map((l) => l.trim()).filter((l) => l.length > 0);
  const original = lines.findIndex((l) => l.startsWith('Original Line:'));
  const pick = original >= 0 && lines[original + 1] && !/^Possible Solution/i.test(lines[original + 1] ?? '') ? lines[original + 1] : lines[0];
  return (pick ?? text)
    .replace(/^(Invalid Input|IO|Conversion|Binder|Parser|Catalog|Invalid) Error:\s*/i, '')
    .replace(/\s*Possible (fixes|Solution).*/is, '')
    .replace(/ in file "[^"]*",?/, '')
    .trim();
}

function hintFor(text: string): string {
  if (/Maximum line size/i.test(text)) return 'A line is longer than the reader allows (2 MB): check that the quote and newline characters are right, or split the value.';
  if (/unicode|utf-?8|encoding/i.test(text)) return 'Set `encoding:` in the source (utf-8, latin-1 or utf-16) to the file\'s real encoding.';
  if (/sniff|dialect|detect/i.test(text)) return 'Set `delimiter:`, `quote:` and `header:` in the source definition, or check that the file really is a delimited text file.';
  if (/unterminated quote|quote/i.test(text)) return 'A quoted value is not closed: fix the file, or set `quote:` (use "" for files without quoting).';
  if (/JSON transform error|Failed to cast/i.test(text)) {
    return 'A value does not fit the column type DuckDB inferred from the first records: pin the column\'s type under `columns:` in the source definition (e.g. `id: VARCHAR`).';
  }
  if (/DuckDB would load it as NULL/.test(text)) return 'Fix the value in the file, or read the column as text: name it with type VARCHAR under `columns:` in the source.';
  if (/byte order mark/i.test(text)) return 'Save the file as UTF-8 without a byte-order mark (BOM), then ingest it again.';
  if (/JSON/i.test(text)) return 'Check that the file is valid JSON (an array of objects) or newline-delimited JSON, and that `format:` matches.';
  if (/parquet|magic bytes|footer/i.test(text)) return 'The Parquet file is incomplete or damaged: export it again.';
  if (/Could not convert|Conversion/i.test(text)) return 'A value does not fit its column type: override the type under `columns:` in the source definition.';
  if (/No files found|does not exist|No such file/i.test(text)) return 'Check the path; paths in a source are relative to the workspace folder.';
  return 'Check the file and the format options in the source definition.';
}

export interface LoadErrorOptions {
  /**
   * The file is read line by line (NDJSON), so a malformed line can go to the rejects: such an
   * error is marked `detail.malformedLine`, and ingest loads the file again setting those lines aside.
   */
  malformedLinesRejectable?: boolean;
}

/** Converts an error thrown while reading `displayName`; CANCELLED passes through unchanged. */
export function loadError(err: unknown, displayName: string, action = 'Cannot load', options: LoadErrorOptions = {}): IngotError {
  if (err instanceof IngotError && (err.code === 'CANCELLED' || err.code === 'INGEST_FAILED' || err.code === 'NOT_FOUND')) return err;
  const text = fullText(err);
  const csvLine = /CSV Error on Line: (\d+)/i.exec(text);
  const jsonLine = /(Malformed JSON|JSON transform error).* in line (\d+)/i.exec(text);
  const jsonRecord = /in record\/value (\d+)/i.exec(text);
  // DuckDB 1.5 numbers the lines of malformed newline-delimited JSON one too high (the first line is "line 2").
  const jsonLineNumber = jsonLine ? Number(jsonLine[2]) - (/Malformed/i.test(jsonLine[1] ?? '') ? 1 : 0) : undefined;
  const line = csvLine ? Number(csvLine[1]) : jsonLineNumber;
  const where = line !== undefined ? `${displayName}:${line}` : displayName;
  const why = jsonLine ? explanation(text).replace(/ in line \d+/, '') : explanation(text);
  const record = jsonRecord && line === undefined && !why.includes('record/value') ? ` (record ${jsonRecord[1]})` : '';
  // A byte-order mark is no bad line: DuckDB cannot read such a file at all.
  const malformedLine = options.malformedLinesRejectable === true && /Malformed JSON/i.test(text) && !/byte order mark/i.test(text);
  return new IngotError('INGEST_FAILED', `${action} ${where}${record}: ${why}`, {
    hint: hintFor(text),
    detail: { file: displayName, ...(line !== undefined ? { line } : {}), ...(jsonRecord ? { record: Number(jsonRecord[1]) } : {}), ...(malformedLine ? { malformedLine } : {}) },
    cause: err,
  });
}
