// CSV and TSV: DuckDB sniffs the dialect and types (with the user's options), the load pins
// that dialect, rows that do not parse go to DuckDB's reject tables, and records are counted
// by a byte scan that shares the content hash's read.
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createGunzip } from 'node:zlib';
import { IngotError } from '../../../../shared/errors.js';
import type { ColumnInfo } from '../../../db/connection.js';
import { ident, literal } from '../../../db/sql.js';
import type { CsvDialect } from '../../types.js';
import { columnsArg, dialectArgs, ISO_DATE, ISO_TIMESTAMP, readsSame, sniffCsv, userCsvArgs } from '../csv-dialect.js';
import { openQuoteError, QUOTE_SAMPLE_BYTES, settleQuote } from '../csv-quote.js';
import type { FileFormatOptions } from '../file-options.js';
import type { FileFormat, FormatContext, InspectedFile, RecordCounter } from '../format.js';
import { groupedColumns, groupedNumbersWarnings } from '../grouped-numbers.js';
import { findLongLine, findUnterminatedQuote, MAX_LINE_BYTES } from '../locate-line.js';
import { recordLocator } from '../locate-rejects.js';
import { createRecordScanner } from '../record-scanner.js';

const CSV_OPTIONS = ['delimiter', 'quote', 'escape', 'header', 'encoding', 'date_format', 'timestamp_format', 'decimal_separator', 'thousands_separator', 'skip', 'null_strings'] as const;
const OTHER_DELIMITERS = [',', ';', '\t', '|'];

