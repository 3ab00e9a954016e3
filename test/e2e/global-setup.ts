// Runs once before the end-to-end suite: builds the renderer when dist/renderer is missing or
// older than its sources, so the tests always drive the current UI (and the desktop bundle), and
// points Ingot's user config folder (saved secrets) at an empty temp folder, so the tests never
// read or write the secrets of the person running them.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from './fixtures/ingot-cli.js';

export default function globalSetup(): void {
  process.env.INGOT_CONFIG_DIR = mkdtempSync(join(tmpdir(), 'ingot-e2e-config-'));
  const r = spawnSync(process.execPath, [join(REPO_ROOT, 'scripts', 'build.mjs'), '--if-stale'], { cwd: REPO_ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`Building the renderer failed (exit ${r.status ?? r.signal}); see the output above.`);
}
