// Finds, for the records DuckDB rejected while loading a delimited file, the file line each one
// starts on and its raw text. DuckDB numbers records, not lines (a quoted value may span lines),
// and its copy of a record drops bytes that are not valid in the file's encoding; but it tells
// where in its text each record starts. One read of the file up to the last rejected record maps
// those positions to lines. Only on the rejects path; never for files without rejects.
import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';
import type { LocatedRecord, RecordLocator } from '../land-context.js';
import type { CsvDialect } from '../types.js';
import { MAX_LINE_BYTES } from './locate-line.js';

const CR = 13;
const LF = 10;
const SPACE = 32;

/**
 * A locator for a file DuckDB reads as `dialect`, or undefined when positions cannot be mapped
 * exactly (zstd: Node cannot inflate it here). DuckDB counts in the text it reads: a gzip file is
 * counted inflated, UTF-8 as it is, Latin-1 and UTF-16 as DuckDB's UTF-8 copy of them.
 */
export function recordLocator(path: string, dialect: CsvDialect): RecordLocator | undefined {
  if (/\.zst$/i.test(path)) return undefined;
  if (dialect.encoding !== 'utf-8' && dialect.encoding !== 'latin-1' && dialect.encoding !== 'utf-16') return undefined;
  return (starts) => locateRecords(path, dialect, starts);
}

/**
 * The file's bytes as DuckDB's text reader sees them before decoding: gzip inflated, UTF-16 as
 * UTF-8. The file is closed however the reading ends, also when the consumer stops early (a
 * gzip stream destroyed by the consumer does not close the file piped into it).
 */
async function* readerBytes(path: string, encoding: string): AsyncGenerator<Buffer> {
  const file = createReadStream(path, { highWaterMark: 1 << 20 });
  const gunzip = /\.gz$/i.test(path) ? createGunzip() : undefined;
  try {
    const bytes = (gunzip ? file.pipe(gunzip) : file) as AsyncIterable<Buffer>;
    // pipe() passes on no error of the file: reading it fails the inflating too.
    if (gunzip) file.once('error', (err) => gunzip.destroy(err));
    if (encoding !== 'utf-16') {
      yield* bytes;
      return;
    }
    // DuckDB's positions count the byte-order mark (three bytes in UTF-8): keep it.
    const decoder = new TextDecoder('utf-16le', { ignoreBOM: true });
    for await (const chunk of bytes) yield Buffer.from(decoder.decode(chunk, { stream: true }), 'utf8');
    yield Buffer.from(decoder.decode(), 'utf8');
  } finally {
    gunzip?.destroy();
    file.destroy();
  }
}

async function locateRecords(path: string, dialect: CsvDialect, starts: readonly number[]): Promise<Map<number, LocatedRecord>> {
  const latin1 = dialect.encoding === 'latin-1';
  const newline = dialect.newline === '\r' ? CR : LF;
  const quote = dialect.quote.length > 0 ? dialect.quote.charCodeAt(0) : -1;
  const escape = dialect.escape.length > 0 && dialect.escape !== dialect.quote ? dialect.escape.charCodeAt(0) : -1;
  const delimiter = dialect.delimiter.charCodeAt(dialect.delimiter.length - 1);
  const targets = [...new Set(starts)].filter((s) => s >= 1).sort((a, b) => a - b);
  const found = new Map<number, LocatedRecord>();

  let line = 1;
  /** Offset in DuckDB's text (UTF-8) of the next byte. */
  let textOffset = 0;
  let next = 0;
  /** After reaching a target: skipping the newline bytes DuckDB may count as the record's start. */
  let seeking = false;
  let record: { start: number; line: number; parts: Buffer[]; length: number; inQuotes: boolean; fieldStart: boolean; closedAt: number; previous: number } | undefined;

  const finish = (): void => {
    if (!record) return;
    let bytes = Buffer.concat(record.parts);
    if (bytes.length > 0 && bytes[bytes.length - 1] === CR) bytes = bytes.subarray(0, bytes.length - 1);
    found.set(record.start, { line: record.line, raw: bytes.toString(latin1 ? 'latin1' : 'utf8') });
    record = undefined;
  };

  for await (const chunk of readerBytes(path, dialect.encoding)) {
    let i = 0;
    while (i < chunk.length) {
      if (record) {
        // Up to the newline outside quotes (the rules of the record scanner), at most a maximal line.
        const from = i;
        let ended = false;
        for (; i < chunk.length; i++) {
          const b = chunk[i] as number;
          textOffset += latin1 && b >= 0x80 ? 2 : 1;
          const position = record.length + (i - from);
          if (record.inQuotes) {
            if (b === newline) line++;
            if (b === quote && !(escape >= 0 && record.previous === escape)) {
              record.inQuotes = false;
              record.closedAt = position;
            }
          } else if (b === newline) {
            line++;
            ended = true;
            i++;
            break;
          } else if (b === quote && (record.fieldStart || record.closedAt === position - 1)) {
            record.inQuotes = true;
          } else if (b !== SPACE || !record.fieldStart) {
            record.fieldStart = b === delimiter;
          }
          record.previous = b;
        }
        const end = ended ? i - 1 : i;
        const room = MAX_LINE_BYTES - record.length;
        if (room > 0) record.parts.push(chunk.subarray(from, Math.min(end, from + room)));
        record.length += end - from;
        if (ended) finish();
        continue;
      }
      if (next >= targets.length) return found;
      const target = (targets[next] as number) - 1;
      const b = chunk[i] as number;
      if (seeking) {
        // DuckDB may put a record's start on the newline bytes before it (after \r\n).
        if (b === CR || b === LF) {
          if (b === newline) line++;
          textOffset++;
          i++;
          continue;
        }
        seeking = false;
        record = { start: targets[next] as number, line, parts: [], length: 0, inQuotes: false, fieldStart: true, closedAt: -2, previous: -1 };
        next++;
        continue;
      }
      if (textOffset >= target) {
        seeking = true;
        continue;
      }
      if (!latin1) {
        // UTF-8: DuckDB's offsets are the file's; count newlines up to the target natively.
        const stop = Math.min(chunk.length, i + (target - textOffset));
        let nl = chunk.indexOf(newline, i);
        while (nl !== -1 && nl < stop) {
          line++;
          nl = chunk.indexOf(newline, nl + 1);
        }
        textOffset += stop - i;
        i = stop;
        continue;
      }
      if (b === newline) line++;
      textOffset += b >= 0x80 ? 2 : 1;
      i++;
    }
  }
  finish();
  return found;
}
