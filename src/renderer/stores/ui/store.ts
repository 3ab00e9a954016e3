// UI store: which screen is shown (mirrored in the URL hash by route-sync.ts, with what the screen
// has open, so reload, links and back/forward work) and whether the command palette is open.
import { create } from 'zustand';
import type { ScreenId } from '../../screens.js';
import { initialUiState, type UiState } from './initial-state.js';

export interface UiActions {
  navigate(screen: ScreenId): void;
  /** Follows a hash change made by the browser (back/forward, a link). */
  syncScreen(screen: ScreenId): void;
  setPaletteOpen(open: boolean): void;
  togglePalette(): void;
}

export type UiStore = UiState & UiActions;

export const useUiStore = create<UiStore>()((set) => ({
  ...initialUiState(typeof window === 'undefined' ? '' : window.location.hash),
  navigate: (screen) => set({ screen }),
  syncScreen: (screen) => set({ screen }),
  setPaletteOpen: (paletteOpen) => set({ paletteOpen }),
  togglePalette: () => set((s) => ({ paletteOpen: !s.paletteOpen })),
}));
