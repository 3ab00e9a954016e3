// The options of Ingot's one window, following Electron's security checklist: no Node.js in the
// page, context isolation, the Chromium sandbox, web security on, no insecure content, no
// <webview>, and only the small preload bridge (preload.ts) between the page and the app.
import type { BrowserWindowConstructorOptions } from 'electron';

export interface WindowSettings {
  /** Absolute path of the bundled preload script (CommonJS, as sandboxed preloads must be). */
  preload: string;
  title?: string;
  /** Developer tools; off in a packaged app. */
  devTools?: boolean;
}

export function windowOptions(settings: WindowSettings): BrowserWindowConstructorOptions {
  return {
    title: settings.title ?? 'Ingot',
    width: 1360,
    height: 860,
    minWidth: 960,
    minHeight: 600,
    // Shown once the first paint is ready, so the window never flashes white.
    show: false,
    backgroundColor: '#16181d',
    webPreferences: {
      preload: settings.preload,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      contextIsolation: true,
      sandbox: true,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
      devTools: settings.devTools ?? false,
    },
  };
}
