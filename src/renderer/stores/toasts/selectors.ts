// Selectors of the toasts store.
import type { ToastsStore } from './store.js';

export const selectToasts = (s: ToastsStore) => s.toasts;
export const selectDismissToast = (s: ToastsStore) => s.dismiss;
