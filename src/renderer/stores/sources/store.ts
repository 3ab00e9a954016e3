// Sources store: the workspace's sources (last load, cursor, last error), loads started from the
// Sources panel with their live progress and result, one test request or preview at a time, and
// the files added by drop or path: each previewed, then loaded into bronze as a new source.
import { create } from 'zustand';
import type { IngestProgress } from '../../../shared/api/index.js';
import { engineConnection } from '../../api/engine.js';
import { errorDataOf, isDisconnect } from '../../api/error-data.js';
import { useTablesStore } from '../tables/store.js';
import { useToastsStore } from '../toasts/store.js';
import { initialSourcesState, type FileDraft, type SourcesState } from './initial-state.js';

export interface SourcesActions {
  /** Reloads the list of sources from the engine. */
  load(): Promise<void>;
  /** Loads `source` into bronze; progress arrives through `applyProgress`. */
  ingest(source: string): Promise<void>;
  applyProgress(progress: IngestProgress): void;
  testRequest(source: string): Promise<void>;
  preview(source: string): Promise<void>;
  closeInspection(): void;
  /** Adds files (paths as the user gave them) and previews each; a path already added is previewed again. */
  addFiles(paths: readonly string[]): Promise<void>;
  /** Loads an added file into bronze as a new source (or the source that already reads it). */
  loadFile(path: string): Promise<void>;
  removeFile(path: string): void;
}

export type SourcesStore = SourcesState & SourcesActions;

export const useSourcesStore = create<SourcesStore>()((set, get) => {
  const updateDraft = (path: string, change: Partial<FileDraft>): void =>
    set((s) => ({ drafts: s.drafts.map((d) => (d.path === path ? { ...d, ...change } : d)) }));
  return {
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
    addFiles: async (paths) => {
      const fresh = [...new Set(paths.map((p) => p.trim()).filter((p) => p !== ''))];
      set((s) => ({ drafts: [...fresh.map((path): FileDraft => ({ path, preview: { status: 'loading' }, load: null })), ...s.drafts.filter((d) => !fresh.includes(d.path))] }));
      await Promise.all(
        fresh.map(async (path) => {
          try {
            const result = await engineConnection().api.previewFile({ path });
            updateDraft(path, { preview: { status: 'ready', result } });
          } catch (err) {
            updateDraft(path, { preview: { status: 'failed', error: errorDataOf(err) } });
          }
        }),
      );
    },
    loadFile: async (path) => {
      updateDraft(path, { load: { state: 'running', progress: null } });
      try {
        const result = await engineConnection().api.ingest({ source: path });
        updateDraft(path, { load: { state: 'done', result } });
        void useTablesStore.getState().load();
      } catch (err) {
        updateDraft(path, { load: { state: 'failed', message: errorDataOf(err).message } });
        useToastsStore.getState().showError(`Could not load ${path}`, err);
      }
      await get().load();
    },
    removeFile: (path) => set((s) => ({ drafts: s.drafts.filter((d) => d.path !== path) })),
  };
});
