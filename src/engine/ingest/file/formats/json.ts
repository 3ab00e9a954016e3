// JSON (an array of objects, or newline-delimited objects) and NDJSON. DuckDB infers the
// columns; a malformed document fails the load with its record number. Records are counted
// without type inference: lines for NDJSON, top-level array elements for JSON arrays.
import { open } from 'node:fs/promises';
import { IngotError } from '../../../../shared/errors.js';
import type { ColumnInfo } from '../../../db/connection.js';
import { literal } from '../../../db/sql.js';
import { castSelect } from '../cast-select.js';
import type { FileFormat, FormatContext, InspectedFile, RecordCounter } from '../format.js';
import { loadError } from '../load-error.js';
import { createRecordScanner } from '../record-scanner.js';

/** The first non-blank character of the file, or '' for an empty or blank file. */
async function firstCharacter(path: string): Promise<string> {
  const handle = await open(path, 'r');
  try {
    const buf = Buffer.alloc(4096);
    const { bytesRead } = await handle.read(buf, 0, buf.length, 0);
    return buf.subarray(0, bytesRead).toString('utf8').replace(/^\uFEFF/, '').trimStart().charAt(0);
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
  const first = await firstCharacter(path);
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
  const reader = `read_json(${literal(path)}, format=${literal(isArray ? 'array' : 'newline_delimited')})`;
  let columns: ColumnInfo[];
  try {
    columns = await ctx.conn.describe(`SELECT * FROM ${reader}`);
  } catch (err) {
    throw loadError(err, ctx.displayName, 'Cannot read the JSON file');
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
    relation: (types) => `(SELECT ${castSelect(columns, types)} FROM ${reader})`,
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
