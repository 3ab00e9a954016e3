// Adds a model: its layer, a name, and a first SELECT on the table it starts from. The engine
// checks it as a run would; a refusal is shown here and nothing is written.
import { useState, type FormEvent } from 'react';
import type { ErrorData } from '../../../shared/errors.js';
import { useModelsStore } from '../../stores/models/store.js';
import { ErrorCallout } from '../../components/feedback/ErrorCallout.js';
import { ModelSqlEditor } from './ModelSqlEditor.js';

export interface NewModelFormProps {
  /** The table the model starts from (`layer.name`), or null. */
  from: string | null;
  onDone(): void;
}

export function NewModelForm({ from, onDone }: NewModelFormProps) {
  const create = useModelsStore((s) => s.create);
  const [layer, setLayer] = useState<'silver' | 'gold'>(from?.startsWith('bronze.') === false ? 'gold' : 'silver');
  const [name, setName] = useState(from ? suggestName(from, from.startsWith('bronze.') ? 'silver' : 'gold') : '');
  const [sql, setSql] = useState(from ? `SELECT *\nFROM ${from}\n` : 'SELECT\n  \nFROM ');
  const [error, setError] = useState<ErrorData | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (): Promise<void> => {
    setBusy(true);
    const refused = await create({ layer, name: name.trim(), sql });
    setBusy(false);
    setError(refused);
    if (!refused) onDone();
  };
  const onSubmit = (event: FormEvent): void => {
    event.preventDefault();
    void submit();
  };
  return (
    <form className="panel designer-panel new-model" aria-label="New model" onSubmit={onSubmit}>
      <header className="panel designer-panel__header">
        <h2>New model</h2>
      </header>
      <div className="new-model__fields">
        <label className="field">
          <span className="field__label">Layer</span>
          <select className="input" value={layer} onChange={(e) => setLayer(e.target.value === 'gold' ? 'gold' : 'silver')}>
            <option value="silver">silver: cleaned, conformed</option>
            <option value="gold">gold: business-ready</option>
          </select>
        </label>
        <label className="field">
          <span className="field__label">Name</span>
          <input className="input" value={name} onChange={(e) => setName(e.target.value)} placeholder="e.g. stg_orders" spellCheck={false} autoComplete="off" required />
        </label>
      </div>
      <p className="muted">
        Saved as <code>models/{layer}/{name.trim() || '…'}.sql</code> and built as the table {layer}.{name.trim() || '…'}.
      </p>
      <ModelSqlEditor label="SQL of the new model" value={sql} busy={busy} error={error} onChange={setSql} onSave={() => void submit()} />
      {error ? <ErrorCallout error={error} /> : null}
      <div className="button-row">
        <button type="submit" className="button button--primary" disabled={busy || name.trim() === ''}>
          {busy ? 'Creating…' : 'Create model'}
        </button>
        <button type="button" className="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/** A name for a model reading `from`: `stg_orders` for silver on bronze.orders, else the table's name. */
function suggestName(from: string, layer: 'silver' | 'gold'): string {
  const table = from.slice(from.indexOf('.') + 1);
  return layer === 'silver' && !table.startsWith('stg_') ? `stg_${table}` : `${table}_summary`;
}
