// Runs a pipeline: loads and checks the models, plans the run, records it in history, builds the
// models (execute.ts), publishes the run's gold tables together in one transaction (atomic
// publish), prunes consumed change logs, checkpoints, and reports every step as an event.
// A failed or cancelled model never touches a published table; silver that succeeded is kept.
import { IngotError, toErrorData, type ErrorData } from '../../shared/errors.js';
import type { Database, SqlConnection } from '../db/connection.js';
import type { WorkspaceConfig } from '../workspace/config.js';
import type { WorkspacePaths } from '../workspace/workspace.js';
import type { ModelRunResult, PipelineEvent, PipelineEventListener, RunStatus, RunTrigger } from './events.js';
import { buildModels, finish } from './execute.js';
import type { PipelineGraph } from './graph.js';
import { loadGraph } from './load-graph.js';
import { selectModels } from './selection.js';
import { RunHistory, recoverInterruptedRuns, type RunCounts } from './history.js';
import { readModelStates } from './model-state.js';
import type { NotBuiltReason } from './not-built-reason.js';
import { formatPartitionRange, parsePartitionRange, validatePartitionRange } from './partitions.js';
import { computePlan, type PartitionRange, type Plan } from './plan.js';
import { pruneChangeLog } from './publish.js';
import { withRetries } from './retry.js';
import type { RunContext } from './run-context.js';
import { acquireRunLock } from './run-lock.js';
import { dropLeftoverStaging } from './staging.js';
import { pauseForTest } from './test-hooks.js';
import { parseModelVersion } from './versions.js';

/** What the runner needs of a workspace. */
export interface PipelineWorkspace {
  paths: Pick<WorkspacePaths, 'root' | 'models' | 'sources'>;
  config: Pick<WorkspaceConfig, 'pipeline'>;
  db: Database;
}

export interface RunPipelineOptions {
  /** Selection syntax (see selection.ts); empty runs every model. */
  selection?: string;
  fullRefresh?: boolean;
  /** Backfill range `FROM..TO` (or parsed) for partitioned incremental models. */
  partitions?: string | PartitionRange;
  trigger?: RunTrigger;
  schedule?: string;
  signal?: AbortSignal;
  onEvent?: PipelineEventListener;
}

export interface RunResult {
  runId: number;
  status: RunStatus;
  /** True when nothing had changed, so nothing was built. */
  noop: boolean;
  message: string;
  durationMs: number;
  models: ModelRunResult[];
  warnings: string[];
  error: ErrorData | null;
}

