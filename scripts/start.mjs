#!/usr/bin/env node
// `npm start`: opens Ingot on the built-in ShopFlow sample. Creates the sample workspace on first
// use (generate, ingest, run the pipeline), builds the UI if needed, then serves it locally.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const workspace = process.env.INGOT_SAMPLE_DIR ?? join(root, 'workspaces', 'shopflow');
const ingot = (...args) => {
  const r = spawnSync(process.execPath, [join(root, 'bin/ingot.mjs'), ...args], { stdio: 'inherit', cwd: root });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

if (!existsSync(join(workspace, 'ingot.yaml'))) {
  console.log(`Creating the ShopFlow sample workspace in ${workspace} …`);
  ingot('init', '--sample', 'shopflow', workspace);
  ingot('--workspace', workspace, 'ingest', '--all');
  ingot('--workspace', workspace, 'run');
}
if (!existsSync(join(root, 'dist', 'renderer', 'index.html'))) {
  const r = spawnSync(process.execPath, [join(root, 'scripts/build.mjs')], { stdio: 'inherit', cwd: root });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
ingot('serve', workspace, ...process.argv.slice(2));
