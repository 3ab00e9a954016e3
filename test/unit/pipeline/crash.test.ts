// Crash safety: a child process runs the pipeline and is killed with SIGKILL at random moments,
// and exactly inside the table swap, the incremental delete+insert and the gold publish
// transaction. After each kill the workspace must open, every table must hold either its
// before-run or its after-run content (gold all together, by atomic publish), the run must be
// marked interrupted, and a new run must bring everything to the after-run state.
import { spawn } from 'node:child_process';
import { cp } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getRun, listRuns, recoverInterruptedRuns } from '../../../src/engine/pipeline/history.js';
import { runPipeline } from '../../../src/engine/pipeline/runner.js';
import { openWorkspace, type Workspace } from '../../../src/engine/workspace/workspace.js';
import { tempDir } from '../../helpers/temp-dir.js';
import { appendBatch, createWorkspace, tableHash, writeModel } from './helpers.js';

const CHILD = join(import.meta.dirname, 'crash-child.ts');
const GOLD = ['gold.daily', 'gold.facts', 'gold.by_customer'];
const SILVER = ['silver.orders', 'silver.customers'];

interface Trial {
  pauseAt?: 'swap' | 'incremental' | 'publish';
  killAfterMs?: number;
}

async function buildBase(): Promise<string> {
  const root = await createWorkspace({ atomic_publish: true, concurrency: 2 });
  await writeModel(root, 'silver', 'orders', `SELECT order_id, arg_max(customer_id, (updated, _batch_id)) AS customer_id,
      arg_max(order_date, (updated, _batch_id)) AS order_date, arg_max(amount, (updated, _batch_id)) AS amount
    FROM bronze.orders GROUP BY order_id`, { materialization: 'incremental', unique_key: 'order_id' });
  await writeModel(root, 'silver', 'customers', 'SELECT DISTINCT customer_id, customer_id % 7 AS region FROM bronze.orders', { materialization: 'table' });
  await writeModel(root, 'gold', 'facts', 'SELECT o.*, c.region FROM silver.orders o JOIN silver.customers c USING (customer_id)', { materialization: 'incremental', unique_key: 'order_id' });
  await writeModel(root, 'gold', 'daily', 'SELECT order_date, sum(amount) AS revenue, count(*) AS orders FROM gold.facts GROUP BY order_date', { materialization: 'incremental', partition_by: 'order_date' });
  await writeModel(root, 'gold', 'by_customer', 'SELECT customer_id, region, count(*) AS orders, sum(amount) AS spent FROM gold.facts GROUP BY ALL');
  const ws = await openWorkspace(root);
  try {
    await appendBatch(ws, 'orders', `SELECT i AS order_id, i % 500 AS customer_id, DATE '2024-01-01' + (i % 90)::INTEGER AS order_date, (i % 97) * 1.5 AS amount, i AS updated FROM range(20000) t(i)`);
    expect((await runPipeline(ws)).status).toBe('success');
    // The next delivery: new orders, late orders for old days, and corrections of old orders.
    await appendBatch(ws, 'orders', `SELECT CASE WHEN i < 2000 THEN i * 7 ELSE 20000 + i END AS order_id, i % 530 AS customer_id,
      DATE '2024-01-01' + (i % 95)::INTEGER AS order_date, (i % 13) * 2.0 AS amount, 100000 + i AS updated FROM range(4000) t(i)`);
  } finally {
    ws.close();
  }
  return root;
}

async function hashes(ws: Workspace, tables: readonly string[]): Promise<string[]> {
  return Promise.all(tables.map((t) => tableHash(ws, t)));
}

/** Runs the child, kills it as the trial says; resolves to whether it finished on its own. */
function runChild(root: string, trial: Trial): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const env: NodeJS.ProcessEnv = { ...process.env, INGOT_TEST_PAUSE_MS: '20000' };
    if (trial.pauseAt) env.INGOT_TEST_PAUSE_AT = trial.pauseAt;
    else delete env.INGOT_TEST_PAUSE_AT;
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, root], { cwd: process.cwd(), env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let finished = false;
    const kill = (): void => {
      if (!child.killed) child.kill('SIGKILL');
    };
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('DONE')) finished = true;
      if (trial.killAfterMs !== undefined && out.includes('RUN-STARTED') && !out.includes('KILL-ARMED')) {
        out += 'KILL-ARMED';
        setTimeout(kill, trial.killAfterMs);
      }
    });
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString();
      if (trial.pauseAt && err.includes(`INGOT_TEST_PAUSED ${trial.pauseAt}`)) kill();
    });
    const guard = setTimeout(() => {
      kill();
      reject(new Error(`child did not reach the kill point: ${out} ${err}`));
    }, 30_000);
    child.on('exit', (code, signal) => {
      clearTimeout(guard);
      if (signal === 'SIGKILL' || finished) resolve(finished && signal !== 'SIGKILL');
      else reject(new Error(`child exited with ${code}: ${err}`));
    });
  });
}

