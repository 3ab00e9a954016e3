// Quality store: the latest check results and score of every checked table, worst first, and
// which table is open. Reloaded when a run finishes, since runs evaluate the checks.
import { create } from 'zustand';
import type { TableQuality } from '../../../shared/api/index.js';
import { engineConnection } from '../../api/engine.js';
import { errorDataOf, isDisconnect } from '../../api/error-data.js';
import { useToastsStore } from '../toasts/store.js';
import { initialQualityState, type QualityState } from './initial-state.js';

export interface QualityActions {
  load(): Promise<void>;
  /** Opens a table's results; null shows the one that needs attention first. */
  select(id: string | null): void;
}

export type QualityStore = QualityState & QualityActions;

const OUTCOME_RANK: Record<NonNullable<TableQuality['outcome']>, number> = { error: 0, warn: 1, pass: 2 };

/** Tables that need attention first: failed, then warned, then by lowest score, then by name. */
export function worstFirst(tables: readonly TableQuality[]): TableQuality[] {
  return [...tables].sort(
    (a, b) =>
      OUTCOME_RANK[a.outcome ?? 'pass'] - OUTCOME_RANK[b.outcome ?? 'pass'] ||
      (a.score ?? 101) - (b.score ?? 101) ||
      `${a.layer}.${a.table}`.localeCompare(`${b.layer}.${b.table}`),
  );
}

export const useQualityStore = create<QualityStore>()((set) => ({
  ...initialQualityState,
  load: async () => {
    set({ status: 'loading' });
    try {
      const { tables } = await engineConnection().api.quality({});
      set({ tables: worstFirst(tables), status: 'ready', error: null });
    } catch (err) {
      set({ status: 'error', error: errorDataOf(err) });
      if (!isDisconnect(err)) useToastsStore.getState().showError('Could not read the check results', err);
    }
  },
  select: (selected) => set({ selected }),
}));
