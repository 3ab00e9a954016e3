// Sets aside the malformed lines of a newline-delimited JSON file, for a load that failed on one.
// DuckDB decides which lines it cannot parse (read_json_objects with ignore_errors gives NULL for
// each, in file order); a byte scan finds those lines' numbers and raw text in the file; they go
// to reject tables shaped like DuckDB's CSV rejects, so the load collects them as it does for CSV;
// and the lines that parse are copied, unchanged and in order, to a file under .ingot/cache that
// the load reads. A file where most lines do not parse is not newline-delimited JSON: it fails.
import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { isUtf8 } from 'node:buffer';
import { join } from 'node:path';
import { IngotError } from '../../../shared/errors.js';
import { ident, literal } from '../../db/sql.js';
import { insertRows } from '../rejects.js';
import type { FormatContext, RejectTables } from './format.js';
import { loadError } from './load-error.js';

/** The `error_type` of a line that is not JSON, in `_ingot.rejects`. */
export const MALFORMED_JSON = 'MALFORMED JSON';

export interface SetAsideLines {
  /** The file's lines that parse, unchanged and in order. */
  copyPath: string;
  loaded: number;
  rejected: number;
  /** File line of the first malformed line. */
  firstLine: number;
  firstError: string;
  /** File line of the `n`-th line of the copy (1-based). */
  fileLineOfCopy(n: number): Promise<number | undefined>;
  dispose(): Promise<void>;
}

const SPACE = 32;
const TAB = 9;
const CR = 13;
const NEWLINE = 10;

/** A line of the file that DuckDB reads as a record: one holding something besides JSON whitespace. */
interface RecordLine {
  /** 1-based line in the file. */
  line: number;
  /** 1-based among the record lines (DuckDB skips blank lines). */
  ordinal: number;
  start: number;
  /** The line's bytes without its newline; only for lines `wanted` asked for. */
  bytes?: Buffer;
}

/**
 * Calls `visit` for every line DuckDB reads as a record, with the bytes of those `wanted` says;
 * `visit` returning false stops the scan. Returns the number of record lines seen.
 */
async function scanRecordLines(path: string, wanted: (ordinal: number) => boolean, visit: (r: RecordLine) => boolean, signal?: AbortSignal): Promise<number> {
  let line = 1;
  let ordinal = 0;
  let lineStart = 0;
  let offset = 0;
  let blank = true;
  let parts: Buffer[] | undefined = wanted(1) ? [] : undefined;
  const endLine = (): boolean => {
    let go = true;
    if (!blank) {
      ordinal++;
      const bytes = parts === undefined ? undefined : stripCr(Buffer.concat(parts));
      go = visit({ line, ordinal, start: lineStart, ...(bytes ? { bytes } : {}) });
    }
    parts = wanted(ordinal + 1) ? [] : undefined;
    blank = true;
    return go;
  };
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20, ...(signal ? { signal } : {}) }) as AsyncIterable<Buffer>) {
    let pos = 0;
    while (pos < chunk.length) {
      const nl = chunk.indexOf(NEWLINE, pos);
      const end = nl === -1 ? chunk.length : nl;
      for (let i = pos; blank && i < end; i++) {
        const b = chunk[i];
        if (b !== SPACE && b !== TAB && b !== CR) blank = false;
      }
      parts?.push(chunk.subarray(pos, end));
      if (nl === -1) break;
      if (!endLine()) return ordinal;
      line++;
      lineStart = offset + nl + 1;
      pos = nl + 1;
    }
    offset += chunk.length;
  }
  if (offset > lineStart) endLine();
  return ordinal;
}

function stripCr(bytes: Buffer): Buffer {
  return bytes.length > 0 && bytes[bytes.length - 1] === CR ? bytes.subarray(0, bytes.length - 1) : bytes;
}

/** Why a line DuckDB could not parse is not JSON, in words (JavaScript's parser explains it; DuckDB's does not per line). */
function explain(bytes: Buffer): string {
  if (!isUtf8(bytes)) return 'Malformed JSON: the line is not valid UTF-8 (JSON files must be UTF-8).';
  try {
    JSON.parse(bytes.toString('utf8'));
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return `Malformed JSON: ${message.replace(/ in JSON at position (\d+)(?: \(line \d+ column \d+\))?/, (_, p: string) => ` at column ${Number(p) + 1}`)}.`.replace(/\.\.$/, '.');
  }
  return 'Malformed JSON: DuckDB cannot read this line as a JSON value.';
}

/** The error of a file that is not newline-delimited JSON: DuckDB's own (as a load without rejects gives it), else the first bad line's. */
async function notJsonLines(ctx: FormatContext, path: string, first: { line: number; error: string }, counts: { loaded: number; rejected: number }): Promise<IngotError> {
  try {
    await ctx.conn.describe(`SELECT * FROM read_json(${literal(path)}, format='newline_delimited')`);
  } catch (err) {
    return loadError(err, ctx.displayName, 'Cannot read the JSON file');
  }
  const total = counts.loaded + counts.rejected;
  return new IngotError(
    'INGEST_FAILED',
    `Cannot read the JSON file ${ctx.displayName}:${first.line}: ${first.error.replace(/\.$/, '')}; ${counts.rejected.toLocaleString('en-US')} of its ${total.toLocaleString('en-US')} lines are not JSON.`,
    {
      hint: 'Check that the file is valid JSON (an array of objects) or newline-delimited JSON, and that `format:` matches.',
      detail: { file: ctx.displayName, line: first.line },
    },
  );
}

