// The quality gate between staging and publishing: quarantine checks move failing rows out
// before publish, warn checks publish with a warning, and an error outcome keeps the last
// published version, skips the downstream and is kept in run history.
import { describe, expect, it } from 'vitest';
import { getRun } from '../../../src/engine/pipeline/history.js';
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
      expect(orders?.error?.message).toMatch(/^silver\.orders failed its checks: range/);
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
});
