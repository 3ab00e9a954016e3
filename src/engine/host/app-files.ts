// The built app's files (dist/renderer) as `ingot serve` and the desktop app's app:// protocol
// hand them out: paths are decoded and resolved inside the root (no `..` or symlink escapes),
// directories are never listed, and app routes (no file extension) fall back to index.html.
import { realpath, stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';

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

/** The file to answer `pathname` with: the file itself, or index.html for an app route; undefined for a missing asset. */
export async function resolveAppFile(root: string, pathname: string): Promise<string | undefined> {
  const file = await resolveStaticFile(root, pathname);
  if (file || extname(pathname) !== '') return file;
  return resolveStaticFile(root, '/');
}

/** The Content-Type of a file of the app. */
export function mimeTypeOf(file: string): string {
  return MIME_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** Whether the app is built in `root` (its index.html exists). */
export async function appBuilt(root: string): Promise<boolean> {
  return stat(resolve(root, 'index.html')).then((s) => s.isFile()).catch(() => false);
}
