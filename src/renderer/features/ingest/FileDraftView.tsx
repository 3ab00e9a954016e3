// One added file in the Add data files panel: the columns DuckDB inferred and the first rows,
// then "Load into bronze" (a new source named after the file) and what the load did — or why
// the file could not be read, with what to do.
import type { FileDraft } from '../../stores/sources/initial-state.js';
import { loadStatusText } from './load-status.js';
import { PreviewRows } from './PreviewRows.js';
import { PreviewView } from './PreviewView.js';

interface FileDraftViewProps {
  draft: FileDraft;
  onLoad: () => void;
  onRemove: () => void;
}

export function FileDraftView({ draft, onLoad, onRemove }: FileDraftViewProps) {
  const { path, preview, load } = draft;
  const loaded = load?.state === 'done' ? load.result : null;
  return (
    <article className="file-draft" aria-label={`File ${path}`}>
      <header className="file-draft__header">
        <code>{path}</code>
        <div className="row-actions">
          <button
            type="button"
            className="button button--small button--primary"
            disabled={preview.status !== 'ready' || load?.state === 'running'}
            onClick={onLoad}
            aria-label={`Load ${path} into bronze`}
          >
            Load into bronze
          </button>
          <button type="button" className="button button--small button--ghost" onClick={onRemove} aria-label={`Remove ${path}`}>
            Remove
          </button>
        </div>
      </header>
      {preview.status === 'loading' ? <p role="status">Reading {path}…</p> : null}
      {preview.status === 'failed' ? (
        <div role="alert" className="file-draft__error">
          <p>{preview.error.message}</p>
          {preview.error.hint ? <p className="hint">{preview.error.hint}</p> : null}
        </div>
      ) : null}
      {preview.status === 'ready' ? (
        <>
          <PreviewView source={path} result={preview.result} />
          <PreviewRows label={`First rows of ${path}`} rows={preview.result.rows} />
        </>
      ) : null}
      {load ? (
        <p role="status" aria-label={`Load status of ${path}`} className={load.state === 'failed' ? 'num--bad' : 'hint'}>
          {loadStatusText(load)}
          {loaded ? ` into ${loaded.table} (source ${loaded.source})` : ''}
        </p>
      ) : null}
    </article>
  );
}
