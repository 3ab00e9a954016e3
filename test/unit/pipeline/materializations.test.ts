// Materializations on real DuckDB files: a table swap that readers never see half-done, views,
// switching materialization, backfill of a partition range, full refresh, column changes, and
// the change log that carries an incremental model's changes to its readers across runs.
import { afterEach, describe, expect, it } from 'vitest';
import { planRun } from '../../../src/engine/pipeline/plan-run.js';
import { runPipeline } from '../../../src/engine/pipeline/runner.js';
import { IngotError } from '../../../src/shared/errors.js';
import { openWorkspace, type Workspace } from '../../../src/engine/workspace/workspace.js';
import { appendBatch, createWorkspace, rows, tableHash, writeModel } from './helpers.js';

const DAYS = `SELECT * FROM (VALUES
  (1, DATE '2024-01-01', 10), (2, DATE '2024-01-01', 20), (3, DATE '2024-01-02', 30),
  (4, DATE '2024-01-03', 40), (5, DATE '2024-01-04', 50)
) t(order_id, order_date, amount)`;

async function ingotError(promise: Promise<unknown>): Promise<IngotError> {
  const err = await promise.then(() => undefined, (e: unknown) => e);
  if (!(err instanceof IngotError)) throw new Error(`expected an IngotError, got ${String(err)}`);
  return err;
}

afterEach(() => {
  delete process.env.INGOT_TEST_PAUSE_AT;
  delete process.env.INGOT_TEST_PAUSE_MS;
});

async function open(models: (root: string) => Promise<void>): Promise<Workspace> {
  const root = await createWorkspace();
  await models(root);
  const ws = await openWorkspace(root);
  await appendBatch(ws, 'orders', DAYS);
  return ws;
}

