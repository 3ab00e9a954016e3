// Serves the built renderer (dist/renderer) over HTTP and nothing else (which file answers a path
// is decided in engine/host/app-files.ts). If the renderer is not built, says how to build it.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { appBuilt, mimeTypeOf, resolveAppFile } from '../../engine/host/app-files.js';

export const NOT_BUILT_MESSAGE = 'The Ingot app is not built yet. Run `npm run build` in the Ingot folder, then reload this page.';

/** Answers a GET/HEAD for `pathname` from `root`; headers already carry the security set. */
export async function serveStatic(root: string, pathname: string, method: string, res: ServerResponse): Promise<void> {
  const file = await resolveAppFile(root, pathname);
  if (!file) {
    if (!(await appBuilt(root))) return sendText(res, 503, NOT_BUILT_MESSAGE);
    return sendText(res, 404, 'Not found.');
  }
  const info = await stat(file);
  res.writeHead(200, {
    'Content-Type': mimeTypeOf(file),
    'Content-Length': info.size,
    // Built assets carry a content hash in their names; the page itself must always be fresh.
    'Cache-Control': pathname.startsWith('/assets/') ? 'private, max-age=31536000, immutable' : 'no-cache',
  });
  if (method === 'HEAD') {
    res.end();
    return;
  }
  createReadStream(file).pipe(res);
}

export function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(text + '\n');
}
