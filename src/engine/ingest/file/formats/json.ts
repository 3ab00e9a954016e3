// JSON (an array of objects, or newline-delimited objects) and NDJSON. DuckDB infers the
// columns; a malformed array fails the load with its record number, and so does a malformed line
// at first: ingest then loads the file again with its malformed lines set aside as rejects
// (malformed-lines.ts). An empty array holds no rows and no columns, like a header-only CSV.
// Newline-delimited JSON that starts with a UTF-8 byte-order mark, which DuckDB refuses, is read
// from a copy without it (without-bom.ts); line numbers are the same in both. A preview copies
// only the file's first lines. A field holding strings in some records and numbers in others
// lands as text without JSON quotes (json-text.ts).
// Records are counted without type inference: lines for NDJSON, top-level array elements for JSON arrays.
import { open } from 'node:fs/promises';
import { IngotError } from '../../../../shared/errors.js';
import type { ColumnInfo } from '../../../db/connection.js';
import { literal } from '../../../db/sql.js';
import { castSelect } from '../cast-select.js';
import type { FileFormat, FormatContext, InspectedFile, RecordCounter, RejectTables } from '../format.js';
import { jsonAsText } from '../json-text.js';
import { loadError } from '../load-error.js';
import { setAsideMalformedLines } from '../malformed-lines.js';
import { createRecordScanner } from '../record-scanner.js';
import { copyWithoutBom, PREVIEW_COPY_BYTES, skippingBom, UTF8_BOM } from '../without-bom.js';

/** The file's start without a byte-order mark and leading white space, and whether that is the whole file. */
async function textStart(path: string): Promise<{ text: string; whole: boolean; bom: boolean }> {
  const handle = await open(path, 'r');
  try {
    const buf = Buffer.alloc(4096);
    const { bytesRead } = await handle.read(buf, 0, buf.length, 0);
    const text = buf.subarray(0, bytesRead).toString('utf8');
    return { text: text.replace(/^\uFEFF/, '').trimStart(), whole: bytesRead < buf.length, bom: text.startsWith('\uFEFF') };
  } finally {
    await handle.close();
  }
}

function lineCounter(): RecordCounter {
  return {
    kind: 'scan',
    create: () => createRecordScanner({ newline: 10, quote: -1, delimiter: -1, escape: -1, comment: -1, skipLines: 0, headerRecords: 0, blankLinesAreRecords: false }),
  };
}

/** Inspects a JSON file read as `layout` ('array', 'newline_delimited' or 'auto'). */
export async function inspectJson(ctx: FormatContext, path: string, layout: 'array' | 'newline_delimited' | 'auto', known?: number): Promise<InspectedFile> {
  const start = await textStart(path);
  const first = start.text.charAt(0);
  if (first === '') {
    throw new IngotError('INGEST_FAILED', `${ctx.displayName} is empty: there is nothing to load.`, {
      hint: 'Check the export that wrote this file.',
      detail: { file: ctx.displayName },
    });
  }
  if (first !== '[' && first !== '{') {
    throw new IngotError('INGEST_FAILED', `${ctx.displayName}:1: this is not JSON (it starts with "${first}", not "[" or "{").`, {
      hint: 'Check that the file is JSON (an array of objects) or newline-delimited JSON; for delimited text set `format: csv`.',
      detail: { file: ctx.displayName, line: 1 },
    });
  }
  const isArray = layout === 'array' || (layout === 'auto' && first === '[');
  if (isArray && start.whole && /^\[\s*\]\s*$/.test(start.text) && ctx.maxRows === undefined) {
    throw new IngotError('INGEST_FAILED', `${ctx.displayName}:1: the file holds an empty JSON array ([]): no rows and no columns, so there is nothing to load.`, {
      hint: 'Check the export that wrote this file; in a folder or glob source such a file is skipped and the other files load.',
      detail: { file: ctx.displayName, line: 1, noDataRows: true },
    });
  }
  // DuckDB reads no line of newline-delimited JSON after a byte-order mark (it reads arrays with one).
  if (!isArray && start.bom) {
    // A preview reads the first rows only: it needs the file's start, not a copy of all of it.
    const copy = await copyWithoutBom(path, ctx.displayName, ctx.cacheDir, ctx.signal, ctx.maxRows !== undefined ? PREVIEW_COPY_BYTES : undefined);
    try {
      const inspected = await inspectReadable(ctx, copy.path, isArray, known, UTF8_BOM.length, copy.partial);
      const counter = inspected.counter;
      return {
        ...inspected,
        // Records are counted on the user's file (its bytes are hashed in the same pass), past the mark.
        counter: counter.kind === 'scan' ? { kind: 'scan', create: () => skippingBom(counter.create()) } : counter,
        dispose: async () => {
          await inspected.dispose?.();
          await copy.dispose();
        },
      };
    } catch (err) {
      await copy.dispose();
      throw err;
    }
  }
  return inspectReadable(ctx, path, isArray, known, 0);
}

