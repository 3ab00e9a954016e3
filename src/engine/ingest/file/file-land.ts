// Lands the files of a `kind: file` source as one batch: skips files whose content bronze
// already holds, inspects the rest, reconciles their columns with bronze (drift), loads each
// with one INSERT … SELECT while their content hash and record count are computed on the side,
// then proves nothing was lost (records = loaded + rejected) and nothing changed meanwhile.
import { IngotError } from '../../../shared/errors.js';
import { bronzeColumns } from '../bronze.js';
import type { LandContext, LandOutcome } from '../land-context.js';
import { encodingWarnings } from '../rejects.js';
import type { BatchFile } from '../types.js';
import { withOverrides } from './column-overrides.js';
import { unclosedQuoteError } from './csv-quote.js';
import { CONTENT_HASH, digestFile, hashAlgorithmOf, stampFile, type FileDigest, type FileStamp, type HashAlgorithm } from './digest.js';
import { formatOptionsOf, type FileSource } from './file-source.js';
import type { InspectedFile } from './format.js';
import { keepDateColumns } from './kept-date-columns.js';
import { keepsAny, keptDateFormats } from './kept-date-formats.js';
import { resolveFormat } from './formats/index.js';
import { loadError } from './load-error.js';
import { resolveFiles, type InputFile } from './resolve-files.js';
import { checkRecordCount, checkUnchanged } from './verify.js';

interface Planned extends InputFile {
  before: FileStamp;
  /** Hash taken before loading (only for files that might be duplicates). */
  knownHash?: string;
  inspected?: InspectedFile;
}

type DigestOutcome = { ok: Map<string, FileDigest> } | { error: unknown };

/** Hashes (and scans) every file, one after another, alongside the load. */
function digestAll(files: readonly Planned[], signal: AbortSignal | undefined): Promise<DigestOutcome> {
  const run = async (): Promise<Map<string, FileDigest>> => {
    const out = new Map<string, FileDigest>();
    for (const f of files) {
      const counter = f.inspected?.counter;
      const scanner = counter?.kind === 'scan' ? counter.create() : undefined;
      out.set(f.name, await digestFile(f.path, { ...(scanner ? { scanner } : {}), ...(signal ? { signal } : {}) }));
    }
    return out;
  };
  return run().then(
    (ok) => ({ ok }),
    (error: unknown) => ({ error }),
  );
}

/** The error of a failed insert, naming the file's line (also when the load read a copy of the file). */
async function fileLoadError(err: unknown, name: string, inspected: InspectedFile): Promise<IngotError> {
  // A malformed NDJSON line after the lines DuckDB samples: ingest loads the file again, setting such lines aside.
  const error = loadError(err, name, 'Cannot load', { malformedLinesRejectable: inspected.format === 'ndjson' && !inspected.filledRejects });
  const line = error.detail?.line;
  if (!inspected.fileLine || typeof line !== 'number') return error;
  const fileLine = await inspected.fileLine(line).catch(() => undefined);
  if (fileLine === undefined || fileLine === line) return error;
  return new IngotError(error.code, error.message.replace(`${name}:${line}`, `${name}:${fileLine}`), {
    ...(error.hint !== undefined ? { hint: error.hint } : {}),
    detail: { ...error.detail, line: fileLine },
    cause: err,
  });
}

/** Inserts each file, reading every column as the bronze table's type; returns loaded/rejected per file. */
async function loadAll(ctx: LandContext, planned: readonly Planned[], tableTypes: Map<string, string>): Promise<Map<string, { loaded: number; rejected: number }>> {
  const counts = new Map<string, { loaded: number; rejected: number }>();
  for (const [i, f] of planned.entries()) {
    const inspected = f.inspected as InspectedFile;
    const types = inspected.columns.map((c) => ({ name: c.name, type: tableTypes.get(c.name.toLowerCase()) ?? c.type }));
    const filled = inspected.filledRejects;
    const locate = inspected.locateRecords ? { locate: inspected.locateRecords } : {};
    const rejects = filled ? { ...filled, lineOffset: inspected.lineOffset } : inspected.storesRejects ? { ...ctx.rejectTables(inspected.lineOffset), ...locate } : undefined;
    ctx.progress('loading', (100 * i) / planned.length, { file: f.name });
    try {
      const result = await ctx.bronze.insert(inspected.relation(types, rejects), f.name, {
        ...(ctx.signal ? { signal: ctx.signal } : {}),
        ...(rejects ? { rejects } : {}),
        numberAfterCommit: true,
        // DuckDB's rows_processed counts scan units (buffers), not rows, so only the percentage is passed on.
        onProgress: (p) => ctx.progress('loading', p.percentage < 0 ? -1 : (100 * i + p.percentage) / planned.length, { file: f.name }),
      });
      counts.set(f.name, result);
    } catch (err) {
      throw await fileLoadError(err, f.name, inspected);
    }
  }
  return counts;
}

