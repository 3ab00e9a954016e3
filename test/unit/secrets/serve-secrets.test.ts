// The secret methods over `ingot serve`: they sit behind the same handshake as every engine method
// (this server's token and its own Origin), so a page on another origin or without the token cannot
// save or list secrets; the app's own client can, and gets names back, never values.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WebSocket } from 'ws';
import { startServe, type ServeHandle } from '../../../src/cli/serve/start-serve.js';
import { ENGINE_CONTRACT } from '../../../src/shared/api/engine-api.js';
import { createRpcClient } from '../../../src/shared/rpc/client.js';
import { webSocketTransport } from '../../../src/shared/rpc/websocket-transport.js';
import { tempDir } from '../../helpers/temp-dir.js';
import { openSocket, serveFixture } from '../serve/serve-helpers.js';

const VALUE = 'serve-secret-2f3e4d5c6b';
const previous = process.env.INGOT_CONFIG_DIR;
let handle: ServeHandle | undefined;
let configDir = '';

beforeEach(async () => {
  configDir = await tempDir('ingot-config-');
  process.env.INGOT_CONFIG_DIR = configDir;
});
afterEach(async () => {
  await handle?.close();
  handle = undefined;
  if (previous === undefined) delete process.env.INGOT_CONFIG_DIR;
  else process.env.INGOT_CONFIG_DIR = previous;
});

describe('secrets over ingot serve', () => {
  it('take the token and Origin checks of every engine method', async () => {
    const fixture = await serveFixture();
    const h = (handle = await startServe({ workspaceRoot: fixture.workspaceRoot, port: 0, staticRoot: fixture.staticRoot }));
    const url = `ws://127.0.0.1:${h.port}/rpc`;
    expect((await openSocket(url, { origin: h.origin })).status).toBe(401);
    expect((await openSocket(`${url}?token=${h.token}`, { origin: 'http://evil.example' })).status).toBe(403);

    const own = await openSocket(`${url}?token=${h.token}`, { origin: h.origin });
    const api = createRpcClient(ENGINE_CONTRACT, webSocketTransport(own.socket as WebSocket));
    try {
      const saved = await api.setSecret({ name: 'SERVE_TOKEN', value: VALUE });
      expect(saved).toEqual({ name: 'SERVE_TOKEN', file: join(configDir, 'secrets.json'), overriddenByEnvironment: false });
      const listed = await api.listSecrets({});
      expect(listed.saved).toEqual(['SERVE_TOKEN']);
      expect(JSON.stringify([saved, listed])).not.toContain(VALUE);
      expect(JSON.parse(await readFile(join(configDir, 'secrets.json'), 'utf8')).secrets).toEqual({ SERVE_TOKEN: VALUE });
      expect(await api.deleteSecret({ name: 'SERVE_TOKEN' })).toMatchObject({ deleted: true });
    } finally {
      api.close();
    }
  });
});
