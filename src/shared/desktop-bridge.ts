// The contract between the desktop app's preload script and the page: the one object the preload
// exposes on `window`, and the message names it uses. The page asks for an engine connection; the
// answer arrives as a window message carrying a MessagePort, over which the engine contract runs.

/** Where the preload puts the bridge on `window`. */
export const DESKTOP_BRIDGE_KEY = 'ingotDesktop';

/** IPC channel names between the preload and the main process. */
export const DESKTOP_IPC = {
  /** Page → main, no payload: send me a MessagePort to the engine. */
  connectEngine: 'ingot:connect-engine',
  /** Main → page: the port, the message's only transferred object. */
  enginePort: 'ingot:engine-port',
} as const;

/** The window message (`data`) that carries the engine port in `ports[0]`. */
export interface EnginePortMessage {
  type: typeof DESKTOP_IPC.enginePort;
}

export interface DesktopBridge {
  /** Asks for a new engine port; it arrives as an EnginePortMessage on `window`. */
  connectEngine(): void;
  /** Where a file dropped on the page lives on disk ('' when it is not a file on disk). */
  pathForFile(file: File): string;
}

export function isEnginePortMessage(data: unknown): data is EnginePortMessage {
  return typeof data === 'object' && data !== null && (data as { type?: unknown }).type === DESKTOP_IPC.enginePort;
}
