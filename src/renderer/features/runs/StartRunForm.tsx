// Starting a run: which models (selection syntax), full refresh or not; and cancelling the run
// in progress.
import { useState, type FormEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useConnectionStore } from '../../stores/connection/store.js';
import { selectConnected } from '../../stores/connection/selectors.js';
import { useRunsStore } from '../../stores/runs/store.js';
import { selectActiveRun, selectRunControls } from '../../stores/runs/selectors.js';

export function StartRunForm() {
  const [selection, setSelection] = useState('');
  const [fullRefresh, setFullRefresh] = useState(false);
  const { pending, start, cancel } = useRunsStore(useShallow(selectRunControls));
  const active = useRunsStore(selectActiveRun);
  const connected = useConnectionStore(selectConnected);

  const onSubmit = (event: FormEvent): void => {
    event.preventDefault();
    void start({ select: selection.trim(), fullRefresh });
  };

  return (
    <form className="run-form" onSubmit={onSubmit} aria-label="Start a run">
      <label className="field">
        <span className="field__label">Models to run</span>
        <input
          className="input"
          name="selection"
          value={selection}
          onChange={(e) => setSelection(e.target.value)}
          placeholder="all models — or e.g. +my_model, my_model+, layer:silver, tag:daily"
          spellCheck={false}
          autoComplete="off"
        />
      </label>
      <label className="checkbox">
        <input type="checkbox" checked={fullRefresh} onChange={(e) => setFullRefresh(e.target.checked)} />
        Full refresh
      </label>
      <button type="submit" className="button button--primary" disabled={!connected || pending !== null}>
        {pending === 'starting' ? 'Starting…' : 'Start run'}
      </button>
      {active ? (
        <button type="button" className="button button--danger" disabled={pending !== null} onClick={() => void cancel(active.runId)}>
          {pending === 'cancelling' ? 'Cancelling…' : `Cancel run #${active.runId}`}
        </button>
      ) : null}
    </form>
  );
}
