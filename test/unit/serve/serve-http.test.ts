// `ingot serve` over HTTP: the token → cookie exchange, refusals (no token, wrong token, foreign
// Host, foreign Origin), security headers, and serving only the renderer's own files.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startServe, type ServeHandle } from '../../../src/cli/serve/start-serve.js';
import { openWorkspace } from '../../../src/engine/workspace/workspace.js';
import { IngotError } from '../../../src/shared/errors.js';
import { tempDir } from '../../helpers/temp-dir.js';
import { INDEX_HTML, rawRequest, serveFixture } from './serve-helpers.js';

let handle: ServeHandle | undefined;
afterEach(async () => {
  await handle?.close();
  handle = undefined;
});

async function start(staticRoot?: string): Promise<ServeHandle> {
  const fixture = await serveFixture();
  handle = await startServe({ workspaceRoot: fixture.workspaceRoot, port: 0, staticRoot: staticRoot ?? fixture.staticRoot });
  return handle;
}

const cookieOf = (h: ServeHandle): string => `ingot_token_${h.port}=${h.token}`;

describe('ingot serve (HTTP)', () => {
  it('exchanges the token in the URL for an HttpOnly, SameSite=Strict cookie and strips it from the URL', async () => {
    const h = await start();
    expect(h.port).toBeGreaterThan(0);
    expect(h.url).toBe(`http://127.0.0.1:${h.port}/?token=${h.token}`);
    expect(Buffer.from(h.token, 'base64url')).toHaveLength(32);
    const first = await fetch(h.url, { redirect: 'manual' });
    expect(first.status).toBe(303);
    expect(first.headers.get('location')).toBe('/');
    const cookie = first.headers.get('set-cookie') ?? '';
    expect(cookie).toContain(cookieOf(h));
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const page = await fetch(`${h.origin}/`, { headers: { cookie: cookie.split(';')[0] ?? '' } });
    expect(page.status).toBe(200);
    expect(await page.text()).toBe(INDEX_HTML);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain(`ws://127.0.0.1:${h.port}`);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    // Other query parameters survive the redirect.
    const deep = await fetch(`${h.origin}/runs?tab=2&token=${h.token}`, { redirect: 'manual' });
    expect(deep.headers.get('location')).toBe('/runs?tab=2');
  });

  it('refuses requests without the token, with a wrong one, or with a stale cookie (401)', async () => {
    const h = await start();
    for (const res of [
      await fetch(`${h.origin}/`),
      await fetch(`${h.origin}/assets/app.js`),
      await fetch(`${h.origin}/?token=${'x'.repeat(43)}`, { redirect: 'manual' }),
      await fetch(`${h.origin}/`, { headers: { cookie: `ingot_token_${h.port}=${h.token.slice(1)}A` } }),
      await fetch(`${h.origin}/`, { headers: { authorization: 'Bearer nope' } }),
    ]) {
      expect(res.status).toBe(401);
      expect(res.headers.get('set-cookie')).toBeNull();
      expect(await res.text()).not.toContain(INDEX_HTML);
    }
  });

  it('refuses foreign Host headers (DNS rebinding) and foreign Origins, even with the right token (403)', async () => {
    const h = await start();
    const auth = { cookie: cookieOf(h) };
    expect((await rawRequest(h.port, '/', auth)).status).toBe(200);
    expect((await rawRequest(h.port, '/', { ...auth, host: `localhost:${h.port}` })).status).toBe(200);
    for (const host of [`evil.example:${h.port}`, `127.0.0.1:${h.port + 1}`, '127.0.0.1', `127.0.0.1.evil.example:${h.port}`]) {
      const res = await rawRequest(h.port, `/?token=${h.token}`, { ...auth, host });
      expect(res.status).toBe(403);
      expect(res.headers['set-cookie']).toBeUndefined();
    }
    const foreign = await rawRequest(h.port, '/', { ...auth, origin: 'http://evil.example' });
    expect(foreign.status).toBe(403);
    // State-changing methods need this server's own Origin.
    expect((await rawRequest(h.port, '/', auth, 'POST')).status).toBe(403);
    expect((await rawRequest(h.port, '/', { ...auth, origin: 'http://evil.example' }, 'DELETE')).status).toBe(403);
    expect((await rawRequest(h.port, '/', { ...auth, origin: h.origin }, 'POST')).status).toBe(405);
  });

  it('serves only the renderer files: no traversal, no symlink escape, no listing, no open redirect', async () => {
    const h = await start();
    const auth = { cookie: cookieOf(h) };
    const js = await rawRequest(h.port, '/assets/app.js', auth);
    expect(js.status).toBe(200);
    expect(js.headers['content-type']).toMatch(/^text\/javascript/);
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/assets/..%2f..%2fsecret.txt', '/link.txt', '/assets/missing.js', '/%00.js']) {
      const res = await rawRequest(h.port, path, auth);
      expect(res.status, path).toBe(404);
      expect(res.body).not.toContain('do not serve me');
    }
    // A directory is never listed: app routes get the app page.
    const dir = await rawRequest(h.port, '/assets/', auth);
    expect(dir.body).toBe(INDEX_HTML);
    expect(dir.body).not.toContain('app.js');
    const tricky = await rawRequest(h.port, `//evil.example/?token=${h.token}`, {});
    expect(tricky.status).toBe(303);
    expect(tricky.headers.location).toBe('/');
    const dotted = await rawRequest(h.port, `/a/..//evil.example?token=${h.token}`, {});
    expect(String(dotted.headers.location)).toMatch(/^\/[^/]/);
  });

  it('names a taken --port and how to pick a free one, and leaves the workspace closed', async () => {
    const h = await start();
    const fixture = await serveFixture();
    const err = await startServe({ workspaceRoot: fixture.workspaceRoot, port: h.port, staticRoot: fixture.staticRoot }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IngotError);
    expect((err as IngotError).message).toContain(`Port ${h.port}`);
    expect((err as IngotError).hint).toContain('--port 0');
    (await openWorkspace(fixture.workspaceRoot)).close();
  });

  it('says how to build the app when dist/renderer is missing', async () => {
    const empty = join(await tempDir(), 'renderer');
    await mkdir(empty);
    const h = await start(empty);
    const res = await fetch(`${h.origin}/`, { headers: { cookie: cookieOf(h) } });
    expect(res.status).toBe(503);
    expect(await res.text()).toContain('npm run build');
  });
});
