// The ShopFlow order-events API (`ingot sample-api`): a deterministic feed that only grows, bearer
// auth, cursor pages and updated_since; ingested end to end as the sample's `order_events`
// source, incrementally, and driven from the real command line.
import { spawn } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../../src/cli/main.js';
import { ingestSource } from '../../../src/engine/ingest/ingest.js';
import { startSampleApi, TOKEN_VARIABLE, type SampleApi } from '../../../src/engine/sample/api/api-server.js';
import { feedAt } from '../../../src/engine/sample/api/order-events.js';
import { orderEventsSource } from '../../../src/engine/sample/api/sample-source.js';
import { initWorkspace } from '../../../src/engine/workspace/init.js';
import { openWorkspace } from '../../../src/engine/workspace/workspace.js';
import { tempDir } from '../../helpers/temp-dir.js';

const BIN = join(import.meta.dirname, '../../../bin/ingot.mjs');
const TOKEN = 'sample-test-token-31337';
const running: SampleApi[] = [];

afterEach(async () => {
  for (const api of running.splice(0)) await api.close();
  delete process.env[TOKEN_VARIABLE];
  process.exitCode = undefined;
});

async function api(orders: number, port = 0): Promise<SampleApi> {
  const started = await startSampleApi({ port, orders, token: TOKEN });
  running.push(started);
  return started;
}

async function get(url: string, token = TOKEN): Promise<{ status: number; body: { data: { event_id: string; updated_at: string; type: string }[]; meta: { next_cursor: string | null } } }> {
  const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  return { status: res.status, body: (await res.json()) as never };
}

describe('ShopFlow sample API', () => {
  it('serves a deterministic feed of order lifecycles that only grows', () => {
    const small = feedAt(40);
    expect(feedAt(40)).toEqual(small);
    expect(new Set(small.map((e) => e.type))).toEqual(new Set(['placed', 'paid', 'shipped', 'cancelled']));
    const bigger = feedAt(60);
    const newest = small.at(-1)?.updated_at ?? '';
    expect(bigger.slice(0, small.length)).toEqual(small);
    expect(bigger.slice(small.length).every((e) => e.updated_at >= newest)).toBe(true);
  });

  it('asks for the bearer token, pages with a cursor and filters by updated_since', async () => {
    const server = await api(30);
    expect((await get(server.url, 'wrong')).status).toBe(401);
    const first = await get(`${server.url}?limit=10`);
    expect(first.body.data).toHaveLength(10);
    const second = await get(`${server.url}?limit=10&cursor=${first.body.meta.next_cursor}`);
    expect(second.body.data[0]).toEqual(feedAt(30)[10]);
    const since = feedAt(30)[20]?.updated_at ?? '';
    const recent = await get(`${server.url}?limit=1000&updated_since=${encodeURIComponent(since)}`);
    expect(recent.body.data.every((e) => e.updated_at >= since)).toBe(true);
    expect(recent.body.meta.next_cursor).toBeNull();
    expect((await get(`${server.url}?limit=5000`)).status).toBe(400);
  });

  it('is ingested as the order_events source, incrementally, without duplicates', async () => {
    process.env[TOKEN_VARIABLE] = TOKEN;
    const root = await tempDir('ingot-sample-api-');
    await initWorkspace(root);
    let server = await api(200);
    await writeFile(join(root, 'sources', 'order_events.yaml'), orderEventsSource(server.url));
    const ws = await openWorkspace(root);
    try {
      const first = await ingestSource(ws, 'order_events');
      expect(first.rowsLoaded).toBe(feedAt(200).length);
      await server.close();
      server = await api(260, server.port);
      const second = await ingestSource(ws, 'order_events');
      expect(second.rowsLoaded).toBe(feedAt(260).length - feedAt(200).length);
      const rows = await ws.db.withConnection((c) => c.all<{ n: number; ids: number }>('SELECT count(*)::INTEGER AS n, count(DISTINCT event_id)::INTEGER AS ids FROM bronze.order_events'));
      expect(rows).toEqual([{ n: feedAt(260).length, ids: feedAt(260).length }]);
      expect(await ws.db.withConnection((c) => c.all(`SELECT typeof(customer) AS t FROM bronze.order_events LIMIT 1`))).toEqual([{ t: 'STRUCT(id VARCHAR, country VARCHAR)' }]);
    } finally {
      ws.close();
    }
  });

  it('runs from the command line, adds the source to the workspace, and previews and ingests through it', async () => {
    const root = await tempDir('ingot-sample-cli-');
    await initWorkspace(root);
    const child = spawn(process.execPath, [BIN, '--json', '--workspace', root, 'sample-api', '--port', '0', '--orders', '50'], { env: { ...process.env, [TOKEN_VARIABLE]: TOKEN } });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const line = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (c: Buffer) => {
        out += c.toString();
        if (out.includes('\n')) resolve(out.split('\n')[0] ?? '');
      });
      child.on('exit', () => reject(new Error(`sample-api exited early: ${out}`)));
    });
    const started = JSON.parse(line) as { url: string; events: number };
    expect(started.events).toBe(feedAt(50).length);
    expect(await readFile(join(root, 'sources', 'order_events.yaml'), 'utf8')).toContain(`url: ${started.url}`);

    process.env[TOKEN_VARIABLE] = TOKEN;
    let stdout = '';
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => ((stdout += String(chunk)), true));
    try {
      expect(await main(['--workspace', root, 'preview', 'order_events', '--limit', '3'])).toBe(0);
      expect(stdout).toContain('order_events: json, 9 columns');
      expect(stdout).toContain('(3 rows shown)');
      stdout = '';
      expect(await main(['--workspace', root, '--json', 'ingest', 'order_events'])).toBe(0);
      expect(JSON.parse(stdout)).toMatchObject({ ok: true, results: [{ ok: true, result: { rowsLoaded: feedAt(50).length } }] });
    } finally {
      spy.mockRestore();
      child.kill('SIGINT');
    }
    expect(await exited).toBe(0);
  });
});
