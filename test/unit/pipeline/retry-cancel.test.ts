// Transient failures are retried with backoff (configurable per model); cancelling a run
// interrupts DuckDB, and every published table stays as it was.
import { describe, expect, it } from 'vitest';
import { getRun } from '../../../src/engine/pipeline/history.js';
import { runPipeline } from '../../../src/engine/pipeline/runner.js';
import { isTransient, withRetries } from '../../../src/engine/pipeline/retry.js';
import { openWorkspace } from '../../../src/engine/workspace/workspace.js';
import { IngotError } from '../../../src/shared/errors.js';
import { appendBatch, createWorkspace, rows, tableHash, writeModel } from './helpers.js';

describe('retries', () => {
  it('classifies conflicts and IO errors as transient, not SQL mistakes or cancellation', () => {
    expect(isTransient(new IngotError('SQL_ERROR', 'TransactionContext Error: Conflict on tuple deletion!'))).toBe(true);
    expect(isTransient(new IngotError('SQL_ERROR', 'IO Error: Could not write file "x": No space left'))).toBe(true);
    expect(isTransient(new IngotError('SQL_ERROR', 'Binder Error: Referenced column "x" not found'))).toBe(false);
    expect(isTransient(new IngotError('CANCELLED', 'TransactionContext Error: interrupted'))).toBe(false);
  });

  it('backs off exponentially and gives up after the configured retries', async () => {
    const times: number[] = [];
    const start = performance.now();
    const err = await withRetries({ retries: 2, backoffMs: 40 }, undefined, async () => {
      times.push(performance.now() - start);
      throw new IngotError('SQL_ERROR', 'TransactionContext Error: write-write conflict');
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IngotError);
    expect(times).toHaveLength(3);
    expect((times[1] ?? 0) - (times[0] ?? 0)).toBeGreaterThanOrEqual(35);
    expect((times[2] ?? 0) - (times[1] ?? 0)).toBeGreaterThanOrEqual(75);
  });

  it('retries a model whose publish conflicts with another writer, and succeeds once it is gone', async () => {
    const root = await createWorkspace();
    await writeModel(root, 'silver', 'orders', 'SELECT order_id, max(amount) AS amount FROM bronze.orders GROUP BY order_id', {
      materialization: 'table',
      retries: 4,
      retry_backoff_ms: 100,
    });
    const ws = await openWorkspace(root);
    try {
      await appendBatch(ws, 'orders', 'SELECT * FROM (VALUES (1, 10), (2, 20)) t(order_id, amount)');
      await runPipeline(ws);
      await appendBatch(ws, 'orders', 'SELECT 1 AS order_id, 15 AS amount');
      // Another writer holds an uncommitted change to silver.orders: swapping it in conflicts.
      const other = await ws.db.connect();
      await other.run('BEGIN TRANSACTION');
      await other.run('ALTER TABLE silver.orders ADD COLUMN note VARCHAR');
      // The other writer lets go once the model's first attempt has failed on the conflict.
      const result = await runPipeline(ws, {
        onEvent: (e) => {
          if (e.type === 'model-started' && e.attempt === 2) void other.run('ROLLBACK');
        },
      });
      other.close();
      expect(result.models[0]?.error).toBeNull();
      expect(result.models[0]?.attempts).toBeGreaterThanOrEqual(2);
      expect(await rows(ws, 'SELECT order_id, amount FROM silver.orders ORDER BY 1')).toEqual([
        { order_id: 1, amount: 15 },
        { order_id: 2, amount: 20 },
      ]);
    } finally {
      ws.close();
    }
  });

  it('fails with the conflict when the model allows no retries', async () => {
    const root = await createWorkspace();
    await writeModel(root, 'silver', 'orders', 'SELECT * FROM bronze.orders', { retries: 0 });
    const ws = await openWorkspace(root);
    try {
      await appendBatch(ws, 'orders', 'SELECT 1 AS order_id');
      await runPipeline(ws);
      await appendBatch(ws, 'orders', 'SELECT 2 AS order_id');
      const other = await ws.db.connect();
      await other.run('BEGIN TRANSACTION');
      await other.run('ALTER TABLE silver.orders ADD COLUMN note VARCHAR');
      const result = await runPipeline(ws);
      await other.run('ROLLBACK');
      other.close();
      expect(result.models[0]?.attempts).toBe(1);
      expect(result.models[0]?.error?.message).toMatch(/^silver\.orders: another writer changed the same table at the same time \(transaction conflict\); gave up after 1 attempt\. DuckDB said: .*write-write conflict/);
      expect(await rows(ws, 'SELECT count(*) AS n FROM silver.orders')).toEqual([{ n: 1 }]);
    } finally {
      ws.close();
    }
  });
});

describe('cancellation', () => {
  it('interrupts DuckDB, marks the run cancelled and keeps every published table', async () => {
    const root = await createWorkspace();
    await writeModel(root, 'silver', 'orders', 'SELECT * FROM bronze.orders');
    await writeModel(root, 'gold', 'heavy', 'SELECT count(*) AS n, sum(a.range * b.range) AS s FROM range(200000) a, range(100000) b, silver.orders o');
    const ws = await openWorkspace(root);
    try {
      await appendBatch(ws, 'orders', 'SELECT 1 AS order_id');
      await writeModel(root, 'gold', 'heavy', 'SELECT count(*) AS n FROM silver.orders');
      await runPipeline(ws);
      const before = await tableHash(ws, 'gold.heavy');
      await writeModel(root, 'gold', 'heavy', 'SELECT count(*) AS n, sum(a.range * b.range) AS s FROM range(200000) a, range(100000) b, silver.orders o');
      const controller = new AbortController();
      const progress: number[] = [];
      const running = runPipeline(ws, {
        signal: controller.signal,
        onEvent: (e) => {
          if (e.type !== 'model-progress') return;
          progress.push(e.percentage);
          if (progress.length === 2) controller.abort();
        },
      });
      const result = await running;
      expect(result.status).toBe('cancelled');
      const heavy = result.models.find((m) => m.model === 'gold.heavy');
      expect(heavy?.status).toBe('cancelled');
      expect(heavy?.error?.code).toBe('CANCELLED');
      expect(progress.length).toBeGreaterThan(0);
      expect(await tableHash(ws, 'gold.heavy')).toBe(before);
      expect(await rows(ws, "SELECT count(*) AS n FROM duckdb_tables() WHERE table_name LIKE '\\_\\_stage%' ESCAPE '\\'")).toEqual([{ n: 0 }]);
    } finally {
      ws.close();
    }
  });

  it('says the models waiting on a cancelled one were not built because of the cancel, not because something failed', async () => {
    const root = await createWorkspace();
    await writeModel(root, 'silver', 'heavy', 'SELECT count(*) AS n, sum(a.range * b.range) AS s FROM range(200000) a, range(100000) b, bronze.orders o');
    await writeModel(root, 'gold', 'reads_heavy', 'SELECT n FROM silver.heavy');
    await writeModel(root, 'gold', 'reads_reader', 'SELECT n FROM gold.reads_heavy');
    const ws = await openWorkspace(root);
    try {
      await appendBatch(ws, 'orders', 'SELECT 1 AS order_id');
      const controller = new AbortController();
      const result = await runPipeline(ws, {
        signal: controller.signal,
        onEvent: (e) => {
          if (e.type === 'model-progress') controller.abort();
        },
      });
      expect(result.status).toBe('cancelled');
      const byModel = Object.fromEntries(result.models.map((m) => [m.model, m]));
      expect(byModel['silver.heavy']?.status).toBe('cancelled');
      for (const model of ['gold.reads_heavy', 'gold.reads_reader']) {
        expect(byModel[model]?.status, model).toBe('cancelled');
        expect(byModel[model]?.error?.code, model).toBe('CANCELLED');
        expect(byModel[model]?.error?.message, model).toMatch(/^Not built: the run was cancelled before this model started/);
        expect(byModel[model]?.error?.detail?.reason, model).toBe('run-cancelled');
      }
      expect(result.message).toContain('the run was cancelled: 3 models not built or not published (silver.heavy, gold.reads_heavy, gold.reads_reader)');
      expect(result.message).not.toMatch(/failed|skipped/);
      // Run history keeps why, for the model the cancel stopped and the ones waiting on it.
      const stored = await ws.db.withConnection((c) => getRun(c, result.runId));
      expect(stored?.models.map((m) => [m.model, m.status, m.notBuiltReason])).toEqual([
        ['silver.heavy', 'cancelled', 'run-cancelled'],
        ['gold.reads_heavy', 'cancelled', 'run-cancelled'],
        ['gold.reads_reader', 'cancelled', 'run-cancelled'],
      ]);
    } finally {
      ws.close();
    }
  });
});
