// Selectors of the runs store.
import type { RunSummary } from '../../../shared/api/index.js';
import type { RunsStore } from './store.js';

export const selectRunHistory = (s: RunsStore) => ({ runs: s.runs, status: s.status, error: s.error, selectedRunId: s.selectedRunId, select: s.select });
export const selectRunControls = (s: RunsStore) => ({ pending: s.pending, start: s.start, cancel: s.cancel });
export const selectRunProgress = (s: RunsStore) => s.progress;

/** The run in progress, if any (the newest one when several are). */
export const selectActiveRun = (s: RunsStore): RunSummary | null => s.runs.find((r) => r.status === 'running') ?? null;

/** The selected run, or the newest when none is selected. */
export const selectSelectedRun = (s: RunsStore): RunSummary | null => s.runs.find((r) => r.runId === s.selectedRunId) ?? s.runs[0] ?? null;

/** The newest run, for the top bar's last-run status. */
export const selectLatestRun = (s: RunsStore): RunSummary | null => s.runs[0] ?? null;

/** Id of the newest run that has finished (0 before any): screens reload what runs change when it moves. */
export const selectLastFinishedRunId = (s: RunsStore): number => s.runs.find((r) => r.status !== 'running')?.runId ?? 0;
