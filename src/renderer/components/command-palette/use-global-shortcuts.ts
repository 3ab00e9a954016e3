// App-wide keys: Ctrl/Cmd+K opens or closes the command palette, Alt+1…9 switch screens.
import { useEffect } from 'react';
import { SCREENS } from '../../screens.js';
import { useUiStore } from '../../stores/ui/store.js';

export function useGlobalShortcuts(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      const ui = useUiStore.getState();
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        ui.togglePalette();
        return;
      }
      if (event.altKey && !event.ctrlKey && !event.metaKey && /^Digit[1-9]$/.test(event.code)) {
        const screen = SCREENS[Number(event.code.slice(5)) - 1];
        if (screen) {
          event.preventDefault();
          ui.setPaletteOpen(false);
          ui.navigate(screen.id);
        }
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
