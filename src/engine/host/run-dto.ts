// Maps the pipeline's run events and run history records to the contract's DTOs.
import type { ModelRun, RunEvent, RunSummary } from '../../shared/api/pipeline.js';
import type { ModelRunResult, PipelineEvent } from '../pipeline/events.js';
import type { RunModelRecord, RunRecord } from '../pipeline/history.js';
import { notBuiltReasonOf } from '../pipeline/not-built-reason.js';

/** The contract's form of a pipeline event. */
export function toRunEvent(event: PipelineEvent): RunEvent {
  switch (event.type) {
    case 'run-started':
      return { type: 'run-started', runId: event.runId, models: event.models.map((m) => m.model), at: event.at };
    case 'model-started':
      return { type: 'model-started', runId: event.runId, model: event.model, at: event.at };
    case 'model-progress':
      return { type: 'model-progress', runId: event.runId, model: event.model, percentage: event.percentage };
    case 'model-finished':
      return { type: 'model-finished', runId: event.runId, model: event.model, run: modelRunOfResult(event.result) };
    case 'run-finished':
      return { type: 'run-finished', runId: event.runId, status: event.status, at: event.at, durationMs: event.durationMs, message: event.message };
  }
}

function modelRunOfResult(r: ModelRunResult): ModelRun {
  const { code, hint, detail } = r.error ?? {};
  return {
    model: r.model,
    status: r.status,
    notBuiltReason: notBuiltReasonOf(r),
    rowsIn: r.rowsIn,
    rowsOut: r.rowsOut,
    durationMs: r.durationMs,
    error: r.error?.message ?? null,
    errorDetail: r.error ? { code, ...(hint !== undefined ? { hint } : {}), ...(detail ?? {}) } : null,
  };
}

function modelRunOfRecord(m: RunModelRecord): ModelRun {
  const e = m.error;
  return {
    model: m.model,
    status: m.status,
    notBuiltReason: m.notBuiltReason,
    rowsIn: m.rowsIn,
    rowsOut: m.rowsOut,
    durationMs: m.durationMs,
    error: e?.message ?? null,
    errorDetail: e ? { code: e.code, hint: e.hint, line: e.line, column: e.column, sqlPosition: e.sqlPosition } : null,
  };
}

/** The contract's summary of a run from history. */
export function toRunSummary(run: RunRecord, models: readonly RunModelRecord[]): RunSummary {
  return {
    runId: run.runId,
    trigger: run.trigger,
    selection: run.selection,
    status: run.status,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
    durationMs: run.durationMs,
    models: models.map(modelRunOfRecord),
    message: run.message,
  };
}
