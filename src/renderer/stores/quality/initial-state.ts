// Initial state of the quality store: no results loaded, no table selected.
import type { TableQuality } from '../../../shared/api/index.js';
import type { ErrorData } from '../../../shared/errors.js';

export interface QualityState {
  /** The latest check results of every checked table. */
  tables: TableQuality[];
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: ErrorData | null;
  /** The selected table, `layer.table`. */
  selected: string | null;
}

export const initialQualityState: QualityState = { tables: [], status: 'idle', error: null, selected: null };
