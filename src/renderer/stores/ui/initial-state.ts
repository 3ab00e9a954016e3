// Initial state of the UI store: the screen named by the URL hash, palette closed.
import { DEFAULT_SCREEN, screenFromHash, type ScreenId } from '../../screens.js';

export interface UiState {
  screen: ScreenId;
  paletteOpen: boolean;
}

export function initialUiState(hash: string): UiState {
  return { screen: screenFromHash(hash) ?? DEFAULT_SCREEN, paletteOpen: false };
}
