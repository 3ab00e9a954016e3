// Words for run and model statuses, as shown in the Runs screen and the top bar.
import type { ModelRun, RunSummary } from '../../shared/api/index.js';

const RUN_LABELS: Record<RunSummary['status'], string> = {
  running: 'Running',
  success: 'Succeeded',
  failed: 'Failed',
  cancelled: 'Cancelled',
  interrupted: 'Interrupted',
  partial: 'Partly failed',
  noop: 'Nothing to do',
};

const MODEL_LABELS: Record<ModelRun['status'], string> = {
  pending: 'Waiting',
  running: 'Running',
  success: 'Built',
  failed: 'Failed',
  skipped: 'Skipped',
  unchanged: 'Unchanged',
  cancelled: 'Cancelled',
};

export function runStatusLabel(status: RunSummary['status']): string {
  return RUN_LABELS[status];
}

export function modelStatusLabel(status: ModelRun['status']): string {
  return MODEL_LABELS[status];
}

/** Counts of a run's models that finished well, failed, or are still to come. */
export function modelTally(run: RunSummary): { done: number; failed: number; total: number } {
  const failed = run.models.filter((m) => m.status === 'failed').length;
  const done = run.models.filter((m) => m.status !== 'pending' && m.status !== 'running').length;
  return { done, failed, total: run.models.length };
}
