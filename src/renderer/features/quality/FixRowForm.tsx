// Fixes one held row of a quarantine: pick the row among the held rows listed above, change its
// values (one labelled field per model column, with a NULL checkbox), then save the fix, or save it
// and release the row so the model's next run takes it back in. The engine casts each value to its
// column's type and names the column whose value does not fit; only changed values are sent.
import { useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import type { ArrowPayload, FixQuarantinedRowResult } from '../../../shared/api/index.js';
import type { ErrorData } from '../../../shared/errors.js';
import { engineConnection } from '../../api/engine.js';
import { errorDataOf } from '../../api/error-data.js';
import { ErrorCallout } from '../../components/feedback/ErrorCallout.js';
import { heldRows, type HeldRow } from './held-rows.js';

export interface FixRowFormProps {
  layer: 'bronze' | 'silver' | 'gold';
  model: string;
  table: string;
  /** The page of quarantined rows the panel shows (its first `limit`). */
  rows: ArrowPayload;
  limit: number;
  onFixed(result: FixQuarantinedRowResult): void;
}

type Draft = Record<string, { text: string; isNull: boolean }>;

const draftOf = (row: HeldRow): Draft => Object.fromEntries(row.editable.map((name) => [name, { text: row.shown[name] ?? '', isNull: row.shown[name] === null }]));

function rowLabel(row: HeldRow): string {
  const preview = row.editable
    .slice(0, 4)
    .map((name) => `${name} ${row.shown[name] ?? 'NULL'}`)
    .join(', ');
  return `Row ${row.position} · ${row.failedChecks || 'no check named'} · ${preview}`;
}

export function FixRowForm({ layer, model, table, rows, limit, onFixed }: FixRowFormProps) {
  const held = useMemo(() => heldRows(rows, limit), [rows, limit]);
  const [picked, setPicked] = useState<HeldRow | null>(null);
  const [draft, setDraft] = useState<Draft>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorData | null>(null);
  const pickerId = useId();
  // Rows read again (after a fix, a release or a run) may no longer hold the picked row.
  useEffect(() => setPicked(null), [rows]);
  if (held.length === 0) return null;

  const pick = (position: string): void => {
    const row = held.find((r) => String(r.position) === position) ?? null;
    setPicked(row);
    setDraft(row ? draftOf(row) : {});
    setError(null);
  };
  const setField = (name: string, change: Partial<Draft[string]>): void => setDraft((d) => ({ ...d, [name]: { text: d[name]?.text ?? '', isNull: d[name]?.isNull ?? false, ...change } }));

  const onSubmit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (!picked) return;
    const release = (event.nativeEvent as SubmitEvent).submitter?.getAttribute('name') === 'release';
    const changes: Record<string, string | null> = {};
    for (const name of picked.editable) {
      const field = draft[name];
      const value = !field || field.isNull ? null : field.text;
      if (field && value !== picked.shown[name]) changes[name] = value;
    }
    setBusy(true);
    void engineConnection()
      .api.fixQuarantinedRow({ layer, model, row: picked.values, changes, release })
      .then(
        (result) => {
          setError(null);
          setPicked(null);
          onFixed(result);
        },
        (err: unknown) => setError(errorDataOf(err)),
      )
      .finally(() => setBusy(false));
  };

  return (
    <form className="fix-row-form" aria-label={`Fix a held row of ${table}`} onSubmit={onSubmit}>
      <div className="field fix-row-form__picker">
        <label className="field__label" htmlFor={pickerId}>
          Held row to fix (rows of the table above)
        </label>
        <select id={pickerId} className="input" value={picked ? String(picked.position) : ''} onChange={(e) => pick(e.target.value)}>
          <option value="">Pick a held row…</option>
          {held.map((row) => (
            <option key={row.position} value={String(row.position)}>
              {rowLabel(row)}
            </option>
          ))}
        </select>
      </div>
      {picked ? (
        <>
          <fieldset className="fix-row-form__fields">
            <legend className="field__label">New values of row {picked.position} (each is cast to its column&apos;s type)</legend>
            {picked.editable.map((name) => {
              const field = draft[name] ?? { text: '', isNull: false };
              return (
                <div key={name} className="fix-row-form__field">
                  <label className="field">
                    <span className="field__label">{name}</span>
                    <input className="input" value={field.isNull ? '' : field.text} disabled={field.isNull} placeholder={field.isNull ? 'NULL' : ''} onChange={(e) => setField(name, { text: e.target.value })} spellCheck={false} autoComplete="off" />
                  </label>
                  <label className="checkbox">
                    <input type="checkbox" checked={field.isNull} onChange={(e) => setField(name, { isNull: e.target.checked })} aria-label={`${name} is NULL`} />
                    NULL
                  </label>
                </div>
              );
            })}
          </fieldset>
          <div className="fix-row-form__actions">
            <button type="submit" name="save" className="button" disabled={busy}>
              {busy ? 'Saving…' : 'Save fix'}
            </button>
            <button type="submit" name="release" className="button button--primary" disabled={busy}>
              Save fix and release this row
            </button>
          </div>
        </>
      ) : null}
      {error ? <ErrorCallout error={error} /> : null}
    </form>
  );
}
