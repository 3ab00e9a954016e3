// The runner end to end on a real workspace: builds silver and gold in order, a second run is a
// no-op, new bronze batches rebuild incrementally, and plan explains why without running.
import { describe, expect, it } from 'vitest';
import { computePlan } from '../../../src/engine/pipeline/plan.js';
import { buildGraph } from '../../../src/engine/pipeline/graph.js';
import { loadProject } from '../../../src/engine/pipeline/project.js';
import { runPipeline } from '../../../src/engine/pipeline/runner.js';
import type { PipelineEvent } from '../../../src/engine/pipeline/events.js';
import { openWorkspace } from '../../../src/engine/workspace/workspace.js';
import { appendBatch, createWorkspace, rows, tableHash, writeModel } from './helpers.js';

const ORDERS_1 = `SELECT * FROM (VALUES
  (1, 'c1', '2024-01-01', 10.0, TIMESTAMP '2024-01-01 10:00'),
  (2, 'c2', '2024-01-01', 20.0, TIMESTAMP '2024-01-01 11:00'),
  (3, 'c1', '2024-01-02', 30.0, TIMESTAMP '2024-01-02 09:00'),
  (3, 'c1', '2024-01-02', 35.0, TIMESTAMP '2024-01-02 12:00')
) AS t(order_id, customer_id, order_date, amount, updated_at)`;

async function shopWorkspace(): Promise<string> {
  const root = await createWorkspace();
  await writeModel(
    root,
    'silver',
    'orders',
    `-- latest version of each order
SELECT order_id, arg_max(customer_id, updated_at) AS customer_id,
       CAST(arg_max(order_date, updated_at) AS DATE) AS order_date,
       arg_max(amount, updated_at) AS amount, max(updated_at) AS updated_at
FROM bronze.orders
GROUP BY order_id`,
    { materialization: 'incremental', unique_key: 'order_id' },
  );
  await writeModel(
    root,
    'gold',
    'daily_revenue',
    'SELECT order_date, sum(amount) AS revenue, count(*) AS orders FROM silver.orders GROUP BY order_date',
    { materialization: 'incremental', partition_by: 'order_date' },
  );
  await writeModel(root, 'gold', 'customers', 'SELECT customer_id, count(*) AS orders, sum(amount) AS spent FROM silver.orders GROUP BY ALL');
  await writeModel(root, 'gold', 'big_orders', 'SELECT * FROM silver.orders WHERE amount >= 20', { materialization: 'view' });
  return root;
}

describe('pipeline runner', () => {
  it('builds silver and gold, then does nothing when nothing changed', async () => {
    const root = await shopWorkspace();
    const ws = await openWorkspace(root);
    try {
      await appendBatch(ws, 'orders', ORDERS_1);
      const events: PipelineEvent[] = [];
      const first = await runPipeline(ws, { onEvent: (e) => events.push(e) });
      expect(first.status).toBe('success');
      expect(first.models.map((m) => [m.model, m.status])).toEqual([
        ['silver.orders', 'success'],
        ['gold.big_orders', 'success'],
        ['gold.customers', 'success'],
        ['gold.daily_revenue', 'success'],
      ]);
      expect(await rows(ws, 'SELECT order_date::VARCHAR AS d, revenue, orders FROM gold.daily_revenue ORDER BY 1')).toEqual([
        { d: '2024-01-01', revenue: 30, orders: 2 },
        { d: '2024-01-02', revenue: 35, orders: 1 },
      ]);
      expect(await rows(ws, 'SELECT count(*) AS n FROM gold.big_orders')).toEqual([{ n: 2 }]);
      expect(events[0]?.type).toBe('run-started');
      expect(events.at(-1)?.type).toBe('run-finished');
      expect(events.filter((e) => e.type === 'model-finished')).toHaveLength(4);

      const second = await runPipeline(ws);
      expect(second.status).toBe('noop');
      expect(second.noop).toBe(true);
      expect(second.message).toMatch(/Nothing changed/);
      expect(second.models.every((m) => m.status === 'unchanged')).toBe(true);

      // A selection that names nothing is refused before any run is recorded.
      const runsBefore = await rows(ws, 'SELECT count(*) AS n FROM _ingot.runs');
      for (const selection of ['nope', 'tag:none', 'layer:platinum']) {
        await expect(runPipeline(ws, { selection }), selection).rejects.toMatchObject({ code: 'INVALID_INPUT' });
      }
      expect(await rows(ws, 'SELECT count(*) AS n FROM _ingot.runs')).toEqual(runsBefore);
    } finally {
      ws.close();
    }
  });

  it('plans and runs new bronze batches incrementally, late rows landing in their partition', async () => {
    const root = await shopWorkspace();
    const ws = await openWorkspace(root);
    try {
      await appendBatch(ws, 'orders', ORDERS_1);
      await runPipeline(ws);
      // A late order for 2024-01-01 and an update of order 2 that moves it to 2024-01-03.
      await appendBatch(ws, 'orders', `SELECT * FROM (VALUES
        (4, 'c3', '2024-01-01', 5.0, TIMESTAMP '2024-01-05 10:00'),
        (2, 'c2', '2024-01-03', 25.0, TIMESTAMP '2024-01-05 11:00')
      ) AS t(order_id, customer_id, order_date, amount, updated_at)`);
      const plan = await ws.db.withConnection(async (c) => computePlan(c, await buildGraph(c, await loadProject(ws.paths), { layerRule: 'warn', bronzeTables: ['orders'] })));
      const silver = plan.models.find((m) => m.model === 'silver.orders');
      expect(silver?.action).toBe('incremental');
      expect(silver?.reasons.map((r) => r.message)).toEqual(['1 new batch in bronze.orders (2 rows)']);
      expect(plan.models.find((m) => m.model === 'gold.daily_revenue')?.action).toBe('incremental');
      expect(plan.models.find((m) => m.model === 'gold.customers')?.reasons[0]?.code).toBe('upstream_rebuilds');

      const result = await runPipeline(ws);
      expect(result.status).toBe('success');
      const daily = result.models.find((m) => m.model === 'gold.daily_revenue');
      expect(daily?.mode).toBe('incremental');
      expect(await rows(ws, 'SELECT order_date::VARCHAR AS d, revenue, orders FROM gold.daily_revenue ORDER BY 1')).toEqual([
        { d: '2024-01-01', revenue: 15, orders: 2 },
        { d: '2024-01-02', revenue: 35, orders: 1 },
        { d: '2024-01-03', revenue: 25, orders: 1 },
      ]);
      // Same content as a full rebuild from scratch.
      const incremental = await tableHash(ws, 'gold.daily_revenue');
      const silverIncremental = await tableHash(ws, 'silver.orders');
      const full = await runPipeline(ws, { fullRefresh: true });
      expect(full.models.every((m) => m.mode === 'full')).toBe(true);
      expect(await tableHash(ws, 'gold.daily_revenue')).toBe(incremental);
      expect(await tableHash(ws, 'silver.orders')).toBe(silverIncremental);
    } finally {
      ws.close();
    }
  });
});
