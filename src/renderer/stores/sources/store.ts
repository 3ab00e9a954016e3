// Sources store: the workspace's sources (last load, cursor, last error), loads started from this
// window with their live progress, result and a cancel, one test request or preview at a time,
// and the files added by drop or path: each previewed, then added as a source and loaded.
import { create } from 'zustand';
import type { IngestProgress } from '../../../shared/api/index.js';
import { engineConnection } from '../../api/engine.js';
import { errorDataOf, isDisconnect } from '../../api/error-data.js';
import { useTablesStore } from '../tables/store.js';
import { useToastsStore } from '../toasts/store.js';
import { addDrafts, patchDraft } from './drafts.js';
import { initialSourcesState, type FileDraft, type SourceLoad, type SourcesState } from './initial-state.js';

export interface SourcesActions {
  /** Reloads the list of sources from the engine. */
  load(): Promise<void>;
  /** Loads `source` into bronze (with `replace`, swapping out all its earlier data); progress arrives through `applyProgress`. */
  ingest(source: string, options?: { replace?: boolean }): Promise<void>;
  /** Stops the running load of `source`; the engine keeps nothing of it. */
  cancelLoad(source: string): void;
  applyProgress(progress: IngestProgress): void;
  testRequest(source: string): Promise<void>;
  preview(source: string): Promise<void>;
  closeInspection(): void;
  /** Adds files (paths as the user gave them) and previews each; a path whose load is running is left as it is. */
  addFiles(paths: readonly string[]): Promise<void>;
  cancelPreview(id: number): void;
  /** Adds the file of draft `id` as a source (or finds the one that reads it) and loads it into bronze. */
  loadFile(id: number): Promise<void>;
  removeFile(id: number): void;
}

export type SourcesStore = SourcesState & SourcesActions;

const isRunning = (load: SourceLoad | undefined): boolean => load?.state === 'running';

export const useSourcesStore = create<SourcesStore>()((set, get) => {
  const loads = new Map<string, AbortController>();
  const previews = new Map<number, AbortController>();
  let lastId = 0;
  const setLoad = (source: string, load: SourceLoad): void => set((s) => ({ loads: { ...s.loads, [source]: load } }));
  const updateDraft = (id: number, change: Partial<Omit<FileDraft, 'id'>>): void => set((s) => ({ drafts: patchDraft(s.drafts, id, change) }));

  /** Runs one load of `source`; resolves true when it finished (loaded or unchanged). */
  const runLoad = async (source: string, replace = false): Promise<boolean> => {
    const controller = new AbortController();
    loads.set(source, controller);
    setLoad(source, { state: 'running', progress: null });
    try {
      const result = await engineConnection().api.ingest({ source, ...(replace ? { replace } : {}) }, { signal: controller.signal });
      setLoad(source, { state: 'done', result });
      void useTablesStore.getState().load();
      return true;
    } catch (err) {
      setLoad(source, { state: 'failed', error: errorDataOf(err) });
      return false;
    } finally {
      if (loads.get(source) === controller) loads.delete(source);
      await get().load();
    }
  };

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
    ingest: async (source, options = {}) => {
      if (isRunning(get().loads[source])) return;
      if (!(await runLoad(source, options.replace === true))) {
        const load = get().loads[source];
        if (load?.state === 'failed' && load.error.code !== 'CANCELLED') useToastsStore.getState().showError(`Could not load ${source}`, load.error);
      }
    },
    cancelLoad: (source) => loads.get(source)?.abort(),
    applyProgress: (progress) => {
      if (!isRunning(get().loads[progress.source])) return;
      setLoad(progress.source, { state: 'running', progress });
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
      const busy = (d: FileDraft): boolean => d.source !== null && isRunning(get().loads[d.source]);
      const { drafts, added } = addDrafts(get().drafts, paths, busy, () => ++lastId);
      for (const old of get().drafts) if (!drafts.includes(old)) previews.get(old.id)?.abort();
      set({ drafts });
      await Promise.all(
        added.map(async ({ id, path }) => {
          const controller = new AbortController();
          previews.set(id, controller);
          try {
            const result = await engineConnection().api.previewFile({ path }, { signal: controller.signal });
            updateDraft(id, { preview: { status: 'ready', result } });
          } catch (err) {
            const error = errorDataOf(err);
            updateDraft(id, { preview: error.code === 'CANCELLED' ? { status: 'cancelled' } : { status: 'failed', error } });
          } finally {
            previews.delete(id);
          }
        }),
      );
    },
    cancelPreview: (id) => previews.get(id)?.abort(),
    loadFile: async (id) => {
      const draft = get().drafts.find((d) => d.id === id);
      if (!draft || draft.preview.status !== 'ready' || (draft.source !== null && isRunning(get().loads[draft.source]))) return;
      updateDraft(id, { addError: null });
      try {
        const { source } = await engineConnection().api.addFileSource({ path: draft.path });
        updateDraft(id, { source });
        await runLoad(source);
      } catch (err) {
        updateDraft(id, { addError: errorDataOf(err) });
      }
    },
    removeFile: (id) => {
      previews.get(id)?.abort();
      set((s) => ({ drafts: s.drafts.filter((d) => d.id !== id) }));
    },
  };
});
