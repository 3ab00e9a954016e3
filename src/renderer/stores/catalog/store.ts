// Catalog store: every table with its documentation, columns, lineage and score, the selected
// one, and the words the list is filtered by. Reloaded when runs finish or files change.
import { create } from 'zustand';
import { engineConnection } from '../../api/engine.js';
import { errorDataOf, isDisconnect } from '../../api/error-data.js';
import { useToastsStore } from '../toasts/store.js';
import { initialCatalogState, type CatalogState } from './initial-state.js';

export interface CatalogActions {
  load(): Promise<void>;
  select(id: string | null): void;
  setFilter(filter: string): void;
}

export type CatalogStore = CatalogState & CatalogActions;

export const useCatalogStore = create<CatalogStore>()((set) => {
  let latest = 0;
  return {
    ...initialCatalogState,
    load: async () => {
      const ticket = ++latest;
      set({ status: 'loading' });
      try {
        const { tables } = await engineConnection().api.catalog({});
        if (ticket === latest) set({ entries: tables, status: 'ready', error: null });
      } catch (err) {
        if (ticket !== latest) return;
        set({ status: 'error', error: errorDataOf(err) });
        if (!isDisconnect(err)) useToastsStore.getState().showError('Could not read the catalog', err);
      }
    },
    select: (selected) => set({ selected }),
    setFilter: (filter) => set({ filter }),
  };
});
