// One open table: its name, size and columns, and the paged grid over its rows.
import { useCallback } from 'react';
import type { TableInfo } from '../../../shared/api/index.js';
import { engineConnection } from '../../api/engine.js';
import { PagedGrid } from '../../components/grid/PagedGrid.js';
import type { PageFetcher } from '../../components/grid/page-cache.js';
import { formatBytes, formatCount } from '../../format/numbers.js';
import { formatDateTime } from '../../format/time.js';
import { useToastsStore } from '../../stores/toasts/store.js';
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
