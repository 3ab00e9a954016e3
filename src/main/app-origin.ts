// The origin the desktop app loads its page from: a privileged custom scheme (app://ingot/)
// instead of file://, so the page has a real origin for its CSP and the file system stays out of
// reach. Also the rules for where that page may go: nowhere but its own origin.

export const APP_SCHEME = 'app';
export const APP_HOST = 'ingot';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

function parse(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

/** Whether `url` is a page of the app itself (app://ingot/…). */
export function isAppUrl(url: string): boolean {
  const u = parse(url);
  return u !== undefined && u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST;
}

/**
 * What to do with a link the page tries to open: web links (https) go to the user's browser,
 * everything else (file:, javascript:, other schemes, plain http) is refused.
 */
export function externalLinkTarget(url: string): string | undefined {
  const u = parse(url);
  return u !== undefined && u.protocol === 'https:' ? u.toString() : undefined;
}
