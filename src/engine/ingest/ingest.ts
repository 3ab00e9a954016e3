// `ingestSource`: lands one batch of a source (or of a bare file, which gets a source YAML) into
// bronze.<source> as one transaction. The batch is recorded in the ledger; a failure leaves the
// earlier batches untouched and is recorded too; the same content again is a no-op that says so.
// A malformed line of a newline-delimited JSON file aborts DuckDB's transaction, so such a batch
// is landed once more from the start, with that file's malformed lines set aside as rejects.
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { IngotError } from '../../shared/errors.js';
import { countOf } from '../../shared/format/count.js';
import type { SqlConnection } from '../db/connection.js';
import { locateChecks } from '../quality/check-positions.js';
import { parseChecks } from '../quality/parse-checks.js';
import type { Workspace } from '../workspace/workspace.js';
import { bronzeColumns, createBronzeWriter } from './bronze.js';
import { sourceKind } from './kinds.js';
import type { BronzeWriter, LandContext, LandOutcome } from './land-context.js';
import { markReplaced, nextBatchId, presentFiles, recordBatch, type BatchRecord } from './ledger.js';
import { numberPendingRows } from './row-numbers.js';
import { resolveSourceArg, type SourceDefinition } from './sources.js';
import type { IngestOptions, IngestPhase, IngestResult } from './types.js';

function summary(source: string, outcome: LandOutcome, loaded: number, rejected: number, replace: boolean): string {
  if (outcome.status === 'unchanged') {
    const what = outcome.skippedFiles.length === 1 ? `${outcome.skippedFiles[0] ?? ''} has` : `all ${outcome.skippedFiles.length} files have`;
    return `${source}: already loaded — ${what} the same content as data already in bronze.${source}; nothing changed.`;
  }
  const files = outcome.files.length === 1 ? (outcome.files[0]?.path ?? '') : countOf(outcome.files.length, 'file');
  const skipped = outcome.skippedFiles.length > 0 ? `; ${countOf(outcome.skippedFiles.length, 'unchanged file')} skipped` : '';
  const rej = rejected > 0 ? `, ${rejected.toLocaleString('en-US')} rejected (see _ingot.rejects)` : '';
  return `${source}: ${replace ? 'replaced with' : 'loaded'} ${countOf(loaded, 'row')} from ${files}${rej}${skipped}.`;
}

async function recordFailure(conn: SqlConnection, base: Omit<BatchRecord, 'status' | 'message' | 'finishedAt'>, err: unknown): Promise<void> {
  const cancelled = err instanceof IngotError && err.code === 'CANCELLED';
  const message = err instanceof Error ? err.message : String(err);
  try {
    await recordBatch(conn, { ...base, status: cancelled ? 'cancelled' : 'failed', message, error: err, finishedAt: new Date() });
  } catch {
    // The ledger entry of a failure is a courtesy; the original error is what the user needs.
  }
}

/**
 * For a load that found nothing new: when the source's YAML was modified after the source last
 * loaded, says what changed options reach (for files: new files only), and how to apply them to the loaded data.
 */
async function optionsChangedHint(ws: Workspace, conn: SqlConnection, def: SourceDefinition): Promise<string | undefined> {
  const last = await conn.one<{ ms: number | null }>(`SELECT epoch_ms(max(finished_at))::DOUBLE AS ms FROM _ingot.batches WHERE source = ? AND status = 'loaded'`, [def.name]);
  const yaml = await stat(join(ws.paths.root, def.file)).catch(() => undefined);
  if (!yaml || last?.ms === null || last?.ms === undefined || yaml.mtimeMs <= Number(last.ms)) return undefined;
  return `${def.file} was modified after bronze.${def.name} last loaded: ${sourceKind(def.kind).changedOptionsReach}`;
}

/** A badly declared check in the source's YAML fails the load before anything is read (file:line, check). */
async function validateSourceChecks(ws: Workspace, def: SourceDefinition): Promise<void> {
  if (def.options.checks.length === 0) return;
  const text = await readFile(join(ws.paths.root, def.file), 'utf8').catch(() => undefined);
  parseChecks(def.options.checks, { file: def.file, layer: 'bronze', model: def.name, ...(text !== undefined ? { positions: locateChecks(text) } : {}) });
}

/** Loads `nameOrPath` (a source name, or a file path relative to the workspace) into bronze. */
export async function ingestSource(ws: Workspace, nameOrPath: string, options: IngestOptions = {}): Promise<IngestResult> {
  const def = await resolveSourceArg(ws, nameOrPath);
  return ingestDefinition(ws, def, options);
}

