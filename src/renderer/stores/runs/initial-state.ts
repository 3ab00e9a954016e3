// Initial state of the runs store: no history loaded, nothing selected or in flight.
import type { RunSummary } from '../../../shared/api/index.js';
import type { ErrorData } from '../../../shared/errors.js';
import type { RunProgress } from './apply-run-event.js';

export interface RunsState {
  /** Newest first. */
  runs: RunSummary[];
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: ErrorData | null;
  selectedRunId: number | null;
  progress: RunProgress;
  /** A start or cancel request on its way to the engine. */
  pending: 'starting' | 'cancelling' | null;
}

export const initialRunsState: RunsState = { runs: [], status: 'idle', error: null, selectedRunId: null, progress: {}, pending: null };
