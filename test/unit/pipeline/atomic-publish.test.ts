// Atomic publish: the gold tables of a run become visible together; when a gold model fails,
// none of the run's gold is published (unless atomic_publish is off), its downstream is skipped,
// silver that succeeded is kept, and previously published tables stay exactly as they were.
import { describe, expect, it } from 'vitest';
import { runPipeline } from '../../../src/engine/pipeline/runner.js';
import { openWorkspace } from '../../../src/engine/workspace/workspace.js';
import { appendBatch, createWorkspace, rows, tableHash, writeModel, type PipelineSettings } from './helpers.js';

async function setup(settings: PipelineSettings) {
  const root = await createWorkspace(settings);
  await writeModel(root, 'silver', 'orders', 'SELECT order_id, amount_text FROM bronze.orders', { materialization: 'table' });
  await writeModel(root, 'gold', 'totals', 'SELECT count(*) AS orders FROM silver.orders');
  await writeModel(root, 'gold', 'amounts', 'SELECT order_id, CAST(amount_text AS INTEGER) AS amount FROM silver.orders');
  await writeModel(root, 'gold', 'big', 'SELECT * FROM gold.amounts WHERE amount > 10');
  const ws = await openWorkspace(root);
  await appendBatch(ws, 'orders', `SELECT * FROM (VALUES (1, '5'), (2, '50')) t(order_id, amount_text)`);
  const first = await runPipeline(ws);
  expect(first.status).toBe('success');
  await appendBatch(ws, 'orders', `SELECT * FROM (VALUES (3, 'twelve')) t(order_id, amount_text)`);
  return ws;
}

