// Selectors of the tables store.
import type { TableInfo } from '../../../shared/api/index.js';
import type { TablesStore } from './store.js';

export const selectCatalog = (s: TablesStore) => ({ tables: s.tables, status: s.status, error: s.error, load: s.load });
export const selectOpenTable = (s: TablesStore) => s.open;
export const selectTableActions = (s: TablesStore) => ({ openTable: s.openTable, openRejects: s.openRejects, showView: s.showView, closeTable: s.closeTable });
export const selectOpenView = (s: TablesStore) => s.openView;

/** The catalog entry of the open table, or null. */
export const selectOpenTableInfo = (s: TablesStore): TableInfo | null =>
  s.open === null ? null : (s.tables.find((t) => t.layer === s.open?.layer && t.name === s.open.name) ?? null);