/**
 * Inspects a JSON file DuckDB can read as it is (`path` may be a copy of the user's file without
 * its first `bytesBefore` bytes, for where rejects start in the user's file; `partial` when the
 * copy holds only the file's first lines, for a preview).
 */
async function inspectReadable(ctx: FormatContext, path: string, isArray: boolean, known: number | undefined, bytesBefore: number, partial = false): Promise<InspectedFile> {
  // A line-by-line file read again after a malformed line failed it: those lines go to the rejects.
  if (!isArray && known === undefined && ctx.malformedLineRejects) return inspectSetAside(ctx, path, ctx.malformedLineRejects, bytesBefore, partial);
  const reader = `read_json(${literal(path)}, format=${literal(isArray ? 'array' : 'newline_delimited')})`;
  let columns: ColumnInfo[];
  let source: string;
  try {
    columns = await ctx.conn.describe(`SELECT * FROM ${reader}`);
    source = await jsonAsText(ctx.conn, reader, columns);
  } catch (err) {
    throw loadError(err, ctx.displayName, 'Cannot read the JSON file', { malformedLinesRejectable: !isArray && known === undefined });
  }
  const counter: RecordCounter =
    known !== undefined
      ? { kind: 'known', records: known }
      : isArray
        ? {
            kind: 'query',
            count: async (conn) =>
              Number((await conn.one<{ n: number }>(`SELECT count(*)::BIGINT AS n FROM read_json_objects(${literal(path)}, format='array')`))?.n ?? 0),
          }
        : lineCounter();
  return {
    format: isArray ? 'json' : 'ndjson',
    columns,
    dialect: null,
    warnings: [],
    storesRejects: false,
    lineOffset: 0,
    counter,
    relation: (types) => `(SELECT ${castSelect(columns, types)} FROM ${source})`,
  };
}

/**
 * A newline-delimited file whose malformed lines go to `tables`; the load reads a copy of the
 * other lines. `partial`: `path` holds only the file's first lines (a preview), so the counts are theirs.
 */
async function inspectSetAside(ctx: FormatContext, path: string, tables: RejectTables, bytesBefore: number, partial: boolean): Promise<InspectedFile> {
  const aside = await setAsideMalformedLines(ctx, path, tables, bytesBefore);
  const reader = `read_json(${literal(aside.copyPath)}, format='newline_delimited')`;
  let columns: ColumnInfo[];
  let source: string;
  try {
    columns = await ctx.conn.describe(`SELECT * FROM ${reader}`);
    source = await jsonAsText(ctx.conn, reader, columns);
  } catch (err) {
    await aside.dispose();
    throw loadError(err, ctx.displayName, 'Cannot read the JSON file');
  }
  const lines = aside.rejected === 1 ? '1 line is' : `${aside.rejected.toLocaleString('en-US')} lines are`;
  const read = (aside.loaded + aside.rejected).toLocaleString('en-US');
  const rest = partial
    ? `the other ${aside.loaded.toLocaleString('en-US')} of the first ${read} lines, which the preview read, parse`
    : `the other ${aside.loaded.toLocaleString('en-US')} loaded`;
  return {
    format: 'ndjson',
    columns,
    dialect: null,
    warnings: [`${ctx.displayName}:${aside.firstLine}: ${lines} not valid JSON and went to the rejects (${aside.firstError.replace(/\.$/, '')}); ${rest}.`],
    storesRejects: true,
    filledRejects: tables,
    lineOffset: 0,
    counter: lineCounter(),
    relation: (types) => `(SELECT ${castSelect(columns, types)} FROM ${source})`,
    fileLine: aside.fileLineOfCopy,
    dispose: aside.dispose,
  };
}

export const jsonFormat: FileFormat = {
  name: 'json',
  extensions: ['.json'],
  options: [],
  inspect: (ctx, path) => inspectJson(ctx, path, 'auto'),
};

export const ndjsonFormat: FileFormat = {
  name: 'ndjson',
  extensions: ['.ndjson', '.jsonl'],
  options: [],
  inspect: (ctx, path) => inspectJson(ctx, path, 'newline_delimited'),
};
