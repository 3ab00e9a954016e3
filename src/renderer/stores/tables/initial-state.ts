// Initial state of the tables store: the catalog not loaded, no table open.
import type { Layer, TableInfo } from '../../../shared/api/index.js';
import type { ErrorData } from '../../../shared/errors.js';

export interface OpenTable {
  layer: Layer;
  name: string;
}

export interface TablesState {
  tables: TableInfo[];
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: ErrorData | null;
  open: OpenTable | null;
  /** What the open table shows: its rows, or (bronze) the rows its loads rejected. */
  openView: 'rows' | 'rejects';
}

export const initialTablesState: TablesState = { tables: [], status: 'idle', error: null, open: null, openView: 'rows' };
