// The Tables screen: the catalog by layer on the left; on the right either the overview of all
// tables or the open table's grid.
import { lazy, Suspense, useEffect, useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useTablesStore } from '../../stores/tables/store.js';
import { selectCatalog, selectOpenTableInfo } from '../../stores/tables/selectors.js';
import { groupByLayer } from './group-tables.js';
import { TableCatalog } from './TableCatalog.js';
import { TablesOverview } from './TablesOverview.js';

// The grid (Glide and Arrow) is a separate chunk: the first screen does not wait for it, and it
// is fetched in the background as soon as the catalog shows.
const loadTableView = () => import('./TableView.js');
const TableView = lazy(() => loadTableView().then((m) => ({ default: m.TableView })));

export function TablesScreen() {
  const { tables, status, error, load } = useTablesStore(useShallow(selectCatalog));
  const open = useTablesStore(selectOpenTableInfo);
  const groups = useMemo(() => groupByLayer(tables), [tables]);
  useEffect(() => {
    if (status === 'ready') void loadTableView();
  }, [status]);
  return (
    <div className="screen screen--split">
      <div className="screen__header">
        <h1>Tables</h1>
        <button type="button" className="button" onClick={() => void load()} disabled={status === 'loading'}>
          {status === 'loading' ? 'Loading…' : 'Reload'}
        </button>
      </div>
      {status === 'error' && tables.length === 0 ? (
        <div className="empty-state" role="alert">
          <h2>The tables could not be listed</h2>
          <p>{error?.message}</p>
          {error?.hint ? <p className="hint">{error.hint}</p> : null}
        </div>
      ) : status !== 'ready' && tables.length === 0 ? (
        <p className="loading-line">Loading the tables…</p>
      ) : (
        <div className="split">
          <TableCatalog groups={groups} />
          <div className="split__main">
            {open ? (
              <Suspense fallback={<p className="loading-line">Loading the grid…</p>}>
                <TableView table={open} />
              </Suspense>
            ) : (
              <TablesOverview groups={groups} />
            )}
          </div>
        </div>
      )}
    </div>
  );
}
