// Runs store: the run history with per-model results, live updates from the engine's run event
// stream, and starting or cancelling a run.
import { create } from 'zustand';
import type { RunEvent, StartRunRequest } from '../../../shared/api/index.js';
import { engineConnection } from '../../api/engine.js';
import { errorDataOf, isDisconnect } from '../../api/error-data.js';
import { useToastsStore } from '../toasts/store.js';
import { applyRunEvent, applyRunProgress } from './apply-run-event.js';
import { initialRunsState, type RunsState } from './initial-state.js';

export interface RunsActions {
  load(): Promise<void>;
  select(runId: number | null): void;
  /** Starts a run and selects it; resolves to its id, or null if the engine refused. */
  start(request: StartRunRequest): Promise<number | null>;
  cancel(runId: number): Promise<void>;
  /** Folds a live event in; fetches the full run when the event names a run not yet known. */
  applyEvent(event: RunEvent): void;
}

export type RunsStore = RunsState & RunsActions;

const HISTORY_LIMIT = 50;
const toasts = () => useToastsStore.getState();

export const useRunsStore = create<RunsStore>()((set, get) => {
  /** Replaces one run with the engine's full record (durations, errors). */
  const refreshRun = async (runId: number): Promise<void> => {
    try {
      const run = await engineConnection().api.getRun({ runId });
      set((s) => ({ runs: [run, ...s.runs.filter((r) => r.runId !== runId)].sort((a, b) => b.runId - a.runId) }));
    } catch (err) {
      if (!isDisconnect(err)) toasts().showError(`Could not read run #${runId}`, err);
    }
  };

  return {
    ...initialRunsState,
    load: async () => {
      set({ status: 'loading' });
      try {
        const { runs } = await engineConnection().api.listRuns({ limit: HISTORY_LIMIT });
        // No pick yet shows the newest run (selectSelectedRun) without naming it in the URL.
        set({ runs, status: 'ready', error: null });
      } catch (err) {
        set({ status: 'error', error: errorDataOf(err) });
        // A load cut short by a lost connection is retried on reconnect; the status bar says why.
        if (!isDisconnect(err)) toasts().showError('Could not load the run history', err);
      }
    },
    select: (selectedRunId) => set({ selectedRunId }),
    start: async (request) => {
      set({ pending: 'starting' });
      try {
        const { runId } = await engineConnection().api.startRun(request);
        set({ selectedRunId: runId });
        if (!get().runs.some((r) => r.runId === runId)) void refreshRun(runId);
        return runId;
      } catch (err) {
        toasts().showError('Could not start the run', err);
        return null;
      } finally {
        set({ pending: null });
      }
    },
    cancel: async (runId) => {
      set({ pending: 'cancelling' });
      try {
        await engineConnection().api.cancelRun({ runId });
      } catch (err) {
        toasts().showError(`Could not cancel run #${runId}`, err);
      } finally {
        set({ pending: null });
      }
    },
    applyEvent: (event) => {
      const known = get().runs.some((r) => r.runId === event.runId);
      set((s) => ({ runs: applyRunEvent(s.runs, event), progress: applyRunProgress(s.progress, event) }));
      if (event.type === 'run-finished' || (!known && event.type !== 'run-started')) void refreshRun(event.runId);
    },
  };
});