export async function landFiles(ctx: LandContext, src: FileSource): Promise<LandOutcome> {
  const inspectedFiles: InspectedFile[] = [];
  try {
    return await landInspected(ctx, src, inspectedFiles);
  } finally {
    // Copies written for the load (NDJSON without its malformed lines) go once it is over.
    for (const i of inspectedFiles) await i.dispose?.();
  }
}

/** Lands the source's files; every file it inspects goes to `inspectedFiles`. */
async function landInspected(ctx: LandContext, src: FileSource, inspectedFiles: InspectedFile[]): Promise<LandOutcome> {
  const { conn, signal } = ctx;
  const options = formatOptionsOf(src);
  const inputs = await resolveFiles(ctx.ws, conn, src.path, ctx.source.file);
  const present = ctx.replace ? [] : await ctx.presentFiles();
  const presentHashes = new Set(present.map((p) => p.contentHash));
  const presentPaths = new Set(present.map((p) => p.path));
  /** Per size of a file bronze holds: the algorithms its hashes were made with (older ledgers: SHA-256). */
  const presentAlgorithms = new Map<number, Set<HashAlgorithm>>();
  for (const p of present) {
    const algorithm = hashAlgorithmOf(p.contentHash);
    if (algorithm) presentAlgorithms.set(p.sizeBytes, (presentAlgorithms.get(p.sizeBytes) ?? new Set()).add(algorithm));
  }

  const planned: Planned[] = [];
  const skipped: string[] = [];
  for (const input of inputs) {
    const before = await stampFile(input.path, input.name);
    const plan: Planned = { ...input, before };
    const sameSize = presentAlgorithms.get(before.sizeBytes);
    if (sameSize) {
      ctx.progress('hashing', -1, { file: input.name });
      const algorithms = [CONTENT_HASH, ...[...sameSize].filter((a) => a !== CONTENT_HASH)];
      const { contentHash, hashes } = await digestFile(input.path, { algorithms, ...(signal ? { signal } : {}) });
      if (hashes.some((h) => presentHashes.has(h))) {
        skipped.push(input.name);
        continue;
      }
      plan.knownHash = contentHash;
    }
    if (presentPaths.has(input.name)) {
      ctx.warn(`${input.name} was loaded before with other content; this batch adds all its rows again next to the earlier ones. To keep only the new content, ingest with --replace.`);
    }
    planned.push(plan);
  }
  if (planned.length === 0) return { status: 'unchanged', files: [], skippedFiles: skipped };

  const several = inputs.length > 1;
  const kept = await keptDateFormats(ctx.conn, ctx.source, options, present.length > 0);
  const bronzeBefore = keepsAny(kept) ? await bronzeColumns(conn, ctx.source.name) : null;
  for (const [i, f] of planned.entries()) {
    ctx.progress('inspecting', (100 * i) / planned.length, { file: f.name });
    const format = resolveFormat(f.path, options.format, { file: ctx.source.file });
    try {
      const malformedLineRejects = ctx.setAsideMalformedLines.has(f.name) ? ctx.rejectTables(0) : undefined;
      const keptFormats = keepsAny(kept);
      f.inspected = await format.inspect(
        {
          conn,
          cacheDir: ctx.ws.paths.cache,
          displayName: f.name,
          ...(signal ? { signal } : {}),
          ...(malformedLineRejects ? { malformedLineRejects } : {}),
          ...(keptFormats ? { keptDateFormats: keptFormats } : {}),
        },
        f.path,
        options,
      );
      inspectedFiles.push(f.inspected);
      // The first file read with a date (timestamp) format sets it for the load's other files.
      const dialect = f.inspected.dialect;
      if (dialect && options.date_format === undefined && kept.date === undefined && dialect.dateFormat !== null) kept.date = dialect.dateFormat;
      if (dialect && options.timestamp_format === undefined && kept.timestamp === undefined && dialect.timestampFormat !== null) kept.timestamp = dialect.timestampFormat;
    } catch (err) {
      // In a folder or glob, an export with a header and no rows (a quiet day) holds nothing to
      // load; the other files still load. Alone, it is an error the user should see.
      if (!several || !(err instanceof IngotError) || err.detail?.noDataRows !== true) throw err;
      ctx.warn(`${f.name} ${format.name === 'json' ? 'holds an empty JSON array' : 'has a header but no data rows'}; it was skipped.`);
      continue;
    }
    for (const w of f.inspected.warnings) ctx.warn(w);
    const detected = new Set(f.inspected.columns.map((c) => c.name.toLowerCase()));
    for (const name of Object.keys(src.columns)) if (!detected.has(name.toLowerCase())) ctx.warn(`${ctx.source.file}: columns.${name}: ${f.name} has no column "${name}".`);
    const dated = await keepDateColumns(conn, f.inspected, keepsAny(kept), bronzeBefore, f.name);
    for (const w of dated.warnings) ctx.warn(w);
    await ctx.bronze.prepare(withOverrides(dated.columns, src.columns), f.name);
  }
  const empty = planned.filter((f) => f.inspected === undefined);
  for (const f of empty) planned.splice(planned.indexOf(f), 1);
  if (planned.length === 0 && skipped.length > 0) return { status: 'unchanged', files: [], skippedFiles: skipped };
  if (planned.length === 0) {
    throw new IngotError('INGEST_FAILED', `${ctx.source.file}: no new file of the source has data rows (${empty.map((f) => f.name).join(', ')}); there is nothing to load.`, {
      hint: 'Check the exports that wrote them; the next load takes whatever files hold rows.',
      detail: { file: ctx.source.file },
    });
  }
  const tableTypes = new Map((await ctx.bronze.columns()).map((c) => [c.name.toLowerCase(), c.type]));

  // The side read stops when the load fails, so a failed batch leaves no reader behind.
  const sideRead = new AbortController();
  const stopSideRead = (): void => sideRead.abort();
  signal?.addEventListener('abort', stopSideRead);
  const digests = digestAll(planned, sideRead.signal);
  let counts: Map<string, { loaded: number; rejected: number }>;
  try {
    counts = await loadAll(ctx, planned, tableTypes);
  } catch (err) {
    stopSideRead();
    await digests;
    throw err;
  } finally {
    signal?.removeEventListener('abort', stopSideRead);
  }

  for (const warning of await encodingWarnings(conn, ctx.batchId)) ctx.warn(warning);
  ctx.progress('verifying', -1);
  const digested = await digests;
  if ('error' in digested) throw signal?.aborted ? new IngotError('CANCELLED', 'The load was cancelled; nothing it did was kept.') : digested.error;
  const files: BatchFile[] = [];
  for (const f of planned) {
    const inspected = f.inspected as InspectedFile;
    const digest = digested.ok.get(f.name) as FileDigest;
    const after = await stampFile(f.path, f.name);
    checkUnchanged(f.name, f.before, after, f.knownHash, digest.contentHash);
    if (digest.endsInsideQuote && inspected.dialect) throw await unclosedQuoteError(f.path, f.name, inspected.dialect);
    const { loaded, rejected } = counts.get(f.name) ?? { loaded: 0, rejected: 0 };
    const counter = inspected.counter;
    const records = counter.kind === 'scan' ? digest.records : counter.kind === 'known' ? counter.records : await counter.count(conn);
    checkRecordCount(f.name, records, loaded, rejected);
    files.push({
      path: f.name,
      sizeBytes: f.before.sizeBytes,
      modifiedAt: new Date(f.before.modifiedMs),
      contentHash: digest.contentHash,
      recordsCounted: records,
      rowsLoaded: loaded,
      rowsRejected: rejected,
      dateFormat: inspected.dialect ? (options.date_format ?? inspected.dialect.dateFormat) : null,
      timestampFormat: inspected.dialect ? (options.timestamp_format ?? inspected.dialect.timestampFormat) : null,
    });
  }
  return { status: 'loaded', files, skippedFiles: skipped };
}