/** The first bytes of a file (at most `bytes`), to tell text from binary before DuckDB guesses. */
async function head(path: string, bytes = 8192): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const size = Math.min(bytes, (await handle.stat()).size);
    const buf = Buffer.alloc(size);
    const { bytesRead } = await handle.read(buf, 0, size, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** Compressed files DuckDB reads by itself; their bytes on disk are not the text. */
const COMPRESSED = /\.(gz|zst)$/i;

/**
 * The first `bytes` of a file's text: decompressed for .gz; for .zst (which Node cannot inflate)
 * undefined, and the byte checks that need the text are left to DuckDB.
 */
async function textHead(path: string, bytes = 8192): Promise<Buffer | undefined> {
  if (!COMPRESSED.test(path)) return head(path, bytes);
  if (!/\.gz$/i.test(path)) return undefined;
  const chunks: Buffer[] = [];
  let total = 0;
  const gunzip = createReadStream(path).pipe(createGunzip());
  try {
    for await (const chunk of gunzip as AsyncIterable<Buffer>) {
      chunks.push(chunk);
      total += chunk.length;
      if (total >= bytes) break;
    }
  } catch {
    // A damaged archive: DuckDB's own read reports it, with the file's name.
  } finally {
    gunzip.destroy();
  }
  return Buffer.concat(chunks).subarray(0, bytes);
}

/** Byte-order marks of UTF-16 text: little-endian (Excel's "Unicode text"), which DuckDB reads, and big-endian, which it does not. */
const UTF16_LE_BOM = [0xff, 0xfe];
const UTF16_BE_BOM = [0xfe, 0xff];

function startsWith(start: Buffer, bytes: readonly number[]): boolean {
  return bytes.every((b, i) => start[i] === b);
}

/** Refuses what is not delimited text DuckDB can read: an empty file, binary data, big-endian UTF-16. */
function checkText(start: Buffer, displayName: string, encoding: string): void {
  if (start.length === 0) {
    throw new IngotError('INGEST_FAILED', `${displayName} is empty (0 bytes): there is nothing to load.`, {
      hint: 'Check the export that wrote this file; remove it from the source folder if it is expected to be empty.',
      detail: { file: displayName },
    });
  }
  if (startsWith(start, UTF16_BE_BOM)) {
    throw new IngotError('INGEST_FAILED', `${displayName}:1: the file is UTF-16 big-endian text, which Ingot cannot read.`, {
      hint: 'Save it again as UTF-8 (or UTF-16 little-endian, what Excel calls "Unicode text"), then load it.',
      detail: { file: displayName, line: 1 },
    });
  }
  if (encoding === 'utf-16') return;
  const nul = start.indexOf(0);
  if (nul !== -1) {
    const line = start.subarray(0, nul).toString('latin1').split('\n').length;
    throw new IngotError('INGEST_FAILED', `${displayName}:${line}: this is binary data, not delimited text (it contains NUL bytes).`, {
      hint: 'Check that the file is really a CSV export; if it is UTF-16 text, set `encoding: utf-16` in the source.',
      detail: { file: displayName, line },
    });
  }
}

/** Whether anything follows the header: a byte scan of the start of the file, whatever the types. */
async function hasDataRecords(path: string, dialect: CsvDialect, columns: readonly ColumnInfo[]): Promise<boolean> {
  if (dialect.encoding === 'utf-16' || COMPRESSED.test(path)) return true;
  const start = await head(path, 1 << 16);
  if (start.length === 1 << 16) return true;
  const counter = counterFor(path, dialect, columns, '');
  if (counter.kind !== 'scan') return true;
  const scanner = counter.create();
  scanner.update(start);
  return scanner.finish() > 0;
}

function counterFor(path: string, dialect: CsvDialect, columns: readonly ColumnInfo[], pinned: string): RecordCounter {
  const columnCount = columns.length;
  if (dialect.encoding === 'utf-16' || COMPRESSED.test(path)) {
    // Not byte-scannable: count with DuckDB, every column as text so type inference plays no part.
    // Rows of too many or too few fields still count (strict_mode=false, null_padding); serial,
    // since DuckDB's parallel scanner refuses null_padding with quoted line breaks (and reads
    // these files serially anyway).
    const asText = columnsArg(columns.map((c) => ({ name: c.name, type: 'VARCHAR' })));
    const sql = `SELECT count(*)::BIGINT AS n FROM read_csv(${literal(path)}, ${pinned}, ${asText}, null_padding=true, strict_mode=false, parallel=false, ignore_errors=false)`;
    return { kind: 'query', count: async (conn) => Number((await conn.one<{ n: number }>(sql))?.n ?? 0) };
  }
  const byte = (s: string): number => (s.length > 0 ? s.charCodeAt(0) : -1);
  return {
    kind: 'scan',
    create: () =>
      createRecordScanner({
        newline: dialect.newline === '\r' ? 13 : 10,
        quote: byte(dialect.quote),
        delimiter: dialect.delimiter.charCodeAt(dialect.delimiter.length - 1),
        escape: byte(dialect.escape),
        comment: byte(dialect.comment),
        skipLines: dialect.skipRows,
        headerRecords: dialect.header ? 1 : 0,
        blankLinesAreRecords: columnCount === 1,
      }),
  };
}

/** Rows of the columns DuckDB's sniffer reads as text looked at for grouped numbers: as many as it samples. */
const GROUPING_SAMPLE_ROWS = 20_480;

/** A warning for each text column whose sampled values are all numbers with digit groups. */
async function groupedNumberWarnings(ctx: FormatContext, path: string, dialect: CsvDialect, columns: ColumnInfo[], options: FileFormatOptions): Promise<string[]> {
  const text = columns.filter((c) => c.type === 'VARCHAR');
  if (options.thousands_separator !== undefined || text.length === 0) return [];
  const asText = columns.map((c) => ({ name: c.name, type: 'VARCHAR' }));
  const rows = await ctx.conn
    .all<Record<string, string | null>>(
      `SELECT ${text.map((c) => ident(c.name)).join(', ')} FROM read_csv(${literal(path)}, ${dialectArgs(dialect, options).join(', ')}, null_padding=true, ignore_errors=true, ${columnsArg(asText)}) LIMIT ${GROUPING_SAMPLE_ROWS}`,
    )
    .catch(() => []);
  const sampled = new Map(text.map((c) => [c.name, rows.map((r) => r[c.name]).filter((v): v is string => v !== null && v !== undefined)]));
  return groupedNumbersWarnings(ctx.displayName, groupedColumns(sampled, options.decimal_separator), options.decimal_separator);
}

/** Warnings for guesses worth a second look: a single column, repeated header names, grouped numbers read as text. */
async function dialectWarnings(ctx: FormatContext, path: string, dialect: CsvDialect, columns: ColumnInfo[], options: FileFormatOptions): Promise<string[]> {
  const warnings: string[] = [];
  const headerLine = dialect.skipRows + 1;
  if (columns.length === 1) {
    const name = columns[0]?.name ?? '';
    const other = OTHER_DELIMITERS.find((d) => d !== dialect.delimiter && name.includes(d));
    if (other) {
      const shown = other === '\t' ? '\\t' : other;
      warnings.push(
        `${ctx.displayName}:${headerLine}: only one column was found, but its header "${name}" contains "${shown}"; if that is the delimiter, set \`delimiter: "${shown}"\` in the source.`,
      );
    }
  }
  if (dialect.header && columns.length > 1) {
    const raw = await ctx.conn
      .one(
        `SELECT * FROM read_csv(${literal(path)}, ${dialectArgs({ ...dialect, header: false }, options).join(', ')}, all_varchar=true, null_padding=true, ignore_errors=true, ${columnsArg(columns.map((_, i) => ({ name: `c${i}`, type: 'VARCHAR' })))}) LIMIT 1`,
      )
      .catch(() => undefined);
    const names = Object.values(raw ?? {}).map((v) => String(v ?? ''));
    const seen = new Map<string, number>();
    names.forEach((n, i) => {
      const key = n.toLowerCase();
      const first = seen.get(key);
      if (first === undefined) seen.set(key, i);
      else
        warnings.push(
          `${ctx.displayName}:${headerLine}: the header name "${n}" repeats (columns ${first + 1} and ${i + 1}); it is loaded as "${columns[i]?.name ?? n}".`,
        );
    });
  }
  warnings.push(...(await groupedNumberWarnings(ctx, path, dialect, columns, options)));
  return warnings;
}

/**
 * The dialect with the date and timestamp formats earlier files of the source were read with, so
 * that 01/05/2025 means the same day in every file (values that do not fit are rejected); says so
 * when this file's own sniff differed. Formats the source sets itself are left as they are.
 */
function keepDateFormats(sniffed: CsvDialect, columns: readonly ColumnInfo[], options: FileFormatOptions, ctx: FormatContext): { dialect: CsvDialect; warnings: string[] } {
  // The sniffer names no format for ISO timestamps (DuckDB parses them by default): name ISO, so
  // that later files of the source keep it too (dates likewise, should it name none for them).
  const isoTimestamps = sniffed.timestampFormat === null && options.timestamp_format === undefined && columns.some((c) => /^TIMESTAMP/i.test(c.type));
  const isoDates = sniffed.dateFormat === null && options.date_format === undefined && columns.some((c) => /^DATE$/i.test(c.type));
  const dialect = { ...sniffed, ...(isoTimestamps ? { timestampFormat: ISO_TIMESTAMP } : {}), ...(isoDates ? { dateFormat: ISO_DATE } : {}) };
  const kept = ctx.keptDateFormats;
  if (!kept) return { dialect, warnings: [] };
  const warnings: string[] = [];
  const keep = (own: string | null, format: string | undefined, what: string, option: string): string | null => {
    if (format === undefined) return own;
    if (own !== null && !readsSame(own, format)) {
      warnings.push(`${ctx.displayName}: read ${what} as ${format}, as earlier files of this source (on its own it looks like ${own}); set \`${option}:\` in ${kept.sourceFile} to change it.`);
    }
    return format;
  };
  const dateFormat = options.date_format !== undefined ? dialect.dateFormat : keep(dialect.dateFormat, kept.date, 'dates', 'date_format');
  const timestampFormat = options.timestamp_format !== undefined ? dialect.timestampFormat : keep(dialect.timestampFormat, kept.timestamp, 'timestamps', 'timestamp_format');
  return { dialect: { ...dialect, dateFormat, timestampFormat }, warnings };
}

/** Types with a time zone, which DuckDB's CSV reader turns into NULL instead of an error when a value does not parse. */
const ZONED = /WITH TIME ZONE$|^TIMESTAMPTZ$|^TIMETZ$/i;

/**
 * The read of `types`, with columns that have a time zone read as text and cast afterwards, so
 * that a value which is no such time stops the load, naming the column and the value, instead of
 * landing as NULL (DuckDB's reader neither rejects nor reports it).
 */
function zonedChecked(types: readonly ColumnInfo[], read: (types: readonly ColumnInfo[]) => string): string {
  const zoned = types.filter((c) => ZONED.test(c.type.trim()));
  if (zoned.length === 0) return read(types);
  const casts = zoned.map((c) => {
    const v = ident(c.name);
    const message = `${literal(`column "${c.name}" holds "`)} || left(${v}, 80) || ${literal(`", which is not a ${c.type}; DuckDB would load it as NULL, so Ingot stops the load`)}`;
    return `CASE WHEN ${v} IS NOT NULL AND TRY_CAST(${v} AS ${c.type}) IS NULL THEN error(${message}) ELSE TRY_CAST(${v} AS ${c.type}) END AS ${v}`;
  });
  const asText = types.map((c) => (zoned.includes(c) ? { name: c.name, type: 'VARCHAR' } : c));
  return `(SELECT * REPLACE (${casts.join(', ')}) FROM ${read(asText)})`;
}

/** Replaces a vague sniffing failure by the line to fix, when a long line or an open quote explains it. */
async function locateSniffError(err: unknown, path: string, displayName: string, options: FileFormatOptions): Promise<unknown> {
  const text = `${err instanceof Error ? err.message : String(err)} ${err instanceof Error && err.cause instanceof Error ? err.cause.message : ''}`;
  const longLine = /Maximum line size/i.test(text) ? await findLongLine(path) : undefined;
  if (longLine !== undefined) {
    return new IngotError('INGEST_FAILED', `${displayName}:${longLine}: the line is longer than ${MAX_LINE_BYTES.toLocaleString('en-US')} bytes, the most a CSV line may have.`, {
      hint: 'Check that the quote and newline characters are right (a missing newline joins lines), or shorten the value.',
      detail: { file: displayName, line: longLine },
      cause: err,
    });
  }
  const quote = options.quote ?? '"';
  const openQuote = quote.length > 0 && /detect|sniff/i.test(text) ? await findUnterminatedQuote(path, quote.charCodeAt(0), (options.delimiter ?? ',').charCodeAt(0)) : undefined;
  return openQuote !== undefined ? openQuoteError(displayName, openQuote, quote, err) : err;
}

async function inspectCsv(ctx: FormatContext, path: string, given: FileFormatOptions, defaults: { format: 'csv' | 'tsv'; delimiter?: string }): Promise<InspectedFile> {
  // The checks read the text: decompressed for .gz (an empty archive reads as empty), none for .zst.
  const start = await textHead(path);
  // A UTF-16 byte-order mark says the encoding when the source does not: read as if it did.
  const encoding = given.encoding ?? (start !== undefined && startsWith(start, UTF16_LE_BOM) ? 'utf-16' : 'utf-8');
  const options: FileFormatOptions = given.encoding === undefined && encoding === 'utf-16' ? { ...given, encoding } : given;
  if (start !== undefined) checkText(start, ctx.displayName, encoding);
  const sniffed = await sniffCsv(ctx.conn, path, ctx.displayName, userCsvArgs(options, defaults), encoding).catch(async (err: unknown) => {
    throw await locateSniffError(err, path, ctx.displayName, options);
  });
  const { columns } = sniffed;
  const settled = await settleQuote(
    sniffed.dialect,
    options,
    ctx.displayName,
    async () => (await textHead(path, QUOTE_SAMPLE_BYTES)) ?? Buffer.alloc(0),
    async () => (COMPRESSED.test(path) ? undefined : findUnterminatedQuote(path, 0x22, (options.delimiter ?? sniffed.dialect.delimiter).charCodeAt(0))),
  );
  const kept = keepDateFormats(settled.dialect, columns, options, ctx);
  const dialect = kept.dialect;
  const pinned = dialectArgs(dialect, options).join(', ');
  if (dialect.header && ctx.maxRows === undefined && !(await hasDataRecords(path, dialect, columns))) {
    throw new IngotError('INGEST_FAILED', `${ctx.displayName}:${dialect.skipRows + 1}: the file has a header but no data rows; there is nothing to load.`, {
      hint: 'Check the export that wrote this file; if it has no header, set `header: false` in the source.',
      detail: { file: ctx.displayName, line: dialect.skipRows + 1, noDataRows: true },
    });
  }
  const warnings = [...(settled.warning !== undefined ? [settled.warning] : []), ...kept.warnings, ...(await dialectWarnings(ctx, path, dialect, columns, options))];
  const locator = recordLocator(path, dialect);
  return {
    format: defaults.format,
    columns,
    dialect,
    warnings,
    storesRejects: true,
    lineOffset: (dialect.header ? 1 : 0) + dialect.skipRows,
    counter: counterFor(path, dialect, columns, pinned),
    ...(locator ? { locateRecords: locator } : {}),
    relation: (types, rejects) => {
      const store = rejects ? `, store_rejects=true, rejects_table=${literal(rejects.errors)}, rejects_scan=${literal(rejects.scans)}` : '';
      return zonedChecked(types, (read) => `read_csv(${literal(path)}, ${pinned}, ${columnsArg(read)}${store})`);
    },
  };
}

export const csvFormat: FileFormat = {
  name: 'csv',
  extensions: ['.csv', '.txt', '.dat'],
  options: CSV_OPTIONS,
  inspect: (ctx, path, options) => inspectCsv(ctx, path, options, { format: 'csv' }),
};

export const tsvFormat: FileFormat = {
  name: 'tsv',
  extensions: ['.tsv', '.tab'],
  options: CSV_OPTIONS,
  inspect: (ctx, path, options) => inspectCsv(ctx, path, options, { format: 'tsv', delimiter: '\t' }),
};