/**
 * Puts the lines of `path` that DuckDB cannot parse into `tables` (as DuckDB's CSV rejects) and
 * copies the others to a file of their own. Throws the load's error when most lines are bad.
 * `path` may be a copy of the user's file without its first `bytesBefore` bytes (a byte-order
 * mark): rejects' byte positions are the user's file's.
 */
export async function setAsideMalformedLines(ctx: FormatContext, path: string, tables: RejectTables, bytesBefore = 0): Promise<SetAsideLines> {
  const { conn, signal } = ctx;
  const options = signal ? { signal } : {};
  const objects = `read_json_objects(${literal(path)}, format='newline_delimited', ignore_errors=true)`;
  const marks = ident(tables.scans);
  // One row per record line, in file order (insertion order is kept), true where it does not parse.
  await conn.run(`CREATE TEMP TABLE ${marks} AS SELECT json IS NULL AS malformed FROM ${objects}`, undefined, options);
  const counted = await conn.one<{ loaded: number; rejected: number }>(
    `SELECT count(*) FILTER (WHERE NOT malformed)::BIGINT AS loaded, count(*) FILTER (WHERE malformed)::BIGINT AS rejected FROM ${marks}`,
  );
  const loaded = Number(counted?.loaded ?? 0);
  const rejected = Number(counted?.rejected ?? 0);
  // Row ids follow insertion order, but rows of a table made in an open transaction do not start at 0.
  const bad = (
    await conn.all<{ n: number }>(`SELECT n FROM (SELECT malformed, row_number() OVER (ORDER BY rowid)::BIGINT AS n FROM ${marks}) WHERE malformed ORDER BY n`)
  ).map((r) => Number(r.n));
  const badSet = new Set(bad);

  const notJson = loaded === 0 || loaded < rejected;
  const found: Required<RecordLine>[] = [];
  const records = await scanRecordLines(
    path,
    (n) => badSet.has(n),
    (r) => {
      if (!r.bytes) return true;
      found.push(r as Required<RecordLine>);
      // Most lines bad: only the first is needed, to say where.
      return !notJson;
    },
    signal,
  );
  const first = found[0];
  if (!first) {
    throw new IngotError('INGEST_FAILED', `Cannot read the JSON file ${ctx.displayName}: reading it failed on a malformed line, but every line of it parses on its own; nothing was loaded.`, {
      hint: 'Check whether the file was being written meanwhile, and ingest it again.',
      detail: { file: ctx.displayName },
    });
  }
  const firstError = explain(first.bytes);
  if (notJson) throw await notJsonLines(ctx, path, { line: first.line, error: firstError }, { loaded, rejected });
  if (records !== loaded + rejected || found.length !== rejected) {
    throw new IngotError('INGEST_FAILED', `${ctx.displayName}: ${rejected} of its lines are not valid JSON, but they cannot be placed exactly (DuckDB read ${loaded + rejected} lines, the file has ${records} that are not blank), so nothing was loaded.`, {
      hint: 'Remove the lines that hold only white space other than spaces and tabs, or fix the malformed lines, then ingest again.',
      detail: { file: ctx.displayName },
    });
  }

  await conn.run(
    `CREATE TEMP TABLE ${ident(tables.errors)} (line BIGINT, byte_position BIGINT, column_idx BIGINT, column_name VARCHAR, error_type VARCHAR, csv_line VARCHAR, error_message VARCHAR)`,
  );
  await insertRows(
    conn,
    tables.errors,
    [
      ['line', 'BIGINT'],
      ['byte_position', 'BIGINT'],
      ['error_type', 'VARCHAR'],
      ['csv_line', 'VARCHAR'],
      ['error_message', 'VARCHAR'],
    ],
    found.map((r) => [r.line, r.start + bytesBefore, MALFORMED_JSON, r.bytes.toString('utf8'), r === first ? firstError : explain(r.bytes)]),
  );

  await mkdir(ctx.cacheDir, { recursive: true });
  const copyPath = join(ctx.cacheDir, `ndjson-${randomUUID()}.ndjson`);
  const dispose = (): Promise<void> => rm(copyPath, { force: true });
  // Valid JSON holds no raw control character, so \x01 never splits a line and nothing is quoted.
  const copied = await conn
    .run(`COPY (SELECT json FROM ${objects} WHERE json IS NOT NULL) TO ${literal(copyPath)} (FORMAT csv, HEADER false, QUOTE '', ESCAPE '', DELIMITER '\x01')`, undefined, options)
    .catch(async (err: unknown) => {
      await dispose();
      throw err;
    });
  if (copied !== loaded) {
    await dispose();
    throw new IngotError('INGEST_FAILED', `${ctx.displayName}: setting its malformed lines aside, ${copied} of its ${loaded} readable lines were copied; nothing was loaded.`, {
      hint: 'Check that the file is not being written meanwhile, and ingest it again.',
      detail: { file: ctx.displayName },
    });
  }
  return {
    copyPath,
    loaded,
    rejected,
    firstLine: first.line,
    firstError,
    fileLineOfCopy: async (n) => {
      let seen = 0;
      let at: number | undefined;
      await scanRecordLines(
        path,
        () => false,
        (r) => {
          if (badSet.has(r.ordinal)) return true;
          seen++;
          if (seen < n) return true;
          at = r.line;
          return false;
        },
      );
      return at;
    },
    dispose,
  };
}
