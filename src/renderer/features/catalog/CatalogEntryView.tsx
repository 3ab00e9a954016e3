// One catalog entry: what the table is and who owns it, how it is filled, its size and quality
// score, its lineage both ways, its documented columns, and where to go next with it.
import type { CatalogEntry } from '../../../shared/api/index.js';
import { formatBytes, formatCount } from '../../format/numbers.js';
import { formatDateTime } from '../../format/time.js';
import { useExploreStore } from '../../stores/explore/store.js';
import { useModelsStore } from '../../stores/models/store.js';
import { useTablesStore } from '../../stores/tables/store.js';
import { useUiStore } from '../../stores/ui/store.js';
import { catalogId, quarantineTies } from '../../stores/catalog/selectors.js';
import { useCatalogStore } from '../../stores/catalog/store.js';
import { LineageLinks } from './LineageLinks.js';

const KIND_LABELS: Record<CatalogEntry['kind'], string> = {
  source: 'loaded by ingest from a source',
  model: 'built by a model',
  quarantine: 'rows held by quality checks',
  table: 'a table no source or model fills',
};

export function CatalogEntryView({ entry, onSelect }: { entry: CatalogEntry; onSelect(id: string): void }) {
  const id = catalogId(entry);
  const navigate = useUiStore((s) => s.navigate);
  const ties = quarantineTies(useCatalogStore((s) => s.entries), entry);
  const openTable = (): void => {
    useTablesStore.getState().openTable(entry.layer, entry.name);
    navigate('tables');
  };
  const explore = (): void => {
    useExploreStore.getState().selectTable({ layer: entry.layer, name: entry.name });
    navigate('explore');
  };
  const design = (): void => {
    useModelsStore.getState().select(id);
    navigate('pipeline');
  };
  return (
    <article className="panel catalog-entry" aria-label={`Catalog entry ${id}`}>
      <header className="catalog-entry__header">
        <span className={`layer-badge layer-badge--${entry.layer}`}>{entry.layer}</span>
        <h2>{entry.name}</h2>
        <span className="muted">
          {KIND_LABELS[entry.kind]}
          {entry.materialization ? ` (${entry.materialization})` : ''}
        </span>
      </header>
      <p>{entry.description ?? <span className="muted">No description yet{entry.file ? ` — add one in ${entry.kind === 'model' ? entry.file.replace(/\.sql$/, '.yaml') : entry.file}` : ''}.</span>}</p>
      <dl className="facts catalog-entry__facts">
        <div>
          <dt>Owner</dt>
          <dd>{entry.owner ?? '—'}</dd>
        </div>
        <div>
          <dt>Tags</dt>
          <dd>{entry.tags.length > 0 ? entry.tags.join(', ') : '—'}</dd>
        </div>
        <div>
          <dt>File</dt>
          <dd>{entry.file ? <code>{entry.file}</code> : '—'}</dd>
        </div>
        <div>
          <dt>Rows</dt>
          <dd>{entry.published ? formatCount(entry.rows ?? 0) : 'not built yet'}</dd>
        </div>
        <div>
          <dt>Size</dt>
          <dd>{entry.bytes !== null ? formatBytes(entry.bytes) : '—'}</dd>
        </div>
        <div>
          <dt>Last load or build</dt>
          <dd>{entry.lastLoadedAt ? formatDateTime(entry.lastLoadedAt) : '—'}</dd>
        </div>
        <div>
          <dt>Quality score</dt>
          <dd>{entry.score !== null ? `${entry.score.toFixed(1)} of 100` : 'no checks'}</dd>
        </div>
      </dl>
      <div className="button-row">
        {entry.published ? (
          <>
            <button type="button" className="button" onClick={openTable}>
              Open rows
            </button>
            <button type="button" className="button" onClick={explore}>
              Explore
            </button>
          </>
        ) : null}
        {entry.kind === 'model' ? (
          <button type="button" className="button" onClick={design}>
            Open in Pipeline
          </button>
        ) : null}
      </div>
      <section aria-label={`Lineage of ${id}`}>
        <h3>Lineage</h3>
        <dl className="catalog-lineage">
          <LineageLinks label="Reads" tables={entry.reads} onSelect={onSelect} />
          <LineageLinks label="Upstream" tables={entry.upstream} onSelect={onSelect} />
          <LineageLinks label="Read by" tables={entry.readBy} onSelect={onSelect} />
          <LineageLinks label="Downstream" tables={entry.downstream} onSelect={onSelect} />
          {ties ? <LineageLinks label={ties.label} tables={ties.tables} onSelect={onSelect} /> : null}
        </dl>
      </section>
      <section aria-label={`Columns of ${id}`}>
        <h3>Columns</h3>
        {entry.unknownDocumentedColumns.length > 0 ? (
          <p className="callout callout--warn" role="note">
            {entry.file?.replace(/\.sql$/, '.yaml') ?? 'The sidecar'} documents {entry.unknownDocumentedColumns.length === 1 ? 'a column' : 'columns'} {id} does not have:{' '}
            {entry.unknownDocumentedColumns.map((c, i) => (
              <span key={c}>
                {i > 0 ? ', ' : ''}
                <code>{c}</code>
              </span>
            ))}
            . Fix the name under <code>columns:</code>, or remove the entry.
          </p>
        ) : null}
        {entry.columns.length === 0 ? (
          <p className="hint">Columns appear once the table is built.</p>
        ) : (
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">Column</th>
                <th scope="col">Type</th>
                <th scope="col">Description</th>
              </tr>
            </thead>
            <tbody>
              {entry.columns.map((c) => (
                <tr key={c.name}>
                  <th scope="row">
                    <code>{c.name}</code>
                  </th>
                  <td>
                    <code>{c.type}</code>
                  </td>
                  <td>
                    {c.description ?? <span className="muted">—</span>}
                    {c.tags.length > 0 ? <span className="muted"> · {c.tags.join(', ')}</span> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </article>
  );
}
