// The Catalog screen: every source, model and table with its documentation, owner, columns,
// lineage and quality score, searchable; and the exports that take the workspace past one
// machine (a Parquet lake, a dbt project). Follows finished runs and edited files.
import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { engineConnection } from '../../api/engine.js';
import { useCatalogStore } from '../../stores/catalog/store.js';
import { filterEntries, selectCatalogList, selectSelectedEntry } from '../../stores/catalog/selectors.js';
import { selectLastFinishedRunId } from '../../stores/runs/selectors.js';
import { useRunsStore } from '../../stores/runs/store.js';
import { CatalogEntryView } from './CatalogEntryView.js';
import { CatalogList } from './CatalogList.js';
import { DbtExportForm } from './DbtExportForm.js';
import { LakeExportForm } from './LakeExportForm.js';
import './catalog.css';
import { selectConnected } from '../../stores/connection/selectors.js';
import { useConnectionStore } from '../../stores/connection/store.js';

export function CatalogScreen() {
  const { entries, status, error, filter, select, setFilter } = useCatalogStore(useShallow(selectCatalogList));
  const entry = useCatalogStore(selectSelectedEntry);
  const lastFinishedRun = useRunsStore(selectLastFinishedRunId);
  const connected = useConnectionStore(selectConnected);
  useEffect(() => {
    if (connected) void useCatalogStore.getState().load();
  }, [lastFinishedRun, connected]);
  useEffect(
    () =>
      engineConnection().on('onWorkspaceChanged', (change) => {
        if (change.kind === 'model' || change.kind === 'source') void useCatalogStore.getState().load();
      }),
    [],
  );
  const shown = filterEntries(entries, filter);
  return (
    <div className="screen catalog-screen">
      <div className="screen__header">
        <h1>Catalog</h1>
        <input className="input catalog-screen__search" type="search" aria-label="Search the catalog" placeholder="Search names, descriptions, owners, tags, columns" value={filter} onChange={(e) => setFilter(e.target.value)} />
      </div>
      {status === 'error' && entries.length === 0 ? (
        <div className="empty-state" role="alert">
          <h2>The catalog could not be read</h2>
          <p>{error?.message}</p>
          {error?.hint ? <p className="hint">{error.hint}</p> : null}
        </div>
      ) : entries.length === 0 && status === 'ready' ? (
        <div className="empty-state">
          <h2>Nothing to describe yet</h2>
          <p>Load a file on the Ingest screen, or add a model on the Pipeline screen; each appears here with its columns and lineage.</p>
        </div>
      ) : (
        <div className="catalog-screen__layout">
          <CatalogList entries={shown} selected={entry ? `${entry.layer}.${entry.name}` : null} onSelect={select} />
          <div className="catalog-screen__detail">
            {entry ? <CatalogEntryView entry={entry} onSelect={select} /> : <p className="hint">Choose a table to see its description, columns and lineage.</p>}
          </div>
        </div>
      )}
      <section className="catalog-screen__exports" aria-label="Export">
        <h2>Export</h2>
        <p className="muted">Grow past one machine: folders are relative to the workspace folder (or absolute); an earlier export there is replaced only when the new one is complete.</p>
        <div className="catalog-screen__export-forms">
          <LakeExportForm />
          <DbtExportForm />
        </div>
      </section>
    </div>
  );
}
