// Runs once before the end-to-end suite: builds the renderer when dist/renderer is missing or
// older than its sources, so the tests always drive the current UI (and the desktop bundle).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT } from './fixtures/ingot-cli.js';

export default function globalSetup(): void {
  const r = spawnSync(process.execPath, [join(REPO_ROOT, 'scripts', 'build.mjs'), '--if-stale'], { cwd: REPO_ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`Building the renderer failed (exit ${r.status ?? r.signal}); see the output above.`);
}
