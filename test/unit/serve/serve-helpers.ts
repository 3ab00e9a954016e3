// Helpers for `ingot serve` tests: a temp workspace with a tiny built renderer next to a secret
// file, raw HTTP requests (fetch cannot forge a Host header) and WebSocket attempts.
import { request } from 'node:http';
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { WebSocket } from 'ws';
import { initWorkspace } from '../../../src/engine/workspace/init.js';
import { tempDir } from '../../helpers/temp-dir.js';

export const INDEX_HTML = '<!doctype html><title>Ingot test app</title>';

/** A workspace folder and a renderer folder holding index.html, an asset, and a symlink that points outside. */
export async function serveFixture(): Promise<{ workspaceRoot: string; staticRoot: string }> {
  const base = await tempDir('ingot-serve-');
  const workspaceRoot = join(base, 'ws');
  await initWorkspace(workspaceRoot);
  const staticRoot = join(base, 'renderer');
  await mkdir(join(staticRoot, 'assets'), { recursive: true });
  await writeFile(join(staticRoot, 'index.html'), INDEX_HTML);
  await writeFile(join(staticRoot, 'assets', 'app.js'), 'console.log("app")');
  await writeFile(join(base, 'secret.txt'), 'do not serve me');
  await symlink(join(base, 'secret.txt'), join(staticRoot, 'link.txt'));
  return { workspaceRoot, staticRoot };
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** An HTTP request with exactly these headers (Host included), path sent verbatim. */
export function rawRequest(port: number, path: string, headers: Record<string, string>, method = 'GET'): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers: { host: `127.0.0.1:${port}`, ...headers } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Opens a WebSocket; resolves to the socket once open, or to the HTTP status that refused it. */
export function openSocket(url: string, headers: Record<string, string>): Promise<{ socket?: WebSocket; status?: number }> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { headers });
    socket.once('open', () => resolve({ socket }));
    socket.once('unexpected-response', (_req, res) => {
      resolve({ status: res.statusCode ?? 0 });
      socket.terminate();
    });
    socket.once('error', (err) => reject(err));
  });
}
