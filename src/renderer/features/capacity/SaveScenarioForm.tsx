// Saving the form as a scenario file, capacity/<name>.yaml. A taken name is not replaced
// silently: the form says so and offers to replace it. Keyed by the scenario in the form, so
// loading another one proposes its name.
import { useState, type FormEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { SCENARIO_NAME, type CapacityInputs } from '../../../shared/capacity/index.js';
import { useCapacityStore } from '../../stores/capacity/store.js';
import { selectSaving } from '../../stores/capacity/selectors.js';
import { useConnectionStore } from '../../stores/connection/store.js';
import { selectConnected } from '../../stores/connection/selectors.js';

export function SaveScenarioForm({ inputs }: { inputs: CapacityInputs | null }) {
  const { saving, error, current, saveScenario, clearSaveError } = useCapacityStore(useShallow(selectSaving));
  const connected = useConnectionStore(selectConnected);
  const [name, setName] = useState(current ?? '');
  const [description, setDescription] = useState('');
  const nameProblem = name !== '' && !SCENARIO_NAME.test(name) ? 'Use letters, digits, "-", "_" and "." (it becomes capacity/<name>.yaml).' : null;
  const taken = error?.message.includes('already exists') ?? false;

  const save = (overwrite: boolean): void => {
    if (!inputs || name === '' || nameProblem) return;
    void saveScenario(name, inputs, { ...(description.trim() ? { description: description.trim() } : {}), overwrite });
  };
  const onSubmit = (event: FormEvent): void => {
    event.preventDefault();
    save(false);
  };

  return (
    <form className="cap-save" aria-label="Save scenario" onSubmit={onSubmit}>
      <label className="cap-save__name">
        <span className="field__label">Scenario name</span>
        <input
          className="input"
          value={name}
          onChange={(e) => {
            setName(e.target.value);
            clearSaveError();
          }}
          placeholder="e.g. launch-2025"
          spellCheck={false}
          autoComplete="off"
          aria-invalid={nameProblem !== null}
        />
      </label>
      <label className="cap-save__description">
        <span className="field__label">Description (optional)</span>
        <input className="input" value={description} onChange={(e) => setDescription(e.target.value)} autoComplete="off" />
      </label>
      <button type="submit" className="button button--primary" disabled={!connected || !inputs || name === '' || nameProblem !== null || saving}>
        {saving ? 'Saving…' : 'Save scenario'}
      </button>
      {nameProblem ? <p className="cap-field__error cap-save__message">{nameProblem}</p> : null}
      {!inputs ? <p className="hint cap-save__message">Fix the inputs above to save them.</p> : null}
      {error ? (
        <div className="cap-error cap-save__message" role="alert">
          <p>{error.message}</p>
          {taken ? (
            <button type="button" className="button button--small button--danger" onClick={() => save(true)}>
              Replace capacity/{name}.yaml
            </button>
          ) : error.hint ? (
            <p className="hint">{error.hint}</p>
          ) : null}
        </div>
      ) : null}
    </form>
  );
}
