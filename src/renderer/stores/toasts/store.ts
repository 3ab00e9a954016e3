// Toasts: errors (message, hint and where, from the engine's error data) stay until dismissed;
// information toasts disappear after a few seconds. At most a handful are shown at once.
import { create } from 'zustand';
import { errorDataOf } from '../../api/error-data.js';
import { initialToastsState, type Toast, type ToastsState } from './initial-state.js';

export interface ToastsActions {
  /** Shows `error` (anything thrown) under `title`. */
  showError(title: string, error: unknown): void;
  showInfo(text: string): void;
  dismiss(id: number): void;
}

export type ToastsStore = ToastsState & ToastsActions;

const MAX_TOASTS = 4;
const INFO_TIMEOUT_MS = 4_000;
let nextId = 1;

export const useToastsStore = create<ToastsStore>()((set, get) => {
  const add = (toast: Omit<Toast, 'id'>): number => {
    const id = nextId++;
    set((s) => ({ toasts: [...s.toasts, { ...toast, id }].slice(-MAX_TOASTS) }));
    return id;
  };
  return {
    ...initialToastsState,
    showError: (title, error) => {
      add({ kind: 'error', title, error: errorDataOf(error) });
    },
    showInfo: (text) => {
      const id = add({ kind: 'info', title: text, error: null });
      setTimeout(() => get().dismiss(id), INFO_TIMEOUT_MS);
    },
    dismiss: (id) => set((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) })),
  };
});
