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

  /** Reads the file of `model`; the draft follows unless the user typed since the read began (or `discard`). */
  const readSql = async (model: string, discard = false): Promise<void> => {
    if (get().editors[model] === undefined) set((s) => ({ editors: { ...s.editors, [model]: { model, saved: null, draft: '', status: 'loading', error: null, warnings: [] } } }));
    const draftBefore = get().editors[model]?.draft;
    try {
      const { sql } = await engineConnection().api.getModelSql({ model });
      const current = get().editors[model];
      const typed = current !== undefined && current.draft !== draftBefore && !discard;
      patch(model, { saved: sql, draft: typed ? current.draft : sql, status: 'ready', error: null });
    } catch (err) {
      patch(model, { status: 'ready', error: errorDataOf(err) });
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
        for (const editor of Object.values(get().editors)) if (!isDirty(editor) && editor.status === 'ready' && ids.has(editor.model)) void readSql(editor.model);
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
      if (!editor || editor.status !== 'ready') return false;
      const sql = editor.draft;
      patch(model, { status: 'saving', error: null });
      try {
        const { warnings } = await engineConnection().api.saveModelSql({ model, sql });
        const saved = sql.endsWith('\n') ? sql : `${sql}\n`;
        const now = get().editors[model];
        // Typing during the save keeps the newer text as the draft.
        patch(model, { saved, draft: now && now.draft !== sql ? now.draft : saved, status: 'ready', warnings });
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
