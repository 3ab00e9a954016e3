// Releases held rows of a quarantine, all of them or those matching a SQL condition, so that the
// model's next run takes them back in. The panel around it says how many were released: releasing
// the last held rows removes this form.
import { useState, type FormEvent } from 'react';
import type { ErrorData } from '../../../shared/errors.js';
import { engineConnection } from '../../api/engine.js';
import { errorDataOf } from '../../api/error-data.js';
import { ErrorCallout } from '../../components/feedback/ErrorCallout.js';

export interface ReleaseFormProps {
  layer: 'bronze' | 'silver' | 'gold';
  model: string;
  table: string;
  /** Called with how many rows were released. */
  onReleased(released: number): void;
}

export function ReleaseForm({ layer, model, table, onReleased }: ReleaseFormProps) {
  const [filter, setFilter] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorData | null>(null);
  const onSubmit = (event: FormEvent): void => {
    event.preventDefault();
    setBusy(true);
    void engineConnection()
      .api.releaseQuarantine({ layer, model, filter })
      .then(
        ({ released }) => {
          setError(null);
          setFilter('');
          onReleased(released);
        },
        (err: unknown) => setError(errorDataOf(err)),
      )
      .finally(() => setBusy(false));
  };
  return (
    <form className="release-form" aria-label={`Release rows of ${table}`} onSubmit={onSubmit}>
      <label className="field release-form__filter">
        <span className="field__label">Rows to release (a SQL condition; empty releases every held row)</span>
        <input className="input" value={filter} onChange={(e) => setFilter(e.target.value)} placeholder="e.g. order_id = 42" spellCheck={false} autoComplete="off" />
      </label>
      <button type="submit" className="button" disabled={busy}>
        {busy ? 'Releasing…' : filter.trim() === '' ? 'Release all held rows' : 'Release matching rows'}
      </button>
      {error ? <ErrorCallout error={error} /> : null}
    </form>
  );
}
