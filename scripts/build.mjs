#!/usr/bin/env node
// `npm run build`: bundles the renderer with Vite into dist/renderer/ and the desktop app's main
// process with esbuild into dist/main/. With `--if-stale` it builds the renderer only when a
// renderer or shared source (or the build config) is newer than the last build, which is how the
// end-to-end suite makes sure it tests the current UI.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'vite';
import { buildDesktop } from './build-desktop.mjs';

const root = new URL('..', import.meta.url).pathname;
const output = join(root, 'dist', 'renderer', 'index.html');
const inputs = ['src/renderer', 'src/shared', 'vite.config.ts', 'package-lock.json'];

/** Newest modification time (ms) of the files under `path`. */
function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = stat.mtimeMs;
  for (const entry of readdirSync(path, { withFileTypes: true })) latest = Math.max(latest, newest(join(path, entry.name)));
  return latest;
}

function isStale() {
  if (!existsSync(output)) return true;
  const built = statSync(output).mtimeMs;
  return inputs.some((input) => newest(join(root, input)) > built);
}

if (process.argv.includes('--if-stale') && !isStale()) {
  console.log('dist/renderer is up to date.');
} else {
  const started = Date.now();
  await build({ configFile: join(root, 'vite.config.ts') });
  console.log(`Built the renderer into dist/renderer in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}
// The desktop bundle takes a fraction of a second: always current, for the Electron e2e target too.
console.log(`Built the desktop app into dist/main in ${(await buildDesktop()).toFixed(1)} s.`);
