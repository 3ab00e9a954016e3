// Run history in _ingot.runs / _ingot.run_models: written as a run progresses (so a crash leaves
// a `running` row behind), read by `ingot runs` and the Runs view. A run left `running` by a
// process that no longer holds the workspace is marked `interrupted` by `recoverInterruptedRuns`.
import { randomUUID } from 'node:crypto';
import type { ErrorData } from '../../shared/errors.js';
import type { SqlConnection } from '../db/connection.js';
import type { ModelRunResult, ModelRunStatus, RunStatus, RunTrigger } from './events.js';
import { asNotBuiltReason, notBuiltReasonOf, type NotBuiltReason } from './not-built-reason.js';

/** Identifies this process's runs; DuckDB lets one process write a workspace at a time. */
export const HOST_TOKEN = randomUUID();

export interface NewRun {
  trigger: RunTrigger;
  schedule?: string | undefined;
  selection: string;
  fullRefresh: boolean;
  partitions?: string | undefined;
}

export interface RunCounts {
  total: number;
  built: number;
  failed: number;
  skipped: number;
  unchanged: number;
}

export interface RunRecord {
  runId: number;
  trigger: RunTrigger;
  schedule: string | null;
  selection: string;
  fullRefresh: boolean;
  partitions: string | null;
  status: RunStatus;
  startedAt: string;
  finishedAt: string | null;
  durationMs: number | null;
  counts: RunCounts;
  message: string | null;
  warnings: string[];
  error: ErrorData | null;
}

export interface RunModelRecord {
  model: string;
  layer: string;
  materialization: string;
  action: string;
  reason: string | null;
  status: ModelRunStatus;
  /** Why the model was not built or not published (null when it was, and in runs stored before Ingot kept it). */
  notBuiltReason: NotBuiltReason | null;
  published: boolean;
  attempts: number;
  rowsIn: number | null;
  rowsOut: number | null;
  bytes: number | null;
  durationMs: number | null;
  fingerprint: string | null;
  error: { code: string | null; message: string; hint: string | null; line: number | null; column: number | null; sqlPosition: number | null } | null;
  quality: { outcome: string; quarantined: number | null; checks: unknown } | null;
}

