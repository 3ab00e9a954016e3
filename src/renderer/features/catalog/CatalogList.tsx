// The catalog's list: every table by layer (models not built yet too), filtered by the search
// words; one click opens its entry.
import type { CatalogEntry } from '../../../shared/api/index.js';
import { formatCount } from '../../format/numbers.js';
import { catalogId } from '../../stores/catalog/selectors.js';
import { LAYER_ORDER } from '../tables/group-tables.js';


export function CatalogList({ entries, selected, onSelect }: { entries: readonly CatalogEntry[]; selected: string | null; onSelect(id: string): void }) {
  if (entries.length === 0) return <p className="hint">No table matches.</p>;
  return (
    <nav className="catalog-list" aria-label="Catalog entries">
      {LAYER_ORDER.map((layer) => {
        const group = entries.filter((e) => e.layer === layer).sort((a, b) => a.name.localeCompare(b.name));
        if (group.length === 0) return null;
        return (
          <section key={layer} aria-label={`${layer} entries`}>
            <h2 className="catalog__heading">
              <span className={`layer-badge layer-badge--${layer}`}>{layer}</span>
              <span className="catalog__count">{group.length}</span>
            </h2>
            <ul className="catalog__list">
              {group.map((e) => {
                const id = catalogId(e);
                return (
                  <li key={id}>
                    <button type="button" className="catalog__table" aria-current={id === selected ? 'true' : undefined} onClick={() => onSelect(id)} aria-label={`Open ${id} in the catalog`}>
                      <span className="catalog__name">{e.name}</span>
                      <span className="catalog__rows">{e.published ? formatCount(e.rows ?? 0) : 'not built'}</span>
                    </button>
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
    </nav>
  );
}
