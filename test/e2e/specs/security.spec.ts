// The access token and the Origin/Host checks of `ingot serve`, seen from a real browser: no or a
// wrong token is refused, the printed URL trades its token for an HttpOnly cookie, a page on
// another origin cannot open the engine WebSocket, and a DNS-rebinding host name is refused.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures/app.js';
import { electronTarget } from '../fixtures/electron.js';
import { CHROMIUM_ARGS, chromiumPath } from '../fixtures/chromium.js';

test.skip(electronTarget(), 'These checks are about `ingot serve` in a browser; the desktop app has no HTTP server.');

test.use({ workspaceKind: 'empty' });

/** Opens a WebSocket to `url` from inside `page`; resolves to 'open' or 'refused'. */
function tryWebSocket(page: Page, url: string): Promise<string> {
  return page.evaluate(
    (target) =>
      new Promise<string>((resolve) => {
        const socket = new WebSocket(target);
        socket.onopen = () => {
          socket.close();
          resolve('open');
        };
        socket.onerror = () => resolve('refused');
      }),
    url,
  );
}

/** A plain web page on another origin (another port of 127.0.0.1). */
async function foreignSite(): Promise<{ server: Server; url: string }> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end('<!doctype html><title>Some other site</title><p>Another site</p>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/` };
}

test('opening the app without the token is refused', async ({ ingot, page, context }) => {
  const response = await page.goto(`${ingot.origin}/`);
  expect(response?.status()).toBe(401);
  await expect(page.locator('body')).toContainText('access token');
  await expect(page.getByRole('navigation', { name: 'Screens' })).toHaveCount(0);
  expect(await context.cookies()).toEqual([]);
});

test('opening the app with a wrong token is refused and sets no cookie', async ({ ingot, page, context }) => {
  const wrong = ingot.token.slice(0, -4) + (ingot.token.endsWith('AAAA') ? 'BBBB' : 'AAAA');
  const response = await page.goto(`${ingot.origin}/?token=${wrong}`);
  expect(response?.status()).toBe(401);
  await expect(page.locator('body')).toContainText('token is wrong');
  expect(await context.cookies()).toEqual([]);
  expect(await tryWebSocket(page, `ws://127.0.0.1:${ingot.port}/rpc`)).toBe('refused');
});

test('the printed URL opens the app and trades the token for an HttpOnly cookie', async ({ ingot, page, context }) => {
  await page.goto(ingot.url);
  expect(page.url()).not.toContain('token=');
  await expect(page.getByRole('status', { name: 'Engine connection' })).toHaveText(/Connected/);
  const cookies = await context.cookies();
  expect(cookies).toHaveLength(1);
  expect(cookies[0]).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
  expect(await page.evaluate(() => document.cookie)).toBe('');
  expect(await tryWebSocket(page, `ws://127.0.0.1:${ingot.port}/rpc`)).toBe('open');
});

test('a page on another origin cannot open the engine WebSocket, even with the cookie set', async ({ ingot, page }) => {
  await page.goto(ingot.url);
  await expect(page.getByRole('status', { name: 'Engine connection' })).toHaveText(/Connected/);
  const foreign = await foreignSite();
  try {
    await page.goto(foreign.url);
    await expect(page.locator('body')).toContainText('Another site');
    expect(await tryWebSocket(page, `ws://127.0.0.1:${ingot.port}/rpc`)).toBe('refused');
    expect(await tryWebSocket(page, `ws://localhost:${ingot.port}/rpc`)).toBe('refused');
  } finally {
    foreign.server.close();
  }
});

test('a DNS-rebinding host name is refused even with the right token', async ({ ingot, playwright }) => {
  // The browser resolves rebinding.test to 127.0.0.1, as a rebinding attack would make it.
  const browser = await playwright.chromium.launch({ executablePath: chromiumPath(), args: [...CHROMIUM_ARGS, '--host-resolver-rules=MAP rebinding.test 127.0.0.1'] });
  try {
    const page = await browser.newPage();
    const response = await page.goto(`http://rebinding.test:${ingot.port}/?token=${ingot.token}`);
    expect(response?.status()).toBe(403);
    await expect(page.locator('body')).toContainText('127.0.0.1 or localhost');
    expect(await page.context().cookies()).toEqual([]);
  } finally {
    await browser.close();
  }
});
