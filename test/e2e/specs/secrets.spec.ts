// The Secrets panel of the Ingest screen: an HTTP source (on a real server on 127.0.0.1) names a
// bearer token that is not set; its test request fails and says where to set it; the token is
// saved in the panel (a password field, cleared after) and marked set, the test request then
// succeeds, and Remove marks it unset again. The engine's config folder is a temp folder, never
// ~/.config, and the value never appears on the page.
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '../fixtures/app.js';
import { SecretsPage } from '../pages/secrets-page.js';

test.use({ workspaceKind: 'empty' });

const NAME = 'E2E_SECRETS_TOKEN';
const TOKEN = 'e2e-token-8d7c6b5a4f';
let server: Server;
let configDir: string;
let sourceFile: string;
const previousConfigDir = process.env.INGOT_CONFIG_DIR;

test.beforeAll(async ({ workspace }) => {
  // Set before the app fixture starts the engine, which inherits it.
  configDir = mkdtempSync(join(tmpdir(), 'ingot-e2e-config-'));
  process.env.INGOT_CONFIG_DIR = configDir;
  delete process.env[NAME];
  server = createServer((req, res) => {
    const ok = req.headers.authorization === `Bearer ${TOKEN}`;
    res.writeHead(ok ? 200 : 401, { 'content-type': 'application/json' });
    res.end(JSON.stringify(ok ? { data: [{ id: 1 }, { id: 2 }] } : { error: 'unauthorized' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/items`;
  sourceFile = join(workspace, 'sources', 'secured_api.yaml');
  writeFileSync(sourceFile, `kind: http\nurl: ${url}\nrecords: data\nretry:\n  attempts: 1\nauth:\n  type: bearer\n  token_secret: ${NAME}\n`);
});

test.afterAll(async () => {
  rmSync(sourceFile, { force: true });
  await new Promise<void>((resolve) => server.close(() => resolve()));
  rmSync(configDir, { recursive: true, force: true });
  if (previousConfigDir === undefined) delete process.env.INGOT_CONFIG_DIR;
  else process.env.INGOT_CONFIG_DIR = previousConfigDir;
});

test('sets a secret for an HTTP source, sees it set, and removes it', async ({ shell }) => {
  const page = shell.page;
  await shell.goTo('Ingest');
  const secrets = new SecretsPage(page);
  await expect(secrets.row(NAME)).toContainText('secured_api (auth.token_secret)');
  await expect(secrets.status(NAME)).toHaveText('not set');

  // Without the token, the test request fails and says where to set it.
  await page.getByRole('button', { name: 'Test request of secured_api', exact: true }).click();
  await expect(shell.alerts.first()).toContainText(`The secret ${NAME}`);
  await expect(shell.alerts.first()).toContainText('in the Secrets panel of the Ingest screen');

  await expect(secrets.valueInput(NAME)).toHaveAttribute('type', 'password');
  await secrets.valueInput(NAME).fill(TOKEN);
  await secrets.saveButton(NAME).click();
  await expect(secrets.status(NAME)).toHaveText('set (saved)');
  await expect(secrets.valueInput(NAME)).toHaveValue('');
  const file = join(configDir, 'secrets.json');
  expect(JSON.parse(readFileSync(file, 'utf8')).secrets).toEqual({ [NAME]: TOKEN });
  if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);

  await page.getByRole('button', { name: 'Test request of secured_api', exact: true }).click();
  const result = page.getByRole('region', { name: 'Test request of secured_api' });
  await expect(result).toContainText('200 OK');
  await expect(result).toContainText('2 records at');
  expect(await page.content()).not.toContain(TOKEN);

  await secrets.removeButton(NAME).click();
  await expect(secrets.status(NAME)).toHaveText('not set');
  expect(JSON.parse(readFileSync(file, 'utf8')).secrets).toEqual({});
});
