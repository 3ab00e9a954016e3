// `ingot secret set|list|delete` through the real binary: the value comes from piped stdin (minus
// the final newline), `list` shows names and never values, `delete` removes, and bad input exits
// with 2 without printing a value. INGOT_CONFIG_DIR points at a temp folder, never ~/.config.
import { execFile } from 'node:child_process';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/temp-dir.js';

const BIN = join(import.meta.dirname, '../../../bin/ingot.mjs');
const VALUE = 'cli-secret-5e6f7a8b9c0d';

interface BinRun {
  code: number;
  out: string;
  err: string;
}

function ingot(configDir: string, stdin: string, env: Record<string, string>, ...args: string[]): Promise<BinRun> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [BIN, ...args], { cwd: configDir, encoding: 'utf8', env: { ...process.env, INGOT_CONFIG_DIR: configDir, ...env } }, (error, out, err) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, out, err });
    });
    child.stdin?.end(stdin);
  });
}

describe('ingot secret', () => {
  it('sets from piped stdin, lists names only, and deletes', async () => {
    const dir = await tempDir('ingot-config-');
    const set = await ingot(dir, `${VALUE}\n`, {}, 'secret', 'set', 'CLI_TEST_TOKEN');
    expect(set).toMatchObject({ code: 0, err: '' });
    expect(set.out).toContain(`Saved CLI_TEST_TOKEN in ${join(dir, 'secrets.json')}.`);
    expect(set.out).not.toContain(VALUE);
    const file = join(dir, 'secrets.json');
    expect(JSON.parse(await readFile(file, 'utf8')).secrets).toEqual({ CLI_TEST_TOKEN: VALUE });
    if (process.platform !== 'win32') expect((await stat(file)).mode & 0o777).toBe(0o600);
    // A value with inner spaces and a Windows line end keeps everything but the line end.
    expect((await ingot(dir, 'two words\r\n', {}, 'secret', 'set', 'OTHER_TOKEN')).code).toBe(0);
    expect(JSON.parse(await readFile(file, 'utf8')).secrets.OTHER_TOKEN).toBe('two words');

    const list = await ingot(dir, '', { OTHER_TOKEN: 'from-env' }, 'secret', 'list');
    expect(list.code).toBe(0);
    expect(list.out).toBe(`Saved secrets in ${file}:\n  CLI_TEST_TOKEN\n  OTHER_TOKEN  (the environment variable OTHER_TOKEN wins while it is set)\n`);
    const json = await ingot(dir, '', {}, '--json', 'secret', 'list');
    expect(JSON.parse(json.out)).toEqual({ ok: true, file, names: [{ name: 'CLI_TEST_TOKEN', overriddenByEnvironment: false }, { name: 'OTHER_TOKEN', overriddenByEnvironment: false }] });
    expect(json.out + list.out).not.toContain(VALUE);
    expect(json.out + list.out).not.toContain('two words');

    expect(await ingot(dir, '', {}, 'secret', 'delete', 'CLI_TEST_TOKEN')).toMatchObject({ code: 0, out: `Removed CLI_TEST_TOKEN from ${file}.\n` });
    expect(JSON.parse(await readFile(file, 'utf8')).secrets).toEqual({ OTHER_TOKEN: 'two words' });
    const again = await ingot(dir, '', {}, 'secret', 'delete', 'CLI_TEST_TOKEN');
    expect(again.code).toBe(2);
    expect(again.err).toContain(`No saved secret named CLI_TEST_TOKEN in ${file}.`);
    expect(again.err).toContain('Saved secrets: OTHER_TOKEN.');
  });

  it('refuses a bad name, an empty value, a value given as an argument and a corrupt file, exiting with 2', async () => {
    const dir = await tempDir('ingot-config-');
    const corrupt = join(dir, 'secrets.json');
    await writeFile(corrupt, `{"secrets": {"A": "${VALUE}"`);
    const [badName, empty, asArgument, listed] = await Promise.all([
      ingot(dir, VALUE, {}, 'secret', 'set', 'bad-name'),
      ingot(dir, '\n', {}, 'secret', 'set', 'EMPTY_TOKEN'),
      ingot(dir, '', {}, 'secret', 'set', 'ARG_TOKEN', VALUE),
      ingot(dir, '', {}, 'secret', 'list'),
    ]);
    expect(badName.code).toBe(2);
    expect(badName.err).toContain('"bad-name" is not a secret name');
    expect(empty).toMatchObject({ code: 2, err: expect.stringContaining('The value of EMPTY_TOKEN is empty; nothing was saved.') });
    expect(asArgument.code).toBe(2);
    expect(asArgument.err).toContain("too many arguments for 'set'");
    expect(listed.code).toBe(2);
    expect(listed.err).toContain(`Ingot's secrets file ${corrupt} is not valid`);
    expect(listed.err + listed.out).not.toContain(VALUE);
  });
});
