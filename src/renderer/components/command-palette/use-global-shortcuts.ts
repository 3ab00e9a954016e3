// App-wide keys: Ctrl/Cmd+K opens or closes the command palette, Alt+1…9 switch screens. They
// are caught on the way down (capture), before an editor such as Monaco takes Ctrl+K as the start
// of its own key chord.
import { useEffect } from 'react';
import { SCREENS } from '../../screens.js';
import { useUiStore } from '../../stores/ui/store.js';

export function useGlobalShortcuts(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      const ui = useUiStore.getState();
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        event.stopPropagation();
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
    window.addEventListener('keydown', onKeyDown, { capture: true });
    return () => window.removeEventListener('keydown', onKeyDown, { capture: true });
  }, []);
}
