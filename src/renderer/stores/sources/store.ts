// Sources store: the workspace's sources (last load, cursor, last error), loads started from the
// Sources panel with their live progress and result, and one test request or preview at a time.
import { create } from 'zustand';
import type { IngestProgress } from '../../../shared/api/index.js';
import { engineConnection } from '../../api/engine.js';
import { errorDataOf, isDisconnect } from '../../api/error-data.js';
import { useTablesStore } from '../tables/store.js';
import { useToastsStore } from '../toasts/store.js';
import { initialSourcesState, type SourcesState } from './initial-state.js';

export interface SourcesActions {
  /** Reloads the list of sources from the engine. */
  load(): Promise<void>;
  /** Loads `source` into bronze; progress arrives through `applyProgress`. */
  ingest(source: string): Promise<void>;
  applyProgress(progress: IngestProgress): void;
  testRequest(source: string): Promise<void>;
  preview(source: string): Promise<void>;
  closeInspection(): void;
}

export type SourcesStore = SourcesState & SourcesActions;

export const useSourcesStore = create<SourcesStore>()((set, get) => ({
  ...initialSourcesState,
  load: async () => {
    set({ status: 'loading' });
    try {
      const { sources } = await engineConnection().api.listSources({});
      set({ sources, status: 'ready', error: null });
    } catch (err) {
      set({ status: 'error', error: errorDataOf(err) });
      if (!isDisconnect(err)) useToastsStore.getState().showError('Could not list the sources', err);
    }
  },
  ingest: async (source) => {
    set((s) => ({ loads: { ...s.loads, [source]: { state: 'running', progress: null } } }));
    try {
      const result = await engineConnection().api.ingest({ source });
      set((s) => ({ loads: { ...s.loads, [source]: { state: 'done', result } } }));
      void useTablesStore.getState().load();
    } catch (err) {
      set((s) => ({ loads: { ...s.loads, [source]: { state: 'failed', message: errorDataOf(err).message } } }));
      useToastsStore.getState().showError(`Could not load ${source}`, err);
    }
    await get().load();
  },
  applyProgress: (progress) => {
    const current = get().loads[progress.source];
    if (current?.state !== 'running') return;
    set((s) => ({ loads: { ...s.loads, [progress.source]: { state: 'running', progress } } }));
  },
  testRequest: async (source) => {
    set({ inspection: { kind: 'test-request', source, status: 'loading' } });
    try {
      const result = await engineConnection().api.testRequest({ source });
      set({ inspection: { kind: 'test-request', source, status: 'ready', result } });
    } catch (err) {
      set({ inspection: null });
      useToastsStore.getState().showError(`The test request of ${source} failed`, err);
    }
  },
  preview: async (source) => {
    set({ inspection: { kind: 'preview', source, status: 'loading' } });
    try {
      const result = await engineConnection().api.previewSource({ source });
      set({ inspection: { kind: 'preview', source, status: 'ready', result } });
    } catch (err) {
      set({ inspection: null });
      useToastsStore.getState().showError(`Could not preview ${source}`, err);
    }
  },
  closeInspection: () => set({ inspection: null }),
}));
