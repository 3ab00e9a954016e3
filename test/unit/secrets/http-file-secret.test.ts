// An HTTP source on a real server on 127.0.0.1 that needs a bearer token loads when the token was
// saved in the user's secrets file (no environment variable), the value is masked in every error
// and written into no workspace file, and the environment still wins when it sets the same name.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fileSecretStore } from '../../../src/engine/secrets/file-store.js';
import { testRequest } from '../../../src/engine/ingest/http/test-request.js';
import { ingotError } from '../ingest/fixture.js';
import { httpTest } from '../http/fixture.js';
import { makeRecord, sendJson } from '../http/test-server.js';
import { tempDir } from '../../helpers/temp-dir.js';

const TOKEN = 'saved-token-3c4d5e6f7a8b';
const WRONG = 'saved-wrong-1a2b3c4d5e';
const NAME = 'HTTP_FILE_SECRET_TOKEN';
const saved = { INGOT_CONFIG_DIR: process.env.INGOT_CONFIG_DIR, [NAME]: process.env[NAME] };

beforeEach(async () => {
  process.env.INGOT_CONFIG_DIR = await tempDir('ingot-config-');
  delete process.env[NAME];
});

afterEach(() => {
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

async function workspaceBytes(root: string): Promise<Buffer[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return Promise.all(entries.filter((e) => e.isFile()).map((e) => readFile(join(e.parentPath, e.name))));
}

describe('an HTTP source with a saved secret', () => {
  it('loads with the token from the secrets file, masks it in errors and writes it nowhere in the workspace', async () => {
    const records = [makeRecord(1), makeRecord(2), makeRecord(3)];
    // The server echoes what it got, so an unmasked token would show in the error.
    const t = await httpTest((req, res) => (req.headers.authorization === `Bearer ${TOKEN}` ? sendJson(res, records) : sendJson(res, { got: req.headers.authorization }, 401)));
    await t.source('orders', { url: `${t.server.origin}/orders`, auth: { type: 'bearer', token_secret: NAME } });

    const missing = await ingotError(t.ingest('orders'));
    expect(missing.message).toBe(`The secret ${NAME} (auth.token_secret in sources/orders.yaml) is not set.`);
    expect(missing.hint).toContain(`Set the environment variable ${NAME} or the secret ${NAME} saved with \`ingot secret set ${NAME}\``);
    expect(t.server.requests).toHaveLength(0);

    await fileSecretStore().set(NAME, TOKEN);
    expect((await t.ingest('orders')).rowsLoaded).toBe(3);
    expect(t.server.requests.at(-1)?.headers.authorization).toBe(`Bearer ${TOKEN}`);

    await fileSecretStore().set(NAME, WRONG);
    const refused = await ingotError(t.ingest('orders', { replace: true }));
    expect(refused.message).toContain('401 Unauthorized. The API said: {"got":"Bearer ***"}');
    expect(refused.hint).toBe(`Check the secret ${NAME} (the secret ${NAME} saved with \`ingot secret set ${NAME}\` or in the Secrets panel of the Ingest screen): it may be wrong, expired or lack permission.`);
    expect(JSON.stringify(refused.toData())).not.toContain(WRONG);
    const probe = await testRequest(t.ws, 'orders');
    expect(probe.status).toBe(401);
    expect(JSON.stringify(probe)).not.toContain(WRONG);
    const ledger = await t.query(`SELECT coalesce(message, '') AS message FROM _ingot.batches`);
    expect(JSON.stringify(ledger)).not.toContain(WRONG);

    // The environment wins over the saved value.
    process.env[NAME] = TOKEN;
    expect((await t.ingest('orders', { replace: true })).rowsLoaded).toBe(3);

    t.ws.close();
    const forms = [TOKEN, WRONG].flatMap((s) => [s, encodeURIComponent(s), Buffer.from(s).toString('base64')]);
    for (const bytes of await workspaceBytes(t.root)) for (const form of forms) expect(bytes.includes(Buffer.from(form)), form).toBe(false);
  });
});
