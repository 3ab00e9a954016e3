// The application menu, as data: the standard edit/view/window roles (so copy, paste and zoom
// work as users expect on every platform), reload and developer tools only in development, and
// Ingot's own commands, which the caller wires to actions.
import type { MenuItemConstructorOptions } from 'electron';

export interface MenuActions {
  showWorkspaceFolder(): void;
}

export interface MenuSettings {
  platform: NodeJS.Platform;
  /** Adds reload and developer tools. */
  development: boolean;
}

export function menuTemplate(settings: MenuSettings, actions: MenuActions): MenuItemConstructorOptions[] {
  const mac = settings.platform === 'darwin';
  const appMenu: MenuItemConstructorOptions = {
    label: 'Ingot',
    submenu: [{ role: 'about' }, { type: 'separator' }, { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, { type: 'separator' }, { role: 'quit' }],
  };
  const file: MenuItemConstructorOptions = {
    label: 'File',
    submenu: [{ label: 'Show Workspace Folder', accelerator: 'CmdOrCtrl+Shift+O', click: () => actions.showWorkspaceFolder() }, { type: 'separator' }, mac ? { role: 'close' } : { role: 'quit' }],
  };
  const development: MenuItemConstructorOptions[] = settings.development ? [{ role: 'reload' }, { role: 'toggleDevTools' }, { type: 'separator' }] : [];
  const view: MenuItemConstructorOptions = {
    label: 'View',
    submenu: [...development, { role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }],
  };
  return [...(mac ? [appMenu] : []), file, { role: 'editMenu' }, view, { role: 'windowMenu' }];
}
