// The Tables screen with no table open: one table per layer listing rows, size and last load,
// or, in an empty workspace, what to do to get the first table.
import { countOf, formatBytes, formatCount } from '../../format/numbers.js';
import { formatAgo, formatDateTime } from '../../format/time.js';
import { useShallow } from 'zustand/react/shallow';
import { useTablesStore } from '../../stores/tables/store.js';
import { selectTableActions } from '../../stores/tables/selectors.js';
import { LAYER_LABELS, type LayerGroup } from './group-tables.js';

export function TablesOverview({ groups }: { groups: LayerGroup[] }) {
  const { openTable, openRejects } = useTablesStore(useShallow(selectTableActions));
  if (groups.length === 0) {
    return (
      <div className="empty-state">
        <h2>No tables yet</h2>
        <p>
          Load a file into bronze with <code>ingot ingest &lt;file&gt;</code> (or <code>ingot ingest --all</code> for the sources in
          this workspace), then build silver and gold with <code>ingot run</code> or the Runs screen.
        </p>
      </div>
    );
  }
  return (
    <div className="overview">
      {groups.map((group) => (
        <table key={group.layer} className="data-table" aria-label={`${LAYER_LABELS[group.layer]} tables`}>
          <caption>
            <span className={`layer-badge layer-badge--${group.layer}`}>{LAYER_LABELS[group.layer]}</span>
          </caption>
          <thead>
            <tr>
              <th scope="col">Table</th>
              <th scope="col" className="num">
                Rows
              </th>
              {group.layer === 'bronze' ? (
                <th scope="col" className="num">
                  Rejected
                </th>
              ) : null}
              <th scope="col" className="num">
                Size
              </th>
              <th scope="col" className="num">
                Columns
              </th>
              <th scope="col">Last load</th>
            </tr>
          </thead>
          <tbody>
            {group.tables.map((table) => (
              <tr key={table.name}>
                <th scope="row">
                  <button type="button" className="button--link" onClick={() => openTable(table.layer, table.name)} aria-label={`Open ${table.layer}.${table.name}`}>
                    {table.name}
                  </button>
                  {table.kind === 'view' ? <span className="tag">view</span> : null}
                </th>
                <td className="num">{formatCount(table.rows)}</td>
                {group.layer === 'bronze' ? (
                  <td className="num">
                    {table.rowsRejected === undefined ? (
                      '—'
                    ) : table.rowsRejected > 0 ? (
                      <button
                        type="button"
                        className="button--link"
                        onClick={() => openRejects(table.name)}
                        aria-label={`Show the ${countOf(table.rowsRejected, 'rejected row')} of ${table.layer}.${table.name}`}
                      >
                        {formatCount(table.rowsRejected)}
                      </button>
                    ) : (
                      formatCount(table.rowsRejected)
                    )}
                  </td>
                ) : null}
                <td className="num">{formatBytes(table.bytes)}</td>
                <td className="num">{table.columns.length}</td>
                <td title={table.lastLoadedAt ?? undefined}>{table.lastLoadedAt ? `${formatDateTime(table.lastLoadedAt)} (${formatAgo(table.lastLoadedAt)})` : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </div>
  );
}
