// One added file in the Add data files panel: the columns DuckDB inferred, rows it could not
// parse (with their line), and the first rows; then "Load into bronze" (a new source named
// after the file) with live progress and a cancel, and what the load did — or why the file could
// not be read, with what to do. A file outside the workspace folder gets a warning first.
import type { ErrorData } from '../../../shared/errors.js';
import { isOutsideWorkspace } from '../../stores/sources/drafts.js';
import type { FileDraft, SourceLoad } from '../../stores/sources/initial-state.js';
import { loadStatusText } from './load-status.js';
import { RowsTable } from '../../components/grid/RowsTable.js';
import { PreviewView } from './PreviewView.js';
import { hintForTheApp } from '../../format/app-hint.js';

interface FileDraftViewProps {
  draft: FileDraft;
  load: SourceLoad | undefined;
  workspaceRoot: string | null;
  onLoad: () => void;
  onCancel: () => void;
  onRemove: () => void;
}

function ErrorBox({ error }: { error: ErrorData }) {
  return (
    <div role="alert" className="file-draft__error">
      <p>{error.message}</p>
      {error.hint ? <p className="hint">{error.hint}</p> : null}
    </div>
  );
}

export function FileDraftView({ draft, load, workspaceRoot, onLoad, onCancel, onRemove }: FileDraftViewProps) {
  const { path, preview } = draft;
  const busy = preview.status === 'loading' || load?.state === 'running';
  const result = load?.state === 'done' ? load.result : null;
  const outside = workspaceRoot !== null && isOutsideWorkspace(workspaceRoot, path);
  return (
    <article className="file-draft" aria-label={`File ${path}`}>
      <header className="file-draft__header">
        <code>{path}</code>
        <div className="row-actions">
          <button type="button" className="button button--small button--primary" disabled={preview.status !== 'ready' || busy} onClick={onLoad} aria-label={`Load ${path} into bronze`}>
            Load into bronze
          </button>
          {busy ? (
            <button type="button" className="button button--small" onClick={onCancel} aria-label={`Cancel ${path}`}>
              Cancel
            </button>
          ) : null}
          <button type="button" className="button button--small button--ghost" onClick={onRemove} aria-label={`Remove ${path}`} disabled={load?.state === 'running'}>
            Remove
          </button>
        </div>
      </header>
      {outside ? (
        <p className="hint file-draft__warning">
          This file is outside the workspace folder, so its source will name it by its absolute path, which works on this computer only. To keep the workspace portable (in git, on
          another machine), move the file into the workspace (e.g. <code>data/</code>) and add it from there.
        </p>
      ) : null}
      {preview.status === 'loading' ? <p role="status">Reading {path}…</p> : null}
      {preview.status === 'cancelled' ? <p className="hint">Preview cancelled. Add the file again to read it.</p> : null}
      {preview.status === 'failed' ? <ErrorBox error={preview.error} /> : null}
      {preview.status === 'ready' ? (
        <>
          <PreviewView source={path} result={preview.result} heading={false} />
          {(preview.result.rejects ?? []).length > 0 ? (
            <ul aria-label={`Rows of ${path} that could not be read`} className="file-draft__rejects">
              {(preview.result.rejects ?? []).slice(0, 10).map((r, i) => (
                <li key={i}>
                  {r.line !== null ? `line ${r.line}` : 'a row'}
                  {r.column ? `, column ${r.column}` : ''}: {r.error}
                </li>
              ))}
            </ul>
          ) : null}
          <RowsTable label={`First rows of ${path}`} rows={preview.result.rows} emptyText="The file holds no data rows." />
        </>
      ) : null}
      {draft.addError ? <ErrorBox error={draft.addError} /> : null}
      {load?.state === 'failed' && load.error.code !== 'CANCELLED' ? <ErrorBox error={load.error} /> : null}
      {load ? (
        <p role="status" aria-label={`Load status of ${path}`} className="hint">
          {loadStatusText(load)}
          {result && !result.unchanged ? ` into ${result.table} (source ${result.source})` : ''}
        </p>
      ) : null}
      {(result?.warnings ?? []).map((w) => (
        <p key={w} className="hint">
          {hintForTheApp(w)}
        </p>
      ))}
    </article>
  );
}
