// Serves the built renderer (dist/renderer) and nothing else: paths are decoded and resolved
// inside the root (no `..` or symlink escapes), directories are never listed, and unknown
// app routes fall back to index.html. If the renderer is not built, says how to build it.
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

export const NOT_BUILT_MESSAGE = 'The Ingot app is not built yet. Run `npm run build` in the Ingot folder, then reload this page.';

/** The file for a URL path inside `root`, or undefined when it is outside, missing or a directory. */
export async function resolveStaticFile(root: string, pathname: string): Promise<string | undefined> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return undefined;
  const rootReal = await realpath(root).catch(() => undefined);
  if (!rootReal) return undefined;
  const candidate = resolve(rootReal, '.' + (decoded === '/' ? '/index.html' : decoded));
  if (!candidate.startsWith(rootReal + sep)) return undefined;
  const real = await realpath(candidate).catch(() => undefined);
  if (!real || !real.startsWith(rootReal + sep)) return undefined;
  const info = await stat(real).catch(() => undefined);
  return info?.isFile() ? real : undefined;
}

/** Answers a GET/HEAD for `pathname` from `root`; headers already carry the security set. */
export async function serveStatic(root: string, pathname: string, method: string, res: ServerResponse): Promise<void> {
  const index = join(root, 'index.html');
  let file = await resolveStaticFile(root, pathname);
  // An app route (no file extension) gets the app; a missing asset gets a 404.
  if (!file && extname(pathname) === '') file = await resolveStaticFile(root, '/');
  if (!file) {
    const built = await stat(index).then((s) => s.isFile()).catch(() => false);
    if (!built) return sendText(res, 503, NOT_BUILT_MESSAGE);
    return sendText(res, 404, 'Not found.');
  }
  const type = MIME_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
  const info = await stat(file);
  res.writeHead(200, {
    'Content-Type': type,
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
