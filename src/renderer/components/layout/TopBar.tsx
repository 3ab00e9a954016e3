// The top bar: product and workspace name, the run-status indicator, and the command palette.
import { useShallow } from 'zustand/react/shallow';
import { useConnectionStore } from '../../stores/connection/store.js';
import { selectWorkspace } from '../../stores/connection/selectors.js';
import { useUiStore } from '../../stores/ui/store.js';
import { selectPalette } from '../../stores/ui/selectors.js';
import { paletteShortcutLabel } from '../command-palette/shortcut-labels.js';
import { RunIndicator } from './RunIndicator.js';

export function TopBar() {
  const workspace = useConnectionStore(selectWorkspace);
  const palette = useUiStore(useShallow(selectPalette));
  return (
    <header className="topbar">
      <div className="topbar__brand">
        <span className="topbar__logo" aria-hidden="true" />
        <span className="topbar__product">Ingot</span>
        <span className="topbar__sep" aria-hidden="true">/</span>
        <span className="topbar__workspace" aria-label="Workspace" title={workspace?.root}>
          {workspace?.name ?? 'Opening workspace…'}
        </span>
      </div>
      <div className="topbar__actions">
        <RunIndicator />
        <button type="button" className="button button--ghost" onClick={() => palette.setOpen(true)} aria-keyshortcuts="Control+K Meta+K">
          Commands <kbd>{paletteShortcutLabel()}</kbd>
        </button>
      </div>
    </header>
  );
}
