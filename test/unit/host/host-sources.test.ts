// The engine host's source tools over RPC against the sample API on 127.0.0.1: preview an HTTP
// source, send its test request (the token never shows), and see its cursor after a load.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSampleApi, TOKEN_VARIABLE, type SampleApi } from '../../../src/engine/sample/api/api-server.js';
import { orderEventsSource } from '../../../src/engine/sample/api/sample-source.js';
import { connectedHost, type Connected } from './host-helpers.js';

const TOKEN = 'host-sources-secret-7f3a9c';

let connected: Connected | undefined;
let server: SampleApi | undefined;
let savedToken: string | undefined;

beforeEach(() => {
  savedToken = process.env[TOKEN_VARIABLE];
  process.env[TOKEN_VARIABLE] = TOKEN;
});
afterEach(async () => {
  await connected?.close();
  await server?.close();
  connected = undefined;
  server = undefined;
  if (savedToken === undefined) delete process.env[TOKEN_VARIABLE];
  else process.env[TOKEN_VARIABLE] = savedToken;
});

async function withOrderEvents(): Promise<Connected> {
  server = await startSampleApi({ host: '127.0.0.1', port: 0, orders: 30 });
  const host = await connectedHost('api-shop');
  await writeFile(join(host.root, 'sources', 'order_events.yaml'), `${orderEventsSource(server.url)}retry:\n  attempts: 1\n`);
  return host;
}

describe('engine host: sources', () => {
  it('previews an HTTP source with its URL, records path and inferred columns', async () => {
    connected = await withOrderEvents();
    const preview = await connected.api.previewSource({ source: 'order_events' });
    expect(preview.recordsPath).toBe('data');
    expect(preview.url).toContain('/api/order_events');
    expect(preview.columns.map((c) => c.name)).toEqual(expect.arrayContaining(['event_id', 'updated_at']));
    expect(tableFromIPC(preview.rows.ipc).numRows).toBeGreaterThan(0);
    expect(JSON.stringify(preview)).not.toContain(TOKEN);
  });

  it('sends the test request and masks the token everywhere', async () => {
    connected = await withOrderEvents();
    const result = await connected.api.testRequest({ source: 'order_events' });
    expect(result).toMatchObject({ method: 'GET', status: 200, ok: true, recordsPath: 'data', problem: null });
    expect(result.records).toBeGreaterThan(0);
    expect(result.bodyExcerpt).toContain('event_id');
    expect(result.requestHeaders.authorization ?? result.requestHeaders.Authorization).toBe('***');
    expect(JSON.stringify(result)).not.toContain(TOKEN);
  });

  it('explains a refused token without printing it', async () => {
    connected = await withOrderEvents();
    process.env[TOKEN_VARIABLE] = 'wrong-token-value-1b2c';
    const result = await connected.api.testRequest({ source: 'order_events' });
    expect(result.status).toBe(401);
    expect(result.problem?.message).toBeTruthy();
    expect(JSON.stringify(result)).not.toContain('wrong-token-value-1b2c');
  });

  it('lists an HTTP source with its cursor after a load, and its error after a failed one', async () => {
    connected = await withOrderEvents();
    const before = (await connected.api.listSources({})).sources.find((s) => s.name === 'order_events');
    expect(before).toMatchObject({ kind: 'http', cursor: null, lastBatch: null, lastError: null });

    const loaded = await connected.api.ingest({ source: 'order_events' });
    expect(loaded.rowsLoaded).toBeGreaterThan(0);
    const after = (await connected.api.listSources({})).sources.find((s) => s.name === 'order_events');
    expect(after?.cursor).toMatch(/^\d{4}-\d{2}-\d{2}/);
    expect(after?.lastBatch).toMatchObject({ rowsLoaded: loaded.rowsLoaded, status: 'loaded' });
    expect(after?.location).toContain('/api/order_events');

    await server?.close();
    server = undefined;
    await expect(connected.api.ingest({ source: 'order_events' })).rejects.toThrow();
    const failed = (await connected.api.listSources({})).sources.find((s) => s.name === 'order_events');
    expect(failed?.lastError).toBeTruthy();
    expect(failed?.cursor).toBe(after?.cursor);
  });
});
