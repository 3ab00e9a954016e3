#!/usr/bin/env node
// `npm run desktop`: the desktop app (Electron) on the ShopFlow sample, or on the workspace given
// as `npm run desktop -- --workspace DIR`. Builds the app if needed. Electron's binary comes from
// $INGOT_ELECTRON or the electron package (which downloads it once, where the network allows).
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildDesktop } from './build-desktop.mjs';
import { ensureBuilt, ensureSampleWorkspace, root } from './sample-workspace.mjs';

function electronBinary() {
  if (process.env.INGOT_ELECTRON) return process.env.INGOT_ELECTRON;
  const pathFile = join(root, 'node_modules', 'electron', 'path.txt');
  const binary = existsSync(pathFile) ? join(root, 'node_modules', 'electron', 'dist', readFileSync(pathFile, 'utf8').trim()) : undefined;
  return binary && existsSync(binary) ? binary : undefined;
}

const binary = electronBinary();
if (!binary) {
  console.error('The Electron binary is not installed on this machine.');
  console.error('Get it once with `npx install-electron` (it downloads Electron), or set INGOT_ELECTRON to an Electron binary.');
  console.error('Without it, `npm start` opens the same app in your browser.');
  process.exit(1);
}
const args = process.argv.slice(2);
const workspaceArgs = args.some((a) => a === '--workspace' || a.startsWith('--workspace=')) ? [] : ['--workspace', ensureSampleWorkspace()];
ensureBuilt('dist/renderer/index.html');
// The main process bundle takes a fraction of a second: always current.
await buildDesktop();
const child = spawn(binary, [join(root, 'dist', 'main', 'main.js'), ...workspaceArgs, ...args], { stdio: 'inherit', cwd: root });
child.on('exit', (code) => process.exit(code ?? 1));
