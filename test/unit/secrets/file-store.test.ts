// The user's secrets file (secrets.json in the config folder, outside every workspace): where it
// lives, set/get/delete/list, private permissions, atomic replacement, clear errors that never
// show a value, and the active store asking the environment first, then the file.
import { chmod, mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { activeSecretStore } from '../../../src/engine/secrets/active-store.js';
import { fileSecretStore, ingotConfigDir } from '../../../src/engine/secrets/file-store.js';
import { resolveSecret } from '../../../src/engine/secrets/resolve-secret.js';
import { ingotError } from '../ingest/fixture.js';
import { tempDir } from '../../helpers/temp-dir.js';

const VALUE = 'file-secret-9f8e7d6c5b';
let configDir: string;
const saved = { INGOT_CONFIG_DIR: process.env.INGOT_CONFIG_DIR, FILE_STORE_TEST_TOKEN: process.env.FILE_STORE_TEST_TOKEN };

beforeEach(async () => {
  // Never the real ~/.config: every test gets its own config folder (not created yet).
  configDir = join(await tempDir('ingot-config-'), 'ingot');
  process.env.INGOT_CONFIG_DIR = configDir;
  delete process.env.FILE_STORE_TEST_TOKEN;
});

afterEach(() => {
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

describe('the secrets file', () => {
  it('lives in $INGOT_CONFIG_DIR, else $XDG_CONFIG_HOME/ingot, else ~/.config/ingot', () => {
    expect(ingotConfigDir({ INGOT_CONFIG_DIR: '/a', XDG_CONFIG_HOME: '/b' })).toBe('/a');
    expect(ingotConfigDir({ XDG_CONFIG_HOME: '/b' })).toBe(join('/b', 'ingot'));
    expect(ingotConfigDir({})).toBe(join(homedir(), '.config', 'ingot'));
    expect(fileSecretStore().path()).toBe(join(configDir, 'secrets.json'));
  });

  it('sets, gets, lists and deletes, in a 0600 file in a 0700 folder, replaced atomically', async () => {
    const store = fileSecretStore();
    expect(await store.names()).toEqual([]);
    expect(await store.get('FILE_STORE_TEST_TOKEN')).toBeUndefined();
    await store.set('FILE_STORE_TEST_TOKEN', VALUE);
    await store.set('ANOTHER', 'second-value');
    expect(await store.get('FILE_STORE_TEST_TOKEN')).toBe(VALUE);
    expect(await store.names()).toEqual(['ANOTHER', 'FILE_STORE_TEST_TOKEN']);
    if (process.platform !== 'win32') {
      expect((await stat(store.path())).mode & 0o777).toBe(0o600);
      expect((await stat(configDir)).mode & 0o777).toBe(0o700);
    }
    // No temp file is left next to it.
    expect(await readdir(configDir)).toEqual(['secrets.json']);
    expect(JSON.parse(await readFile(store.path(), 'utf8'))).toEqual({ version: 1, secrets: { ANOTHER: 'second-value', FILE_STORE_TEST_TOKEN: VALUE } });

    await store.set('ANOTHER', 'replaced-value');
    expect(await store.get('ANOTHER')).toBe('replaced-value');
    expect(await store.delete('ANOTHER')).toBe(true);
    expect(await store.delete('ANOTHER')).toBe(false);
    expect(await store.names()).toEqual(['FILE_STORE_TEST_TOKEN']);
    expect(store.describe('X')).toBe('the secret X saved with `ingot secret set X` or in the Secrets panel of the Ingest screen');
  });

  it('refuses a name that is not a secret name, and an empty or huge value, saving nothing', async () => {
    const store = fileSecretStore();
    const badName = await ingotError(store.set('not a name', VALUE));
    expect(badName.code).toBe('INVALID_INPUT');
    expect(badName.message).toContain('"not a name" is not a secret name');
    expect(badName.message).not.toContain(VALUE);
    expect((await ingotError(store.set('EMPTY', ''))).message).toBe('The value of EMPTY is empty; nothing was saved.');
    const huge = await ingotError(store.set('HUGE', 'x'.repeat(20_000)));
    expect(huge.message).toContain('up to 16384');
    expect(huge.message).not.toContain('xxxx');
    expect((await ingotError(store.delete('1bad'))).code).toBe('INVALID_INPUT');
    expect(await store.names()).toEqual([]);
  });

  it('reports a corrupt file by its path and what to do, never with its content, and keeps it as it was', async () => {
    await mkdir(configDir, { recursive: true });
    const file = join(configDir, 'secrets.json');
    const corrupt = `{"version": 1, "secrets": {"FILE_STORE_TEST_TOKEN": "${VALUE}", oops}`;
    await writeFile(file, corrupt);
    const store = fileSecretStore();
    for (const attempt of [store.get('FILE_STORE_TEST_TOKEN'), store.names(), store.set('OTHER', 'other-value')]) {
      const err = await ingotError(attempt);
      expect(err.message).toBe(`Ingot's secrets file ${file} is not valid: it must be JSON of the form {"version": 1, "secrets": {"NAME": "value"}}.`);
      expect(err.hint).toContain('delete it and save the secrets again with `ingot secret set NAME`');
      expect(err.detail).toEqual({ file });
      expect(JSON.stringify({ ...err.toData(), cause: String(err.cause) })).not.toContain(VALUE);
    }
    expect(await readFile(file, 'utf8')).toBe(corrupt);
    // Valid JSON of the wrong shape is refused too.
    await writeFile(file, JSON.stringify({ secrets: { A: 42 } }));
    expect((await ingotError(store.get('A'))).message).toContain('is not valid');
  });

  it('reports an unreadable file by its path', async () => {
    if (process.platform === 'win32' || process.getuid?.() === 0) {
      // root reads any file; a folder in its place makes the read fail instead.
      await mkdir(join(configDir, 'secrets.json'), { recursive: true });
      const err = await ingotError(fileSecretStore().get('A'));
      expect(err.message).toBe(`Ingot cannot read its secrets file ${join(configDir, 'secrets.json')} (EISDIR).`);
      expect(err.hint).toContain('INGOT_CONFIG_DIR');
      return;
    }
    await mkdir(configDir, { recursive: true });
    await writeFile(join(configDir, 'secrets.json'), JSON.stringify({ version: 1, secrets: { A: VALUE } }));
    await chmod(join(configDir, 'secrets.json'), 0o000);
    const err = await ingotError(fileSecretStore().get('A'));
    expect(err.message).toContain('(EACCES)');
    expect(err.hint).toContain('chmod 600');
  });
});

describe('the active secret store', () => {
  it('asks the environment first, then the secrets file, and names both when neither has it', async () => {
    const store = activeSecretStore();
    const use = { file: 'sources/orders.yaml', field: 'auth.token_secret' };
    const missing = await ingotError(resolveSecret(store, 'FILE_STORE_TEST_TOKEN', use));
    expect(missing.hint).toBe(
      'Set the environment variable FILE_STORE_TEST_TOKEN or the secret FILE_STORE_TEST_TOKEN saved with `ingot secret set FILE_STORE_TEST_TOKEN` or in the Secrets panel of the Ingest screen, then try again. Ingot reads secrets by name and never writes them to the workspace.',
    );
    await fileSecretStore().set('FILE_STORE_TEST_TOKEN', VALUE);
    expect(await resolveSecret(store, 'FILE_STORE_TEST_TOKEN', use)).toBe(VALUE);
    expect(store.describe('FILE_STORE_TEST_TOKEN')).toBe('the secret FILE_STORE_TEST_TOKEN saved with `ingot secret set FILE_STORE_TEST_TOKEN` or in the Secrets panel of the Ingest screen');
    process.env.FILE_STORE_TEST_TOKEN = 'from-the-environment';
    expect(await store.get('FILE_STORE_TEST_TOKEN')).toBe('from-the-environment');
    expect(store.describe('FILE_STORE_TEST_TOKEN')).toBe('the environment variable FILE_STORE_TEST_TOKEN');
    delete process.env.FILE_STORE_TEST_TOKEN;
    expect(await store.get('FILE_STORE_TEST_TOKEN')).toBe(VALUE);
  });
});
