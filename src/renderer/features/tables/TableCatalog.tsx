// The Tables screen's sidebar: every table by layer with its row count; one click opens it.
import { useShallow } from 'zustand/react/shallow';
import { countOf, formatCount } from '../../format/numbers.js';
import { useTablesStore } from '../../stores/tables/store.js';
import { selectOpenTable, selectTableActions } from '../../stores/tables/selectors.js';
import { LAYER_LABELS, type LayerGroup } from './group-tables.js';

export function TableCatalog({ groups }: { groups: LayerGroup[] }) {
  const open = useTablesStore(selectOpenTable);
  const { openTable, closeTable } = useTablesStore(useShallow(selectTableActions));
  return (
    <nav className="catalog" aria-label="Tables by layer">
      <button type="button" className="catalog__overview" aria-current={open === null ? 'page' : undefined} onClick={closeTable}>
        All tables
      </button>
      {groups.map((group) => (
        <section key={group.layer} className="catalog__layer" aria-label={`${LAYER_LABELS[group.layer]} layer`}>
          <h2 className="catalog__heading">
            <span className={`layer-badge layer-badge--${group.layer}`}>{LAYER_LABELS[group.layer]}</span>
            <span className="catalog__count">{group.tables.length}</span>
          </h2>
          <ul className="catalog__list">
            {group.tables.map((table) => {
              const current = open?.layer === table.layer && open.name === table.name;
              return (
                <li key={table.name}>
                  <button
                    type="button"
                    className="catalog__table"
                    aria-current={current ? 'true' : undefined}
                    aria-label={`${table.layer}.${table.name}, ${countOf(table.rows, 'row')}`}
                    onClick={() => openTable(table.layer, table.name)}
                  >
                    <span className="catalog__name">{table.name}</span>
                    <span className="catalog__rows">{formatCount(table.rows)}</span>
                  </button>
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </nav>
  );
}
