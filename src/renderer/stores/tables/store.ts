// Tables store: the catalog of tables by layer (rows, size, last load) and which one is open in
// the grid. The grid's rows are not kept here: the grid pages them in small windows itself.
import { create } from 'zustand';
import type { Layer } from '../../../shared/api/index.js';
import { engineConnection } from '../../api/engine.js';
import { errorDataOf, isDisconnect } from '../../api/error-data.js';
import { useToastsStore } from '../toasts/store.js';
import { initialTablesState, type TablesState } from './initial-state.js';

export interface TablesActions {
  /** Reloads the catalog from the engine. */
  load(): Promise<void>;
  openTable(layer: Layer, name: string): void;
  /** Opens a bronze table on the rows its loads rejected. */
  openRejects(name: string): void;
  /** Switches the open table between its rows and its rejected rows. */
  showView(view: 'rows' | 'rejects'): void;
  closeTable(): void;
}

export type TablesStore = TablesState & TablesActions;

export const useTablesStore = create<TablesStore>()((set, get) => ({
  ...initialTablesState,
  load: async () => {
    set({ status: 'loading' });
    try {
      const { tables } = await engineConnection().api.listTables({});
      const open = get().open;
      const stillThere = open !== null && tables.some((t) => t.layer === open.layer && t.name === open.name);
      set({ tables, status: 'ready', error: null, open: stillThere ? open : null });
    } catch (err) {
      set({ status: 'error', error: errorDataOf(err) });
      // A load cut short by a lost connection is retried on reconnect; the status bar says why.
      if (!isDisconnect(err)) useToastsStore.getState().showError('Could not list the tables', err);
    }
  },
  openTable: (layer, name) => set({ open: { layer, name }, openView: 'rows' }),
  openRejects: (name) => set({ open: { layer: 'bronze', name }, openView: 'rejects' }),
  showView: (openView) => set({ openView }),
  closeTable: () => set({ open: null, openView: 'rows' }),
}));
