// Lands one batch of a `kind: http` source. Pages are fetched into a spool (resuming an earlier
// load that did not finish, when its checkpoint still matches the source and the cursor), then
// landed in bronze with one read_json, deduplicated on the primary key, and the incremental
// cursor moves with the batch's commit. A full (not incremental) load whose records hash the same
// as the source's last batch lands nothing and says so, as a file loaded again does. Secret
// values are masked out of every error that leaves.
import { createHash, randomUUID } from 'node:crypto';
import { join, resolve } from 'node:path';
import { activeSecretStore } from '../../secrets/active-store.js';
import { createRedactor, type Redactor } from '../../secrets/redactor.js';
import type { SecretStore } from '../../secrets/secret-store.js';
import { countOf } from '../../../shared/format/count.js';
import { digestFile } from '../file/digest.js';
import type { LandContext, LandOutcome } from '../land-context.js';
import { lastLoadedBatch } from '../ledger.js';
import { clearCheckpoint, readCheckpoint, writeCheckpoint, type FetchProgress } from './checkpoint.js';
import { createHttpClient, type HttpClient } from './client.js';
import { fetchPages } from './fetch-pages.js';
import type { HttpSource } from './http-source.js';
import { readHttpState, writeHttpState } from './http-state.js';
import { landSpool } from './land-spool.js';
import { createPaginator } from './paginate.js';
import { parseRecordsPath } from './records-path.js';
import { Spool } from './spool.js';

/** Checkpoints are saved at most this often while pages arrive (always on failure and at the end). */
const CHECKPOINT_EVERY_MS = 1000;

/** What identifies a load's request sequence: a checkpoint of a different one is not resumed. */
function fingerprint(src: HttpSource, cursor: string | null, replace: boolean): string {
  const parts = [src.url, src.method, src.params, src.headers, src.body ?? null, src.records ?? null, src.pagination, src.incremental ?? null, src.auth?.type ?? null, cursor, replace];
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}

function freshProgress(src: HttpSource, spoolBytes: number): FetchProgress {
  const path = src.records !== undefined ? parseRecordsPath(src.records) : undefined;
  return {
    pages: 0,
    records: 0,
    bytes: 0,
    spoolBytes,
    next: { kind: 'first' },
    memory: { tokens: [], urls: [] },
    shape: {},
    ...(path && typeof path !== 'string' ? { recordsPath: path.text } : {}),
    foundPath: false,
    maxed: false,
  };
}

function retrySummary(client: HttpClient): string | undefined {
  if (client.retries.size === 0) return undefined;
  const total = [...client.retries.values()].reduce((a, b) => a + b, 0);
  return `${total} request(s) were retried (${[...client.retries].map(([why, n]) => `${n}× ${why}`).join(', ')}).`;
}

export async function landHttp(ctx: LandContext, src: HttpSource, store: SecretStore = activeSecretStore()): Promise<LandOutcome> {
  const redactor = createRedactor();
  try {
    return await land(ctx, src, store, redactor);
  } catch (err) {
    throw redactor.error(err);
  }
}

