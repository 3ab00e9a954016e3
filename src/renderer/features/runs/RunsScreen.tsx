// The Runs screen: start or cancel a run, the run history, and the selected run's models, all
// kept current by the engine's run event stream.
import { useShallow } from 'zustand/react/shallow';
import { useRunsStore } from '../../stores/runs/store.js';
import { selectRunHistory, selectRunProgress, selectSelectedRun } from '../../stores/runs/selectors.js';
import { RunDetail } from './RunDetail.js';
import { RunHistory } from './RunHistory.js';
import { StartRunForm } from './StartRunForm.js';

export function RunsScreen() {
  const { runs, status, error, selectedRunId, select } = useRunsStore(useShallow(selectRunHistory));
  const selected = useRunsStore(selectSelectedRun);
  const progress = useRunsStore(selectRunProgress);
  return (
    <div className="screen">
      <div className="screen__header">
        <h1>Runs</h1>
      </div>
      <StartRunForm />
      {status === 'error' && runs.length === 0 ? (
        <div className="empty-state" role="alert">
          <h2>The run history could not be loaded</h2>
          <p>{error?.message}</p>
          {error?.hint ? <p className="hint">{error.hint}</p> : null}
        </div>
      ) : runs.length === 0 ? (
        <div className="empty-state">
          <h2>No runs yet</h2>
          <p>
            A run builds the silver and gold models from bronze. Start one above, or from a terminal with <code>ingot run</code>.
          </p>
        </div>
      ) : (
        <div className="runs-layout">
          <div className="runs-layout__history">
            <RunHistory runs={runs} selectedRunId={selected?.runId ?? selectedRunId} onSelect={select} />
          </div>
          <div className="runs-layout__detail">{selected ? <RunDetail run={selected} progress={progress} /> : null}</div>
        </div>
      )}
    </div>
  );
}
