// Locks a page in: no frame may navigate or redirect away from app://ingot, no window opens and no
// <webview> attaches. A https link the user follows (a plain link or one opening a new window)
// goes to their browser instead. With the window options and the denied permissions this is
// Electron's security checklist, applied to every web contents the app creates.
import type { WebContents } from 'electron';
import { externalLinkTarget, isAppUrl } from './app-origin.js';

/** The part of WebContents this uses (tests pass a stand-in). */
export type HardenableContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

interface NavigationEvent {
  url: string;
  isMainFrame?: boolean;
  preventDefault(): void;
}

export function hardenContents(contents: HardenableContents, openExternal: (url: string) => void): void {
  const follow = (url: string): void => {
    const external = externalLinkTarget(url);
    if (external) openExternal(external);
  };
  contents.on('will-frame-navigate', (event: NavigationEvent) => {
    if (isAppUrl(event.url)) return;
    event.preventDefault();
    if (event.isMainFrame) follow(event.url);
  });
  contents.on('will-redirect', (event: NavigationEvent) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    follow(url);
    return { action: 'deny' };
  });
}
