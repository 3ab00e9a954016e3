// Data quality over RPC after a real run: each table's checks and score, the quarantined rows
// (Arrow) with their counts per reason, and releasing them by a condition — refused with a clear
// error when the condition is not one, and NOT_FOUND for a model with nothing quarantined.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { acquireRunLock, isRunActive } from '../../../src/engine/pipeline/run-lock.js';
import { IngotError } from '../../../src/shared/errors.js';
import { connectedHost, runToEnd, type Connected } from './host-helpers.js';

let connected: Connected | undefined;
afterEach(async () => {
  await connected?.close();
  connected = undefined;
});

const CHECKS = `checks:
  - kind: not_null
    column: customer_id
    severity: quarantine
  - kind: range
    column: amount
    min: 0
    severity: warn
`;

async function checkedShop(): Promise<Connected> {
  const c = (connected = await connectedHost('shop'));
  await c.host.workspace.db.withConnection((conn) =>
    conn.run(`CREATE TABLE bronze.orders AS SELECT * FROM (VALUES (1, 'C1', 10), (2, NULL, 20), (3, NULL, -5), (4, 'C2', 7)) t(order_id, customer_id, amount)`),
  );
  await mkdir(join(c.root, 'models/silver'), { recursive: true });
  await writeFile(join(c.root, 'models/silver/orders.sql'), 'SELECT order_id, customer_id, amount FROM bronze.orders\n');
  await writeFile(join(c.root, 'models/silver/orders.yaml'), CHECKS);
  expect(await runToEnd(c)).toMatchObject({ status: 'success' });
  return c;
}

describe('engine host: quality', () => {
  it('reports each checked table with its checks, score and quarantined rows', async () => {
    const { api } = await checkedShop();
    const { tables } = await api.quality({});
    expect(tables).toHaveLength(1);
    const orders = tables[0];
    expect(orders).toMatchObject({ layer: 'silver', table: 'orders', quarantined: 2, rowsChecked: 4, held: 2 });
    expect(orders?.score).toBeGreaterThan(0);
    expect(orders?.score).toBeLessThan(100);
    expect(orders?.checks.map((c) => [c.kind, c.severity, c.status, c.failingRows])).toEqual([
      ['not_null', 'quarantine', 'warn', 2], // the rows were split off, so the model still published
      ['range', 'warn', 'warn', 1],
    ]);
    expect(orders?.checks[0]?.file).toBe('models/silver/orders.yaml');

    const rows = tableFromIPC((await api.quarantine({ layer: 'silver', model: 'orders' })).ipc);
    expect(rows.numRows).toBe(2);
    expect(rows.schema.fields.map((f) => f.name)).toEqual(expect.arrayContaining(['order_id', 'customer_id', '_failed_checks', '_run_id']));
    const summary = await api.quarantineSummary({ layer: 'silver', model: 'orders' });
    expect(summary).toMatchObject({ table: 'quarantine.silver_orders', exists: true, held: 2, released: 0, reprocessed: 0 });
    // A held row names every check it failed: order 3 also broke the (warn) range check.
    expect(summary.reasons).toEqual([
      { check: 'not_null(customer_id)', rows: 2 },
      { check: 'range(amount)', rows: 1 },
    ]);
  });

  it('releases held rows by a condition, refuses one that is not a condition, and finds nothing for a clean model', async () => {
    const { api } = await checkedShop();
    const bad = (await api.releaseQuarantine({ layer: 'silver', model: 'orders', filter: 'order_id = 3; DROP TABLE silver.orders' }).catch((e: unknown) => e)) as IngotError;
    expect(bad.code).toBe('INVALID_INPUT');
    expect(bad.hint).toContain('quarantine.silver_orders');
    expect((await api.quarantineSummary({ layer: 'silver', model: 'orders' })).held).toBe(2);

    const released = await api.releaseQuarantine({ layer: 'silver', model: 'orders', filter: 'order_id = 3' });
    expect(released.released).toBe(1);
    // The list says what the quarantine holds now, next to what the last run quarantined.
    expect((await api.quality({})).tables[0]).toMatchObject({ quarantined: 2, held: 1 });
    expect(await api.quarantineSummary({ layer: 'silver', model: 'orders' })).toMatchObject({ held: 1, released: 1 });
    expect((await api.releaseQuarantine({ layer: 'silver', model: 'orders' })).released).toBe(1);
    expect(await api.quarantineSummary({ layer: 'silver', model: 'orders' })).toMatchObject({ held: 0, released: 2 });

    expect(await api.quarantineSummary({ layer: 'gold', model: 'nothing' })).toMatchObject({ exists: false, held: 0 });
    const none = (await api.releaseQuarantine({ layer: 'gold', model: 'nothing' }).catch((e: unknown) => e)) as IngotError;
    expect(none.code).toBe('NOT_FOUND');
  });

  it('refuses to fix or release held rows of a model a run is building, and lets them through once it is done', async () => {
    const c = await checkedShop();
    await vi.waitFor(() => expect(isRunActive(c.host.workspace.db.path)).toBe(false)); // the first run lets go
    // A run of this host that has silver.orders still to build (as the runner records it).
    const lock = acquireRunLock(c.host.workspace.db.path);
    lock.setRunId(99);
    await c.host.workspace.db.withConnection((conn) =>
      conn.run("INSERT INTO _ingot.run_models (run_id, model, layer, materialization, action, status) VALUES (99, 'silver.orders', 'silver', 'table', 'full', 'pending')"),
    );
    try {
      const release = (await c.api.releaseQuarantine({ layer: 'silver', model: 'orders' }).catch((e: unknown) => e)) as IngotError;
      expect(release).toMatchObject({ code: 'INVALID_INPUT', message: 'A run (#99) is building silver.orders, so its held rows cannot be released now.' });
      const row = { order_id: '2', customer_id: null, amount: '20' };
      const fix = (await c.api.fixQuarantinedRow({ layer: 'silver', model: 'orders', row, changes: { customer_id: 'C9' } }).catch((e: unknown) => e)) as IngotError;
      expect(fix.message).toBe('A run (#99) is building silver.orders, so its held rows cannot be fixed now.');
      expect((await c.api.quarantineSummary({ layer: 'silver', model: 'orders' })).held).toBe(2);
    } finally {
      lock.release();
    }
    expect((await c.api.releaseQuarantine({ layer: 'silver', model: 'orders' })).released).toBe(2);
  });
});
