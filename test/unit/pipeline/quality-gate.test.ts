// The quality gate between staging and publishing: quarantine checks move failing rows out
// before publish, warn checks publish with a warning, and an error outcome keeps the last
// published version, skips the downstream and is kept in run history; a released quarantined row
// of an incremental model rebuilds its key, as a full rebuild would, instead of doubling it.
import { describe, expect, it } from 'vitest';
import { getRun } from '../../../src/engine/pipeline/history.js';
import { releaseQuarantined } from '../../../src/engine/quality/index.js';
import { planRun } from '../../../src/engine/pipeline/plan-run.js';
import { runPipeline } from '../../../src/engine/pipeline/runner.js';
import { openWorkspace } from '../../../src/engine/workspace/workspace.js';
import { appendBatch, createWorkspace, rows, tableHash, writeModel } from './helpers.js';

const CHECKS = {
  materialization: 'incremental',
  unique_key: 'order_id',
  checks: [
    { kind: 'not_null', column: 'order_date', severity: 'quarantine' },
    { kind: 'accepted_values', column: 'status', values: ['paid', 'shipped'], severity: 'warn' },
    { kind: 'range', column: 'amount', min: 0, severity: 'error' },
  ],
};

describe('quality gate in the pipeline', () => {
  it('quarantines, warns, and on error keeps the published version and skips downstream', async () => {
    const root = await createWorkspace();
    await writeModel(root, 'silver', 'orders', 'SELECT order_id, TRY_CAST(order_date AS DATE) AS order_date, status, amount FROM bronze.orders', CHECKS);
    await writeModel(root, 'gold', 'revenue', 'SELECT sum(amount) AS revenue, count(*) AS orders FROM silver.orders');
    const ws = await openWorkspace(root);
    try {
      await appendBatch(ws, 'orders', `SELECT * FROM (VALUES (1, '2024-01-01', 'paid', 10), (2, 'yesterday', 'paid', 20), (3, '2024-01-02', 'lost', 30)) t(order_id, order_date, status, amount)`);
      const first = await runPipeline(ws);
      expect(first.status).toBe('success');
      const silver = first.models[0];
      expect(silver?.quality?.outcome).toBe('warn');
      expect(silver?.quality?.quarantined).toBe(1);
      expect(silver?.rowsOut).toBe(2);
      expect(silver?.quality?.checks.map((c) => [c.kind, c.status])).toEqual([
        ['not_null', 'warn'],
        ['accepted_values', 'warn'],
        ['range', 'pass'],
      ]);
      expect(await rows(ws, 'SELECT order_id FROM silver.orders ORDER BY 1')).toEqual([{ order_id: 1 }, { order_id: 3 }]);
      expect(await rows(ws, 'SELECT order_id FROM quarantine.silver_orders')).toEqual([{ order_id: 2 }]);
      const history = await ws.db.withConnection((c) => getRun(c, first.runId));
      expect(history?.models[0]?.quality).toMatchObject({ outcome: 'warn', quarantined: 1 });

      const published = await tableHash(ws, 'silver.orders');
      const gold = await tableHash(ws, 'gold.revenue');
      await appendBatch(ws, 'orders', `SELECT 4 AS order_id, '2024-01-03' AS order_date, 'paid' AS status, -5 AS amount`);
      const second = await runPipeline(ws);
      expect(second.status).toBe('failed');
      const [orders, revenue] = second.models;
      expect(orders?.status).toBe('failed');
      expect(orders?.error?.code).toBe('QUALITY_FAILED');
      expect(orders?.error?.message).toMatch(/^silver\.orders failed its checks and was not published\. range\(amount\): 1 of \d+ rows have amount outside/);
      expect(orders?.quality?.outcome).toBe('error');
      expect(revenue?.status).toBe('skipped');
      expect(await tableHash(ws, 'silver.orders')).toBe(published);
      expect(await tableHash(ws, 'gold.revenue')).toBe(gold);
      const failed = await ws.db.withConnection((c) => getRun(c, second.runId));
      expect(failed?.models.find((m) => m.model === 'silver.orders')).toMatchObject({ status: 'failed', quality: { outcome: 'error' } });
    } finally {
      ws.close();
    }
  });
  it('rebuilds the key of a released row in an incremental model: fills a gap, and never publishes a second row for a key', async () => {
    const root = await createWorkspace();
    const LATEST = 'SELECT order_id, arg_max(customer_id, _batch_id) AS customer_id, arg_max(amount, _batch_id) AS amount FROM bronze.orders GROUP BY order_id';
    await writeModel(root, 'silver', 'orders', LATEST, { materialization: 'incremental', unique_key: 'order_id', checks: [{ kind: 'not_null', column: 'customer_id', severity: 'quarantine' }] });
    const ws = await openWorkspace(root);
    const published = (): Promise<unknown> => rows(ws, 'SELECT order_id, customer_id FROM silver.orders ORDER BY ALL');
    /** Fixes a held order's customer and releases it, then runs with one new order arriving. */
    const releaseThenRun = async (orderId: number, customer: number, newOrder: number): ReturnType<typeof runPipeline> => {
      await ws.db.withConnection(async (c) => {
        await c.run('UPDATE quarantine.silver_orders SET customer_id = ? WHERE order_id = ?', [customer, orderId]);
        await releaseQuarantined(c, 'silver', 'orders', `order_id = ${orderId}`);
      });
      await appendBatch(ws, 'orders', `SELECT ${newOrder} AS order_id, ${newOrder * 10} AS customer_id, 1 AS amount`);
      return runPipeline(ws);
    };
    try {
      await appendBatch(ws, 'orders', `SELECT * FROM (VALUES (1, 10, 5), (2, NULL, 7), (4, NULL, 1)) t(order_id, customer_id, amount)`);
      expect((await runPipeline(ws)).models[0]?.quality?.quarantined).toBe(2);
      // Order 2 arrives again, corrected: published; its old row stays held.
      await appendBatch(ws, 'orders', `SELECT 2 AS order_id, 20 AS customer_id, 8 AS amount`);
      expect((await runPipeline(ws)).status).toBe('success');
      expect(await published()).toEqual([
        { order_id: 1, customer_id: 10 },
        { order_id: 2, customer_id: 20 },
      ]);

      // Order 4, fixed in quarantine and released, fills its gap on the next run.
      const filled = await releaseThenRun(4, 44, 3);
      expect(filled.status).toBe('success');
      expect(filled.models[0]?.mode).toBe('incremental');
      expect(await published()).toEqual([
        { order_id: 1, customer_id: 10 },
        { order_id: 2, customer_id: 20 },
        { order_id: 3, customer_id: 30 },
        { order_id: 4, customer_id: 44 },
      ]);

      // Order 2's old row, released too, meets the published order 2 (as in a full rebuild): the
      // run says the key repeats rather than publishing a second order 2.
      const clash = await releaseThenRun(2, 99, 5);
      expect(clash.status).toBe('failed');
      expect(clash.models[0]?.error?.message).toContain('unique_key order_id is not unique in the new data');
      expect(clash.models[0]?.error?.message).toContain('order_id=2 ×2');
      expect(await rows(ws, 'SELECT count(*) AS n FROM silver.orders WHERE order_id = 2')).toEqual([{ n: 1 }]);
    } finally {
      ws.close();
    }
  });

  it('a release alone is reason enough for the next run: the model is rebuilt and the released row judged again', async () => {
    const root = await createWorkspace();
    const SQL = 'SELECT order_id, customer_id FROM bronze.orders';
    await writeModel(root, 'silver', 'orders', SQL, { materialization: 'incremental', unique_key: 'order_id', checks: [{ kind: 'not_null', column: 'customer_id', severity: 'quarantine' }] });
    await writeModel(root, 'gold', 'customers_seen', 'SELECT count(DISTINCT customer_id) AS n FROM silver.orders');
    const ws = await openWorkspace(root);
    try {
      await appendBatch(ws, 'orders', 'SELECT * FROM (VALUES (1, 10), (2, NULL), (3, NULL)) t(order_id, customer_id)');
      expect((await runPipeline(ws)).models[0]?.quality?.quarantined).toBe(2);
      expect((await planRun(ws)).nothingToDo).toBe(true);

      await ws.db.withConnection(async (c) => {
        await c.run('UPDATE quarantine.silver_orders SET customer_id = 30 WHERE order_id = 3');
        await releaseQuarantined(c, 'silver', 'orders', 'order_id IN (2, 3)');
      });
      const plan = await planRun(ws);
      expect(plan.models.map((m) => [m.model, m.action, m.reasons.map((r) => r.code)])).toEqual([
        ['silver.orders', 'full', ['released_rows']],
        ['gold.customers_seen', 'full', ['upstream_rebuilds']],
      ]);
      expect(plan.models[0]?.reasons[0]?.message).toBe('2 rows released from quarantine.silver_orders to process again');

      const run = await runPipeline(ws);
      expect(run.status).toBe('success');
      expect(await rows(ws, 'SELECT order_id, customer_id FROM silver.orders ORDER BY ALL')).toEqual([
        { order_id: 1, customer_id: 10 },
        { order_id: 3, customer_id: 30 },
      ]);
      // The released rows were taken back in. Bronze still holds orders 2 and 3 without a
      // customer: order 2 was released unchanged, so the rebuild holds it again; order 3's fix
      // replaced its original, so only the fixed copy is published and nothing of it is held.
      expect(await rows(ws, 'SELECT order_id, _reprocessed_run_id = ? AS now FROM quarantine.silver_orders WHERE _released_at IS NOT NULL ORDER BY ALL', [run.runId])).toEqual([
        { order_id: 2, now: true },
        { order_id: 3, now: true },
      ]);
      expect(await rows(ws, 'SELECT order_id, _run_id = ? AS now FROM quarantine.silver_orders WHERE _released_at IS NULL ORDER BY ALL', [run.runId])).toEqual([{ order_id: 2, now: true }]);
      // Nothing waits now, so the next plan is empty.
      expect((await planRun(ws)).nothingToDo).toBe(true);

      // A full refresh reads bronze again: the fix still replaces order 3's original.
      expect((await runPipeline(ws, { fullRefresh: true })).status).toBe('success');
      expect(await rows(ws, 'SELECT order_id, customer_id FROM silver.orders ORDER BY ALL')).toEqual([
        { order_id: 1, customer_id: 10 },
        { order_id: 3, customer_id: 30 },
      ]);
      expect(await rows(ws, 'SELECT order_id FROM quarantine.silver_orders WHERE _released_at IS NULL ORDER BY ALL')).toEqual([{ order_id: 2 }]);
    } finally {
      ws.close();
    }
  });

  it('keeps a release waiting when the run does not publish its model, and publishes it on the next run', async () => {
    const root = await createWorkspace({ atomic_publish: true });
    await writeModel(root, 'silver', 'raw', 'SELECT order_id, customer_id FROM bronze.orders');
    await writeModel(root, 'gold', 'orders', 'SELECT order_id, customer_id FROM silver.raw', { checks: [{ kind: 'not_null', column: 'customer_id', severity: 'quarantine' }] });
    await writeModel(root, 'gold', 'counted', 'SELECT count(*) AS n FROM silver.raw');
    const ws = await openWorkspace(root);
    try {
      await appendBatch(ws, 'orders', 'SELECT * FROM (VALUES (1, 10), (2, NULL)) t(order_id, customer_id)');
      expect((await runPipeline(ws)).status).toBe('success');
      await ws.db.withConnection(async (c) => {
        await c.run('UPDATE quarantine.gold_orders SET customer_id = 20 WHERE order_id = 2');
        await releaseQuarantined(c, 'gold', 'orders');
      });
      // In the same run a sibling gold model fails an error check: the atomic publish holds gold.orders back.
      await writeModel(root, 'gold', 'counted', 'SELECT count(*) AS n FROM silver.raw', { checks: [{ kind: 'expression', name: 'at_least_five', expression: 'n >= 5', severity: 'error' }] });
      const held = await runPipeline(ws);
      expect(held.models.find((m) => m.model === 'gold.orders')?.status).toBe('skipped');
      expect(await rows(ws, 'SELECT count(*) AS n FROM quarantine.gold_orders WHERE _released_at IS NOT NULL AND _reprocessed_run_id IS NULL')).toEqual([{ n: 1 }]);
      expect(await rows(ws, 'SELECT order_id FROM gold.orders')).toEqual([{ order_id: 1 }]);

      await writeModel(root, 'gold', 'counted', 'SELECT count(*) AS n FROM silver.raw', { checks: [] });
      const next = await runPipeline(ws);
      expect(next.status).toBe('success');
      expect(await rows(ws, 'SELECT order_id, customer_id FROM gold.orders ORDER BY 1')).toEqual([
        { order_id: 1, customer_id: 10 },
        { order_id: 2, customer_id: 20 },
      ]);
      expect(await rows(ws, 'SELECT _reprocessed_run_id AS run FROM quarantine.gold_orders WHERE _released_at IS NOT NULL')).toEqual([{ run: next.runId }]);
      expect(await rows(ws, 'SELECT reprocessed FROM _ingot.quarantine_log WHERE run_id = ? AND model = ?', [next.runId, 'orders'])).toEqual([{ reprocessed: 1 }]);
    } finally {
      ws.close();
    }
  });
});
