// Shared by `npm start` and `npm run desktop`: the ShopFlow sample workspace (created on first use:
// generate, ingest, run the pipeline) and a build of the app when it is missing.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const root = new URL('..', import.meta.url).pathname;
export const sampleWorkspace = process.env.INGOT_SAMPLE_DIR ?? join(root, 'workspaces', 'shopflow');

/** Runs the `ingot` command; exits this process if it fails. */
export function ingot(...args) {
  const r = spawnSync(process.execPath, [join(root, 'bin/ingot.mjs'), ...args], { stdio: 'inherit', cwd: root });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

/** Creates the sample workspace unless it exists; returns its folder. */
export function ensureSampleWorkspace() {
  if (!existsSync(join(sampleWorkspace, 'ingot.yaml'))) {
    console.log(`Creating the ShopFlow sample workspace in ${sampleWorkspace} …`);
    ingot('init', '--sample', 'shopflow', sampleWorkspace);
    ingot('--workspace', sampleWorkspace, 'ingest', '--all');
    ingot('--workspace', sampleWorkspace, 'run');
  }
  return sampleWorkspace;
}

/** Builds the app (`npm run build`) when `output` (a file under dist/) is missing. */
export function ensureBuilt(output) {
  if (existsSync(join(root, output))) return;
  const r = spawnSync(process.execPath, [join(root, 'scripts/build.mjs')], { stdio: 'inherit', cwd: root });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