/** Runs the selected models of the workspace and returns what happened to each. */
export async function runPipeline(ws: PipelineWorkspace, options: RunPipelineOptions = {}): Promise<RunResult> {
  const started = performance.now();
  const partitions = typeof options.partitions === 'string' ? parsePartitionRange(options.partitions) : options.partitions;
  const lock = acquireRunLock(ws.db.path);
  let releaseCheckpoints = async (): Promise<void> => undefined;
  const control = await ws.db.connect();
  const historyConn = await ws.db.connect();
  const history = new RunHistory(historyConn);
  const emit = (event: PipelineEvent): void => {
    try {
      options.onEvent?.(event);
    } catch {
      // A listener's failure must not break the run.
    }
  };
  try {
    // A run commits many times; DuckDB would checkpoint at each commit that takes the WAL past 16 MB,
    // and a checkpoint after deletes costs seconds on large tables. One checkpoint ends the run.
    releaseCheckpoints = await ws.db.holdCheckpoints();
    await recoverInterruptedRuns(control);
    await dropLeftoverStaging(control);
    const selection = options.selection?.trim() ?? '';
    const trigger = options.trigger ?? 'manual';
    // A selection that names nothing of this workspace is a typo, not a run: it is refused before a
    // run is recorded. A workspace whose models do not load is a failed run (below).
    let loaded: { graph: PipelineGraph } | { error: unknown };
    try {
      loaded = { graph: await loadGraph(ws, control) };
    } catch (error) {
      loaded = { error };
    }
    if ('graph' in loaded) selectModels(loaded.graph, selection);
    if ('graph' in loaded && partitions) await validatePartitionRange(control, loaded.graph, selection, partitions);
    const runId = await history.start({
      trigger,
      schedule: options.schedule,
      selection,
      fullRefresh: options.fullRefresh ?? false,
      partitions: partitions ? formatPartitionRange(partitions) : undefined,
    }, []);
    lock.setRunId(runId);
    let graph: PipelineGraph;
    let plan: Plan;
    try {
      if ('error' in loaded) throw loaded.error;
      graph = loaded.graph;
      plan = await computePlan(control, graph, { selection, fullRefresh: options.fullRefresh ?? false, ...(partitions ? { partitions } : {}) });
      if (partitions && !plan.models.some((m) => m.action === 'backfill' || (graph.nodes.get(m.key)?.def.config.partition_by !== undefined))) {
        throw new IngotError('INVALID_INPUT', '--partitions rebuilds partitioned incremental models, and the selection holds none.', {
          hint: 'Select a model whose sidecar sets materialization: incremental and partition_by, e.g. `ingot run daily_revenue --partitions 2024-01-01..2024-01-31`.',
          detail: { field: 'partitions' },
        });
      }
    } catch (err) {
      const data = toErrorData(err);
      await history.finish(runId, 'failed', zeroCounts(), data.message, data);
      emit({ type: 'run-finished', runId, at: new Date().toISOString(), status: 'failed', durationMs: elapsed(started), message: data.message });
      throw err;
    }
    const warnings = graph.warnings.map((w) => `${w.file}${w.line !== undefined ? `:${w.line}:${w.column ?? 1}` : ''}: ${w.message}`);
    const results = new Map<string, ModelRunResult>();
    for (const m of plan.models) results.set(m.key, initialResult(m));
    emit({
      type: 'run-started',
      runId,
      trigger,
      selection,
      at: new Date().toISOString(),
      models: plan.models.map((m) => ({ model: m.model, layer: m.layer, action: m.action, reasons: m.reasons.map((r) => r.message) })),
      warnings,
    });
    await history.planned(runId, [...results.values()]);
    const ctx: RunContext = { db: ws.db, runId, graph, plan, atomicPublish: ws.config.pipeline.atomic_publish, signal: options.signal, emit, built: new Map() };
    if (!plan.nothingToDo) {
      await buildModels(ctx, ws.config.pipeline.concurrency, results, history);
      await publishGold(ctx, control, results, history);
      await pruneChangeLogs(control, graph).catch(() => undefined);
    }
    const models = plan.models.map((m) => results.get(m.key) as ModelRunResult);
    const status = runStatus(plan.nothingToDo, options.signal?.aborted === true, models);
    const message = summarize(status, models, elapsed(started));
    const firstError = models.find((m) => m.error && m.status === 'failed')?.error ?? null;
    // DuckDB skips a checkpoint while another transaction is open: let history writes land first.
    await history.flush();
    await releaseCheckpoints().catch(() => undefined);
    if (models.some((m) => m.published)) await ws.db.checkpoint().catch(() => undefined);
    await history.finish(runId, status, countsOf(models), message, firstError);
    await history.flush();
    await historyConn.run('UPDATE _ingot.runs SET warnings = ?::JSON WHERE run_id = ?', [JSON.stringify(warnings), runId]);
    const durationMs = elapsed(started);
    emit({ type: 'run-finished', runId, at: new Date().toISOString(), status, durationMs, message });
    return { runId, status, noop: plan.nothingToDo, message, durationMs, models, warnings, error: firstError };
  } finally {
    await history.flush();
    await dropLeftoverStaging(control).catch(() => undefined);
    control.close();
    historyConn.close();
    await releaseCheckpoints().catch(() => undefined);
    lock.release();
  }
}