async function land(ctx: LandContext, src: HttpSource, store: SecretStore, redactor: Redactor): Promise<LandOutcome> {
  const { ws, source } = ctx;
  const location = src.url;
  const side = await ws.db.connect();
  let client: HttpClient | undefined;
  let spool: Spool | undefined;
  try {
    const state = await readHttpState(side, source.name);
    const field = src.incremental?.cursor_field ?? null;
    const stored = state && state.cursorField === field ? state.cursorValue : null;
    const cursorFrom = src.incremental ? (ctx.replace ? null : stored) ?? src.incremental.start ?? null : null;
    const print = fingerprint(src, cursorFrom, ctx.replace);
    client = await createHttpClient(src, { file: source.file, store, redactor });
    const http = client;

    const previous = await readCheckpoint(side, source.name);
    let run: { runId: string; startedAt: Date; progress: FetchProgress } | undefined;
    // A load that failed before its first page completed left nothing to resume: start afresh.
    if (previous && previous.runId !== state?.runId && previous.fingerprint === print && previous.progress.pages > 0) {
      spool = await Spool.resume(resolve(ws.paths.root, previous.spool), previous.progress.spoolBytes, previous.progress.records);
      if (spool) {
        run = { runId: previous.runId, startedAt: previous.startedAt, progress: previous.progress };
        ctx.warn(`Resumed an unfinished load of ${source.name} after page ${previous.progress.pages} (${previous.progress.records} records already fetched).`);
      }
    }
    if (!run || !spool) {
      if (previous) {
        await Spool.remove(resolve(ws.paths.root, previous.spool));
        await clearCheckpoint(side, source.name);
      }
      const runId = randomUUID();
      spool = await Spool.create(join(ws.paths.cache, 'http', `${source.name}-${runId}.ndjson`));
      run = { runId, startedAt: new Date(), progress: freshProgress(src, spool.bytes) };
    }
    const { runId, startedAt } = run;
    const spoolFile = ws.relative(spool.path);
    let lastSaved = 0;
    const checkpoint = async (p: FetchProgress, force: boolean): Promise<void> => {
      if (!force && Date.now() - lastSaved < CHECKPOINT_EVERY_MS) return;
      lastSaved = Date.now();
      const next = p.next?.kind === 'url' ? { kind: 'url' as const, url: http.display(p.next.url) } : p.next;
      await writeCheckpoint(side, source.name, { runId, fingerprint: print, spool: spoolFile, startedAt, progress: p }, redactor.text(JSON.stringify({ ...p, next })));
    };

    const fetched = run.progress.next === null
      ? run.progress
      : await fetchPages({
          src,
          file: source.file,
          client,
          paginator: createPaginator(src.pagination, source.file, (u) => http.display(u)),
          spool,
          cursor: cursorFrom,
          start: run.progress,
          checkpoint,
          onPage: (p) => ctx.progress('loading', -1, { rows: p.records, file: location }),
          ...(ctx.signal ? { signal: ctx.signal } : {}),
        });
    await spool.finish();
    if (fetched.foundPath && fetched.recordsPath) ctx.warn(`records: not set; Ingot used ${fetched.recordsPath}, the first array of objects in the response. Set \`records: ${fetched.recordsPath}\` in ${source.file} to pin it.`);
    if (fetched.maxed) ctx.warn(`Stopped after max_pages (${src.pagination.max_pages}) pages although the API has more${src.incremental ? '; the next load continues from the stored cursor' : '; raise pagination.max_pages to load them'}.`);
    const retried = retrySummary(client);
    if (retried) ctx.warn(retried);

    const base = { cursorField: field, batchId: state?.batchId ?? null, runId };
    if (fetched.records === 0) {
      await writeHttpState(ctx.conn, source.name, { ...base, cursorValue: cursorFrom });
      await Spool.remove(spool.path);
      const since = cursorFrom !== null && field ? ` newer than ${field} ${cursorFrom}` : '';
      return { status: 'unchanged', files: [], skippedFiles: [`${location} (the API returned no records${since})`] };
    }
    // The batch's content hash covers its records in the order they came (not the page bodies
    // around them, which may carry a request id or a timestamp), read back from the spool.
    const { contentHash } = await digestFile(spool.path, ctx.signal ? { signal: ctx.signal } : {});
    const earlier = !ctx.replace && !src.incremental && (await ctx.bronze.columns()).length > 0 ? await lastLoadedBatch(ctx.conn, source.name) : null;
    if (earlier && earlier.contentHash === contentHash) {
      await writeHttpState(ctx.conn, source.name, { ...base, cursorValue: cursorFrom });
      await Spool.remove(spool.path);
      return { status: 'unchanged', files: [], skippedFiles: [`${location} (${countOf(fetched.records, 'record')}, as in batch ${earlier.batchId})`] };
    }
    if (earlier && !src.primary_key) {
      ctx.warn(
        `${location} returned other content than for batch ${earlier.batchId}; this batch adds all its rows again next to the earlier ones. To keep one row per record, set \`primary_key:\` in ${source.file}; to keep only the new content, ingest with --replace.`,
      );
    }
    const landed = await landSpool(ctx, src, { path: spool.path, shape: fetched.shape, origin: location, previousCursor: cursorFrom });
    await writeHttpState(ctx.conn, source.name, { ...base, cursorValue: landed.cursor, ...(landed.rowsLoaded > 0 ? { batchId: ctx.batchId } : {}) });
    await Spool.remove(spool.path);
    if (landed.rowsLoaded === 0) {
      return { status: 'unchanged', files: [], skippedFiles: [`${location} (all ${fetched.records} records it returned are already in bronze)`] };
    }
    return {
      status: 'loaded',
      files: [
        {
          path: location,
          sizeBytes: fetched.bytes,
          modifiedAt: startedAt,
          contentHash,
          recordsCounted: fetched.records,
          rowsLoaded: landed.rowsLoaded,
          rowsRejected: 0,
        },
      ],
      skippedFiles: [],
    };
  } finally {
    client?.close();
    await spool?.close();
    side.close();
  }
}
