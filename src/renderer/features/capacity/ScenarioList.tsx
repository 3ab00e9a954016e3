// The saved scenarios (capacity/*.yaml): load one into the form, or tick it to compare side by
// side. A file that does not validate is listed with its problem.
import { useShallow } from 'zustand/react/shallow';
import { useCapacityStore } from '../../stores/capacity/store.js';
import { selectScenarioList } from '../../stores/capacity/selectors.js';

export function ScenarioList() {
  const { scenarios, status, error, current, compared, comparePending, openScenario, toggleCompared } = useCapacityStore(useShallow(selectScenarioList));
  if (status === 'error') {
    return (
      <div className="cap-error" role="alert">
        <p>The saved scenarios could not be listed: {error?.message}</p>
        {error?.hint ? <p className="hint">{error.hint}</p> : null}
      </div>
    );
  }
  if (scenarios.length === 0) {
    return (
      <p className="hint">
        {status === 'loading' ? 'Listing saved scenarios…' : 'No saved scenarios yet. Save the form to keep it as capacity/<name>.yaml in the workspace (it diffs in git), then compare scenarios side by side.'}
      </p>
    );
  }
  return (
    <ul className="cap-scenarios" aria-label="Saved scenarios">
      {scenarios.map((s) => (
        <li key={s.name} className="cap-scenarios__item" aria-label={s.name}>
          <div className="cap-scenarios__text">
            <span className="cap-scenarios__name">
              {s.name}
              {s.name === current ? <span className="tag">in the form</span> : null}
            </span>
            {s.error ? <span className="cap-field__error">{s.error}</span> : <span className="cap-scenarios__description">{s.description ?? s.file}</span>}
          </div>
          <button type="button" className="button button--small" disabled={s.error !== undefined} onClick={() => void openScenario(s.name)} aria-label={`Load ${s.name}`}>
            Load
          </button>
          <label className="checkbox">
            <input type="checkbox" disabled={s.error !== undefined} checked={comparePending.includes(s.name) || compared.some((c) => c.name === s.name)} onChange={() => void toggleCompared(s.name)} aria-label={`Compare ${s.name}`} />
            Compare
          </label>
        </li>
      ))}
    </ul>
  );
}
