// Bad input, each with a clear message: an unreachable host, TLS to a plain-HTTP port, a refusal
// without auth, a 404, a response that is not JSON, a records path that matches nothing (the
// top-level keys are listed), records that are not objects, an unknown primary key, and pages
// of a different shape (schema drift as for files, including a key that first appears beyond
// DuckDB's type-inference sample).
import { describe, expect, it } from 'vitest';
import { ingotError } from '../ingest/fixture.js';
import { httpTest } from './fixture.js';
import { makeRecord, sendJson, startServer } from './test-server.js';

describe('bad input', () => {
  it('explains an unreachable host and TLS spoken to a plain HTTP port', async () => {
    const gone = await startServer(() => undefined);
    await gone.kill();
    const t = await httpTest((_req, res) => sendJson(res, [makeRecord(1)]));
    await t.source('down', { url: `http://127.0.0.1:${gone.port}/orders` });
    const down = await ingotError(t.ingest('down'));
    expect(down.message).toBe(`Cannot load http://127.0.0.1:${gone.port}/orders: http://127.0.0.1:${gone.port}/orders refused the connection (nothing is listening there) (tried 3 times).`);
    expect(down.hint).toContain('server is running');
    await t.source('tls', { url: `https://127.0.0.1:${t.server.port}/orders` });
    const tls = await ingotError(t.ingest('tls'));
    expect(tls.message).toMatch(new RegExp(`^Cannot load https://127\\.0\\.0\\.1:${t.server.port}/orders: the TLS \\(https\\) handshake with .* failed`));
    expect(tls.hint).toContain('use http://');
    expect(tls.detail).toMatchObject({ failure: 'tls' });
  });

  it('explains a refusal without auth, a 404 and a response that is not JSON', async () => {
    const t = await httpTest((req, res) => {
      if (req.path === '/private') return sendJson(res, { error: 'login required' }, 401);
      if (req.path === '/html') return void res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><html><body>Welcome</body></html>');
      sendJson(res, { error: 'no route' }, 404);
    });
    await t.source('private', { url: `${t.server.origin}/private` });
    expect((await ingotError(t.ingest('private'))).hint).toContain('The source has no `auth:`');
    await t.source('missing', { url: `${t.server.origin}/nope` });
    expect((await ingotError(t.ingest('missing'))).message).toBe(`The API has nothing at ${t.server.origin}/nope: 404 Not Found. The API said: {"error":"no route"}`);
    await t.source('html', { url: `${t.server.origin}/html` });
    const html = await ingotError(t.ingest('html'));
    expect(html.message).toBe(`The response from ${t.server.origin}/html (page 1) is not JSON (text/html); it starts with: <!doctype html><html><body>Welcome</body></html>`);
  });

  it('lists the top-level keys when the records path matches nothing or no records are found', async () => {
    const t = await httpTest((req, res) => sendJson(res, req.path === '/scalars' ? { data: [1, 2] } : { results: { rows: [makeRecord(1)] }, meta: { total: 1 } }));
    await t.source('wrong', { url: `${t.server.origin}/orders`, records: 'data.items' });
    const wrong = await ingotError(t.ingest('wrong'));
    expect(wrong.message).toBe(`The records path data.items matches nothing in the response from ${t.server.origin}/orders (page 1); top-level keys: results, meta.`);
    await t.source('found', { url: `${t.server.origin}/orders` });
    const found = await t.ingest('found');
    expect(found.rowsLoaded).toBe(1);
    expect(found.warnings.join(' ')).toContain('Ingot used results.rows, the first array of objects in the response');
    await t.source('scalars', { url: `${t.server.origin}/scalars`, records: '$.data[*]' });
    expect((await ingotError(t.ingest('scalars'))).message).toContain('Record 1 at $.data[*] in the response from');
    await t.source('key', { url: `${t.server.origin}/orders`, records: 'results.rows', primary_key: 'order_id' });
    expect((await ingotError(t.ingest('key'))).message).toBe('primary_key names "order_id", but the records have no such field; they have: id, updated_at, status, amount, customer.');
  });

  it('handles pages of a different shape as schema drift, like files', async () => {
    let version = 1;
    const t = await httpTest((req, res) => {
      const p = Number(req.query.get('page'));
      if (version === 1) return sendJson(res, p === 1 ? [{ id: 1, name: 'a' }] : p === 2 ? [{ id: 2, name: 'b', extra: true }] : []);
      if (version === 2) return sendJson(res, p === 1 ? [{ id: 3, name: 'c', added: 1.5 }] : []);
      sendJson(res, p === 1 ? [{ id: 'X-4', name: 'd' }] : []);
    });
    await t.source('items', { url: `${t.server.origin}/items`, pagination: { type: 'page_number' } });
    await t.ingest('items');
    expect(await t.query('SELECT id, name, extra FROM bronze.items ORDER BY id')).toEqual([
      { id: 1, name: 'a', extra: null },
      { id: 2, name: 'b', extra: true },
    ]);
    version = 2;
    const second = await t.ingest('items');
    expect(second.drift.map((d) => `${d.column} ${d.change}`)).toEqual(['added added', 'extra missing']);
    version = 3;
    const changed = await ingotError(t.ingest('items'));
    expect(changed.message).toBe(`Column "id" changed type: bronze.items has BIGINT, but ${t.server.origin}/items has VARCHAR.`);
    await t.source('items', { url: `${t.server.origin}/items`, pagination: { type: 'page_number' }, drift: { type_change: 'widen' } });
    expect((await t.ingest('items')).drift).toMatchObject([{ column: 'id', change: 'type_widened' }, { column: 'extra', change: 'missing' }, { column: 'added', change: 'missing' }]);
  });

  it('reads a key that first appears beyond the type-inference sample', async () => {
    const many = Array.from({ length: 20_600 }, (_, i) => ({ id: i + 1 }));
    const t = await httpTest((req, res) => {
      const p = Number(req.query.get('page'));
      sendJson(res, p === 1 ? many : p === 2 ? [{ id: 20_601, late: 'here', nested: { deep: 1 } }] : []);
    });
    await t.source('wide', { url: `${t.server.origin}/wide`, pagination: { type: 'page_number' } });
    expect((await t.ingest('wide')).rowsLoaded).toBe(20_601);
    expect(await t.query('SELECT id, late, nested FROM bronze.wide WHERE late IS NOT NULL')).toEqual([{ id: 20_601, late: 'here', nested: { deep: 1 } }]);
  });
});
