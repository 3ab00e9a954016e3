// Runs the selected model from the designer: just it, it with everything it reads, or it with
// everything that reads it (the selection syntax `name`, `+name`, `name+`).
import { useShallow } from 'zustand/react/shallow';
import { useConnectionStore } from '../../stores/connection/store.js';
import { selectConnected } from '../../stores/connection/selectors.js';
import { useRunsStore } from '../../stores/runs/store.js';
import { selectActiveRun, selectRunControls } from '../../stores/runs/selectors.js';

/** `unsaved`: the model's SQL has an edit not saved yet, which a run would not build. */
export function RunModelButtons({ name, unsaved }: { name: string; unsaved: boolean }) {
  const { pending, start } = useRunsStore(useShallow(selectRunControls));
  const active = useRunsStore(selectActiveRun);
  const connected = useConnectionStore(selectConnected);
  const disabled = !connected || pending !== null || active !== null || unsaved;
  const run = (select: string): void => void start({ select });
  return (
    <div className="button-row" role="group" aria-label={`Run ${name}`}>
      <button type="button" className="button button--primary" disabled={disabled} onClick={() => run(name)}>
        Run
      </button>
      <button type="button" className="button" disabled={disabled} onClick={() => run(`+${name}`)} title={`Also builds what ${name} reads (+${name})`}>
        Run with upstream
      </button>
      <button type="button" className="button" disabled={disabled} onClick={() => run(`${name}+`)} title={`Also builds what reads ${name} (${name}+)`}>
        Run with downstream
      </button>
      {active ? <span className="muted">Run #{active.runId} is in progress.</span> : unsaved ? <span className="muted">Save the SQL first: a run builds what the file holds.</span> : null}
    </div>
  );
}
