// Selectors of the catalog store, and the filter over its entries.
import type { CatalogEntry } from '../../../shared/api/index.js';
import type { CatalogStore } from './store.js';

export const catalogId = (e: Pick<CatalogEntry, 'layer' | 'name'>): string => `${e.layer}.${e.name}`;

/** Entries matching every word of `filter` in their name, description, owner, tags or column names. */
export function filterEntries(entries: readonly CatalogEntry[], filter: string): CatalogEntry[] {
  const words = filter.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...entries];
  return entries.filter((e) => {
    const text = [catalogId(e), e.description ?? '', e.owner ?? '', ...e.tags, ...e.columns.flatMap((c) => [c.name, c.description ?? ''])].join(' ').toLowerCase();
    return words.every((w) => text.includes(w));
  });
}

export const selectCatalogList = (s: CatalogStore) => ({ entries: s.entries, status: s.status, error: s.error, selected: s.selected, filter: s.filter, select: s.select, setFilter: s.setFilter });
export const selectSelectedEntry = (s: CatalogStore): CatalogEntry | null => s.entries.find((e) => catalogId(e) === s.selected) ?? null;

/** The name a model's quarantine table has in the quarantine schema: `<layer>_<model>`. */
const quarantineName = (e: Pick<CatalogEntry, 'layer' | 'name'>): string => `${e.layer}_${e.name}`;

/**
 * The tie between a model and its quarantine, which lineage does not list (no SQL reads a
 * quarantine): for a quarantine entry the model whose rows it holds, for a model its quarantine.
 */
export function quarantineTies(entries: readonly CatalogEntry[], entry: CatalogEntry): { label: 'Rows held from' | 'Quarantine'; tables: string[] } | null {
  if (entry.kind === 'quarantine') {
    return { label: 'Rows held from', tables: entries.filter((e) => e.kind === 'model' && quarantineName(e) === entry.name).map(catalogId) };
  }
  if (entry.kind !== 'model') return null;
  const held = entries.filter((e) => e.kind === 'quarantine' && e.name === quarantineName(entry)).map(catalogId);
  return held.length > 0 ? { label: 'Quarantine', tables: held } : null;
}
