// The app frame: top bar, left navigation, the current screen, status bar, toasts and the
// command palette.
import { CommandPalette } from './components/command-palette/CommandPalette.js';
import { useGlobalShortcuts } from './components/command-palette/use-global-shortcuts.js';
import { useUnsavedEditsGuard } from './features/designer/use-unsaved-edits-guard.js';
import { NavBar } from './components/layout/NavBar.js';
import { StatusBar } from './components/layout/StatusBar.js';
import { TopBar } from './components/layout/TopBar.js';
import { Toasts } from './components/toasts/Toasts.js';
import { ScreenView } from './features/ScreenView.js';
import { screenLabel } from './screens.js';
import { useUiStore } from './stores/ui/store.js';
import { selectScreen } from './stores/ui/selectors.js';

export function App() {
  useGlobalShortcuts();
  useUnsavedEditsGuard();
  const screen = useUiStore(selectScreen);
  return (
    <div className="app">
      <TopBar />
      <NavBar />
      <main className="main" aria-label={screenLabel(screen)}>
        <ScreenView screen={screen} />
      </main>
      <StatusBar />
      <Toasts />
      <CommandPalette />
    </div>
  );
}
