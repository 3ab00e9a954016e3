// What the desktop app's preload bridge gives this window, when there is one: the engine
// connection (see message-port-dialer.ts) and where dropped files live on disk. In a browser
// there is no bridge, and a dropped file's path stays unknown.
import { DESKTOP_BRIDGE_KEY, type DesktopBridge } from '../../shared/desktop-bridge.js';

function bridgeOf(target: object): Partial<DesktopBridge> | undefined {
  return (target as Record<string, unknown>)[DESKTOP_BRIDGE_KEY] as Partial<DesktopBridge> | undefined;
}

/** The whole bridge the desktop app's preload puts on `window`, or undefined in a browser. */
export function desktopBridge(target: object = window): DesktopBridge | undefined {
  const bridge = bridgeOf(target);
  return typeof bridge?.connectEngine === 'function' && typeof bridge.pathForFile === 'function' ? (bridge as DesktopBridge) : undefined;
}

/** Whether this window can learn where dropped files are on disk (the desktop app can, a browser cannot). */
export function locatesDroppedFiles(target: object = window): boolean {
  return typeof bridgeOf(target)?.pathForFile === 'function';
}

/** The paths on disk of dropped files, '' for each whose path this window cannot know. */
export function droppedFilePaths(files: readonly File[], target: object = window): string[] {
  const pathForFile = bridgeOf(target)?.pathForFile;
  return files.map((file) => (typeof pathForFile === 'function' ? pathForFile(file) : ''));
}
