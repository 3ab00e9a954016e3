// Selectors of the UI store.
import type { UiStore } from './store.js';

export const selectScreen = (s: UiStore) => s.screen;
export const selectNavigate = (s: UiStore) => s.navigate;
export const selectPalette = (s: UiStore) => ({ open: s.paletteOpen, setOpen: s.setPaletteOpen, toggle: s.togglePalette });
