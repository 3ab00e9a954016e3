// `ingot init [dir]`: creates an empty workspace, or with `--sample shopflow` the ShopFlow sample.
import type { Command } from 'commander';
import { IngotError } from '../../shared/errors.js';
import { initWorkspace } from '../../engine/workspace/init.js';
import { openWorkspace } from '../../engine/workspace/workspace.js';
import { output } from '../context.js';
import { initSample, SAMPLES, wholeNumber } from './init-sample.js';

interface InitOptions {
  name?: string;
  sample?: string;
  rows?: number;
  seed?: number;
}

export function registerInit(program: Command): void {
  program
    .command('init [dir]')
    .description('create a workspace folder (ingot.yaml, sources/, models/, .gitignore)')
    .option('--name <name>', 'workspace name (default: the folder name)')
    .option('--sample <name>', `create a sample workspace with generated data (${SAMPLES.join(', ')})`)
    .option('--rows <n>', 'sample size in orders (default 100000; up to 100000000)', wholeNumber('--rows'))
    .option('--seed <n>', 'seed of the sample generator; the same seed gives the same files (default 42)', wholeNumber('--seed'))
    .action(async (dir: string | undefined, opts: InitOptions, cmd: Command) => {
      if (opts.sample !== undefined) return initSample(cmd, dir ?? '.', opts.sample, opts);
      if (opts.rows !== undefined || opts.seed !== undefined) {
        throw new IngotError('INVALID_INPUT', '--rows and --seed only apply to a sample workspace.', {
          hint: 'Add --sample shopflow, or leave out --rows and --seed.',
        });
      }
      const paths = await initWorkspace(dir ?? '.', opts.name ? { name: opts.name } : {});
      const ws = await openWorkspace(paths.root);
      ws.close();
      output(cmd, { ok: true, root: paths.root }, () => `Created workspace at ${paths.root}\nNext: add files with \`ingot ingest <file>\`.`);
    });
}
