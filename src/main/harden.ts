// Locks a window's page in: it may not navigate or redirect away from app://ingot, open windows
// (https links go to the user's browser instead), or attach <webview>s. With the window options
// and the denied permissions this is Electron's security checklist, applied in one place.
import type { WebContents } from 'electron';
import { externalLinkTarget, isAppUrl } from './app-origin.js';

/** The part of WebContents this uses (tests pass a stand-in). */
export type HardenableContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

export function hardenContents(contents: HardenableContents, openExternal: (url: string) => void): void {
  const stayInApp = (event: { preventDefault(): void }, url: string): void => {
    if (!isAppUrl(url)) event.preventDefault();
  };
  contents.on('will-navigate', stayInApp);
  contents.on('will-redirect', stayInApp);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    const external = externalLinkTarget(url);
    if (external) openExternal(external);
    return { action: 'deny' };
  });
}
