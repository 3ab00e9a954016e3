// `ingot init [dir]`: creates an empty workspace (the sample generator adds `--sample`).
import type { Command } from 'commander';
import { initWorkspace } from '../../engine/workspace/init.js';
import { openWorkspace } from '../../engine/workspace/workspace.js';
import { output } from '../context.js';

export function registerInit(program: Command): void {
  program
    .command('init [dir]')
    .description('create a workspace folder (ingot.yaml, sources/, models/, .gitignore)')
    .option('--name <name>', 'workspace name (default: the folder name)')
    .action(async (dir: string | undefined, opts: { name?: string }, cmd: Command) => {
      const paths = await initWorkspace(dir ?? '.', opts.name ? { name: opts.name } : {});
      const ws = await openWorkspace(paths.root);
      ws.close();
      output(cmd, { ok: true, root: paths.root }, () => `Created workspace at ${paths.root}\nNext: add files with \`ingot ingest <file>\`.`);
    });
}
