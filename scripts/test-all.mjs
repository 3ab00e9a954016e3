#!/usr/bin/env node
// Runs every suite — typecheck, lint, unit/integration (vitest), end-to-end (Playwright in
// Chromium) — and ends with one line `N passed, N failed` summed over all of them.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const out = join(root, 'test-results');
mkdirSync(out, { recursive: true });
const only = process.argv.slice(2);
const want = (name) => only.length === 0 || only.includes(name);

let passed = 0;
let failed = 0;
const summary = [];

function run(cmd, args, env = {}) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status ?? 1;
}

function record(name, p, f) {
  passed += p;
  failed += f;
  summary.push(`${name}: ${p} passed, ${f} failed`);
}

if (want('typecheck')) {
  const code = run('npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']);
  record('typecheck', code === 0 ? 1 : 0, code === 0 ? 0 : 1);
}

if (want('lint')) {
  const code = run('npx', ['eslint', '.', '--max-warnings', '0']);
  record('lint', code === 0 ? 1 : 0, code === 0 ? 0 : 1);
}

if (want('unit')) {
  const file = join(out, 'vitest.json');
  const code = run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${file}`]);
  if (existsSync(file)) {
    const r = JSON.parse(readFileSync(file, 'utf8'));
    // A suite that fails to load counts as a failure even when it has no test results.
    const broken = (r.testResults ?? []).filter((s) => s.status === 'failed' && (s.assertionResults ?? []).length === 0).length;
    record('unit', r.numPassedTests ?? 0, (r.numFailedTests ?? 0) + broken);
  } else {
    record('unit', 0, code === 0 ? 0 : 1);
  }
}

const hasSpecs = (dir) => existsSync(dir) && readdirSync(dir, { recursive: true }).some((f) => String(f).endsWith('.spec.ts'));
if (want('e2e') && hasSpecs(join(root, 'test/e2e'))) {
  const file = join(out, 'playwright.json');
  const code = run('npx', ['playwright', 'test', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: file });
  if (existsSync(file)) {
    const s = JSON.parse(readFileSync(file, 'utf8')).stats ?? {};
    record('e2e', (s.expected ?? 0) + (s.flaky ?? 0), s.unexpected ?? 0);
  } else {
    record('e2e', 0, code === 0 ? 0 : 1);
  }
}

console.log('\n' + summary.join('\n'));
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
