// Initial state of the models store: no models loaded, nothing selected, no SQL open.
import type { ModelInfo } from '../../../shared/api/index.js';
import type { ErrorData } from '../../../shared/errors.js';

/** The SQL of the selected model as the engine has it, and the user's edit of it. */
export interface ModelSqlEditor {
  /** `layer.name`. */
  model: string;
  /** The SQL in the model's file (null while it loads). */
  saved: string | null;
  draft: string;
  status: 'loading' | 'ready' | 'saving';
  /** Why the SQL could not be read or the edit was refused (with file, line and column where known). */
  error: ErrorData | null;
  /** Layer-rule warnings of the last save (the model was saved anyway). */
  warnings: string[];
  /** The file no longer holds `saved`: someone changed it while this edit was open. */
  changedOnDisk: boolean;
}

export interface ModelsState {
  /** Every model, each after its inputs. */
  models: ModelInfo[];
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: ErrorData | null;
  /** The selected node: a model or a bronze table, as `layer.name`. */
  selected: string | null;
  /** The SQL of each model opened in this window, by `layer.name`; unsaved edits live here until saved or reverted. */
  editors: Record<string, ModelSqlEditor>;
}

export const initialModelsState: ModelsState = { models: [], status: 'idle', error: null, selected: null, editors: {} };
