// Initial state of the catalog store: nothing loaded, nothing selected, no filter.
import type { CatalogEntry } from '../../../shared/api/index.js';
import type { ErrorData } from '../../../shared/errors.js';

export interface CatalogState {
  entries: CatalogEntry[];
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: ErrorData | null;
  /** The selected table, `layer.name`. */
  selected: string | null;
  /** Words the list is filtered by (name, description, owner, tags, column names). */
  filter: string;
}

export const initialCatalogState: CatalogState = { entries: [], status: 'idle', error: null, selected: null, filter: '' };
