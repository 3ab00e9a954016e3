// Answers plain HTTP requests of `ingot serve`: refuses what the guard refuses, exchanges a
// token in the URL for a cookie (then redirects to the same page without it), and serves the
// renderer's files. Every answer carries the security headers.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { guardRequest, type GuardConfig } from './request-guard.js';
import { securityHeaders } from '../../engine/host/security-headers.js';
import { sendText, serveStatic } from './static-files.js';
import { tokenCookie } from './token.js';

export interface HttpHandlerConfig extends GuardConfig {
  /** The built renderer folder (dist/renderer). */
  staticRoot: string;
}

export async function handleHttp(req: IncomingMessage, res: ServerResponse, config: HttpHandlerConfig): Promise<void> {
  const verdict = guardRequest(req, config);
  for (const [name, value] of Object.entries(securityHeaders(verdict.ok ? verdict.host : undefined))) res.setHeader(name, value);
  if (!verdict.ok) return sendText(res, verdict.status, verdict.reason);
  const method = req.method ?? 'GET';
  if (method !== 'GET' && method !== 'HEAD') {
    res.setHeader('Allow', 'GET, HEAD');
    return sendText(res, 405, `${method} is not supported here; the app talks to the engine over its WebSocket.`);
  }
  const url = new URL(req.url ?? '/', verdict.origin);
  if (verdict.tokenFromQuery) {
    url.searchParams.delete('token');
    // Collapse leading slashes so the redirect can never point at another host (`//evil`).
    const location = '/' + url.pathname.replace(/^\/+/, '') + url.search + url.hash;
    res.writeHead(303, { 'Set-Cookie': tokenCookie(config.port, config.token), Location: location, 'Cache-Control': 'no-store' });
    res.end();
    return;
  }
  if (url.pathname === '/rpc') return sendText(res, 426, 'This address is the engine WebSocket; connect with a WebSocket client.');
  await serveStatic(config.staticRoot, url.pathname, method, res);
}
