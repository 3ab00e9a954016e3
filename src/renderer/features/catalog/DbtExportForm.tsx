// Exports the models and their checks as a dbt project into a folder the user names; says what
// of the checks dbt cannot express (also listed in the project's README).
import { useState, type FormEvent } from 'react';
import type { ExportDbtResult } from '../../../shared/api/index.js';
import type { ErrorData } from '../../../shared/errors.js';
import { engineConnection } from '../../api/engine.js';
import { errorDataOf } from '../../api/error-data.js';
import { ErrorCallout } from '../../components/feedback/ErrorCallout.js';
import { countOf } from '../../format/numbers.js';

export function DbtExportForm() {
  const [dir, setDir] = useState('exports/dbt');
  const [projectName, setProjectName] = useState('');
  const [outcome, setOutcome] = useState<{ result: ExportDbtResult } | { error: ErrorData } | null>(null);
  const [busy, setBusy] = useState(false);
  const onSubmit = (event: FormEvent): void => {
    event.preventDefault();
    setBusy(true);
    setOutcome(null);
    void engineConnection()
      .api.exportDbt({ dir, ...(projectName.trim() !== '' ? { projectName } : {}) })
      .then(
        (result) => setOutcome({ result }),
        (err: unknown) => setOutcome({ error: errorDataOf(err) }),
      )
      .finally(() => setBusy(false));
  };
  return (
    <form className="panel export-form" aria-label="Export a dbt project" onSubmit={onSubmit}>
      <h3>dbt project</h3>
      <p className="muted">The models with ref() and source(), their docs and checks as dbt tests, for dbt-duckdb and beyond.</p>
      <label className="field">
        <span className="field__label">Folder</span>
        <input className="input" value={dir} onChange={(e) => setDir(e.target.value)} spellCheck={false} autoComplete="off" />
      </label>
      <label className="field">
        <span className="field__label">Project name (optional)</span>
        <input className="input" value={projectName} onChange={(e) => setProjectName(e.target.value)} placeholder="from the workspace name" spellCheck={false} autoComplete="off" />
      </label>
      <div className="button-row">
        <button type="submit" className="button button--primary" disabled={busy || dir.trim() === ''}>
          {busy ? 'Exporting…' : 'Export dbt project'}
        </button>
      </div>
      {outcome && 'error' in outcome ? <ErrorCallout error={outcome.error} /> : null}
      {outcome && 'result' in outcome ? (
        <div role="status" aria-label="dbt export result">
          <p>
            Wrote project <code>{outcome.result.projectName}</code> to <code>{outcome.result.dir}</code>: {countOf(outcome.result.models, 'model')}, {countOf(outcome.result.sources, 'source')},{' '}
            {countOf(outcome.result.tests, 'test')} in {countOf(outcome.result.files, 'file')}.
          </p>
          {outcome.result.notCarriedOver.length > 0 ? (
            <details>
              <summary>Not carried over ({outcome.result.notCarriedOver.length})</summary>
              <ul>
                {outcome.result.notCarriedOver.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            </details>
          ) : null}
        </div>
      ) : null}
    </form>
  );
}
