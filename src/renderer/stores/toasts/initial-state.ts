// Initial state of the toasts store: nothing to say yet.
import type { ErrorData } from '../../../shared/errors.js';

export interface Toast {
  id: number;
  kind: 'error' | 'info';
  /** For errors, what failed ("Could not start the run"); for information, the whole text. */
  title: string;
  /** Set for errors: the engine's message, hint and location. */
  error: ErrorData | null;
}

export interface ToastsState {
  toasts: Toast[];
}

export const initialToastsState: ToastsState = { toasts: [] };
