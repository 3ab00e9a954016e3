// Authentication against a real server: bearer, basic, API key in a header or the query, and
// OAuth2 client credentials (token fetched, renewed before it expires, and once more on a 401).
// Secrets are named in the source and read from environment variables; after every load the
// whole workspace folder, database file included, is searched for their values.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ingotError } from '../ingest/fixture.js';
import { httpTest, type HttpTest } from './fixture.js';
import { makeRecord, sendJson } from './test-server.js';

const TOKEN = 'tok-7f3a9c1e5b2d4a6f';
const PASSWORD = 'pässwörd:with/odd&chars';
const API_KEY = 'key-0a1b2c3d4e5f';
const CLIENT_SECRET = 'client-secret-9z8y7x';
const set: string[] = [];

function env(name: string, value: string): void {
  process.env[name] = value;
  set.push(name);
}

afterEach(() => {
  for (const name of set.splice(0)) delete process.env[name];
});

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

/** Fails the test if any file of the workspace (database included) holds one of `secrets` in any form. */
async function expectNoSecretsOnDisk(t: HttpTest, secrets: string[]): Promise<void> {
  t.ws.close();
  const forms = secrets.flatMap((s) => [s, encodeURIComponent(s), Buffer.from(s).toString('base64')]);
  const files = await filesUnder(t.root);
  expect(files.some((f) => f.endsWith('.duckdb'))).toBe(true);
  for (const file of files) {
    const bytes = await readFile(file);
    for (const form of forms) expect(bytes.includes(Buffer.from(form)), `${form} found in ${file}`).toBe(false);
  }
}

const records = [makeRecord(1), makeRecord(2)];

