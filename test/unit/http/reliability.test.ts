// Fault injection: 5xx then success, 429 with Retry-After (seconds and HTTP-date), a dropped
// connection, a response slower than the read timeout, a host that never accepts the connection
// (connect timeout), a cut-off or malformed body (the batch
// fails with the page URL and the byte offset and nothing of it is published), and the
// requests-per-second limit.
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ingotError } from '../ingest/fixture.js';
import { httpTest } from './fixture.js';
import { makeRecord, sendJson, stalledPort } from './test-server.js';

const MALFORMED = '{"data": [{"id": 1}, {"id": 2}, , {"id": 3}]}';
const page = (n: number) => ({ data: [makeRecord(2 * n - 1), makeRecord(2 * n)] });

describe('reliability', () => {
  it('retries 500s and a dropped connection, then succeeds', async () => {
    const t = await httpTest((req, res, n) => {
      if (n === 1) {
        res.socket?.destroy();
        return;
      }
      if (n <= 3) return void res.writeHead(503).end('busy');
      const p = Number(req.query.get('page'));
      sendJson(res, p <= 2 ? page(p) : { data: [] });
    });
    await t.source('orders', { url: `${t.server.origin}/orders`, records: 'data', pagination: { type: 'page_number' }, retry: { attempts: 4, backoff_ms: 5, max_backoff_ms: 10 } });
    const r = await t.ingest('orders');
    expect(r.rowsLoaded).toBe(4);
    expect(r.warnings.join(' ')).toMatch(/3 request\(s\) were retried \((1× reset, 2× 503|2× 503, 1× reset)\)/);
  });

  it('gives up after retry.attempts 500s with the URL and the number of tries', async () => {
    const t = await httpTest((_req, res) => void res.writeHead(500, 'Internal Server Error').end('{"error":"db down"}'));
    await t.source('orders', { url: `${t.server.origin}/orders` });
    const err = await ingotError(t.ingest('orders'));
    expect(err.message).toBe(`${t.server.origin}/orders answered 500 Internal Server Error 3 times; Ingot gave up. The API said: {"error":"db down"}`);
    expect(t.server.requests).toHaveLength(3);
  });

  it('honours Retry-After in seconds and as an HTTP-date on 429', async () => {
    const t = await httpTest((_req, res, n) => {
      if (n === 1) return void res.writeHead(429, { 'retry-after': '1' }).end();
      if (n === 2) return void res.writeHead(429, { 'retry-after': new Date(Date.now() + 1000).toUTCString() }).end();
      sendJson(res, [makeRecord(1)]);
    });
    await t.source('orders', { url: `${t.server.origin}/orders`, retry: { attempts: 3, backoff_ms: 1, max_backoff_ms: 1 } });
    const started = Date.now();
    expect((await t.ingest('orders')).rowsLoaded).toBe(1);
    // 1 s, then up to 1 s more (an HTTP-date has whole seconds), instead of the 1 ms backoff.
    const [first, second, third] = t.server.requests.map((q) => q.at);
    expect((second ?? 0) - (first ?? 0)).toBeGreaterThanOrEqual(990);
    expect((third ?? 0) - (second ?? 0)).toBeGreaterThanOrEqual(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
  });

  it('refuses a Retry-After longer than max_retry_after_s, saying when to load again', async () => {
    const t = await httpTest((_req, res) => void res.writeHead(429, 'Too Many Requests', { 'retry-after': '3600' }).end());
    await t.source('orders', { url: `${t.server.origin}/orders`, retry: { attempts: 3, backoff_ms: 1, max_retry_after_s: 60 } });
    const err = await ingotError(t.ingest('orders'));
    expect(err.message).toContain('asks Ingot to wait 3600 s (Retry-After), longer than retry.max_retry_after_s (60 s)');
    expect(err.hint).toMatch(/Load again after \d{4}-\d\d-\d\dT/);
    expect(t.server.requests).toHaveLength(1);
  });

  it('times out a response slower than timeout.read_ms, retries, and says so', async () => {
    const t = await httpTest(async (_req, res) => {
      await new Promise((r) => setTimeout(r, 400));
      if (!res.destroyed) sendJson(res, [makeRecord(1)]);
    });
    await t.source('orders', { url: `${t.server.origin}/orders`, timeout: { connect_ms: 500, read_ms: 100 }, retry: { attempts: 2, backoff_ms: 1, max_backoff_ms: 1 } });
    const err = await ingotError(t.ingest('orders'));
    expect(err.message).toBe(`Cannot load ${t.server.origin}/orders: ${t.server.origin}/orders sent nothing for 100 ms (tried 2 times).`);
    expect(err.hint).toContain('timeout.read_ms');
    expect(t.server.requests).toHaveLength(2);
  });

  it('gives up on a host that never accepts the connection after timeout.connect_ms per try', async () => {
    const t = await httpTest((_req, res) => sendJson(res, []));
    const stalled = await stalledPort();
    try {
      const url = `http://127.0.0.1:${stalled.port}/orders`;
      await t.source('orders', { url, timeout: { connect_ms: 200, read_ms: 5000 }, retry: { attempts: 2, backoff_ms: 1, max_backoff_ms: 1 } });
      // The connect timer fired (the read timer would say "sent nothing for 5000 ms"), on each try.
      const err = await ingotError(t.ingest('orders'));
      expect(err.message).toBe(`Cannot load ${url}: no connection to ${url} within 200 ms (tried 2 times).`);
      expect(err.hint).toContain('timeout.connect_ms');
    } finally {
      stalled.close();
    }
  });

  it('fails a cut-off body with the page URL and byte offset, keeping earlier batches as they were', async () => {
    let cut = false;
    const t = await httpTest((req, res) => {
      const body = JSON.stringify(page(Number(req.query.get('page') ?? '1')));
      const p = Number(req.query.get('page') ?? '1');
      if (p > 2) return sendJson(res, { data: [] });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(cut && p === 2 ? body.slice(0, 40) : body);
    });
    await t.source('orders', { url: `${t.server.origin}/orders`, records: 'data', primary_key: 'id', pagination: { type: 'page_number' } });
    const first = await t.ingest('orders');
    cut = true;
    const err = await ingotError(t.ingest('orders', { replace: true }));
    expect(err.message).toBe(`The response from ${t.server.origin}/orders?page=2 (page 2) is cut off: the JSON ends early at byte 40. Nothing of this load was kept.`);
    expect(err.detail).toMatchObject({ url: `${t.server.origin}/orders?page=2`, byteOffset: 40, page: 2 });
    expect(await t.query('SELECT DISTINCT _batch_id FROM bronze.orders')).toEqual([{ _batch_id: first.batchId }]);
    expect(await t.query(`SELECT status, message FROM _ingot.batches ORDER BY batch_id`)).toEqual([
      { status: 'loaded', message: expect.stringContaining('loaded 4 rows') },
      { status: 'failed', message: err.message },
    ]);
  });

  it('fails malformed JSON at its byte offset, and a connection that breaks off mid-body after retries', async () => {
    const t = await httpTest((req, res) => {
      if (req.path === '/bad') {
        res.writeHead(200, { 'content-type': 'application/json' });
        return void res.end(MALFORMED);
      }
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
      res.write('{"data": [{"id": 1}');
      setTimeout(() => res.socket?.destroy(), 10);
    });
    await t.source('bad', { url: `${t.server.origin}/bad`, records: 'data' });
    const bad = await ingotError(t.ingest('bad'));
    const at = MALFORMED.indexOf(', ,') + 2;
    expect(bad.message).toContain(`is not valid JSON at byte ${at}: unexpected character "," where a value should start`);
    expect(bad.detail?.byteOffset).toBe(at);
    await t.source('broken', { url: `${t.server.origin}/broken`, records: 'data' });
    const broken = await ingotError(t.ingest('broken'));
    expect(broken.message).toBe(`Cannot load ${t.server.origin}/broken: the response from ${t.server.origin}/broken broke off after 19 bytes of 100 (tried 3 times).`);
    expect(broken.detail?.byteOffset).toBe(19);
  });

  it('spaces requests to rate_limit.requests_per_second', async () => {
    const t = await httpTest((req, res) => {
      const p = Number(req.query.get('page'));
      sendJson(res, p <= 5 ? [makeRecord(p)] : []);
    });
    await t.source('orders', { url: `${t.server.origin}/orders`, pagination: { type: 'page_number' }, rate_limit: { requests_per_second: 20, concurrency: 2 } });
    const started = Date.now();
    expect((await t.ingest('orders')).rowsLoaded).toBe(5);
    expect(t.server.requests.length).toBeGreaterThanOrEqual(6);
    // Six request starts at 20 per second are at least 5 × 50 ms apart in total.
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
  });

  it('decodes gzip responses and refuses a page larger than max_page_bytes without retrying', async () => {
    const t = await httpTest((req, res) => {
      const body = gzipSync(JSON.stringify(Array.from({ length: 40 }, (_, i) => makeRecord(i + 1))));
      if (!String(req.headers['accept-encoding']).includes('gzip')) return sendJson(res, { error: 'gzip only' }, 406);
      res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip', 'content-length': body.length }).end(body);
    });
    await t.source('zipped', { url: `${t.server.origin}/orders` });
    expect((await t.ingest('zipped')).rowsLoaded).toBe(40);
    await t.source('capped', { url: `${t.server.origin}/orders`, max_page_bytes: 2048 });
    const err = await ingotError(t.ingest('capped'));
    expect(err.message).toBe(`Cannot load ${t.server.origin}/orders: the response from ${t.server.origin}/orders is larger than max_page_bytes (2048 bytes).`);
    expect(t.server.requests).toHaveLength(2);
  });
});