/** Publishes every gold model staged in this run in one transaction, or none of them. */
async function publishGold(ctx: RunContext, control: SqlConnection, results: Map<string, ModelRunResult>, history: RunHistory): Promise<void> {
  const staged = ctx.plan.models.map((m) => ctx.built.get(m.key)).filter((s): s is NonNullable<typeof s> => s !== undefined && !s.published);
  if (staged.length === 0) return;
  const goldNotOk = ctx.plan.models.filter((m) => m.layer === 'gold' && m.action !== 'skip' && results.get(m.key)?.status !== 'success');
  const withhold = (reason: ErrorData, status: ModelRunResult['status']): void => {
    for (const s of staged) {
      const plan = ctx.plan.models.find((m) => m.key === s.key);
      if (plan) finish(ctx, results, history, plan, { status, error: reason });
    }
  };
  if (ctx.signal?.aborted) {
    for (const s of staged) await s.discard(control).catch(() => undefined);
    withhold(
      { code: 'CANCELLED', message: 'Built, but not published: the run was cancelled before publishing gold; what was published before is unchanged.', hint: 'Run again to publish it.', detail: { reason: 'run-cancelled' satisfies NotBuiltReason } },
      'cancelled',
    );
    return;
  }
  if (goldNotOk.length > 0) {
    for (const s of staged) await s.discard(control).catch(() => undefined);
    const notOk = goldNotOk.map((m) => results.get(m.key)).filter((r): r is ModelRunResult => r !== undefined);
    const failed = notOk.filter((r) => r.status === 'failed');
    withhold(
      {
        code: 'RUN_FAILED',
        message: `Built, but not published: ${(failed.length > 0 ? failed : notOk).map(whatHappened).join('; ')}, and atomic publish keeps a run's gold tables together (all of them are published, or none).`,
        hint: 'Fix the failing model and run again, or set pipeline.atomic_publish: false in ingot.yaml to publish gold models one by one.',
        detail: { reason: 'withheld-by-atomic-publish' satisfies NotBuiltReason, because: (failed.length > 0 ? failed : notOk).map((r) => r.model) },
      },
      'skipped',
    );
    return;
  }
  try {
    await withRetries({ retries: 2, backoffMs: 200 }, ctx.signal, () =>
      control.transaction(async (tx) => {
        for (const s of staged) await s.publish(tx);
        await pauseForTest('publish');
      }),
    );
  } catch (err) {
    for (const s of staged) await s.discard(control).catch(() => undefined);
    const data = toErrorData(err);
    withhold({ ...data, message: `Publishing the run's gold tables failed, so none was published: ${data.message}` }, data.code === 'CANCELLED' ? 'cancelled' : 'failed');
    return;
  }
  for (const s of staged) {
    s.published = true;
    const plan = ctx.plan.models.find((m) => m.key === s.key);
    const prior = results.get(s.key);
    if (plan && prior) finish(ctx, results, history, plan, { status: 'success', staged: s, ...(prior.durationMs !== null ? { durationMs: prior.durationMs } : {}), attempts: prior.attempts });
  }
}

/** Deletes change-log entries that every incremental reader of a model has consumed. */
async function pruneChangeLogs(control: SqlConnection, graph: PipelineGraph): Promise<void> {
  const states = await readModelStates(control);
  for (const [key, state] of states) {
    if (state.changeLogSince === null) continue;
    const readers = (graph.downstream.get(key) ?? []).filter((d) => graph.nodes.get(d)?.def.config.materialization === 'incremental');
    const marks = readers.map((r) => parseModelVersion(states.get(r)?.inputs[key])).filter((v): v is number => v !== undefined);
    if (marks.length === 0 || marks.length < readers.filter((r) => states.has(r)).length) continue;
    const upTo = Math.min(...marks);
    await control.transaction((tx) => pruneChangeLog(tx, state.layer, state.name, upTo, state));
  }
}

