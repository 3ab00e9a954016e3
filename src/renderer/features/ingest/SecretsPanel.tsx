// The Secrets panel of the Ingest screen: each secret the workspace's HTTP sources name, whether it
// is set and where (an environment variable wins over a saved value), with a password field to
// save it and Remove to delete the saved value. Values go to the user's secrets file, outside the
// workspace, and never come back to the page; the field is cleared once saved.
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { ListSecretsResult } from '../../../shared/api/index.js';
import type { ErrorData } from '../../../shared/errors.js';
import { engineConnection } from '../../api/engine.js';
import { errorDataOf } from '../../api/error-data.js';
import { ErrorCallout } from '../../components/feedback/ErrorCallout.js';
import { secretRows, secretStatusText, type SecretRow } from './secret-rows.js';
import './ingest.css';

interface SecretsPanelProps {
  /** Changes when the sources were listed again or a test request ended, so the list is fetched again. */
  refreshKey: string;
  connected: boolean;
}

export function SecretsPanel({ refreshKey, connected }: SecretsPanelProps) {
  const [list, setList] = useState<ListSecretsResult | null>(null);
  const [error, setError] = useState<ErrorData | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const load = useCallback(async (): Promise<void> => {
    try {
      setList(await engineConnection().api.listSecrets({}));
      setError(null);
    } catch (err) {
      setError(errorDataOf(err));
    }
  }, []);

  useEffect(() => {
    if (connected) void load();
  }, [connected, refreshKey, load]);
  useEffect(
    () =>
      engineConnection().on('onWorkspaceChanged', (change) => {
        if (change.kind === 'source') void load();
      }),
    [load],
  );

  const rows = list ? secretRows(list) : [];
  if (!error && rows.length === 0) return null;

  const save = async (name: string, value: string): Promise<boolean> => {
    setNotice(null);
    try {
      const result = await engineConnection().api.setSecret({ name, value });
      setError(null);
      setNotice(result.overriddenByEnvironment ? `Saved ${name}; the environment variable ${name} still wins while it is set.` : `Saved ${name}. Sources that name it use it from their next request.`);
      await load();
      return true;
    } catch (err) {
      setError(errorDataOf(err));
      return false;
    }
  };
  const remove = async (name: string): Promise<void> => {
    setNotice(null);
    try {
      await engineConnection().api.deleteSecret({ name });
      setError(null);
      setNotice(`Removed the saved value of ${name}.`);
      await load();
    } catch (err) {
      setError(errorDataOf(err));
    }
  };

  return (
    <section aria-labelledby="secrets-heading" className="secrets-panel">
      <h2 id="secrets-heading">Secrets</h2>
      <p className="hint">
        Tokens and passwords your HTTP sources name. Saved values are kept for your user in {list ? <code>{list.file}</code> : 'your Ingot config folder'}, never in the workspace; an
        environment variable of the same name wins.
      </p>
      {rows.length > 0 ? (
        <div className="table-scroll">
          <table className="data-table" aria-label="Secrets">
            <thead>
              <tr>
                <th scope="col">Secret</th>
                <th scope="col">Used by</th>
                <th scope="col">Status</th>
                <th scope="col">Value</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <SecretRowView key={row.name} row={row} onSave={save} onRemove={(name) => void remove(name)} />
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {notice ? (
        <p role="status" aria-label="Secrets status" className="hint">
          {notice}
        </p>
      ) : null}
      {error ? <ErrorCallout error={error} /> : null}
    </section>
  );
}

function SecretRowView({ row, onSave, onRemove }: { row: SecretRow; onSave: (name: string, value: string) => Promise<boolean>; onRemove: (name: string) => void }) {
  const [value, setValue] = useState('');
  const [busy, setBusy] = useState(false);
  const onSubmit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (value === '') return;
    setBusy(true);
    void onSave(row.name, value)
      .then((ok) => {
        if (ok) setValue('');
      })
      .finally(() => setBusy(false));
  };
  return (
    <tr aria-label={`Secret ${row.name}`}>
      <th scope="row">
        <code>{row.name}</code>
      </th>
      <td>{row.usedBy.join(', ')}</td>
      <td>
        <span className={`pill ${row.origin ? 'pill--success' : 'pill--failed'}`} aria-label={`Status of ${row.name}`}>
          {secretStatusText(row)}
        </span>
      </td>
      <td>
        <form className="secrets-panel__form" onSubmit={onSubmit} aria-label={`Set ${row.name}`}>
          <input
            type="password"
            className="input"
            value={value}
            onChange={(e) => setValue(e.target.value)}
            autoComplete="new-password"
            spellCheck={false}
            placeholder={row.saved ? 'new value' : 'value'}
            aria-label={`Value of ${row.name}`}
          />
          <button type="submit" className="button button--small button--primary" disabled={busy || value === ''}>
            Save
          </button>
          {row.saved ? (
            <button type="button" className="button button--small" disabled={busy} onClick={() => onRemove(row.name)} aria-label={`Remove ${row.name}`}>
              Remove
            </button>
          ) : null}
        </form>
      </td>
    </tr>
  );
}