describe('authentication', () => {
  it('sends a bearer token from an environment variable and writes it nowhere', async () => {
    env('TEST_API_TOKEN', TOKEN);
    const t = await httpTest((req, res) => (req.headers.authorization === `Bearer ${TOKEN}` ? sendJson(res, records) : sendJson(res, { error: 'no' }, 401)));
    await t.source('orders', { url: `${t.server.origin}/orders`, auth: { type: 'bearer', token_secret: 'TEST_API_TOKEN' } });
    expect((await t.ingest('orders')).rowsLoaded).toBe(2);
    process.env.TEST_API_TOKEN = 'wrong-token-value';
    const err = await ingotError(t.ingest('orders'));
    expect(err.message).toBe(`The API refused the credentials for ${t.server.origin}/orders: 401 Unauthorized. The API said: {"error":"no"}`);
    expect(err.hint).toBe('Check the secret TEST_API_TOKEN (the environment variable TEST_API_TOKEN): it may be wrong, expired or lack permission.');
    expect(JSON.stringify(err)).not.toContain('wrong-token-value');
    await expectNoSecretsOnDisk(t, [TOKEN, 'wrong-token-value']);
  });

  it('sends basic credentials, and names the secret on 403 without showing it', async () => {
    env('TEST_API_PASSWORD', PASSWORD);
    const expected = `Basic ${Buffer.from(`ana:${PASSWORD}`).toString('base64')}`;
    const t = await httpTest((req, res) => (req.headers.authorization === expected ? sendJson(res, records) : sendJson(res, { echo: req.headers.authorization }, 403)));
    await t.source('orders', { url: `${t.server.origin}/orders`, auth: { type: 'basic', username: 'ana', password_secret: 'TEST_API_PASSWORD' } });
    expect((await t.ingest('orders')).rowsLoaded).toBe(2);
    t.server.handler = (req, res) => sendJson(res, { echo: req.headers.authorization }, 403);
    const err = await ingotError(t.ingest('orders'));
    expect(err.message).toContain('403 Forbidden. The API said: {"echo":"Basic ***"}');
    expect(err.hint).toContain('Check the secret TEST_API_PASSWORD');
    await expectNoSecretsOnDisk(t, [PASSWORD]);
  });

  it('sends an API key as a header or a query parameter, keeping it out of URLs Ingot shows or stores', async () => {
    env('TEST_API_KEY', API_KEY);
    const t = await httpTest((req, res) => {
      const key = req.path === '/header' ? req.headers['x-api-key'] : req.query.get('api_key');
      if (key !== API_KEY) return sendJson(res, { error: 'bad key' }, 401);
      const p = Number(req.query.get('page') ?? '1');
      sendJson(res, { data: p === 1 ? records : [], next: p === 1 ? `${t.server.origin}/query?api_key=${API_KEY}&page=2` : null });
    });
    await t.source('by_header', { url: `${t.server.origin}/header`, records: 'data', auth: { type: 'api_key', key_secret: 'TEST_API_KEY' } });
    expect((await t.ingest('by_header')).rowsLoaded).toBe(2);
    await t.source('by_query', { url: `${t.server.origin}/query`, records: 'data', pagination: { type: 'next_url', next_url_path: 'next' }, auth: { type: 'api_key', in: 'query', name: 'api_key', key_secret: 'TEST_API_KEY' } });
    expect((await t.ingest('by_query')).rowsLoaded).toBe(2);
    expect(t.server.requests.slice(-2).map((q) => q.query.get('api_key'))).toEqual([API_KEY, API_KEY]);
    process.env.TEST_API_KEY = 'key-revoked-000';
    const err = await ingotError(t.ingest('by_query'));
    expect(err.detail?.url).toBe(`${t.server.origin}/query`);
    expect(err.hint).toContain('Check the secret TEST_API_KEY');
    await expectNoSecretsOnDisk(t, [API_KEY, 'key-revoked-000']);
  });

  it('fetches OAuth2 client-credentials tokens, renews them before expiry and once on a 401', async () => {
    env('TEST_CLIENT_SECRET', CLIENT_SECRET);
    const issued = new Map<string, number>();
    let revoke = false;
    let refused = 0;
    const t = await httpTest(async (req, res) => {
      if (req.path === '/token') {
        const basic = `Basic ${Buffer.from(`ingot-client:${CLIENT_SECRET}`).toString('base64')}`;
        if (req.headers.authorization !== basic || !req.body.includes('grant_type=client_credentials') || !req.body.includes('scope=orders')) return sendJson(res, { error: 'invalid_client' }, 401);
        const token = `access-${issued.size + 1}-${'x'.repeat(12)}`;
        issued.set(token, Date.now());
        return sendJson(res, { access_token: token, token_type: 'Bearer', expires_in: 1 });
      }
      const token = String(req.headers.authorization ?? '').replace('Bearer ', '');
      const at = issued.get(token);
      if (at === undefined || Date.now() - at > 1000 || (revoke && token === 'access-2-xxxxxxxxxxxx')) {
        refused++;
        return sendJson(res, { error: 'expired' }, 401);
      }
      await new Promise((r) => setTimeout(r, 200));
      const p = Number(req.query.get('page'));
      sendJson(res, p <= 6 ? [makeRecord(p)] : []);
    });
    await t.source('orders', {
      url: `${t.server.origin}/orders`,
      pagination: { type: 'page_number' },
      auth: { type: 'oauth2_client_credentials', token_url: `${t.server.origin}/token`, client_id: 'ingot-client', client_secret_secret: 'TEST_CLIENT_SECRET', scope: 'orders' },
    });
    expect((await t.ingest('orders')).rowsLoaded).toBe(6);
    const tokenCalls = t.server.requests.filter((q) => q.path === '/token').length;
    expect(tokenCalls).toBeGreaterThanOrEqual(2);
    expect(t.server.requests.filter((q) => q.path === '/orders').length).toBe(7);
    expect(refused).toBe(0);

    revoke = true;
    issued.clear();
    const before = t.server.requests.length;
    expect((await t.ingest('orders', { replace: true })).rowsLoaded).toBe(6);
    expect(t.server.requests.slice(before).filter((q) => q.path === '/token').length).toBeGreaterThanOrEqual(3);
    expect(refused).toBe(1);
    process.env.TEST_CLIENT_SECRET = 'client-secret-rotated';
    const refusedToken = await ingotError(t.ingest('orders'));
    expect(refusedToken.message).toBe(`The token endpoint ${t.server.origin}/token refused the client credentials: 401 Unauthorized.`);
    expect(refusedToken.hint).toContain('Check the secrets TEST_CLIENT_SECRET and the scope');
    await expectNoSecretsOnDisk(t, [CLIENT_SECRET, 'client-secret-rotated', ...issued.keys()]);
  });

  it('names a secret that is not set, before sending anything', async () => {
    const t = await httpTest((_req, res) => sendJson(res, records));
    await t.source('orders', { url: `${t.server.origin}/orders`, auth: { type: 'bearer', token_secret: 'TEST_UNSET_TOKEN' } });
    const err = await ingotError(t.ingest('orders'));
    expect(err.message).toBe('The secret TEST_UNSET_TOKEN (auth.token_secret in sources/orders.yaml) is not set.');
    expect(err.hint).toContain('Set the environment variable TEST_UNSET_TOKEN');
    expect(t.server.requests).toHaveLength(0);
  });

  it('refuses credentials written into the source', async () => {
    const t = await httpTest((_req, res) => sendJson(res, records));
    await t.source('pasted', { url: `${t.server.origin}/orders`, auth: { type: 'bearer', token_secret: 'eyJhbGciOi.Jz93-x' } });
    expect((await ingotError(t.ingest('pasted'))).message).toMatch(/^sources\/pasted\.yaml:\d+: auth\.token_secret: must be the name of a secret/);
    await t.source('header', { url: `${t.server.origin}/orders`, headers: { Authorization: 'Bearer abc' } });
    expect((await ingotError(t.ingest('header'))).message).toMatch(/headers\.Authorization: credentials do not belong in a workspace file/);
  });
});
