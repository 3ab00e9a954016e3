// Bad usage of the real `ingot` binary (unknown command or option, a missing or extra argument)
// exits with 2, as `ingot --help` documents; help itself exits with 0. Two cases run the binary
// itself, the rest its entry point in-process.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../helpers/run-cli.js';
import { tempDir } from '../../helpers/temp-dir.js';

const BIN = join(import.meta.dirname, '../../../bin/ingot.mjs');

interface BinRun {
  code: number;
  out: string;
  err: string;
}

function ingot(cwd: string, ...args: string[]): Promise<BinRun> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8' }, (error, out, err) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, out, err });
    });
  });
}

describe('usage errors of the ingot binary', () => {
  it('exits with 2 for an unknown command or option, and 0 for help', async () => {
    const dir = await tempDir('ingot-usage-');
    const [command, option, help] = await Promise.all([ingot(dir, 'nope'), ingot(dir, 'tables', '--nope'), ingot(dir, '--help')]);
    expect(command).toMatchObject({ code: 2, err: expect.stringContaining("unknown command 'nope'") });
    expect(option).toMatchObject({ code: 2, err: expect.stringContaining("unknown option '--nope'") });
    expect(help.code).toBe(0);
    expect(help.out).toContain('Exit codes: 0 done, 1 failed, 2 bad command line');
  });

  it('exits with 2 for a missing or extra argument', async () => {
    const dir = await tempDir('ingot-usage-');
    const missingValue = await runCli('--workspace', dir, 'run', '--partitions');
    expect(missingValue).toMatchObject({ code: 2, err: expect.stringContaining("option '--partitions <from..to>' argument missing") });
    expect(await runCli('--workspace', dir, 'preview')).toMatchObject({ code: 2, err: expect.stringContaining("missing required argument 'file-or-source'") });
    expect(await runCli('--workspace', dir, 'sql', 'SELECT 1', 'SELECT 2')).toMatchObject({ code: 2, err: expect.stringContaining("too many arguments for 'sql'") });
    const ingestHelp = await runCli('ingest', '--help');
    expect(ingestHelp.code).toBe(0);
    expect(ingestHelp.out).toContain('2 bad arguments or source');
  });
});