describe('crash safety', () => {
  it('survives SIGKILL anywhere in a run: tables are before or after, the run is interrupted', { timeout: 180_000 }, async () => {
    const base = await buildBase();
    const reference = join(await tempDir(), 'reference');
    await cp(base, reference, { recursive: true });
    const ref = await openWorkspace(reference);
    const before = { gold: await hashes(ref, GOLD), silver: await hashes(ref, SILVER) };
    const started = performance.now();
    expect((await runPipeline(ref)).status).toBe('success');
    const runMs = performance.now() - started;
    const after = { gold: await hashes(ref, GOLD), silver: await hashes(ref, SILVER) };
    ref.close();
    expect(after.gold).not.toEqual(before.gold);

    const trials: Trial[] = [
      ...Array.from({ length: 5 }, () => ({ pauseAt: 'publish' as const })),
      ...Array.from({ length: 4 }, () => ({ pauseAt: 'swap' as const })),
      ...Array.from({ length: 4 }, () => ({ pauseAt: 'incremental' as const })),
      ...Array.from({ length: 9 }, (_, i) => ({ killAfterMs: Math.round(((i + Math.random()) / 9) * runMs) })),
    ];
    const outcomes = { interrupted: 0, completed: 0, goldBefore: 0, goldAfter: 0 };
    const runTrial = async (trial: Trial, index: number): Promise<void> => {
      const root = join(await tempDir(), `trial-${index}`);
      await cp(base, root, { recursive: true });
      const completed = await runChild(root, trial);
      const ws = await openWorkspace(root);
      try {
        const gold = await hashes(ws, GOLD);
        const silver = await hashes(ws, SILVER);
        const where = `trial ${index} (${JSON.stringify(trial)})`;
        const goldState = gold.every((h, i) => h === before.gold[i]) ? 'before' : gold.every((h, i) => h === after.gold[i]) ? 'after' : 'mixed';
        expect(goldState, where).not.toBe('mixed');
        silver.forEach((h, i) => expect([before.silver[i], after.silver[i]], `${where}: ${SILVER[i]}`).toContain(h));
        if (goldState === 'before') outcomes.goldBefore++;
        else outcomes.goldAfter++;
        const [latest] = await ws.db.withConnection(async (c) => {
          await recoverInterruptedRuns(c);
          return listRuns(c, 1);
        });
        if (completed || latest?.status === 'success') {
          // The kill came after the run had finished its work.
          outcomes.completed++;
          expect(latest?.status, where).toBe('success');
          expect(goldState, where).toBe('after');
        } else {
          outcomes.interrupted++;
          expect(latest?.status, where).toBe('interrupted');
          if (index % 4 === 0) {
            // A new run finishes the work from wherever the crash left it.
            expect((await runPipeline(ws)).status, where).not.toBe('failed');
            expect(await hashes(ws, GOLD), where).toEqual(after.gold);
            expect((await ws.db.withConnection((c) => getRun(c, latest?.runId ?? -1)))?.status, where).toBe('interrupted');
          }
        }
      } finally {
        ws.close();
      }
    };
    for (let i = 0; i < trials.length; i += 3) {
      await Promise.all(trials.slice(i, i + 3).map((t, j) => runTrial(t, i + j)));
    }
    // A random kill can land after the run finished; top up with pinned kills to reach 20.
    for (let extra = 0; outcomes.interrupted < 20 && extra < 5; extra++) await runTrial({ pauseAt: 'publish' }, trials.length + extra);
    expect(outcomes.interrupted).toBeGreaterThanOrEqual(20);
    expect(outcomes.goldBefore).toBeGreaterThan(0);
  });
});
