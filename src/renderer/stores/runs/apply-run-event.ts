// Folds one live run event into the run history, so the Runs screen updates while a run is in
// progress without polling. Pure functions: the history in, a new history out.
import type { ModelRun, RunEvent, RunSummary } from '../../../shared/api/index.js';

/** Live percentages of running models, keyed by `progressKey(runId, model)`. */
export type RunProgress = Readonly<Record<string, number>>;

export function progressKey(runId: number, model: string): string {
  return `${runId}/${model}`;
}

function pendingModel(model: string): ModelRun {
  return { model, status: 'pending', rowsIn: null, rowsOut: null, durationMs: null, error: null, errorDetail: null };
}

function newestFirst(runs: RunSummary[]): RunSummary[] {
  return runs.sort((a, b) => b.runId - a.runId);
}

function updateRun(runs: readonly RunSummary[], runId: number, change: (run: RunSummary) => RunSummary): RunSummary[] {
  return runs.map((run) => (run.runId === runId ? change(run) : run));
}

function updateModel(run: RunSummary, model: string, change: (m: ModelRun) => ModelRun): RunSummary {
  const known = run.models.some((m) => m.model === model);
  const models = known ? run.models.map((m) => (m.model === model ? change(m) : m)) : [...run.models, change(pendingModel(model))];
  return { ...run, models };
}

/** The history after `event`. A run not in the history yet is added when it starts. */
export function applyRunEvent(runs: RunSummary[], event: RunEvent): RunSummary[] {
  switch (event.type) {
    case 'run-started': {
      const existing = runs.find((r) => r.runId === event.runId);
      const models = event.models.map((m) => existing?.models.find((known) => known.model === m) ?? pendingModel(m));
      const started: RunSummary = {
        runId: event.runId,
        trigger: existing?.trigger ?? 'manual',
        selection: existing?.selection ?? '',
        status: 'running',
        startedAt: event.at,
        finishedAt: null,
        durationMs: null,
        models,
      };
      return newestFirst([...runs.filter((r) => r.runId !== event.runId), started]);
    }
    case 'model-started':
      return updateRun(runs, event.runId, (run) => updateModel(run, event.model, (m) => ({ ...m, status: 'running' })));
    case 'model-progress':
      return runs;
    case 'model-finished':
      return updateRun(runs, event.runId, (run) => updateModel(run, event.model, () => event.run));
    case 'run-finished':
      return updateRun(runs, event.runId, (run) => ({
        ...run,
        status: event.status,
        finishedAt: event.at,
        durationMs: event.durationMs ?? (Math.max(0, Date.parse(event.at) - Date.parse(run.startedAt)) || run.durationMs),
        message: event.message ?? run.message ?? null,
      }));
  }
}

/** The live percentages after `event`: set while a model runs, dropped when it finishes. */
export function applyRunProgress(progress: RunProgress, event: RunEvent): RunProgress {
  switch (event.type) {
    case 'model-progress':
      return { ...progress, [progressKey(event.runId, event.model)]: event.percentage };
    case 'model-finished': {
      const { [progressKey(event.runId, event.model)]: _done, ...rest } = progress;
      return rest;
    }
    case 'run-finished':
      return Object.fromEntries(Object.entries(progress).filter(([key]) => !key.startsWith(`${event.runId}/`)));
    default:
      return progress;
  }
}