describe('materializations', () => {
  it('swaps a rebuilt table in one transaction: a reader sees the old table until the commit', async () => {
    const ws = await open((root) => writeModel(root, 'silver', 'orders', 'SELECT order_id, amount FROM bronze.orders'));
    try {
      await runPipeline(ws);
      await appendBatch(ws, 'orders', `SELECT 6 AS order_id, DATE '2024-01-05' AS order_date, 60 AS amount`);
      process.env.INGOT_TEST_PAUSE_AT = 'swap';
      process.env.INGOT_TEST_PAUSE_MS = '400';
      const running = runPipeline(ws);
      await new Promise((r) => setTimeout(r, 250));
      const during: unknown[] = [];
      const reader = await ws.db.connect();
      for (let i = 0; i < 5; i++) {
        during.push((await reader.one<{ n: number }>('SELECT count(*) AS n FROM silver.orders'))?.n);
        await new Promise((r) => setTimeout(r, 60));
      }
      expect((await running).status).toBe('success');
      expect(during.every((n) => n === 5 || n === 6)).toBe(true);
      expect(during).toContain(5);
      expect(await reader.one('SELECT count(*) AS n FROM silver.orders')).toEqual({ n: 6 });
      reader.close();
    } finally {
      ws.close();
    }
  });

  it('creates views and switches a model between view and table', async () => {
    const root = await createWorkspace();
    await writeModel(root, 'silver', 'orders', 'SELECT order_id, amount FROM bronze.orders', { materialization: 'view' });
    const ws = await openWorkspace(root);
    try {
      await appendBatch(ws, 'orders', DAYS);
      await runPipeline(ws);
      const kind = async (): Promise<unknown> => (await rows(ws, "SELECT table_type FROM information_schema.tables WHERE table_schema = 'silver' AND table_name = 'orders'"))[0]?.table_type;
      expect(await kind()).toBe('VIEW');
      await appendBatch(ws, 'orders', `SELECT 6 AS order_id, DATE '2024-01-05' AS order_date, 60 AS amount`);
      expect(await rows(ws, 'SELECT count(*) AS n FROM silver.orders')).toEqual([{ n: 6 }]);
      await writeModel(root, 'silver', 'orders', 'SELECT order_id, amount FROM bronze.orders', { materialization: 'table' });
      const toTable = await runPipeline(ws);
      expect(toTable.models[0]?.reasons[0]).toMatch(/materialization view → table/);
      expect(await kind()).toBe('BASE TABLE');
      await writeModel(root, 'silver', 'orders', 'SELECT order_id, amount FROM bronze.orders', { materialization: 'view' });
      await runPipeline(ws);
      expect(await kind()).toBe('VIEW');
    } finally {
      ws.close();
    }
  });

  it('backfills exactly a partition range after a fix, and rebuilds the other partitions on the next run', async () => {
    const root = await createWorkspace();
    await writeModel(root, 'gold', 'daily', 'SELECT order_date, sum(amount) AS revenue FROM silver.orders GROUP BY order_date', { materialization: 'incremental', partition_by: 'order_date' });
    await writeModel(root, 'silver', 'orders', 'SELECT * FROM bronze.orders', { materialization: 'table' });
    const ws = await openWorkspace(root);
    try {
      await appendBatch(ws, 'orders', DAYS);
      await runPipeline(ws);
      // The "fix": revenue now includes a 10% fee. Only January 2 and 3 are rebuilt.
      await writeModel(root, 'gold', 'daily', 'SELECT order_date, sum(amount) * 11 // 10 AS revenue FROM silver.orders GROUP BY order_date', { materialization: 'incremental', partition_by: 'order_date' });
      const backfill = await runPipeline(ws, { selection: 'daily', partitions: '2024-01-02..2024-01-03' });
      expect(backfill.models[0]?.error).toBeNull();
      expect(backfill.status).toBe('success');
      expect(backfill.models[0]?.mode).toBe('backfill');
      expect(backfill.models[0]?.rowsOut).toBe(2);
      expect(await rows(ws, 'SELECT order_date::VARCHAR AS d, revenue::DOUBLE AS r FROM gold.daily ORDER BY 1')).toEqual([
        { d: '2024-01-01', r: 30 },
        { d: '2024-01-02', r: 33 },
        { d: '2024-01-03', r: 44 },
        { d: '2024-01-04', r: 50 },
      ]);
      // The other partitions still hold the old SQL's results, and the run says so; the next run
      // rebuilds them, so the table converges to its SQL.
      expect(backfill.models[0]?.reasons.at(-1)).toBe('its SQL changed since it was last built in full: partitions outside the range keep their old results until the next run rebuilds them');
      expect((await planRun(ws, { selection: 'daily' })).models.map((m) => [m.model, m.action, m.reasons.map((r) => r.code)])).toEqual([['gold.daily', 'full', ['sql_changed']]]);
      expect((await runPipeline(ws)).status).toBe('success');
      expect(await rows(ws, 'SELECT order_date::VARCHAR AS d, revenue::DOUBLE AS r FROM gold.daily ORDER BY 1')).toEqual([
        { d: '2024-01-01', r: 33 },
        { d: '2024-01-02', r: 33 },
        { d: '2024-01-03', r: 44 },
        { d: '2024-01-04', r: 55 },
      ]);
      const fixed = await tableHash(ws, 'gold.daily');
      expect((await runPipeline(ws)).status).toBe('noop');
      await writeModel(root, 'gold', 'daily', 'SELECT order_date, sum(amount) * 1.1 AS revenue FROM silver.orders GROUP BY order_date', { materialization: 'incremental', partition_by: 'order_date' });
      const retyped = await runPipeline(ws, { selection: 'daily', partitions: '2024-01-02..2024-01-03' });
      expect(retyped.models[0]?.error?.message).toBe("gold.daily: a backfill cannot change the model's columns, and they changed.");
      expect(await tableHash(ws, 'gold.daily')).toBe(fixed);
      await writeModel(root, 'gold', 'daily', 'SELECT order_date, sum(amount) * 11 // 10 AS revenue FROM silver.orders GROUP BY order_date', { materialization: 'incremental', partition_by: 'order_date' });
      // A range that is not one of the partition column's values, or runs backwards, blames the argument
      // and is refused before a run is recorded.
      const runsBefore = await rows(ws, 'SELECT count(*)::INTEGER AS n FROM _ingot.runs');
      const notDate = await ingotError(runPipeline(ws, { selection: 'daily', partitions: '2024-02-30..2024-03-01' }));
      expect(notDate.message).toBe('--partitions 2024-02-30..2024-03-01: "2024-02-30" is not a DATE, the type of gold.daily\'s partition column order_date.');
      expect(notDate.hint).toBe('gold.daily holds order_date from 2024-01-01 to 2024-01-04. Give two DATE values, first and last partition to rebuild, inclusive, e.g. --partitions 2024-03-01..2024-03-31.');
      expect(notDate.detail).toMatchObject({ field: 'partitions' });
      expect((await ingotError(runPipeline(ws, { selection: 'daily', partitions: '2024-01-01..today' }))).message).toMatch(/^--partitions 2024-01-01\.\.today: "today" is not a DATE/);
      const reversed = await ingotError(runPipeline(ws, { selection: 'daily', partitions: '2024-12-07..2024-12-01' }));
      expect(reversed.message).toBe('--partitions 2024-12-07..2024-12-01 starts after it ends: 2024-12-07 comes after 2024-12-01.');
      expect(reversed.hint).toBe('Give the first partition first: --partitions 2024-12-01..2024-12-07.');
      await expect(planRun(ws, { selection: 'daily', partitions: '2024-12-07..2024-12-01' })).rejects.toThrow(/starts after it ends/);
      expect(await rows(ws, 'SELECT count(*)::INTEGER AS n FROM _ingot.runs')).toEqual(runsBefore);
      expect(await tableHash(ws, 'gold.daily')).toBe(fixed);
      await expect(runPipeline(ws, { selection: 'orders', partitions: '2024-01-01..2024-01-02' })).rejects.toThrow(/--partitions rebuilds partitioned incremental models/);
      await expect(runPipeline(ws, { partitions: '2024-01-01' })).rejects.toThrow(/is not a range/);
    } finally {
      ws.close();
    }
  });

  it('rebuilds an incremental model in full when its output columns change', async () => {
    const root = await createWorkspace();
    await writeModel(root, 'silver', 'orders', 'SELECT * EXCLUDE (_batch_id, _source_file, _row_number, _loaded_at) FROM bronze.orders', { materialization: 'incremental', unique_key: 'order_id' });
    const ws = await openWorkspace(root);
    try {
      await appendBatch(ws, 'orders', DAYS);
      await runPipeline(ws);
      await ws.db.withConnection((c) => c.run('ALTER TABLE bronze.orders ADD COLUMN channel VARCHAR'));
      await appendBatch(ws, 'orders', `SELECT 6 AS order_id, DATE '2024-01-05' AS order_date, 60 AS amount, 'web' AS channel`);
      const result = await runPipeline(ws);
      expect(result.models[0]?.action).toBe('incremental');
      expect(result.models[0]?.mode).toBe('full');
      expect(result.models[0]?.reasons).toContain('full rebuild: the output columns changed');
      expect(await rows(ws, 'SELECT count(*) AS n, count(channel) AS c FROM silver.orders')).toEqual([{ n: 6, c: 1 }]);
    } finally {
      ws.close();
    }
  });

  it('carries changes to an incremental reader through the change log across runs, then prunes it', async () => {
    const root = await createWorkspace();
    await writeModel(root, 'silver', 'orders', 'SELECT order_id, arg_max(order_date, _batch_id) AS order_date, arg_max(amount, _batch_id) AS amount FROM bronze.orders GROUP BY order_id', { materialization: 'incremental', unique_key: 'order_id' });
    await writeModel(root, 'gold', 'daily', 'SELECT order_date, sum(amount) AS revenue, count(*) AS orders FROM silver.orders GROUP BY order_date', { materialization: 'incremental', partition_by: 'order_date' });
    const ws = await openWorkspace(root);
    const logRows = async (): Promise<unknown> => (await rows(ws, 'SELECT count(*) AS n FROM _ingot.changes__silver__orders'))[0]?.n;
    try {
      await appendBatch(ws, 'orders', DAYS);
      await runPipeline(ws);
      expect(await logRows()).toBe(0);
      // Order 1 moves from January 1 to January 4; order 7 is new. Only silver runs now.
      await appendBatch(ws, 'orders', `SELECT * FROM (VALUES (1, DATE '2024-01-04', 15), (7, DATE '2024-01-02', 70)) t(order_id, order_date, amount)`);
      expect((await runPipeline(ws, { selection: 'orders' })).models[0]?.mode).toBe('incremental');
      expect(await logRows()).toBe(3); // old order 1, new order 1, new order 7
      await appendBatch(ws, 'orders', `SELECT 8 AS order_id, DATE '2024-01-01' AS order_date, 8 AS amount`);
      expect((await runPipeline(ws, { selection: 'orders' })).models[0]?.mode).toBe('incremental');
      const gold = await runPipeline(ws, { selection: 'daily' });
      expect(gold.models[0]?.mode).toBe('incremental');
      expect(gold.models[0]?.reasons).toEqual([`silver.orders was rebuilt in run #${gold.runId - 1}`]);
      expect(await rows(ws, 'SELECT order_date::VARCHAR AS d, revenue, orders FROM gold.daily ORDER BY 1')).toEqual([
        { d: '2024-01-01', revenue: 28, orders: 2 },
        { d: '2024-01-02', revenue: 100, orders: 2 },
        { d: '2024-01-03', revenue: 40, orders: 1 },
        { d: '2024-01-04', revenue: 65, orders: 2 },
      ]);
      expect(await logRows()).toBe(0);
      const incremental = await tableHash(ws, 'gold.daily');
      await runPipeline(ws, { fullRefresh: true });
      expect(await tableHash(ws, 'gold.daily')).toBe(incremental);
    } finally {
      ws.close();
    }
  });

  it('rebuilds in full, and says why, an incremental model whose new rows can change rows of other keys', async () => {
    const root = await createWorkspace();
    const dedup = 'SELECT order_id, arg_max(customer, _batch_id) AS customer, arg_max(amount, _batch_id) AS amount FROM bronze.orders GROUP BY order_id';
    await writeModel(root, 'silver', 'orders', dedup, { materialization: 'incremental', unique_key: 'order_id' });
    await writeModel(root, 'silver', 'refunds', 'SELECT DISTINCT order_id FROM bronze.refunds', { materialization: 'incremental', unique_key: 'order_id' });
    const byKey = { materialization: 'incremental', unique_key: 'order_id' };
    await writeModel(root, 'gold', 'kept', 'SELECT o.order_id, o.amount FROM silver.orders AS o WHERE NOT EXISTS (SELECT 1 FROM silver.refunds AS r WHERE r.order_id = o.order_id)', byKey);
    await writeModel(root, 'gold', 'ranked', 'SELECT order_id, row_number() OVER (PARTITION BY customer ORDER BY amount DESC, order_id) AS rank_in_customer FROM silver.orders', byKey);
    await writeModel(root, 'gold', 'big_customers', 'SELECT customer, sum(amount) AS total FROM silver.orders GROUP BY customer HAVING sum(amount) > 15', { materialization: 'incremental', unique_key: 'customer' });
    const ws = await openWorkspace(root);
    try {
      await appendBatch(ws, 'orders', "SELECT * FROM (VALUES (1, 'a', 10), (2, 'a', 20), (3, 'b', 30), (4, 'b', 5)) t(order_id, customer, amount)");
      await appendBatch(ws, 'refunds', 'SELECT 3 AS order_id');
      await runPipeline(ws);
      // A refund for order 1, a new top order for customer a, order 3 of b refunded down to 1.
      await appendBatch(ws, 'refunds', 'SELECT 1 AS order_id');
      await appendBatch(ws, 'orders', "SELECT * FROM (VALUES (6, 'a', 99), (3, 'b', 1)) t(order_id, customer, amount)");
      const run = await runPipeline(ws);
      const gold = new Map(run.models.filter((m) => m.model.startsWith('gold.')).map((m) => [m.model, m]));
      expect(run.models.find((m) => m.model === 'silver.orders')?.mode).toBe('incremental');
      expect(gold.get('gold.kept')?.mode).toBe('full');
      expect(gold.get('gold.kept')?.reasons).toContain('rebuilt in full: its SQL uses NOT EXISTS or NOT IN on a subquery, so new rows can change rows of keys they do not touch (models/gold/kept.sql)');
      expect(gold.get('gold.ranked')?.reasons.join()).toContain('the window function row_number() not partitioned by the key order_id');
      expect(gold.get('gold.big_customers')?.reasons.join()).toContain('HAVING');
      for (const [table, sql] of [
        ['gold.kept', 'SELECT o.order_id, o.amount FROM silver.orders AS o WHERE NOT EXISTS (SELECT 1 FROM silver.refunds AS r WHERE r.order_id = o.order_id)'],
        ['gold.ranked', 'SELECT order_id, row_number() OVER (PARTITION BY customer ORDER BY amount DESC, order_id) AS rank_in_customer FROM silver.orders'],
        ['gold.big_customers', 'SELECT customer, sum(amount) AS total FROM silver.orders GROUP BY customer HAVING sum(amount) > 15'],
      ]) {
        const diff = await rows(ws, `SELECT (SELECT count(*) FROM (FROM ${table} EXCEPT ALL (${sql}))) AS stale, (SELECT count(*) FROM ((${sql}) EXCEPT ALL FROM ${table})) AS missing`);
        expect(diff, table).toEqual([{ stale: 0, missing: 0 }]);
      }
      expect(await rows(ws, 'SELECT customer, total FROM gold.big_customers ORDER BY 1')).toEqual([{ customer: 'a', total: 129 }]);
    } finally {
      ws.close();
    }
  });

  it('replaces a NULL partition incrementally, and leaves it alone when new rows carry no NULL key', async () => {
    // Key matching uses `=` unless the affected keys hold a NULL; both paths must give what a full rebuild gives.
    const root = await createWorkspace();
    await writeModel(root, 'silver', 'orders', 'SELECT order_id, arg_max_null(order_date, _batch_id) AS order_date, arg_max(amount, _batch_id) AS amount FROM bronze.orders GROUP BY order_id', { materialization: 'incremental', unique_key: 'order_id' });
    await writeModel(root, 'gold', 'daily', 'SELECT order_date, sum(amount) AS revenue, count(*) AS orders FROM silver.orders GROUP BY order_date', { materialization: 'incremental', partition_by: 'order_date' });
    const ws = await openWorkspace(root);
    const daily = (): Promise<unknown> => rows(ws, 'SELECT order_date::VARCHAR AS d, revenue, orders FROM gold.daily ORDER BY 1 NULLS FIRST');
    try {
      await appendBatch(ws, 'orders', `SELECT * FROM (VALUES (1, DATE '2024-01-01', 10), (2, NULL, 20), (3, DATE '2024-01-02', 30)) t(order_id, order_date, amount)`);
      await runPipeline(ws);
      // A new undated order, and order 1 loses its date: the NULL partition is affected.
      await appendBatch(ws, 'orders', `SELECT * FROM (VALUES (4, NULL::DATE, 40), (1, NULL::DATE, 11)) t(order_id, order_date, amount)`);
      const withNull = await runPipeline(ws);
      expect(withNull.models.map((m) => m.mode)).toEqual(['incremental', 'incremental']);
      expect(await daily()).toEqual([
        { d: null, revenue: 71, orders: 3 },
        { d: '2024-01-02', revenue: 30, orders: 1 },
      ]);
      // Only dated rows arrive: the NULL partition is not affected and must stay as it is.
      await appendBatch(ws, 'orders', `SELECT * FROM (VALUES (5, DATE '2024-01-02', 50), (6, DATE '2024-01-03', 60)) t(order_id, order_date, amount)`);
      const dated = await runPipeline(ws);
      expect(dated.models.map((m) => m.mode)).toEqual(['incremental', 'incremental']);
      expect(await daily()).toEqual([
        { d: null, revenue: 71, orders: 3 },
        { d: '2024-01-02', revenue: 80, orders: 2 },
        { d: '2024-01-03', revenue: 60, orders: 1 },
      ]);
      const incremental = await tableHash(ws, 'gold.daily');
      await runPipeline(ws, { fullRefresh: true });
      expect(await tableHash(ws, 'gold.daily')).toBe(incremental);
    } finally {
      ws.close();
    }
  });
});
