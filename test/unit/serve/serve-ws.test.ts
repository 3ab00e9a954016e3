// `ingot serve` over WebSocket: only a handshake with this server's Host, its own Origin and the
// token reaches the engine; refused handshakes never run anything and change nothing.
import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { startServe, type ServeHandle } from '../../../src/cli/serve/start-serve.js';
import { API_VERSION, ENGINE_CONTRACT } from '../../../src/shared/api/engine-api.js';
import { IngotError } from '../../../src/shared/errors.js';
import { createRpcClient } from '../../../src/shared/rpc/client.js';
import { webSocketTransport } from '../../../src/shared/rpc/websocket-transport.js';
import { openSocket, serveFixture } from './serve-helpers.js';

let handle: ServeHandle | undefined;
afterEach(async () => {
  await handle?.close();
  handle = undefined;
});

async function start(): Promise<ServeHandle> {
  const fixture = await serveFixture();
  handle = await startServe({ workspaceRoot: fixture.workspaceRoot, port: 0, staticRoot: fixture.staticRoot });
  return handle;
}

/** What a refused client could have changed: the tables, the ingest ledger, run history, source files. */
async function engineState(h: ServeHandle): Promise<unknown> {
  const db = await h.host.workspace.db.withConnection(async (c) => ({
    tables: await c.all("SELECT table_schema, table_name FROM information_schema.tables WHERE table_schema IN ('bronze','silver','gold','quarantine') ORDER BY ALL"),
    batches: await c.all('SELECT count(*) AS n FROM _ingot.batches'),
    runs: await c.all('SELECT count(*) AS n FROM _ingot.runs'),
  }));
  return { ...db, sources: await readdir(h.host.workspace.paths.sources) };
}

describe('ingot serve (WebSocket /rpc)', () => {
  it('serves the engine to a client with the cookie (or token) and its own Origin', async () => {
    const h = await start();
    const viaCookie = await openSocket(`ws://127.0.0.1:${h.port}/rpc`, { origin: h.origin, cookie: `ingot_token_${h.port}=${h.token}` });
    expect(viaCookie.socket).toBeDefined();
    const api = createRpcClient(ENGINE_CONTRACT, webSocketTransport(viaCookie.socket as WebSocket));
    const hello = await api.hello({ apiVersion: API_VERSION, client: 'test' });
    expect(hello.workspace.root).toBe(h.host.workspace.paths.root);
    expect(hello.apiVersion).toBe(API_VERSION);
    const mismatch = await api.hello({ apiVersion: API_VERSION + 1, client: 'old tab' }).catch((e: unknown) => e);
    expect((mismatch as IngotError).code).toBe('VERSION_MISMATCH');
    api.close();
    const viaLocalhost = await openSocket(`ws://localhost:${h.port}/rpc?token=${h.token}`, { origin: `http://localhost:${h.port}` });
    expect(viaLocalhost.socket).toBeDefined();
    viaLocalhost.socket?.close();
  });

  it('refuses handshakes without the token, with a wrong token, a foreign Origin or Host, and they change nothing', async () => {
    const h = await start();
    await writeFile(join(h.host.workspace.paths.root, 'orders.csv'), 'id,amount\n1,2\n');
    const before = await engineState(h);
    const url = `ws://127.0.0.1:${h.port}/rpc`;
    const attempts: [string, string, Record<string, string>, number][] = [
      ['no token', url, { origin: h.origin }, 401],
      ['wrong token', `${url}?token=${h.token.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'))}`, { origin: h.origin }, 401],
      ['wrong cookie', url, { origin: h.origin, cookie: `ingot_token_${h.port}=stale` }, 401],
      ['foreign Origin', `${url}?token=${h.token}`, { origin: 'http://evil.example' }, 403],
      ['no Origin', `${url}?token=${h.token}`, {}, 403],
      ['foreign Host', `${url}?token=${h.token}`, { origin: `http://evil.example:${h.port}`, host: `evil.example:${h.port}` }, 403],
      ['other path', `ws://127.0.0.1:${h.port}/other?token=${h.token}`, { origin: h.origin }, 404],
    ];
    for (const [what, target, headers, status] of attempts) {
      const socket = new WebSocket(target, { headers });
      const refused = new Promise<number>((resolve) => socket.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0)));
      socket.once('error', () => undefined);
      // A client that tries to ingest and run straight away: its calls fail, nothing runs.
      const api = createRpcClient(ENGINE_CONTRACT, webSocketTransport(socket));
      const calls = [api.ingest({ source: 'orders.csv' }), api.startRun({ select: '' })].map((p) => p.then(() => 'ran', (e: unknown) => e));
      expect(await refused, what).toBe(status);
      socket.terminate();
      for (const outcome of await Promise.all(calls)) {
        expect(outcome, what).toBeInstanceOf(IngotError);
        expect((outcome as IngotError).message).toMatch(/connection to the Ingot engine closed/);
      }
    }
    expect(await engineState(h)).toEqual(before);
    // The same calls over an accepted connection do change the workspace.
    const accepted = await openSocket(`${url}?token=${h.token}`, { origin: h.origin });
    const api = createRpcClient(ENGINE_CONTRACT, webSocketTransport(accepted.socket as WebSocket));
    expect((await api.ingest({ source: 'orders.csv' })).rowsLoaded).toBe(1);
    await api.startRun({ select: '' });
    expect(await engineState(h)).not.toEqual(before);
    api.close();
  });
});
