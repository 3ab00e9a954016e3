#!/usr/bin/env node
// Bundles the desktop app's main process into dist/main/ with esbuild: main.js and
// engine-process-entry.js as ES modules (packages stay in node_modules, DuckDB's native addon
// among them), and preload.cjs as one CommonJS file, since sandboxed preloads cannot load modules.
import { build } from 'esbuild';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = new URL('..', import.meta.url).pathname;
const outdir = join(root, 'dist', 'main');

/** Builds dist/main; returns the seconds it took. */
export async function buildDesktop() {
  const started = Date.now();
  const common = { bundle: true, platform: 'node', target: 'node22', sourcemap: true, logLevel: 'warning', absWorkingDir: root };
  await build({
    ...common,
    entryPoints: { main: 'src/main/main.ts', 'engine-process-entry': 'src/main/engine-process-entry.ts' },
    outdir,
    format: 'esm',
    splitting: true,
    packages: 'external',
  });
  await build({ ...common, entryPoints: ['src/main/preload.ts'], outfile: join(outdir, 'preload.cjs'), format: 'cjs', external: ['electron'] });
  return (Date.now() - started) / 1000;
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  const seconds = await buildDesktop();
  console.log(`Built the desktop app into dist/main in ${seconds.toFixed(1)} s.`);
}