/** Loads an already-resolved source definition. */
export async function ingestDefinition(ws: Workspace, def: SourceDefinition, options: IngestOptions = {}): Promise<IngestResult> {
  const kind = sourceKind(def.kind);
  await validateSourceChecks(ws, def);
  const replace = options.replace === true;
  const startedAt = new Date();
  const warnings: string[] = [];
  const progress = (phase: IngestPhase, percentage: number, extra: { rows?: number; file?: string } = {}): void =>
    options.onProgress?.({ source: def.name, phase, percentage, ...extra });
  const conn = await ws.db.connect();
  try {
    // A process killed between an earlier load's commit and its row numbering left that to us.
    await numberPendingRows(conn, def.name);
    const batchId = await nextBatchId(conn);
    // A bronze table dropped by hand holds none of the batches the ledger lists: load afresh.
    const tableMissing = (await bronzeColumns(conn, def.name)) === null;
    const newBronzeWriter = (): BronzeWriter => createBronzeWriter({ conn, source: def.name, batchId, loadedAt: startedAt, replace, policy: def.options.drift });
    let bronze = newBronzeWriter();
    const setAsideMalformedLines = new Set<string>();
    let scan = 0;
    const ctx: LandContext = {
      ws,
      conn,
      source: { name: def.name, file: def.file },
      batchId,
      replace,
      bronze,
      ...(options.signal ? { signal: options.signal } : {}),
      presentFiles: async () => (tableMissing ? [] : presentFiles(conn, def.name)),
      rejectTables: (lineOffset) => ({ errors: `ingot_rejects_${batchId}_${++scan}`, scans: `ingot_reject_scans_${batchId}_${scan}`, lineOffset }),
      setAsideMalformedLines,
      progress,
      warn: (message) => warnings.push(message),
    };
    const base = {
      batchId,
      source: def.name,
      kind: def.kind,
      location: kind.location(def.options),
      replace,
      files: [],
      recordsCounted: null,
      rowsLoaded: 0,
      rowsRejected: 0,
      drift: [],
      columns: [],
      startedAt,
    };
    let outcome: LandOutcome | undefined;
    let record: BatchRecord | undefined;
    while (outcome === undefined) {
      try {
        outcome = await conn.transaction(async () => {
          const landed = await kind.land(ctx, def.options);
          if (landed.status === 'unchanged') return landed;
          progress('committing', 100);
          // A cancel that came while the last rows landed still wins: nothing is committed yet.
          if (options.signal?.aborted) throw new IngotError('CANCELLED', 'The load was cancelled; nothing it did was kept.');
          const rowsLoaded = landed.files.reduce((n, f) => n + f.rowsLoaded, 0);
          const rowsRejected = landed.files.reduce((n, f) => n + f.rowsRejected, 0);
          const counted = landed.files.every((f) => f.recordsCounted !== null) ? landed.files.reduce((n, f) => n + (f.recordsCounted ?? 0), 0) : null;
          record = {
            ...base,
            status: 'loaded',
            files: landed.files,
            recordsCounted: counted,
            rowsLoaded,
            rowsRejected,
            drift: [...bronze.drift],
            columns: await bronze.columns(),
            message: summary(def.name, landed, rowsLoaded, rowsRejected, replace),
            finishedAt: new Date(),
          };
          await recordBatch(conn, record, bronze.unnumbered);
          if (replace || tableMissing) await markReplaced(conn, def.name, batchId);
          return landed;
        });
      } catch (err) {
        // A malformed line failed an NDJSON file and aborted the transaction: land the batch
        // again from the start, this time setting that file's malformed lines aside as rejects.
        const file = err instanceof IngotError && err.detail?.malformedLine === true ? err.detail.file : undefined;
        if (typeof file === 'string' && !setAsideMalformedLines.has(file)) {
          setAsideMalformedLines.add(file);
          warnings.length = 0;
          bronze = newBronzeWriter();
          ctx.bronze = bronze;
          continue;
        }
        await recordFailure(conn, base, err);
        throw err;
      }
    }
    await numberPendingRows(conn, def.name);
    progress('done', 100);
    const durationMs = Date.now() - startedAt.getTime();
    if (outcome.status === 'unchanged' || !record) {
      const hint = await optionsChangedHint(ws, conn, def);
      if (hint) warnings.push(hint);
      return {
        source: def.name,
        table: `bronze.${def.name}`,
        batchId: null,
        unchanged: true,
        rowsLoaded: 0,
        rowsRejected: 0,
        recordsCounted: null,
        durationMs,
        drift: [],
        files: [],
        skippedFiles: outcome.skippedFiles,
        warnings,
        columns: [],
        message: summary(def.name, outcome, 0, 0, replace),
      };
    }
    return {
      source: def.name,
      table: `bronze.${def.name}`,
      batchId,
      unchanged: false,
      rowsLoaded: record.rowsLoaded,
      rowsRejected: record.rowsRejected,
      recordsCounted: record.recordsCounted,
      durationMs,
      drift: record.drift,
      files: record.files,
      skippedFiles: outcome.skippedFiles,
      warnings,
      columns: record.columns,
      message: record.message,
    };
  } finally {
    conn.close();
  }
}
