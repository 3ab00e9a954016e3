// Bad input on a real workspace: each fails with a clear message saying what and where, and
// leaves the published tables as they were.
import { describe, expect, it } from 'vitest';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadProject } from '../../../src/engine/pipeline/project.js';
import { runPipeline } from '../../../src/engine/pipeline/runner.js';
import { getRun } from '../../../src/engine/pipeline/history.js';
import { openWorkspace } from '../../../src/engine/workspace/workspace.js';
import { IngotError } from '../../../src/shared/errors.js';
import { appendBatch, createWorkspace, rows, writeModel } from './helpers.js';

const ORDERS = `SELECT * FROM (VALUES (1, DATE '2024-01-01', 10), (2, DATE '2024-01-02', 20), (2, DATE '2024-01-02', 21), (3, DATE '2024-01-02', 5)) t(order_id, order_date, amount)`;

async function failure(promise: Promise<unknown>): Promise<IngotError> {
  const err = await promise.catch((e: unknown) => e);
  expect(err).toBeInstanceOf(IngotError);
  return err as IngotError;
}

describe('bad input', () => {
  it('rejects two models with the same name, sidecars without SQL, bad sidecars and bad folders', async () => {
    const root = await createWorkspace();
    await writeModel(root, 'silver', 'orders', 'SELECT 1 AS x');
    await writeModel(root, 'gold', 'Orders', 'SELECT 2 AS x');
    const dup = await failure(loadProject({ root, models: join(root, 'models'), sources: join(root, 'sources') }));
    expect(dup.code).toBe('MODEL_INVALID');
    expect(dup.message).toBe('Two models are named "Orders": models/silver/orders.sql and models/gold/Orders.sql.');

    const root2 = await createWorkspace();
    await writeModel(root2, 'silver', 'orders', 'SELECT 1 AS x', 'materialization: incremental\ntags: [a]\n');
    const sidecar = await failure(loadProject({ root: root2, models: join(root2, 'models'), sources: join(root2, 'sources') }));
    expect(sidecar.message).toBe('models/silver/orders.yaml:1: materialization: an incremental model needs unique_key (upsert) or partition_by (partition overwrite)');
    await writeFile(join(root2, 'models', 'silver', 'orders.yaml'), 'materialization: table\nunique_key: id\n');
    expect((await failure(loadProject({ root: root2, models: join(root2, 'models'), sources: join(root2, 'sources') }))).message).toBe(
      'models/silver/orders.yaml:2: unique_key: applies to incremental models only (materialization is table)',
    );
    await writeFile(join(root2, 'models', 'silver', 'orders.yaml'), 'materialisation: table\n');
    expect((await failure(loadProject({ root: root2, models: join(root2, 'models'), sources: join(root2, 'sources') }))).message).toMatch(/^models\/silver\/orders\.yaml:1: /);

    const root3 = await createWorkspace();
    await writeModel(root3, 'silver', 'lonely', 'SELECT 1 AS x');
    await writeFile(join(root3, 'models', 'silver', 'ghost.yaml'), 'materialization: view\n');
    expect((await failure(loadProject({ root: root3, models: join(root3, 'models'), sources: join(root3, 'sources') }))).message).toBe(
      'models/silver/ghost.yaml describes a model that has no SQL file.',
    );
    const root4 = await createWorkspace();
    await mkdir(join(root4, 'models', 'platinum'), { recursive: true });
    await writeFile(join(root4, 'models', 'platinum', 'x.sql'), 'SELECT 1');
    expect((await failure(loadProject({ root: root4, models: join(root4, 'models'), sources: join(root4, 'sources') }))).message).toBe(
      'models/platinum/ is not a layer, so its models cannot be built.',
    );
  });

  it('fails a run on an invalid model, records it, and builds nothing', async () => {
    const root = await createWorkspace();
    await writeModel(root, 'silver', 'orders', 'SELECT *\nFROM bronze.orders\nWHERE amount >');
    const ws = await openWorkspace(root);
    try {
      await appendBatch(ws, 'orders', ORDERS);
      const err = await failure(runPipeline(ws));
      expect(err.message).toMatch(/^models\/silver\/orders\.sql:3:\d+: syntax error in silver\.orders/);
      const run = await ws.db.withConnection((c) => getRun(c, 1));
      expect(run?.status).toBe('failed');
      expect(run?.error?.message).toBe(err.message);
    } finally {
      ws.close();
    }
  });

  it('refuses a model that reads a file directly, which it could not rebuild when the file changes', async () => {
    const root = await createWorkspace();
    await writeModel(root, 'silver', 'customers', "SELECT c.*\nFROM bronze.orders AS o\n  JOIN read_csv('data/customers.csv') AS c USING (customer_id)");
    const ws = await openWorkspace(root);
    try {
      await appendBatch(ws, 'orders', ORDERS);
      const err = await failure(runPipeline(ws));
      expect(err.code).toBe('MODEL_INVALID');
      expect(err.message).toBe('models/silver/customers.sql:3:8: silver.customers reads a file with read_csv(); Ingot cannot see a file change, so the model would not be rebuilt when the file changes.');
      expect(err.hint).toMatch(/^Load the file as a source/);
      expect(err.detail).toMatchObject({ file: 'models/silver/customers.sql', line: 3, column: 8 });
      // Table functions that read no file stay allowed.
      await writeModel(root, 'silver', 'customers', 'SELECT range AS customer_id FROM range(3)');
      expect((await runPipeline(ws)).status).toBe('success');
    } finally {
      ws.close();
    }
  });

  it('locates a wrong column in the model file', async () => {
    const root = await createWorkspace();
    await writeModel(root, 'silver', 'orders', 'SELECT order_id,\n       amount_eur\nFROM bronze.orders');
    const ws = await openWorkspace(root);
    try {
      await appendBatch(ws, 'orders', ORDERS);
      const result = await runPipeline(ws);
      expect(result.status).toBe('failed');
      const error = result.models[0]?.error;
      expect(error?.code).toBe('SQL_ERROR');
      expect(error?.message).toMatch(/^models\/silver\/orders\.sql:2:8: silver\.orders: Binder Error: Referenced column "amount_eur" not found/);
      expect(error?.detail).toMatchObject({ file: 'models/silver/orders.sql', line: 2, column: 8 });
      const run = await ws.db.withConnection((c) => getRun(c, result.runId));
      expect(run?.models[0]?.error).toMatchObject({ line: 2, column: 8, code: 'SQL_ERROR' });
    } finally {
      ws.close();
    }
  });

  it('rejects a partition_by column the model does not return', async () => {
    const root = await createWorkspace();
    await writeModel(root, 'silver', 'orders', 'SELECT order_id, amount FROM bronze.orders', { materialization: 'incremental', partition_by: 'order_day' });
    const ws = await openWorkspace(root);
    try {
      await appendBatch(ws, 'orders', ORDERS);
      const result = await runPipeline(ws);
      expect(result.models[0]?.error?.message).toBe('models/silver/orders.yaml: partition_by column "order_day" is not in the output of silver.orders.');
      expect(result.models[0]?.error?.hint).toMatch(/returns: order_id, amount/);
    } finally {
      ws.close();
    }
  });

  it('fails when unique_key is not unique, with the count and sample keys, keeping the published table', async () => {
    const root = await createWorkspace();
    await writeModel(root, 'silver', 'orders', 'SELECT order_id, amount FROM bronze.orders WHERE amount < 21', { materialization: 'incremental', unique_key: 'order_id' });
    const ws = await openWorkspace(root);
    try {
      await appendBatch(ws, 'orders', ORDERS);
      expect((await runPipeline(ws)).status).toBe('success');
      await appendBatch(ws, 'orders', `SELECT * FROM (VALUES (7, DATE '2024-01-03', 1), (7, DATE '2024-01-03', 2), (8, DATE '2024-01-03', 3), (8, DATE '2024-01-03', 3), (8, DATE '2024-01-03', 4)) t(order_id, order_date, amount)`);
      const result = await runPipeline(ws);
      expect(result.status).toBe('failed');
      const error = result.models[0]?.error;
      expect(error?.message).toBe('silver.orders: unique_key order_id is not unique in the new data: 2 keys appear more than once (5 rows), e.g. order_id=8 ×3; order_id=7 ×2.');
      expect(error?.detail).toMatchObject({ field: 'unique_key', duplicateKeys: 2 });
      expect(await rows(ws, 'SELECT order_id, amount FROM silver.orders ORDER BY 1')).toEqual([
        { order_id: 1, amount: 10 },
        { order_id: 2, amount: 20 },
        { order_id: 3, amount: 5 },
      ]);
      // The run held DuckDB's automatic checkpoints; a failed run gives the threshold back too.
      expect(await rows(ws, "SELECT current_setting('checkpoint_threshold') AS v")).toEqual([{ v: '16.0 MiB' }]);
    } finally {
      ws.close();
    }
  });

  it('fails a model that reads a model never built, naming how to build it', async () => {
    const root = await createWorkspace();
    await writeModel(root, 'silver', 'orders', 'SELECT * FROM bronze.orders');
    await writeModel(root, 'gold', 'total', 'SELECT sum(amount) AS s FROM silver.orders');
    const ws = await openWorkspace(root);
    try {
      await appendBatch(ws, 'orders', ORDERS);
      const result = await runPipeline(ws, { selection: 'total' });
      expect(result.models[0]?.error?.message).toBe('gold.total reads silver.orders, which has not been built yet.');
      expect(result.models[0]?.error?.hint).toMatch(/ingot run \+total/);
      expect((await runPipeline(ws, { selection: '+total' })).status).toBe('success');
    } finally {
      ws.close();
    }
  });
});
