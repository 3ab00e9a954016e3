// Exports the published tables as a Parquet lake into a folder the user names (relative to the
// workspace folder, or absolute), with a cancel; the earlier export there stays until it succeeds.
import { useRef, useState, type FormEvent } from 'react';
import type { ExportLakeResult } from '../../../shared/api/index.js';
import type { ErrorData } from '../../../shared/errors.js';
import { engineConnection } from '../../api/engine.js';
import { errorDataOf } from '../../api/error-data.js';
import { ErrorCallout } from '../../components/feedback/ErrorCallout.js';
import { countOf, formatBytes } from '../../format/numbers.js';

const LAYERS = ['bronze', 'silver', 'gold'] as const;
type ExportLayer = (typeof LAYERS)[number];

export function LakeExportForm() {
  const [dir, setDir] = useState('exports/lake');
  const [layers, setLayers] = useState<ExportLayer[]>(['gold']);
  const [outcome, setOutcome] = useState<{ result: ExportLakeResult } | { error: ErrorData } | null>(null);
  const [busy, setBusy] = useState(false);
  const controller = useRef<AbortController | null>(null);
  const toggle = (layer: ExportLayer, on: boolean): void => setLayers((ls) => (on ? LAYERS.filter((l) => l === layer || ls.includes(l)) : ls.filter((l) => l !== layer)));
  const onSubmit = (event: FormEvent): void => {
    event.preventDefault();
    const own = new AbortController();
    controller.current = own;
    setBusy(true);
    setOutcome(null);
    void engineConnection()
      .api.exportLake({ dir, layers }, { signal: own.signal })
      .then(
        (result) => setOutcome({ result }),
        (err: unknown) => setOutcome({ error: errorDataOf(err) }),
      )
      .finally(() => setBusy(false));
  };
  return (
    <form className="panel export-form" aria-label="Export a Parquet lake" onSubmit={onSubmit}>
      <h3>Parquet lake</h3>
      <p className="muted">Each table as Parquet files, with a manifest; for Spark, Trino, DuckDB anywhere.</p>
      <label className="field">
        <span className="field__label">Folder</span>
        <input className="input" value={dir} onChange={(e) => setDir(e.target.value)} spellCheck={false} autoComplete="off" />
      </label>
      <fieldset className="export-form__layers">
        <legend className="field__label">Layers</legend>
        {LAYERS.map((layer) => (
          <label key={layer} className="checkbox">
            <input type="checkbox" checked={layers.includes(layer)} onChange={(e) => toggle(layer, e.target.checked)} />
            {layer}
          </label>
        ))}
      </fieldset>
      <div className="button-row">
        <button type="submit" className="button button--primary" disabled={busy || layers.length === 0 || dir.trim() === ''}>
          {busy ? 'Exporting…' : 'Export lake'}
        </button>
        {busy ? (
          <button type="button" className="button button--danger" onClick={() => controller.current?.abort()}>
            Cancel
          </button>
        ) : null}
      </div>
      {outcome && 'error' in outcome ? <ErrorCallout error={outcome.error} /> : null}
      {outcome && 'result' in outcome ? (
        <div role="status" aria-label="Lake export result">
          <p>
            Wrote {outcome.result.tables.length} table{outcome.result.tables.length === 1 ? '' : 's'} to <code>{outcome.result.dir}</code>.
          </p>
          <ul className="export-form__tables">
            {outcome.result.tables.map((t) => (
              <li key={t.table}>
                <code>{t.table}</code>: {countOf(t.rows, 'row')} in {countOf(t.files, 'file')} ({formatBytes(t.bytes)})
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </form>
  );
}
