// Selectors of the models store.
import type { ModelInfo } from '../../../shared/api/index.js';
import type { ModelSqlEditor } from './initial-state.js';
import type { ModelsStore } from './store.js';

export const selectModelList = (s: ModelsStore) => ({ models: s.models, status: s.status, error: s.error, selected: s.selected, select: s.select });
export const selectEditorActions = (s: ModelsStore) => ({ edit: s.edit, save: s.save, revert: s.revert });

/** The selected model, or null when nothing or a bronze table is selected. */
export const selectSelectedModel = (s: ModelsStore): ModelInfo | null => s.models.find((m) => modelId(m) === s.selected) ?? null;

/** The SQL editor of the selected model, once opened. */
export const selectSelectedEditor = (s: ModelsStore): ModelSqlEditor | null => (s.selected === null ? null : (s.editors[s.selected] ?? null));

/** True when an editor holds SQL that differs from the model's file. */
export function isDirty(editor: ModelSqlEditor | undefined | null): boolean {
  return editor !== undefined && editor !== null && editor.saved !== null && editor.draft !== editor.saved;
}

/** Ids of the models with unsaved edits. */
export const selectDirtyModels = (s: ModelsStore): string[] => Object.values(s.editors).filter(isDirty).map((e) => e.model);

/** A model's id, `layer.name`. */
export function modelId(model: Pick<ModelInfo, 'layer' | 'name'>): string {
  return `${model.layer}.${model.name}`;
}
