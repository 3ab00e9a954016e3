// Idempotency: the same inputs give identical gold tables (order-independent hash), loading the
// same file again adds no duplicates, and re-running after a crash-free run changes nothing.
import { describe, expect, it } from 'vitest';
import { runPipeline } from '../../../src/engine/pipeline/runner.js';
import { openWorkspace } from '../../../src/engine/workspace/workspace.js';
import { appendBatch, createWorkspace, rows, tableHash, writeModel } from './helpers.js';

const FILE = `SELECT * FROM (VALUES
  (1, 'a', DATE '2024-02-01', 10.5, TIMESTAMP '2024-02-01 08:00'),
  (2, 'b', DATE '2024-02-01', 20.0, TIMESTAMP '2024-02-01 09:00'),
  (2, 'b', DATE '2024-02-01', 22.0, TIMESTAMP '2024-02-01 10:00'),
  (3, 'a', DATE '2024-02-02', 7.25, TIMESTAMP '2024-02-02 08:00')
) t(order_id, customer, order_date, amount, updated_at)`;

const GOLD = ['gold.daily', 'gold.by_customer', 'gold.order_facts'];

describe('idempotency', () => {
  it('gives identical gold for the same inputs and no duplicates when a file is loaded twice', async () => {
    const root = await createWorkspace();
    await writeModel(
      root,
      'silver',
      'orders',
      `SELECT order_id, arg_max(customer, (updated_at, _batch_id)) AS customer, arg_max(order_date, (updated_at, _batch_id)) AS order_date,
              arg_max(amount, (updated_at, _batch_id)) AS amount
       FROM bronze.orders GROUP BY order_id`,
      { materialization: 'incremental', unique_key: 'order_id' },
    );
    await writeModel(root, 'gold', 'order_facts', 'SELECT * FROM silver.orders', { materialization: 'incremental', unique_key: 'order_id' });
    await writeModel(root, 'gold', 'daily', 'SELECT order_date, sum(amount) AS revenue FROM silver.orders GROUP BY 1', { materialization: 'incremental', partition_by: 'order_date' });
    await writeModel(root, 'gold', 'by_customer', 'SELECT customer, count(*) AS orders, sum(amount) AS spent FROM silver.orders GROUP BY 1');
    const ws = await openWorkspace(root);
    try {
      await appendBatch(ws, 'orders', FILE);
      await runPipeline(ws);
      const once = await Promise.all(GOLD.map((t) => tableHash(ws, t)));
      await runPipeline(ws, { fullRefresh: true });
      expect(await Promise.all(GOLD.map((t) => tableHash(ws, t)))).toEqual(once);
      await runPipeline(ws, { fullRefresh: true });
      expect(await Promise.all(GOLD.map((t) => tableHash(ws, t)))).toEqual(once);

      // The same file again, as a new batch: incremental runs, and nothing doubles.
      await appendBatch(ws, 'orders', FILE);
      const again = await runPipeline(ws);
      expect(again.models.find((m) => m.model === 'silver.orders')?.mode).toBe('incremental');
      expect(await Promise.all(GOLD.map((t) => tableHash(ws, t)))).toEqual(once);
      expect(await rows(ws, 'SELECT count(*) AS n FROM gold.order_facts')).toEqual([{ n: 3 }]);
      expect((await runPipeline(ws)).status).toBe('noop');
      expect(await Promise.all(GOLD.map((t) => tableHash(ws, t)))).toEqual(once);
    } finally {
      ws.close();
    }
  });
});
