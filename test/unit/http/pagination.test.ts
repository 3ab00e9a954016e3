// Pagination against a real server: page numbers, offset/limit, a cursor in the body, a next URL
// in the body, RFC 8288 Link headers; the stop conditions (empty page, short page, no next,
// max_pages) and loop protection (a repeated cursor or URL, a page that repeats the previous one).
import { describe, expect, it } from 'vitest';
import { ingotError } from '../ingest/fixture.js';
import { httpTest } from './fixture.js';
import { makeRecord, sendJson } from './test-server.js';

const TOTAL = 23;
const records = (from: number, count: number) =>
  Array.from({ length: Math.max(0, Math.min(count, TOTAL - from)) }, (_, i) => makeRecord(from + i + 1));

describe('pagination', () => {
  it('follows page numbers until a short page', async () => {
    const t = await httpTest((req, res) => {
      const page = Number(req.query.get('page'));
      const size = Number(req.query.get('per_page'));
      sendJson(res, { items: records((page - 1) * size, size) });
    });
    await t.source('orders', { url: `${t.server.origin}/orders`, records: 'items', primary_key: 'id', pagination: { type: 'page_number', size_param: 'per_page', size: 5 } });
    const r = await t.ingest('orders');
    expect(r).toMatchObject({ rowsLoaded: TOTAL, recordsCounted: TOTAL });
    expect(t.server.requests.map((q) => q.query.get('page'))).toEqual(['1', '2', '3', '4', '5']);
    expect(await t.query('SELECT count(DISTINCT id)::INTEGER AS n, min(id) AS lo, max(id) AS hi FROM bronze.orders')).toEqual([{ n: TOTAL, lo: 1, hi: TOTAL }]);
  });

  it('follows offset/limit, fetching ahead with concurrency, and keeps delivery order', async () => {
    const t = await httpTest(async (req, res) => {
      await new Promise((r) => setTimeout(r, 20));
      sendJson(res, records(Number(req.query.get('offset')), Number(req.query.get('limit'))));
    });
    await t.source('orders', { url: `${t.server.origin}/orders`, pagination: { type: 'offset', limit: 4 }, rate_limit: { concurrency: 3 } });
    const r = await t.ingest('orders');
    expect(r.rowsLoaded).toBe(TOTAL);
    expect(t.server.maxInFlight).toBeLessThanOrEqual(3);
    expect(t.server.maxInFlight).toBeGreaterThanOrEqual(2);
    const rows = await t.query<{ id: number; _row_number: number }>('SELECT id, _row_number FROM bronze.orders ORDER BY _row_number');
    expect(rows.map((x) => x.id)).toEqual(Array.from({ length: TOTAL }, (_, i) => i + 1));
  });

  it('follows a cursor in the body until there is no next cursor', async () => {
    const t = await httpTest((req, res) => {
      const at = Number(req.query.get('cursor') ?? '0');
      const next = at + 10 < TOTAL ? String(at + 10) : null;
      sendJson(res, { data: records(at, 10), meta: { next_cursor: next } });
    });
    await t.source('orders', { url: `${t.server.origin}/orders`, records: '$.data[*]', pagination: { type: 'cursor', cursor_path: 'meta.next_cursor', param: 'cursor' } });
    expect((await t.ingest('orders')).rowsLoaded).toBe(TOTAL);
    expect(t.server.requests.map((q) => q.query.get('cursor'))).toEqual([null, '10', '20']);
  });

  it('follows a next URL in the body (relative links resolve against the page)', async () => {
    const t = await httpTest((req, res) => {
      const after = Number(req.query.get('after') ?? '0');
      sendJson(res, { results: records(after, 8), links: { next: after + 8 < TOTAL ? `/orders?after=${after + 8}` : null } });
    });
    await t.source('orders', { url: `${t.server.origin}/orders`, records: 'results', pagination: { type: 'next_url', next_url_path: 'links.next' } });
    expect((await t.ingest('orders')).rowsLoaded).toBe(TOTAL);
    expect(t.server.requests.map((q) => q.query.get('after'))).toEqual([null, '8', '16']);
  });

  it('follows RFC 8288 Link headers', async () => {
    const t = await httpTest((req, res) => {
      const p = Number(req.query.get('p') ?? '1');
      const links = [`<${'/orders?p=1'}>; rel="first"`, ...(p * 6 < TOTAL ? [`<http://127.0.0.1:${req.headers.host?.split(':')[1]}/orders?p=${p + 1}>; rel="next"`] : [])];
      sendJson(res, records((p - 1) * 6, 6), 200, { link: links.join(', ') });
    });
    await t.source('orders', { url: `${t.server.origin}/orders`, pagination: { type: 'link_header' } });
    expect((await t.ingest('orders')).rowsLoaded).toBe(TOTAL);
    expect(t.server.requests).toHaveLength(4);
  });

  it('stops at an empty page, and at max_pages with a warning', async () => {
    const t = await httpTest((req, res) => sendJson(res, { items: records((Number(req.query.get('page')) - 1) * 10, 10) }));
    await t.source('orders', { url: `${t.server.origin}/orders`, records: 'items', pagination: { type: 'page_number' } });
    expect((await t.ingest('orders')).rowsLoaded).toBe(TOTAL);
    expect(t.server.requests.map((q) => q.query.get('page'))).toEqual(['1', '2', '3', '4']);
    await t.source('capped', { url: `${t.server.origin}/orders`, records: 'items', pagination: { type: 'page_number', max_pages: 2 } });
    const capped = await t.ingest('capped');
    expect(capped.rowsLoaded).toBe(20);
    expect(capped.warnings.join('\n')).toMatch(/Stopped after max_pages \(2\)/);
  });

  it('stops with an error naming a cursor that comes round again', async () => {
    const t = await httpTest((req, res) => sendJson(res, { data: [makeRecord(t.server.requests.length)], next: req.query.get('c') === 'abc' ? 'xyz' : 'abc' }));
    await t.source('orders', { url: `${t.server.origin}/orders`, records: 'data', pagination: { type: 'cursor', cursor_path: 'next', param: 'c' } });
    const err = await ingotError(t.ingest('orders'));
    expect(err.message).toContain('The API sent the cursor "abc" again (it came first with page 1)');
    expect(err.detail?.url).toContain('c=xyz');
    expect(await t.query(`SELECT count(*)::INTEGER AS n FROM duckdb_tables() WHERE schema_name = 'bronze'`)).toEqual([{ n: 0 }]);
  });

  it('stops with an error naming a next URL that comes round again, and a page that repeats', async () => {
    const t = await httpTest((req, res) => sendJson(res, { data: [makeRecord(1)], next: `/orders?n=${req.query.get('n') === '1' ? 2 : 1}` }));
    await t.source('links', { url: `${t.server.origin}/orders`, records: 'data', pagination: { type: 'next_url', next_url_path: 'next' } });
    const err = await ingotError(t.ingest('links'));
    expect(err.message).toMatch(/pointed next to http:\/\/127\.0\.0\.1:\d+\/orders\?n=1 again/);
    await t.source('pages', { url: `${t.server.origin}/orders`, records: 'data', pagination: { type: 'page_number' } });
    const same = await ingotError(t.ingest('pages'));
    expect(same.message).toContain('Page 2 has exactly the same content as page 1');
    expect(same.hint).toContain('`page`');
  });
});
