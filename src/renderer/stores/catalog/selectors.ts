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
