// One open table: its name, size and columns, links to explore or describe it, and the paged
// grid over its rows.
import { useCallback } from 'react';
import type { TableInfo } from '../../../shared/api/index.js';
import { engineConnection } from '../../api/engine.js';
import { PagedGrid } from '../../components/grid/PagedGrid.js';
import type { PageFetcher } from '../../components/grid/page-cache.js';
import { formatBytes, formatCount } from '../../format/numbers.js';
import { formatDateTime } from '../../format/time.js';
import { useCatalogStore } from '../../stores/catalog/store.js';
import { useExploreStore } from '../../stores/explore/store.js';
import { useToastsStore } from '../../stores/toasts/store.js';
import { useUiStore } from '../../stores/ui/store.js';
import { LAYER_LABELS } from './group-tables.js';

export function TableView({ table }: { table: TableInfo }) {
  const fetchPage = useCallback<PageFetcher>(
    (offset, limit, signal) => engineConnection().api.tablePage({ layer: table.layer, table: table.name, offset, limit }, { signal }),
    [table.layer, table.name],
  );
  const onError = useCallback(
    (error: unknown) => useToastsStore.getState().showError(`Could not read rows of ${table.layer}.${table.name}`, error),
    [table.layer, table.name],
  );
  const qualified = `${table.layer}.${table.name}`;
  const explore = (): void => {
    useExploreStore.getState().selectTable({ layer: table.layer, name: table.name });
    useUiStore.getState().navigate('explore');
  };
  const describe = (): void => {
    useCatalogStore.getState().select(qualified);
    useUiStore.getState().navigate('catalog');
  };
  return (
    <section className="table-view" aria-label={qualified}>
      <header className="table-view__header">
        <h2 className="table-view__title">
          <span className={`layer-badge layer-badge--${table.layer}`}>{LAYER_LABELS[table.layer]}</span>
          {table.name}
        </h2>
        <dl className="facts">
          <div>
            <dt>Rows</dt>
            <dd>{formatCount(table.rows)}</dd>
          </div>
          <div>
            <dt>Columns</dt>
            <dd>{table.columns.length}</dd>
          </div>
          <div>
            <dt>Size</dt>
            <dd>{formatBytes(table.bytes)}</dd>
          </div>
          <div>
            <dt>Last load</dt>
            <dd>{table.lastLoadedAt ? formatDateTime(table.lastLoadedAt) : '—'}</dd>
          </div>
        </dl>
        <div className="button-row">
          <button type="button" className="button" onClick={explore}>
            Explore
          </button>
          <button type="button" className="button" onClick={describe}>
            Open in catalog
          </button>
        </div>
      </header>
      <PagedGrid
        key={`${qualified}:${table.rows}:${table.lastLoadedAt ?? ''}`}
        label={`Rows of ${qualified}`}
        sourceKey={`${qualified}:${table.rows}:${table.lastLoadedAt ?? ''}`}
        columns={table.columns}
        rowCount={table.rows}
        fetchPage={fetchPage}
        onError={onError}
      />
    </section>
  );
}