/** Serialises history writes of one run on one connection, so they never conflict. */
export class RunHistory {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly conn: SqlConnection) {}

  /** Creates the run row (status running) and returns its id. */
  async start(run: NewRun, warnings: readonly string[]): Promise<number> {
    return this.enqueue(async () => {
      const row = await this.conn.one<{ id: number }>("SELECT nextval('_ingot.run_seq') AS id");
      const runId = Number(row?.id);
      await this.conn.run(
        `INSERT INTO _ingot.runs (run_id, trigger, schedule, selection, full_refresh, partitions, status, started_at, host_token, pid, warnings)
         VALUES (?, ?, ?, ?, ?, ?, 'running', current_timestamp, ?, ?, ?::JSON)`,
        [runId, run.trigger, run.schedule ?? null, run.selection, run.fullRefresh, run.partitions ?? null, HOST_TOKEN, process.pid, JSON.stringify(warnings)],
      );
      return runId;
    });
  }

  /** Records the models a run will consider, with the plan's action and reasons. */
  async planned(runId: number, models: readonly ModelRunResult[]): Promise<void> {
    await this.enqueue(async () => {
      for (const m of models) {
        await this.conn.run(
          `INSERT INTO _ingot.run_models (run_id, model, layer, materialization, action, reason, status) VALUES (?, ?, ?, ?, ?, ?, ?)`,
          [runId, m.model, m.layer, m.materialization, m.action, m.reasons.join('; ') || null, m.status],
        );
      }
      await this.conn.run('UPDATE _ingot.runs SET models_total = ? WHERE run_id = ?', [models.length, runId]);
    });
  }

  async modelStarted(runId: number, model: string): Promise<void> {
    await this.enqueue(() =>
      this.conn.run(`UPDATE _ingot.run_models SET status = 'running', started_at = coalesce(started_at, current_timestamp) WHERE run_id = ? AND model = ?`, [runId, model]),
    );
  }

  async modelFinished(runId: number, r: ModelRunResult): Promise<void> {
    const e = r.error;
    const d = e?.detail;
    await this.enqueue(() =>
      this.conn.run(
        `UPDATE _ingot.run_models SET status = ?, action = ?, published = ?, attempts = ?, rows_in = ?, rows_out = ?, bytes = ?,
           finished_at = current_timestamp, duration_ms = ?, fingerprint = ?, error_code = ?, error_message = ?, error_hint = ?,
           error_line = ?, error_column = ?, error_position = ?, quality_outcome = ?, quarantined = ?, checks = ?::JSON, not_built_reason = ?
         WHERE run_id = ? AND model = ?`,
        [
          r.status,
          r.mode === 'none' ? r.action : r.mode,
          r.published,
          r.attempts,
          r.rowsIn,
          r.rowsOut,
          r.bytes,
          r.durationMs,
          r.fingerprint,
          e?.code ?? null,
          e?.message ?? null,
          e?.hint ?? null,
          typeof d?.line === 'number' ? d.line : null,
          typeof d?.column === 'number' ? d.column : null,
          typeof d?.sqlPosition === 'number' ? d.sqlPosition : null,
          r.quality?.outcome ?? null,
          r.quality?.quarantined ?? null,
          r.quality ? JSON.stringify(r.quality.checks) : null,
          notBuiltReasonOf(r),
          runId,
          r.model,
        ],
      ),
    );
  }

  async finish(runId: number, status: RunStatus, counts: RunCounts, message: string, error: ErrorData | null): Promise<void> {
    await this.enqueue(() =>
      this.conn.run(
        `UPDATE _ingot.runs SET status = ?, finished_at = current_timestamp,
           duration_ms = CAST(epoch_ms(current_timestamp) - epoch_ms(started_at) AS BIGINT),
           models_total = ?, models_built = ?, models_failed = ?, models_skipped = ?, models_unchanged = ?, message = ?, error = ?::JSON
         WHERE run_id = ?`,
        [status, counts.total, counts.built, counts.failed, counts.skipped, counts.unchanged, message, error ? JSON.stringify(error) : null, runId],
      ),
    );
  }

  /** Waits for every queued write. */
  async flush(): Promise<void> {
    await this.queue.catch(() => undefined);
  }

  private enqueue<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }
}

/** Marks runs left `running` by another (dead) process as interrupted. Returns their ids. */
export async function recoverInterruptedRuns(conn: SqlConnection): Promise<number[]> {
  const stale = await conn.all<{ run_id: number }>(`SELECT run_id FROM _ingot.runs WHERE status = 'running' AND host_token <> ?`, [HOST_TOKEN]);
  if (stale.length === 0) return [];
  const ids = stale.map((r) => Number(r.run_id));
  await conn.transaction(async (tx) => {
    const list = ids.map(() => '?').join(', ');
    await tx.run(
      `UPDATE _ingot.runs SET status = 'interrupted', finished_at = current_timestamp,
         message = 'The process running this run stopped before it finished; published tables kept their last committed state.'
       WHERE run_id IN (${list})`,
      ids,
    );
    await tx.run(
      `UPDATE _ingot.run_models SET status = 'cancelled', error_message = 'interrupted: the run stopped before this model finished', not_built_reason = 'run-interrupted'
       WHERE run_id IN (${list}) AND status IN ('pending', 'running')`,
      ids,
    );
  });
  return ids;
}

interface RunRow {
  [key: string]: unknown;
  run_id: number;
  trigger: RunTrigger;
  schedule: string | null;
  selection: string;
  full_refresh: boolean;
  partitions: string | null;
  status: RunStatus;
  started_at: Date;
  finished_at: Date | null;
  duration_ms: number | null;
  models_total: number;
  models_built: number;
  models_failed: number;
  models_skipped: number;
  models_unchanged: number;
  message: string | null;
  warnings: string | null;
  error: string | null;
}

