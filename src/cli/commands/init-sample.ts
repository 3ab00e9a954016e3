// `ingot init --sample shopflow [dir] [--rows N] [--seed N]`: generates the sample workspace,
// opens it once so its database exists, and prints what was made and what to type next.
import { relative } from 'node:path';
import type { Command } from 'commander';
import { IngotError } from '../../shared/errors.js';
import { createShopflowSample, DEFAULT_ROWS, DEFAULT_SEED } from '../../engine/sample/shopflow.js';
import { openWorkspace } from '../../engine/workspace/workspace.js';
import { globals, output, textTable } from '../context.js';

export const SAMPLES = ['shopflow'] as const;

/** A commander parser for a whole number ≥ 0 (`1000000`, `1_000_000` and `1,000,000` all work). */
export function wholeNumber(flag: string): (value: string) => number {
  return (value) => {
    const digits = value.trim().replace(/[_,]/g, '');
    const n = Number(digits);
    if (!/^\d+$/.test(digits) || !Number.isSafeInteger(n)) {
      throw new IngotError('INVALID_INPUT', `${flag} must be a whole number, got "${value}".`, { hint: `For example ${flag} 100000.` });
    }
    return n;
  };
}

export async function initSample(cmd: Command, dir: string, sample: string, opts: { name?: string; rows?: number; seed?: number }): Promise<void> {
  if (!(SAMPLES as readonly string[]).includes(sample)) {
    throw new IngotError('INVALID_INPUT', `There is no sample called "${sample}".`, { hint: `Use --sample ${SAMPLES.join(' or ')}.` });
  }
  const json = globals(cmd).json === true;
  const rows = opts.rows ?? DEFAULT_ROWS;
  const seed = opts.seed ?? DEFAULT_SEED;
  const started = performance.now();
  const { paths, manifest, models } = await createShopflowSample(dir, {
    rows,
    seed,
    ...(opts.name ? { name: opts.name } : {}),
    ...(!json && process.stderr.isTTY ? { onFile: (file: string, i: number, n: number) => process.stderr.write(`  [${i + 1}/${n}] writing ${file}\n`) } : {}),
  });
  const ws = await openWorkspace(paths.root);
  ws.close();
  const seconds = Math.round((performance.now() - started) / 100) / 10;
  const files = Object.entries(manifest.files);
  const rel = relative(process.cwd(), paths.root);
  const cd = rel.startsWith('..') ? paths.root : rel;
  output(cmd, { ok: true, root: paths.root, sample, rows, seed, seconds, files: manifest.files, models }, () =>
    [
      `Created the ShopFlow sample at ${paths.root} (${rows.toLocaleString('en-US')} orders, seed ${seed}) in ${seconds} s.`,
      '',
      textTable(['file', 'source', 'batch', 'records'], files.map(([file, f]) => [file, f.source, f.batch === 1 ? 'now' : 'late', f.records])),
      '',
      'Next:',
      ...(cd === '' ? [] : [`  cd ${cd.includes(' ') ? JSON.stringify(cd) : cd}`]),
      '  ingot ingest --all',
      '  ingot tables',
      ...(models.length > 0 ? [`  ingot run${' '.repeat(14)}# builds the sample's ${models.length} silver and gold models`] : []),
      '  ingot sql "SELECT status, count(*) AS orders FROM bronze.orders GROUP BY ALL ORDER BY 2 DESC"',
      'README.md explains the seeded mess and how to receive the late batch in data/late/.',
    ].join('\n'),
  );
}
