// Models store: the pipeline's models for the designer, the selected node, and the SQL of each
// opened model with the user's unsaved edit. Saving goes through the engine, which checks the
// SQL as a run would and writes nothing when it refuses it.
import { create } from 'zustand';
import type { CreateModelRequest } from '../../../shared/api/index.js';
import type { ErrorData } from '../../../shared/errors.js';
import { engineConnection } from '../../api/engine.js';
import { errorDataOf, isDisconnect } from '../../api/error-data.js';
import { useToastsStore } from '../toasts/store.js';
import { initialModelsState, type ModelSqlEditor, type ModelsState } from './initial-state.js';
import { isDirty, modelId } from './selectors.js';

export interface ModelsActions {
  /** Reads the model list; clean editors re-read their file, since it may have changed on disk. */
  load(): Promise<void>;
  /** Selects a node (`layer.name`, or null); a model's SQL is read the first time. */
  select(id: string | null): void;
  edit(model: string, draft: string): void;
  /** Saves the draft of `model`; resolves true when the engine accepted it. */
  save(model: string): Promise<boolean>;
  /** Drops the edit of `model` and reads its file again. */
  revert(model: string): Promise<void>;
  /** Adds a model and selects it; resolves to why the engine refused it, or null. */
  create(request: CreateModelRequest): Promise<ErrorData | null>;
}

export type ModelsStore = ModelsState & ModelsActions;

export const useModelsStore = create<ModelsStore>()((set, get) => {
  const patch = (model: string, change: Partial<ModelSqlEditor>): void =>
    set((s) => {
      const current = s.editors[model];
      return current ? { editors: { ...s.editors, [model]: { ...current, ...change } } } : {};
    });

  // The newest read of each model: an older answer that arrives later is dropped.
  const reads = new Map<string, number>();
  let lastRead = 0;

  /**
   * Reads the file of `model`. A clean editor takes the file's SQL; an edit in progress keeps its
   * draft and its base, and is marked when the file changed under it. `discard` drops the edit.
   */
  const readSql = async (model: string, discard = false): Promise<void> => {
    if (get().editors[model] === undefined) {
      set((s) => ({ editors: { ...s.editors, [model]: { model, saved: null, draft: '', status: 'loading', error: null, warnings: [], changedOnDisk: false } } }));
    }
    const ticket = ++lastRead;
    reads.set(model, ticket);
    try {
      const { sql } = await engineConnection().api.getModelSql({ model });
      const current = get().editors[model];
      if (reads.get(model) !== ticket || !current || current.status === 'saving') return;
      if (discard || !isDirty(current)) patch(model, { saved: sql, draft: sql, status: 'ready', error: null, changedOnDisk: false });
      else patch(model, { changedOnDisk: sql !== current.saved });
    } catch (err) {
      if (reads.get(model) === ticket) patch(model, { status: 'ready', error: errorDataOf(err) });
    }
  };

  return {
    ...initialModelsState,
    load: async () => {
      set({ status: 'loading' });
      try {
        const { models } = await engineConnection().api.listModels({});
        const ids = new Set(models.map(modelId));
        set((s) => ({
          models,
          status: 'ready',
          error: null,
          // A model whose file is gone keeps only an unsaved edit (so nothing typed is lost).
          editors: Object.fromEntries(Object.entries(s.editors).filter(([id, e]) => ids.has(id) || isDirty(e))),
        }));
        for (const editor of Object.values(get().editors)) if (editor.status === 'ready' && ids.has(editor.model)) void readSql(editor.model);
      } catch (err) {
        set({ status: 'error', error: errorDataOf(err) });
        if (!isDisconnect(err)) useToastsStore.getState().showError('Could not list the models', err);
      }
    },
    select: (id) => {
      set({ selected: id });
      if (id !== null && get().editors[id] === undefined && get().models.some((m) => modelId(m) === id)) void readSql(id);
    },
    edit: (model, draft) => patch(model, { draft }),
    save: async (model) => {
      const editor = get().editors[model];
      if (!editor || editor.status !== 'ready' || editor.saved === null) return false;
      const sql = editor.draft;
      patch(model, { status: 'saving', error: null });
      reads.delete(model);
      try {
        const result = await engineConnection().api.saveModelSql({ model, sql, baseSql: editor.saved });
        const now = get().editors[model];
        // Typing during the save keeps the newer text as the draft.
        patch(model, { saved: result.sql, draft: now && now.draft !== sql ? now.draft : result.sql, status: 'ready', warnings: result.warnings, changedOnDisk: false });
        await get().load();
        return true;
      } catch (err) {
        patch(model, { status: 'ready', error: errorDataOf(err), warnings: [] });
        return false;
      }
    },
    revert: async (model) => {
      patch(model, { error: null, warnings: [] });
      await readSql(model, true);
    },
    create: async (request) => {
      try {
        const { model } = await engineConnection().api.createModel(request);
        await get().load();
        get().select(modelId(model));
        return null;
      } catch (err) {
        return errorDataOf(err);
      }
    },
  };
});
