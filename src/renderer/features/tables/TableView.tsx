// One open table: its name, size and columns, links to explore or describe it, and the paged
// grid over its rows.
import { useCallback } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { TableInfo } from '../../../shared/api/index.js';
import { engineConnection } from '../../api/engine.js';
import { PagedGrid } from '../../components/grid/PagedGrid.js';
import type { PageFetcher } from '../../components/grid/page-cache.js';
import { countOf, formatBytes, formatCount } from '../../format/numbers.js';
import { formatDateTime } from '../../format/time.js';
import { useCatalogStore } from '../../stores/catalog/store.js';
import { useExploreStore } from '../../stores/explore/store.js';
import { selectOpenView, selectTableActions } from '../../stores/tables/selectors.js';
import { useTablesStore } from '../../stores/tables/store.js';
import { useToastsStore } from '../../stores/toasts/store.js';
import { useUiStore } from '../../stores/ui/store.js';
import { LAYER_LABELS } from './group-tables.js';
import { RejectedRows } from './RejectedRows.js';

export function TableView({ table }: { table: TableInfo }) {
  const openView = useTablesStore(selectOpenView);
  const { showView } = useTablesStore(useShallow(selectTableActions));
  const rejected = table.layer === 'bronze' ? (table.rowsRejected ?? 0) : undefined;
  const showing = rejected !== undefined && openView === 'rejects' ? 'rejects' : 'rows';
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
          {rejected !== undefined ? (
            <div>
              <dt>Rejected</dt>
              <dd>
                {rejected > 0 ? (
                  <button
                    type="button"
                    className="button--link"
                    aria-label={`Show the ${countOf(rejected, 'rejected row')} of ${qualified}`}
                    aria-pressed={showing === 'rejects'}
                    onClick={() => showView(showing === 'rejects' ? 'rows' : 'rejects')}
                  >
                    {formatCount(rejected)}
                  </button>
                ) : (
                  '0'
                )}
              </dd>
            </div>
          ) : null}
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
      {showing === 'rejects' ? (
        <>
          <div className="button-row">
            <button type="button" className="button" onClick={() => showView('rows')}>
              Back to the rows
            </button>
          </div>
          <RejectedRows key={qualified} table={table.name} version={table.lastLoadedAt ?? ''} />
        </>
      ) : (
        <PagedGrid
          key={`${qualified}:${table.rows}:${table.lastLoadedAt ?? ''}`}
          label={`Rows of ${qualified}`}
          sourceKey={`${qualified}:${table.rows}:${table.lastLoadedAt ?? ''}`}
          columns={table.columns}
          rowCount={table.rows}
          fetchPage={fetchPage}
          onError={onError}
        />
      )}
    </section>
  );
}
