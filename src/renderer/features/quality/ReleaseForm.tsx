// Releases held rows of a quarantine, all of them or those matching a SQL condition, so that the
// model's next run takes them back in: a fixed row is published, one that still fails is held again.
import { useState, type FormEvent } from 'react';
import type { ErrorData } from '../../../shared/errors.js';
import { engineConnection } from '../../api/engine.js';
import { errorDataOf } from '../../api/error-data.js';
import { ErrorCallout } from '../../components/feedback/ErrorCallout.js';
import { formatCount } from '../../format/numbers.js';

export interface ReleaseFormProps {
  layer: 'bronze' | 'silver' | 'gold';
  model: string;
  table: string;
  onReleased(): void;
}

export function ReleaseForm({ layer, model, table, onReleased }: ReleaseFormProps) {
  const [filter, setFilter] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ released: number } | { error: ErrorData } | null>(null);
  const onSubmit = (event: FormEvent): void => {
    event.preventDefault();
    setBusy(true);
    void engineConnection()
      .api.releaseQuarantine({ layer, model, filter })
      .then(
        ({ released }) => {
          setOutcome({ released });
          setFilter('');
          onReleased();
        },
        (err: unknown) => setOutcome({ error: errorDataOf(err) }),
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
      {outcome && 'error' in outcome ? <ErrorCallout error={outcome.error} /> : null}
      {outcome && 'released' in outcome ? (
        <p className="muted" role="status" aria-label="Release result">
          Released {formatCount(outcome.released)} row{outcome.released === 1 ? '' : 's'}. The next run of {model} takes them back in: a fixed row is published, a row that still fails is held
          again.
        </p>
      ) : null}
    </form>
  );
}
