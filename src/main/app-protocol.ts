// Answers the app:// scheme: the built renderer's files (dist/renderer) and nothing else, each
// with the same security headers `ingot serve` sends (no WebSocket in the CSP: the desktop page
// reaches the engine over a MessagePort).
import { readFile } from 'node:fs/promises';
import { appBuilt, mimeTypeOf, resolveAppFile } from '../engine/host/app-files.js';
import { securityHeaders } from '../engine/host/security-headers.js';
import { isAppUrl } from './app-origin.js';

export const APP_NOT_BUILT = 'The Ingot app is not built yet. Run `npm run build` in the Ingot folder, then start it again.';

function text(status: number, body: string): Response {
  return new Response(`${body}\n`, { status, headers: { ...securityHeaders(undefined), 'Content-Type': 'text/plain; charset=utf-8' } });
}

/** The response to a request of the page for `url`, served from `root`. */
export async function appResponse(root: string, method: string, url: string): Promise<Response> {
  if (method !== 'GET' && method !== 'HEAD') return text(405, 'Only GET and HEAD are served.');
  if (!isAppUrl(url)) return text(404, 'Not found.');
  const file = await resolveAppFile(root, new URL(url).pathname);
  if (!file) return (await appBuilt(root)) ? text(404, 'Not found.') : text(503, APP_NOT_BUILT);
  const body = method === 'HEAD' ? null : await readFile(file);
  return new Response(body, { status: 200, headers: { ...securityHeaders(undefined), 'Content-Type': mimeTypeOf(file), 'Cache-Control': 'no-cache' } });
}
