// `ingot init --sample shopflow`: the real command creates the sample workspace with its database
// and prints the next steps; wrong samples, sizes and flags fail with exit code 2 and a hint.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../../src/cli/main.js';
import type { ShopflowManifest } from '../../../src/engine/sample/shopflow.js';
import { tempDir } from '../../helpers/temp-dir.js';

const BIN = join(import.meta.dirname, '../../../bin/ingot.mjs');

/** Runs the CLI in this process; returns the exit code and what it printed. */
async function ingot(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => ((stdout += String(chunk)), true));
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => ((stderr += String(chunk)), true));
  try {
    const code = await main(args);
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

afterEach(() => {
  process.exitCode = undefined;
});

describe('ingot init --sample', () => {
  it('creates the sample workspace from the command line and prints the next steps', async () => {
    const dir = join(await tempDir(), 'shop');
    const run = spawnSync(process.execPath, [BIN, 'init', '--sample', 'shopflow', dir, '--rows', '1_000', '--seed', '9'], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('1,000 orders, seed 9');
    expect(run.stdout).toContain('ingot ingest --all');
    expect(run.stdout).toContain('ingot tables');
    expect(run.stdout).toMatch(/ingot sql ".+"/);
    expect(run.stdout).toMatch(/data\/late\/orders_2\.csv\s+orders\s+late/);
    expect(existsSync(join(dir, '.ingot', 'ingot.duckdb'))).toBe(true);
    const manifest = JSON.parse(await readFile(join(dir, 'data/MANIFEST.json'), 'utf8')) as ShopflowManifest;
    expect(manifest).toMatchObject({ sample: 'shopflow', rows: 1000, seed: 9 });
    expect(await readFile(join(dir, 'ingot.yaml'), 'utf8')).toContain('name: shopflow');
  });

  it('reports what it made as JSON with --json', async () => {
    const dir = join(await tempDir(), 'shop');
    const { code, stdout } = await ingot(['--json', 'init', dir, '--sample', 'shopflow', '--rows', '300', '--name', 'demo']);
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as { ok: boolean; rows: number; seed: number; files: Record<string, { records: number }> };
    expect(result).toMatchObject({ ok: true, rows: 300, seed: 42 });
    expect(Object.keys(result.files)).toContain('data/orders/orders_1.csv');
    expect(await readFile(join(dir, 'ingot.yaml'), 'utf8')).toContain('name: demo');
  });

  it('refuses an unknown sample, a bad size, and --rows without --sample, with exit code 2', async () => {
    const base = await tempDir();
    const cases: [string[], RegExp][] = [
      [['init', join(base, 'a'), '--sample', 'petshop'], /no sample called "petshop"[\s\S]*hint: Use --sample shopflow/],
      [['init', join(base, 'b'), '--sample', 'shopflow', '--rows', 'lots'], /--rows must be a whole number, got "lots"/],
      [['init', join(base, 'c'), '--sample', 'shopflow', '--rows', '10'], /between 100 and 100000000 orders; got 10/],
      [['init', join(base, 'd'), '--rows', '1000'], /--rows and --seed only apply to a sample workspace[\s\S]*hint: Add --sample shopflow/],
    ];
    for (const [args, message] of cases) {
      const { code, stderr } = await ingot(args);
      expect(code, args.join(' ')).toBe(2);
      expect(stderr, args.join(' ')).toMatch(message);
    }
    expect(existsSync(join(base, 'a'))).toBe(false);
    expect(existsSync(join(base, 'c', 'ingot.yaml'))).toBe(false);
  });
});