function initialResult(m: Plan['models'][number]): ModelRunResult {
  return {
    model: m.model,
    layer: m.layer,
    materialization: m.materialization,
    action: m.action,
    mode: 'none',
    reasons: m.reasons.map((r) => r.message),
    status: m.action === 'skip' ? 'unchanged' : 'pending',
    published: false,
    attempts: 0,
    rowsIn: null,
    rowsOut: null,
    bytes: null,
    durationMs: null,
    fingerprint: m.action === 'skip' ? (m.fingerprint ?? null) : null,
    error: null,
    quality: null,
  };
}

function runStatus(nothingToDo: boolean, aborted: boolean, models: readonly ModelRunResult[]): RunStatus {
  if (nothingToDo) return 'noop';
  if (aborted) return 'cancelled';
  const bad = models.some((m) => m.status === 'failed' || m.status === 'skipped' || m.status === 'cancelled');
  if (!bad) return 'success';
  return models.some((m) => m.published) ? 'partial' : 'failed';
}

function countsOf(models: readonly ModelRunResult[]): RunCounts {
  return {
    total: models.length,
    built: models.filter((m) => m.status === 'success').length,
    failed: models.filter((m) => m.status === 'failed').length,
    skipped: models.filter((m) => m.status === 'skipped' || m.status === 'cancelled').length,
    unchanged: models.filter((m) => m.status === 'unchanged').length,
  };
}

function zeroCounts(): RunCounts {
  return { total: 0, built: 0, failed: 0, skipped: 0, unchanged: 0 };
}

function summarize(status: RunStatus, models: readonly ModelRunResult[], ms: number): string {
  const c = countsOf(models);
  const time = ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${ms} ms`;
  if (status === 'noop' && models.length === 0) return 'No models to run yet: add models/silver/<name>.sql or models/gold/<name>.sql (a SELECT each).';
  if (status === 'noop') return `Nothing changed since the last run (${c.unchanged} model${c.unchanged === 1 ? '' : 's'} up to date); nothing to do.`;
  const parts = [`Built ${c.built} model${c.built === 1 ? '' : 's'} in ${time}`];
  if (c.unchanged > 0) parts.push(`${c.unchanged} unchanged`);
  const withheld = models.filter((m) => m.status === 'skipped' && m.error?.detail?.reason === 'withheld-by-atomic-publish');
  const skipped = models.filter((m) => m.status === 'skipped' && !withheld.includes(m));
  const cancelled = models.filter((m) => m.status === 'cancelled');
  if (c.failed > 0) parts.push(`${c.failed} failed (${listed(models.filter((m) => m.status === 'failed'))})`);
  if (skipped.length > 0) parts.push(`${skipped.length} skipped because a model ${skipped.length === 1 ? 'it reads' : 'they read'} did not build (${listed(skipped)})`);
  if (withheld.length > 0) parts.push(`${withheld.length} built but not published, held back by atomic publish (${listed(withheld)})`);
  if (cancelled.length > 0) {
    parts.push(`the run was cancelled: ${cancelled.length} model${cancelled.length === 1 ? '' : 's'} not built or not published (${listed(cancelled)}); their published tables were kept`);
  } else if (status === 'cancelled') {
    parts.push('cancelled; published tables were kept as they were');
  }
  return parts.join('; ') + '.';
}

/** Model names for a summary: the first five, then how many more. */
function listed(models: readonly ModelRunResult[]): string {
  const names = models.slice(0, 5).map((m) => m.model);
  return models.length > 5 ? `${names.join(', ')} and ${models.length - 5} more` : names.join(', ');
}

/** What happened to a gold model that kept the run's gold from being published. */
function whatHappened(m: ModelRunResult): string {
  if (m.status === 'failed') return `${m.model} ${m.error?.code === 'QUALITY_FAILED' ? 'failed its checks' : 'failed'}`;
  if (m.status === 'cancelled') return `${m.model} was cancelled`;
  return `${m.model} was skipped`;
}

function elapsed(started: number): number {
  return Math.round(performance.now() - started);
}