/** The most recent runs, newest first. */
export async function listRuns(conn: SqlConnection, limit = 50): Promise<RunRecord[]> {
  const rows = await conn.all<RunRow>(
    'SELECT * EXCLUDE (warnings, error), warnings::VARCHAR AS warnings, error::VARCHAR AS error FROM _ingot.runs ORDER BY run_id DESC LIMIT ?',
    [limit],
  );
  return rows.map(toRunRecord);
}

/** One run with its models, or undefined. */
export async function getRun(conn: SqlConnection, runId: number): Promise<(RunRecord & { models: RunModelRecord[] }) | undefined> {
  const row = await conn.one<RunRow>('SELECT * EXCLUDE (warnings, error), warnings::VARCHAR AS warnings, error::VARCHAR AS error FROM _ingot.runs WHERE run_id = ?', [runId]);
  if (!row) return undefined;
  return { ...toRunRecord(row), models: (await runModels(conn, [runId])).get(runId) ?? [] };
}

/** For each model (`layer.name`, lower case), the id of the latest run that built and published it. */
export async function lastPublishingRuns(conn: SqlConnection): Promise<Map<string, number>> {
  const rows = await conn.all<{ model: string; run_id: number }>(
    "SELECT model, max(run_id) AS run_id FROM _ingot.run_models WHERE published AND status = 'success' GROUP BY model",
  );
  return new Map(rows.map((r) => [r.model.toLowerCase(), Number(r.run_id)]));
}

/** The models of several runs in one query, by run id, each in the order they started. */
export async function runModels(conn: SqlConnection, runIds: readonly number[]): Promise<Map<number, RunModelRecord[]>> {
  const byRun = new Map<number, RunModelRecord[]>(runIds.map((id) => [id, []]));
  if (runIds.length === 0) return byRun;
  const rows = await conn.all(
    `SELECT * EXCLUDE (checks), checks::VARCHAR AS checks FROM _ingot.run_models WHERE list_contains(string_split(?, ',')::BIGINT[], run_id)
     ORDER BY run_id, coalesce(started_at, TIMESTAMP '9999-01-01'), model`,
    [runIds.join(',')],
  );
  for (const row of rows) byRun.get(Number(row.run_id))?.push(toModelRecord(row));
  return byRun;
}

function toRunRecord(r: RunRow): RunRecord {
  return {
    runId: Number(r.run_id),
    trigger: r.trigger,
    schedule: r.schedule,
    selection: r.selection,
    fullRefresh: r.full_refresh,
    partitions: r.partitions,
    status: r.status,
    startedAt: r.started_at.toISOString(),
    finishedAt: r.finished_at ? r.finished_at.toISOString() : null,
    durationMs: r.duration_ms === null ? null : Number(r.duration_ms),
    counts: { total: r.models_total, built: r.models_built, failed: r.models_failed, skipped: r.models_skipped, unchanged: r.models_unchanged },
    message: r.message,
    warnings: r.warnings ? (JSON.parse(r.warnings) as string[]) : [],
    error: r.error ? (JSON.parse(r.error) as ErrorData) : null,
  };
}

function toModelRecord(r: Record<string, unknown>): RunModelRecord {
  const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
  return {
    model: String(r.model),
    layer: String(r.layer),
    materialization: String(r.materialization),
    action: String(r.action),
    reason: (r.reason as string | null) ?? null,
    status: r.status as ModelRunStatus,
    notBuiltReason: asNotBuiltReason(r.not_built_reason),
    published: r.published === true,
    attempts: Number(r.attempts),
    rowsIn: num(r.rows_in),
    rowsOut: num(r.rows_out),
    bytes: num(r.bytes),
    durationMs: num(r.duration_ms),
    fingerprint: (r.fingerprint as string | null) ?? null,
    error:
      r.error_message === null || r.error_message === undefined
        ? null
        : {
            code: (r.error_code as string | null) ?? null,
            message: String(r.error_message),
            hint: (r.error_hint as string | null) ?? null,
            line: num(r.error_line),
            column: num(r.error_column),
            sqlPosition: num(r.error_position),
          },
    quality: r.quality_outcome ? { outcome: String(r.quality_outcome), quarantined: num(r.quarantined), checks: r.checks ? JSON.parse(String(r.checks)) : [] } : null,
  };
}
