// Builds the planned models of a run in dependency order, independent ones concurrently (at
// most `concurrency` at a time, each on its own connection). A model starts when everything it
// reads in this run has succeeded; when one fails, everything downstream of it is skipped, and
// when the run is cancelled, what had not started is marked as not built because of that.
// Silver (and, without atomic publish, gold) is published as soon as it succeeds.
import { IngotError, toErrorData, type ErrorData } from '../../shared/errors.js';
import type { SqlConnection } from '../db/connection.js';
import { stageModel } from './build-model.js';
import type { ModelRunResult } from './events.js';
import type { RunHistory } from './history.js';
import { QualityBlocked } from './model-errors.js';
import type { NotBuiltReason } from './not-built-reason.js';
import type { ModelPlan } from './plan.js';
import { isTransient, withRetries } from './retry.js';
import type { RunContext, StagedModel } from './run-context.js';
import { Semaphore } from './semaphore.js';
import { affectedName, dropRelation, oldRowsName, stageName } from './staging.js';

type Outcome = 'ok' | 'failed' | 'cancelled';

/** Builds every non-skipped model of the plan; fills `results` (by model key) as models finish. */
export async function buildModels(ctx: RunContext, concurrency: number, results: Map<string, ModelRunResult>, history: RunHistory): Promise<void> {
  const semaphore = new Semaphore(concurrency);
  const outcomes = new Map<string, Promise<Outcome>>();
  for (const plan of ctx.plan.models) {
    const node = ctx.graph.nodes.get(plan.key);
    const upstream = (node?.inputs ?? []).filter((i) => outcomes.has(i));
    // Models this one's checks read are waited for, but their failure does not skip this one.
    const before = (node?.after ?? []).filter((i) => outcomes.has(i));
    outcomes.set(
      plan.key,
      (async (): Promise<Outcome> => {
        await Promise.all(before.map((b) => outcomes.get(b)));
        const ups = await Promise.all(upstream.map(async (u) => [u, await outcomes.get(u)] as const));
        if (plan.action === 'skip') return 'ok';
        const failed = ups.filter(([, o]) => o === 'failed').map(([u]) => ctx.graph.nodes.get(u)?.def.id ?? u);
        if (failed.length > 0) {
          finish(ctx, results, history, plan, { status: 'skipped', error: skippedError(failed) });
          return 'failed';
        }
        // Nothing this model reads failed: it waits on a model the cancel stopped.
        if (ups.some(([, o]) => o === 'cancelled')) {
          finish(ctx, results, history, plan, { status: 'cancelled', error: notStartedError() });
          return 'cancelled';
        }
        await semaphore.acquire();
        try {
          if (ctx.signal?.aborted) {
            finish(ctx, results, history, plan, { status: 'cancelled', error: notStartedError() });
            return 'cancelled';
          }
          return await buildOne(ctx, plan, results, history);
        } finally {
          semaphore.release();
        }
      })(),
    );
  }
  await Promise.all(outcomes.values());
}

async function buildOne(ctx: RunContext, plan: ModelPlan, results: Map<string, ModelRunResult>, history: RunHistory): Promise<Outcome> {
  const def = ctx.graph.nodes.get(plan.key)?.def;
  if (!def) return 'failed';
  const started = performance.now();
  const deferPublish = def.layer === 'gold' && ctx.atomicPublish;
  const conn = await ctx.db.connect();
  let attempts = 0;
  void history.modelStarted(ctx.runId, def.id);
  try {
    const staged = await withRetries({ retries: def.config.retries, backoffMs: def.config.retry_backoff_ms }, ctx.signal, async (attempt) => {
      attempts = attempt;
      ctx.emit({ type: 'model-started', runId: ctx.runId, model: def.id, at: new Date().toISOString(), action: plan.action, attempt });
      const s = await stageModel(ctx, conn, plan, {
        onProgress: (p) => ctx.emit({ type: 'model-progress', runId: ctx.runId, model: def.id, ...p }),
      }).catch(async (err: unknown) => {
        await discardQuietly(ctx, conn, plan);
        throw err;
      });
      if (!deferPublish) {
        await conn.transaction((tx) => s.publish(tx)).catch(async (err: unknown) => {
          await s.discard(conn).catch(() => undefined);
          throw err;
        });
        s.published = true;
      }
      return s;
    });
    ctx.built.set(plan.key, staged);
    const done: Finish = { status: 'success', staged, attempts, durationMs: Math.round(performance.now() - started) };
    // Gold under atomic publish finishes when the run publishes it (or withholds it).
    if (deferPublish) results.set(plan.key, resultOf(plan, done, results.get(plan.key)));
    else finish(ctx, results, history, plan, done);
    return 'ok';
  } catch (err) {
    const data = toErrorData(isTransient(err) ? gaveUp(def.id, err, attempts) : err);
    const cancelled = data.code === 'CANCELLED';
    finish(ctx, results, history, plan, {
      status: cancelled ? 'cancelled' : 'failed',
      error: data,
      attempts,
      durationMs: Math.round(performance.now() - started),
      ...(err instanceof QualityBlocked ? { quality: err.quality } : {}),
    });
    return cancelled ? 'cancelled' : 'failed';
  } finally {
    conn.close();
  }
}

