// Selectors of the quality store.
import type { TableQuality } from '../../../shared/api/index.js';
import type { QualityStore } from './store.js';

export const selectQualityList = (s: QualityStore) => ({ tables: s.tables, status: s.status, error: s.error, selected: s.selected, select: s.select });

/** A checked table's id, `layer.table`. */
export function qualityId(t: Pick<TableQuality, 'layer' | 'table'>): string {
  return `${t.layer}.${t.table}`;
}

/** The selected table, or the first (worst first) when none is selected. */
export const selectSelectedQuality = (s: QualityStore): TableQuality | null => s.tables.find((t) => qualityId(t) === s.selected) ?? s.tables[0] ?? null;
