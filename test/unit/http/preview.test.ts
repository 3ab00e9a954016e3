// Preview and the test request: the first page with the column types DuckDB infers, the records
// path (found when unset), flattening and overrides; the test request's status, headers (with
// credentials masked) and body excerpt, for saved sources and unsaved definitions.
import { afterEach, describe, expect, it } from 'vitest';
import { previewHttp } from '../../../src/engine/ingest/http/http-preview.js';
import type { HttpSource } from '../../../src/engine/ingest/http/http-source.js';
import { testRequest } from '../../../src/engine/ingest/http/test-request.js';
import { loadSource } from '../../../src/engine/ingest/sources.js';
import { decodeRows } from '../../../src/engine/query/arrow-values.js';
import { memorySecretStore } from '../../../src/engine/secrets/memory-store.js';
import { ingotError } from '../ingest/fixture.js';
import { httpTest, type HttpTest } from './fixture.js';
import { makeRecord, sendJson } from './test-server.js';

const TOKEN = 'preview-token-5f6e7d';

async function preview(t: HttpTest, name: string, limit = 100) {
  const def = await loadSource(t.ws, name);
  return t.ws.db.withConnection((conn) => previewHttp({ ws: t.ws, conn, source: { name, file: def.file }, limit }, def.options as HttpSource, memorySecretStore({ PREVIEW_TOKEN: TOKEN })));
}

const records = Array.from({ length: 5 }, (_, i) => makeRecord(i + 1));
let env: string | undefined;
afterEach(() => {
  if (env) delete process.env[env];
  env = undefined;
});

describe('preview', () => {
  it('shows the first page with inferred types and the records path it found', async () => {
    const t = await httpTest((_req, res) => sendJson(res, { meta: { page: 1 }, data: { items: records } }));
    await t.source('events', { url: `${t.server.origin}/events`, auth: { type: 'bearer', token_secret: 'PREVIEW_TOKEN' }, pagination: { type: 'page_number' } });
    const p = await preview(t, 'events', 3);
    expect(p).toMatchObject({ format: 'json', recordsPath: 'data.items', recordsFound: true, records: 5, status: 200, url: `${t.server.origin}/events?page=1` });
    expect(p.columns).toEqual([
      { name: 'id', type: 'BIGINT' },
      { name: 'updated_at', type: 'TIMESTAMP' },
      { name: 'status', type: 'VARCHAR' },
      { name: 'amount', type: 'DOUBLE' },
      { name: 'customer', type: 'STRUCT(id VARCHAR, country VARCHAR)' },
    ]);
    expect(p.warnings[0]).toContain('Set `records: data.items` in sources/events.yaml');
    expect(decodeRows(p.rows.ipc).rows).toHaveLength(3);
    expect(t.server.requests).toHaveLength(1);
    expect(t.server.requests[0]?.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(await t.query(`SELECT count(*)::INTEGER AS n FROM duckdb_tables() WHERE schema_name = 'bronze'`)).toEqual([{ n: 0 }]);
  });

  it('flattens nested objects and applies column overrides, as the load will', async () => {
    const t = await httpTest((_req, res) => sendJson(res, records));
    await t.source('events', { url: `${t.server.origin}/events`, flatten: true, columns: { updated_at: 'VARCHAR' } });
    const p = await preview(t, 'events');
    expect(p.recordsPath).toBe('$');
    expect(p.columns.map((c) => `${c.name} ${c.type}`)).toEqual(['id BIGINT', 'updated_at VARCHAR', 'status VARCHAR', 'amount DOUBLE', 'customer_id VARCHAR', 'customer_country VARCHAR']);
    const r = await t.ingest('events');
    expect(r.columns.map((c) => c.name)).toEqual(['id', 'updated_at', 'status', 'amount', 'customer_id', 'customer_country']);
    expect(await t.query('SELECT customer_country FROM bronze.events WHERE id = 2')).toEqual([{ customer_country: 'NL' }]);
  });

  it('says when the first page has nothing to show', async () => {
    const t = await httpTest((_req, res) => sendJson(res, { items: [] }));
    await t.source('events', { url: `${t.server.origin}/events` });
    expect((await ingotError(preview(t, 'events'))).message).toBe(`The first page of ${t.server.origin}/events has no records at items, so there is nothing to preview.`);
  });
});

describe('test request', () => {
  it('returns status, headers with credentials masked, a body excerpt and the records path', async () => {
    env = 'TEST_REQUEST_KEY';
    process.env[env] = 'k-9988776655';
    const t = await httpTest((req, res) =>
      req.query.get('key') === 'k-9988776655' ? sendJson(res, { data: records, echo: req.query.get('key') }, 200, { 'x-rate-limit-remaining': '42' }) : sendJson(res, { error: 'forbidden' }, 403),
    );
    await t.source('events', { url: `${t.server.origin}/events?since={{cursor}}`, params: { fields: 'all' }, auth: { type: 'api_key', in: 'query', name: 'key', key_secret: 'TEST_REQUEST_KEY' } });
    const r = await testRequest(t.ws, 'events');
    expect(r).toMatchObject({ method: 'GET', status: 200, statusText: 'OK', ok: true, recordsPath: 'data', recordsFound: true, records: 5, problem: null, contentType: 'application/json' });
    expect(r.url).toBe(`${t.server.origin}/events?since=&fields=all&key=***`);
    expect(r.headers['x-rate-limit-remaining']).toBe('42');
    expect(r.bodyExcerpt).toContain('"echo":"***"');
    expect(JSON.stringify(r)).not.toContain('k-9988776655');
    expect(t.server.requests).toHaveLength(1);

    process.env[env] = 'k-revoked-1234';
    const refused = await testRequest(t.ws, 'events');
    expect(refused).toMatchObject({ status: 403, ok: false, records: null });
    expect(refused.problem?.hint).toContain('Check the secret TEST_REQUEST_KEY (the environment variable TEST_REQUEST_KEY)');
  });

  it('works on an unsaved definition and masks the Authorization header', async () => {
    const t = await httpTest((_req, res) => void res.writeHead(200, { 'content-type': 'text/plain' }).end('hello, not json'));
    const r = await testRequest(t.ws, { kind: 'http', url: `${t.server.origin}/ping`, auth: { type: 'bearer', token_secret: 'FORM_TOKEN' } }, { store: memorySecretStore({ FORM_TOKEN: 'form-secret-value' }) });
    expect(r.requestHeaders.authorization).toBe('***');
    expect(r).toMatchObject({ status: 200, bodyExcerpt: 'hello, not json', records: null });
    expect(r.problem?.message).toContain('is not JSON (text/plain)');
    expect((await ingotError(testRequest(t.ws, { kind: 'http', url: 'ftp://x' }))).message).toBe('url: must use http or https, not ftp.');
  });
});