export interface Finish {
  status: ModelRunResult['status'];
  staged?: StagedModel;
  error?: ErrorData;
  attempts?: number;
  durationMs?: number;
  quality?: ModelRunResult['quality'];
}

/** Records a model's result, emits model-finished and writes it to history. */
export function finish(ctx: RunContext, results: Map<string, ModelRunResult>, history: RunHistory, plan: ModelPlan, f: Finish): ModelRunResult {
  const result = resultOf(plan, f, results.get(plan.key));
  results.set(plan.key, result);
  void history.modelFinished(ctx.runId, result);
  ctx.emit({ type: 'model-finished', runId: ctx.runId, model: plan.model, at: new Date().toISOString(), result });
  return result;
}

function resultOf(plan: ModelPlan, f: Finish, prior: ModelRunResult | undefined): ModelRunResult {
  const s = f.staged;
  return {
    model: plan.model,
    layer: plan.layer,
    materialization: plan.materialization,
    action: plan.action,
    mode: s ? (s.mode === 'view' ? 'full' : s.mode) : (prior?.mode ?? 'none'),
    reasons: s ? s.reasons : (prior?.reasons ?? plan.reasons.map((r) => r.message)),
    status: f.status,
    published: s?.published ?? prior?.published ?? false,
    attempts: f.attempts ?? prior?.attempts ?? 0,
    rowsIn: s?.rowsIn ?? prior?.rowsIn ?? null,
    rowsOut: s?.rowsOut ?? prior?.rowsOut ?? null,
    bytes: s?.bytes ?? prior?.bytes ?? null,
    durationMs: f.durationMs ?? prior?.durationMs ?? null,
    fingerprint: s?.fingerprint ?? prior?.fingerprint ?? null,
    error: f.error ?? null,
    quality: f.quality ?? s?.quality ?? prior?.quality ?? null,
  };
}

/** A transient failure that outlasted the retries, said plainly. */
function gaveUp(model: string, err: unknown, attempts: number): IngotError {
  const raw = (err instanceof Error ? err.message : String(err)).replaceAll('\0', '.');
  const conflict = /conflict/i.test(raw);
  const what = conflict ? 'another writer changed the same table at the same time (transaction conflict)' : 'reading or writing the database failed (IO error)';
  return new IngotError('RUN_FAILED', `${model}: ${what}; gave up after ${attempts} attempt${attempts === 1 ? '' : 's'}. DuckDB said: ${raw.split('\n')[0]}`, {
    hint: conflict
      ? 'Run again once the other work (an open transaction in the SQL editor, another run) has finished; raise `retries:` in the sidecar to wait longer.'
      : 'Check free disk space and the temp_directory in ingot.yaml, then run again.',
    cause: err,
  });
}

function skippedError(failed: readonly string[]): ErrorData {
  return {
    code: 'RUN_FAILED',
    message: `Skipped: ${failed.join(', ')} did not build in this run, so this model would read stale or missing data.`,
    hint: 'Fix the failed model and run again; the published version of this model was kept.',
    detail: { reason: 'upstream-not-built' satisfies NotBuiltReason, upstream: [...failed] },
  };
}

/** A model the run did not start because the run was cancelled; nothing failed. */
export function notStartedError(): ErrorData {
  return {
    code: 'CANCELLED',
    message: 'Not built: the run was cancelled before this model started. Nothing of it changed.',
    hint: 'Run again to build it.',
    detail: { reason: 'run-cancelled' satisfies NotBuiltReason },
  };
}

async function discardQuietly(ctx: RunContext, conn: SqlConnection, plan: ModelPlan): Promise<void> {
  const def = ctx.graph.nodes.get(plan.key)?.def;
  if (!def) return;
  await dropRelation(conn, def.layer, stageName(def.name)).catch(() => undefined);
  await dropRelation(conn, def.layer, affectedName(def.name)).catch(() => undefined);
  await dropRelation(conn, def.layer, oldRowsName(def.name)).catch(() => undefined);
}
