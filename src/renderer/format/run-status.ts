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

/**
 * The pill class of a model's status. A model a run did not build (cancelled before it started,
 * skipped after a failure upstream) is shown neutrally: nothing of it failed or changed.
 */
export function modelPillClass(status: ModelRun['status']): string {
  return status === 'cancelled' || status === 'skipped' ? 'pill pill--not-built' : `pill pill--${status}`;
}

/** Why a run did not build a model, and that its published table stayed as it was. */
export function notBuiltText(runId: number, run: ModelRun): string {
  const why =
    run.status === 'skipped' && run.error
      ? run.error.replace(/^Skipped: /, '')
      : run.status === 'skipped'
        ? 'a model it reads did not build.'
        : run.status === 'cancelled'
          ? 'the run was cancelled before this model started.'
          : 'the run stopped before this model started.';
  return `Not built in run #${runId}: ${why} Its published table is unchanged.`;
}