describe('atomic publish', () => {
  it('publishes none of the run\'s gold when one gold model fails; silver is kept', async () => {
    const ws = await setup({ atomic_publish: true });
    try {
      const before = await Promise.all(['gold.totals', 'gold.amounts', 'gold.big'].map((t) => tableHash(ws, t)));
      const result = await runPipeline(ws);
      const byModel = Object.fromEntries(result.models.map((m) => [m.model, m]));
      expect(result.status).toBe('partial');
      expect(byModel['silver.orders']?.status).toBe('success');
      expect(byModel['silver.orders']?.published).toBe(true);
      expect(byModel['gold.amounts']?.status).toBe('failed');
      expect(byModel['gold.amounts']?.error?.message).toMatch(/Conversion Error.*twelve/);
      expect(byModel['gold.big']?.status).toBe('skipped');
      expect(byModel['gold.big']?.error?.message).toMatch(/gold\.amounts did not build/);
      expect(byModel['gold.totals']?.status).toBe('skipped');
      expect(byModel['gold.totals']?.published).toBe(false);
      expect(byModel['gold.totals']?.error?.message).toMatch(/^Built, but not published: gold\.amounts failed, and atomic publish/);
      expect(byModel['gold.totals']?.error?.detail).toMatchObject({ reason: 'withheld-by-atomic-publish', because: ['gold.amounts'] });
      expect(byModel['gold.big']?.error?.detail).toMatchObject({ reason: 'upstream-not-built', upstream: ['gold.amounts'] });
      expect(result.message).toMatch(/1 failed \(gold\.amounts\); 1 skipped because a model it reads did not build \(gold\.big\); 1 built but not published, held back by atomic publish \(gold\.totals\)\.$/);
      expect(await rows(ws, 'SELECT count(*) AS n FROM silver.orders')).toEqual([{ n: 3 }]);
      expect(await Promise.all(['gold.totals', 'gold.amounts', 'gold.big'].map((t) => tableHash(ws, t)))).toEqual(before);
      expect(await rows(ws, "SELECT count(*) AS n FROM duckdb_tables() WHERE table_name LIKE '\\_\\_%' ESCAPE '\\'")).toEqual([{ n: 0 }]);
      // The next run retries what was withheld.
      const plan = await runPipeline(ws, { selection: 'totals' });
      expect(plan.models[0]?.reasons).toEqual([`silver.orders was rebuilt in run #${result.runId}`]);
      expect(await rows(ws, 'SELECT orders FROM gold.totals')).toEqual([{ orders: 3 }]);
    } finally {
      ws.close();
    }
  });

  it('says what happened to each model when a gold model fails its checks: it failed, its sibling was withheld', async () => {
    const root = await createWorkspace({ atomic_publish: true });
    await writeModel(root, 'gold', 'g_orders', 'SELECT order_id FROM bronze.orders');
    await writeModel(root, 'gold', 'g_count', 'SELECT count(*) AS n FROM bronze.orders', { checks: [{ kind: 'row_count', max: 0, severity: 'error' }] });
    const ws = await openWorkspace(root);
    try {
      await appendBatch(ws, 'orders', 'SELECT 1 AS order_id');
      const result = await runPipeline(ws);
      const byModel = Object.fromEntries(result.models.map((m) => [m.model, m]));
      expect(byModel['gold.g_count']?.status).toBe('failed');
      expect(byModel['gold.g_count']?.error?.message).toBe('gold.g_count failed its checks and was not published. row_count: 1 row, expected at most 0.');
      expect(byModel['gold.g_orders']?.status).toBe('skipped');
      expect(byModel['gold.g_orders']?.error?.message).toMatch(/^Built, but not published: gold\.g_count failed its checks, and atomic publish keeps a run's gold tables together/);
      expect(result.message).toMatch(/1 failed \(gold\.g_count\); 1 built but not published, held back by atomic publish \(gold\.g_orders\)\.$/);
      expect(result.error?.message).not.toContain('skipped');
    } finally {
      ws.close();
    }
  });

  it('publishes the gold models that succeeded when atomic_publish is off', async () => {
    const ws = await setup({ atomic_publish: false });
    try {
      const amounts = await tableHash(ws, 'gold.amounts');
      const result = await runPipeline(ws);
      const byModel = Object.fromEntries(result.models.map((m) => [m.model, m]));
      expect(result.status).toBe('partial');
      expect(byModel['gold.totals']?.status).toBe('success');
      expect(byModel['gold.totals']?.published).toBe(true);
      expect(await rows(ws, 'SELECT orders FROM gold.totals')).toEqual([{ orders: 3 }]);
      expect(await tableHash(ws, 'gold.amounts')).toBe(amounts);
    } finally {
      ws.close();
    }
  });

  it('lets gold models read gold built earlier in the same run before it is published', async () => {
    const root = await createWorkspace({ atomic_publish: true });
    await writeModel(root, 'silver', 'o', 'SELECT id, max(v) AS v FROM bronze.o GROUP BY id', { materialization: 'incremental', unique_key: 'id' });
    await writeModel(root, 'gold', 'f', 'SELECT id, v FROM silver.o', { materialization: 'incremental', unique_key: 'id' });
    await writeModel(root, 'gold', 'v', 'SELECT * FROM gold.f WHERE v > 1', { materialization: 'view' });
    await writeModel(root, 'gold', 't', 'SELECT count(*) AS n, sum(v) AS s FROM gold.v');
    const ws = await openWorkspace(root);
    try {
      await appendBatch(ws, 'o', 'SELECT * FROM (VALUES (1, 1), (2, 2)) t(id, v)');
      expect((await runPipeline(ws)).status).toBe('success');
      expect(await rows(ws, 'SELECT n, s FROM gold.t')).toEqual([{ n: 1, s: 2 }]);
      await appendBatch(ws, 'o', 'SELECT * FROM (VALUES (3, 3), (1, 5)) t(id, v)');
      const second = await runPipeline(ws);
      expect(second.models.map((m) => [m.model, m.status, m.mode])).toEqual([
        ['silver.o', 'success', 'incremental'],
        ['gold.f', 'success', 'incremental'],
        ['gold.v', 'success', 'full'],
        ['gold.t', 'success', 'full'],
      ]);
      expect(await rows(ws, 'SELECT n, s FROM gold.t')).toEqual([{ n: 3, s: 10 }]);
    } finally {
      ws.close();
    }
  });
});
