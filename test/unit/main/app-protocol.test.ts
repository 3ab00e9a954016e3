// The app:// scheme serves the built renderer and nothing else: files with their type and the
// security headers, app routes as index.html, no escapes from the folder (encoded `..`, symlinks),
// no other host, no other method, and a message saying how to build when nothing is built.
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_NOT_BUILT, appResponse } from '../../../src/main/app-protocol.js';
import { tempDir } from '../../helpers/temp-dir.js';

async function builtApp(): Promise<string> {
  const base = await tempDir('ingot-app-protocol-');
  const root = join(base, 'renderer');
  await mkdir(join(root, 'assets'), { recursive: true });
  await writeFile(join(root, 'index.html'), '<!doctype html><title>Ingot</title>');
  await writeFile(join(root, 'assets', 'app-1234.js'), 'console.log(1)');
  await writeFile(join(base, 'secret.txt'), 'not for the page');
  await symlink(join(base, 'secret.txt'), join(root, 'assets', 'link.txt'));
  return root;
}

describe('app:// protocol', () => {
  it('serves files with their type and the security headers, and app routes as the page', async () => {
    const root = await builtApp();
    const page = await appResponse(root, 'GET', 'app://ingot/index.html');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toContain("connect-src 'self';");
    expect(page.headers.get('content-security-policy')).not.toContain('ws:');
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    const script = await appResponse(root, 'GET', 'app://ingot/assets/app-1234.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toBe('console.log(1)');
    expect(await (await appResponse(root, 'GET', 'app://ingot/runs/42')).text()).toContain('<title>Ingot</title>');
    expect((await appResponse(root, 'GET', 'app://ingot/assets/missing.js')).status).toBe(404);
  });

  it('never leaves the folder, another host or GET/HEAD', async () => {
    const root = await builtApp();
    for (const url of ['app://ingot/%2e%2e/secret.txt', 'app://ingot/assets/%2e%2e%2f%2e%2e%2fsecret.txt', 'app://ingot/assets/link.txt', 'app://ingot/assets/..%5c..%5csecret.txt']) {
      const res = await appResponse(root, 'GET', url);
      expect(res.status, url).toBe(404);
      expect(await res.text(), url).not.toContain('not for the page');
    }
    expect((await appResponse(root, 'GET', 'app://other/index.html')).status).toBe(404);
    expect((await appResponse(root, 'POST', 'app://ingot/index.html')).status).toBe(405);
    const head = await appResponse(root, 'HEAD', 'app://ingot/index.html');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('says how to build the app when it is not built', async () => {
    const res = await appResponse(join(await tempDir('ingot-app-protocol-'), 'renderer'), 'GET', 'app://ingot/index.html');
    expect(res.status).toBe(503);
    expect(await res.text()).toBe(`${APP_NOT_BUILT}\n`);
  });
});
