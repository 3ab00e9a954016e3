// The engine host's secret methods over RPC: list the secrets the workspace's HTTP sources name
// (set or not, and where), save one (then the sample API on 127.0.0.1 answers the test request),
// see the environment win, remove it. Values never come back. INGOT_CONFIG_DIR is a temp folder.
import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEV_TOKEN, startSampleApi, TOKEN_VARIABLE, type SampleApi } from '../../../src/engine/sample/api/api-server.js';
import { orderEventsSource } from '../../../src/engine/sample/api/sample-source.js';
import { IngotError } from '../../../src/shared/errors.js';
import { tempDir } from '../../helpers/temp-dir.js';
import { connectedHost, type Connected } from './host-helpers.js';

const TOKEN = 'host-secrets-value-4b5c6d';
const saved = { INGOT_CONFIG_DIR: process.env.INGOT_CONFIG_DIR, [TOKEN_VARIABLE]: process.env[TOKEN_VARIABLE], HOST_SECRETS_PASSWORD: process.env.HOST_SECRETS_PASSWORD };
let connected: Connected | undefined;
let server: SampleApi | undefined;
let configDir = '';

beforeEach(async () => {
  configDir = await tempDir('ingot-config-');
  process.env.INGOT_CONFIG_DIR = configDir;
  delete process.env[TOKEN_VARIABLE];
  delete process.env.HOST_SECRETS_PASSWORD;
});
afterEach(async () => {
  await connected?.close();
  await server?.close();
  connected = undefined;
  server = undefined;
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

async function rejection(promise: Promise<unknown>): Promise<IngotError> {
  const err = await promise.then(() => undefined, (e: unknown) => e);
  expect(err).toBeInstanceOf(IngotError);
  return err as IngotError;
}

describe('engine host: secrets', () => {
  it('lists, saves and removes the secrets HTTP sources name, without ever returning a value', async () => {
    server = await startSampleApi({ host: '127.0.0.1', port: 0, orders: 20 });
    connected = await connectedHost('secret-shop');
    const { api, root } = connected;
    await writeFile(join(root, 'sources', 'order_events.yaml'), `${orderEventsSource(server.url)}retry:\n  attempts: 1\n`);
    await writeFile(join(root, 'sources', 'partners.yaml'), 'kind: http\nurl: http://127.0.0.1:9/partners\nauth:\n  type: basic\n  username: ana\n  password_secret: HOST_SECRETS_PASSWORD\n');
    await writeFile(join(root, 'sources', 'open_data.yaml'), 'kind: http\nurl: http://127.0.0.1:9/open\n');
    const file = join(configDir, 'secrets.json');

    expect(await api.listSecrets({})).toEqual({
      file,
      saved: [],
      sources: [
        { source: 'order_events', file: 'sources/order_events.yaml', secrets: [{ name: TOKEN_VARIABLE, field: 'auth.token_secret', origin: null, saved: false }] },
        { source: 'partners', file: 'sources/partners.yaml', secrets: [{ name: 'HOST_SECRETS_PASSWORD', field: 'auth.password_secret', origin: null, saved: false }] },
      ],
    });
    const missing = await rejection(api.testRequest({ source: 'order_events' }));
    expect(missing.hint).toContain(`the secret ${TOKEN_VARIABLE} saved with \`ingot secret set ${TOKEN_VARIABLE}\` or in the Secrets panel of the Ingest screen`);

    // The sample API takes its development token unless the variable says otherwise.
    const set = await api.setSecret({ name: TOKEN_VARIABLE, value: DEV_TOKEN });
    expect(set).toEqual({ name: TOKEN_VARIABLE, file, overriddenByEnvironment: false });
    expect(JSON.stringify(set)).not.toContain(DEV_TOKEN);
    if (process.platform !== 'win32') expect((await stat(file)).mode & 0o777).toBe(0o600);
    const probe = await api.testRequest({ source: 'order_events' });
    expect(probe.status).toBe(200);
    expect(JSON.stringify(probe)).not.toContain(DEV_TOKEN);
    await api.setSecret({ name: 'HOST_SECRETS_PASSWORD', value: TOKEN });
    process.env.HOST_SECRETS_PASSWORD = 'from-the-environment';
    const listed = await api.listSecrets({});
    expect(listed.saved).toEqual(['HOST_SECRETS_PASSWORD', TOKEN_VARIABLE]);
    expect(listed.sources.map((s) => s.secrets[0])).toEqual([
      { name: TOKEN_VARIABLE, field: 'auth.token_secret', origin: 'saved', saved: true },
      { name: 'HOST_SECRETS_PASSWORD', field: 'auth.password_secret', origin: 'environment', saved: true },
    ]);
    expect(JSON.stringify(listed)).not.toContain(TOKEN);
    expect((await api.setSecret({ name: 'HOST_SECRETS_PASSWORD', value: TOKEN })).overriddenByEnvironment).toBe(true);

    expect(await api.deleteSecret({ name: TOKEN_VARIABLE })).toEqual({ name: TOKEN_VARIABLE, deleted: true, file });
    expect(await api.deleteSecret({ name: TOKEN_VARIABLE })).toEqual({ name: TOKEN_VARIABLE, deleted: false, file });
    expect(JSON.parse(await readFile(file, 'utf8')).secrets).toEqual({ HOST_SECRETS_PASSWORD: TOKEN });
    expect((await api.listSecrets({})).sources[0]?.secrets[0]).toMatchObject({ origin: null, saved: false });
  });

  it('refuses a bad name or an oversized value without echoing the value', async () => {
    connected = await connectedHost('secret-bad');
    const { api } = connected;
    const badName = await rejection(api.setSecret({ name: 'not a name', value: TOKEN }));
    expect(badName.code).toBe('INVALID_INPUT');
    expect(badName.message).toContain('Invalid setSecret request: name:');
    const huge = `${TOKEN}${'x'.repeat(20_000)}`;
    const tooLong = await rejection(api.setSecret({ name: 'HUGE', value: huge }));
    expect(tooLong.message).toBe('Invalid setSecret request: value: must be at most 16384 characters.');
    for (const err of [badName, tooLong]) expect(JSON.stringify(err.toData())).not.toContain(TOKEN);
    expect((await api.listSecrets({})).saved).toEqual([]);
  });
});
