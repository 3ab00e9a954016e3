// Quarantine end to end: bad rows are held with reasons, a fixed and released row flows into the
// published table on the next run, a released row that is still bad is held again, re-running a
// full rebuild does not pile up copies of the same held row, and a fix outlives later rebuilds.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listQuarantine, releaseQuarantined, runQualityGate } from '../../../src/engine/quality/index.js';
import { IngotError } from '../../../src/shared/errors.js';
import { openTestDb, stageOrders, STATUSES, type TestDb } from './quality-db.js';

const STAGE = '"silver"."__stage_orders"';
const CHECKS = [
  { kind: 'unique', column: 'order_id', dedup: 'keep_latest', order_by: 'updated_at' },
  { kind: 'not_null', column: 'customer_id', severity: 'quarantine' },
  { kind: 'accepted_values', column: 'status', values: STATUSES, severity: 'quarantine' },
];

describe('quarantine and release', () => {
  let t: TestDb;
  beforeEach(async () => {
    t = await openTestDb();
  });
  afterEach(() => t.close());

  const gate = (runId: number, checks: unknown[] = CHECKS, reapplyFixes?: { keyColumns: string[] }): ReturnType<typeof runQualityGate> =>
    runQualityGate({ conn: t.conn, runId, layer: 'silver', model: 'orders', stagingTable: STAGE, checks, file: 'models/silver/orders.yaml', ...(reapplyFixes ? { reapplyFixes } : {}) });

  /** A full rebuild of the model: stage every order again, check it (fixes reapplied) and publish it whole. */
  async function rebuild(runId: number): Promise<Awaited<ReturnType<typeof runQualityGate>>> {
    await stageOrders(t.conn);
    const result = await gate(runId, CHECKS, { keyColumns: [] });
    await t.conn.run(`CREATE OR REPLACE TABLE silver.orders AS SELECT * FROM ${STAGE}`);
    await t.conn.run(`DROP TABLE ${STAGE}`);
    return result;
  }

  /** Orders with two identical copies of the bad order 7 (and no unique check), rebuilt in full. */
  async function rebuildTwins(runId: number): Promise<void> {
    await stageOrders(t.conn);
    await t.conn.run(`INSERT INTO ${STAGE} SELECT * FROM ${STAGE} WHERE order_id = 7`);
    await gate(runId, CHECKS.slice(1), { keyColumns: [] });
    await t.conn.run(`CREATE OR REPLACE TABLE silver.orders AS SELECT * FROM ${STAGE}`);
    await t.conn.run(`DROP TABLE ${STAGE}`);
  }

  const order = (id: number): Promise<unknown[]> => t.conn.all('SELECT order_id, customer_id, status FROM silver.orders WHERE order_id = ?', [id]);
  const heldIds = async (): Promise<number[]> => (await listQuarantine(t.conn, 'silver', 'orders')).rows.map((r) => Number(r.order_id)).sort((a, b) => a - b);

  /** What an incremental model's publish does with the staged rows. */
  async function publishAppend(): Promise<void> {
    await t.conn.run(`CREATE TABLE IF NOT EXISTS silver.orders AS SELECT * FROM ${STAGE} LIMIT 0`);
    await t.conn.run(`INSERT INTO silver.orders SELECT * FROM ${STAGE}`);
    await t.conn.run(`DROP TABLE ${STAGE}`);
  }

  async function stageNewOrder(id: number): Promise<void> {
    await t.conn.run(`CREATE TABLE ${STAGE} AS SELECT * FROM silver.orders LIMIT 0`);
    await t.conn.run(`INSERT INTO ${STAGE} VALUES (?, 1, 'paid', 11.00, '2024-02-01', TIMESTAMP '2024-02-01 09:00:00')`, [id]);
  }

  it('lets a fixed, released row flow into the published table on the next run', async () => {
    await stageOrders(t.conn);
    const first = await gate(1);
    expect(first.quarantined).toBe(3);
    await publishAppend();

    const held = await listQuarantine(t.conn, 'silver', 'orders');
    expect(held).toMatchObject({ table: 'quarantine.silver_orders', exists: true, held: 3, released: 0, reprocessed: 0 });
    expect(held.reasons).toEqual([
      { check: 'accepted_values(status)', rows: 1 },
      { check: 'not_null(customer_id)', rows: 1 },
      { check: 'unique(order_id)', rows: 1 },
    ]);
    expect(held.rows.find((r) => r.order_id === 7)).toMatchObject({ _failed_checks: ['not_null(customer_id)'], _run_id: 1, _released_at: null });

    // The analyst fixes row 7 in place and releases it, and releases row 8 unchanged.
    await t.conn.run('UPDATE quarantine.silver_orders SET customer_id = 4 WHERE order_id = 7');
    expect(await releaseQuarantined(t.conn, 'silver', 'orders', 'order_id IN (7, 8)')).toEqual({ releaseId: 1, released: 2 });
    expect(await listQuarantine(t.conn, 'silver', 'orders')).toMatchObject({ held: 1, released: 2 });

    await stageNewOrder(11);
    const second = await gate(2);
    expect(second.released).toBe(2);
    expect(second.rowsChecked).toBe(3);
    expect(second.quarantined).toBe(1);
    await publishAppend();

    expect(await t.conn.all('SELECT order_id, customer_id FROM silver.orders WHERE order_id IN (7, 8, 11) ORDER BY order_id')).toEqual([
      { order_id: 7, customer_id: 4 },
      { order_id: 11, customer_id: 1 },
    ]);
    const after = await listQuarantine(t.conn, 'silver', 'orders', { includeReleased: true });
    expect(after).toMatchObject({ held: 2, released: 0, reprocessed: 2 });
    expect(after.rows.filter((r) => r._released_at === null).map((r) => [r.order_id, r._run_id])).toEqual([
      [8, 2],
      [9, 1],
    ]);
    expect(await t.conn.all('SELECT run_id, quarantined, reprocessed FROM _ingot.quarantine_log ORDER BY run_id')).toEqual([
      { run_id: 1, quarantined: 3, reprocessed: 0 },
      { run_id: 2, quarantined: 1, reprocessed: 2 },
    ]);

    // A third run takes nothing back again.
    await stageNewOrder(12);
    expect((await gate(3)).released).toBe(0);
  });

  it('keeps released rows waiting when the gate stops the model', async () => {
    await stageOrders(t.conn);
    await gate(1);
    await publishAppend();
    await releaseQuarantined(t.conn, 'silver', 'orders');
    await stageNewOrder(11);
    const stopped = await gate(2, [...CHECKS, { kind: 'row_count', min: 100 }]);
    expect(stopped.outcome).toBe('error');
    expect(stopped.released).toBe(3);
    expect(await listQuarantine(t.conn, 'silver', 'orders')).toMatchObject({ held: 0, released: 3, reprocessed: 0 });
  });

  it('replaces an identical held row when a full rebuild quarantines it again', async () => {
    await stageOrders(t.conn);
    await gate(1);
    await t.conn.run(`DROP TABLE ${STAGE}`);
    await stageOrders(t.conn);
    const again = await gate(2);
    expect(again.quarantined).toBe(3);
    const listing = await listQuarantine(t.conn, 'silver', 'orders');
    expect(listing.held).toBe(3);
    expect(new Set(listing.rows.map((r) => r._run_id))).toEqual(new Set([2]));
    expect(await t.conn.one('SELECT superseded FROM _ingot.quarantine_log WHERE run_id = 2')).toEqual({ superseded: 3 });
  });

  it('explains what cannot be released', async () => {
    const none = await releaseQuarantined(t.conn, 'silver', 'orders').catch((e: unknown) => e);
    expect(none).toBeInstanceOf(IngotError);
    expect((none as IngotError).code).toBe('NOT_FOUND');
    await stageOrders(t.conn);
    await gate(1);
    const bad = (await releaseQuarantined(t.conn, 'silver', 'orders', "1=1; DROP TABLE silver.customers; SELECT 'x'").catch((e: unknown) => e)) as IngotError;
    expect(bad.code).toBe('INVALID_INPUT');
    expect(bad.message).toMatch(/^The release filter is not one SQL condition/);
    expect(await t.conn.one('SELECT count(*) AS n FROM silver.customers')).toEqual({ n: 5 });
    // Unbalanced parentheses cannot widen the condition past its own rows.
    for (const escape of ["status = 'lost') OR (1=1", '1=1) OR (1=1']) {
      const widened = (await releaseQuarantined(t.conn, 'silver', 'orders', escape).catch((e: unknown) => e)) as IngotError;
      expect(widened.message, escape).toMatch(/^The release filter is not one SQL condition/);
    }
    expect(await listQuarantine(t.conn, 'silver', 'orders')).toMatchObject({ held: 3, released: 0 });
  });

  it('places an error of the release filter within the filter, not within the SQL around it', async () => {
    await stageOrders(t.conn);
    await gate(1);
    const unknown = (await releaseQuarantined(t.conn, 'silver', 'orders', 'nope = 1').catch((e: unknown) => e)) as IngotError;
    expect(unknown.code).toBe('INVALID_INPUT');
    expect(unknown.message).toBe('The release filter does not run on quarantine.silver_orders: Referenced column "nope" not found (column 1 of the filter)');
    expect(unknown.hint).toMatch(/^Write a condition on the columns of quarantine\.silver_orders \(order_id, customer_id, status, .*_run_id, _failed_checks/);
    expect(unknown.detail).toMatchObject({ field: 'filter', sql: 'nope = 1', sqlPosition: 0, line: 1, column: 1 });
    const later = (await releaseQuarantined(t.conn, 'silver', 'orders', 'order_id = 7 AND\n  amont > 2').catch((e: unknown) => e)) as IngotError;
    expect(later.message).toMatch(/Referenced column "amont" not found \(line 2, column 3 of the filter\)$/);
    expect(later.detail).toMatchObject({ line: 2, column: 3, sqlPosition: 19 });
    expect(await listQuarantine(t.conn, 'silver', 'orders')).toMatchObject({ held: 3, released: 0 });
  });

  it('leaves released rows waiting when the caller opts out of re-processing', async () => {
    await stageOrders(t.conn);
    await gate(1);
    await publishAppend();
    await releaseQuarantined(t.conn, 'silver', 'orders', 'order_id = 7');
    await stageNewOrder(11);
    const result = await runQualityGate({
      conn: t.conn,
      runId: 2,
      layer: 'silver',
      model: 'orders',
      stagingTable: STAGE,
      checks: CHECKS,
      file: 'models/silver/orders.yaml',
      reprocessReleased: false,
    });
    expect(result).toMatchObject({ released: 0, rowsChecked: 1, quarantined: 0 });
    expect(await listQuarantine(t.conn, 'silver', 'orders')).toMatchObject({ held: 2, released: 1, reprocessed: 0 });
  });

  it('does not stage a released row twice when a full rebuild brings it again', async () => {
    await stageOrders(t.conn);
    await gate(1);
    await releaseQuarantined(t.conn, 'silver', 'orders');
    await t.conn.run(`DROP TABLE ${STAGE}`);
    await stageOrders(t.conn);
    const again = await gate(2);
    expect(again).toMatchObject({ released: 0, rowsChecked: 11, quarantined: 3 });
    expect(await listQuarantine(t.conn, 'silver', 'orders')).toMatchObject({ held: 3, released: 0, reprocessed: 3 });
  });

  it('keeps a fix through every later rebuild: the original the rebuild brings again is replaced by the fixed row', async () => {
    expect((await rebuild(1)).quarantined).toBe(3);
    await t.conn.run('UPDATE quarantine.silver_orders SET customer_id = 4 WHERE order_id = 7');
    await releaseQuarantined(t.conn, 'silver', 'orders', 'order_id = 7');

    for (const runId of [2, 3, 4]) {
      const result = await rebuild(runId);
      expect(result).toMatchObject({ released: 1, quarantined: 2 });
      expect(await order(7)).toEqual([{ order_id: 7, customer_id: 4, status: 'paid' }]);
      // Only the rows nobody fixed are held; the original of order 7 is not held again.
      expect(await heldIds()).toEqual([8, 9]);
    }
    const listing = await listQuarantine(t.conn, 'silver', 'orders', { includeReleased: true });
    expect(listing).toMatchObject({ held: 2, released: 0, reprocessed: 1 });
    expect(listing.columns.map((c) => c.name)).not.toContain('_original_hash');
  });

  it('keeps a fix of a row held as a duplicate', async () => {
    await rebuild(1);
    // The older copy of order 9 was really another order.
    await t.conn.run('UPDATE quarantine.silver_orders SET order_id = 90 WHERE order_id = 9');
    await releaseQuarantined(t.conn, 'silver', 'orders', 'order_id = 90');
    for (const runId of [2, 3]) {
      await rebuild(runId);
      expect(await t.conn.all('SELECT order_id, status FROM silver.orders WHERE order_id IN (9, 90) ORDER BY order_id')).toEqual([
        { order_id: 9, status: 'shipped' },
        { order_id: 90, status: 'paid' },
      ]);
      expect(await heldIds()).toEqual([7, 8]);
    }
  });

  it('follows a fix that was held again and fixed once more to the last fix', async () => {
    await rebuild(1);
    // The first fix of order 7 gives it a customer but a status no check accepts: held again.
    await t.conn.run("UPDATE quarantine.silver_orders SET customer_id = 4, status = 'mislaid' WHERE order_id = 7");
    await releaseQuarantined(t.conn, 'silver', 'orders', 'order_id = 7');
    await rebuild(2);
    expect(await order(7)).toEqual([]);
    expect(await heldIds()).toEqual([7, 8, 9]);
    await t.conn.run("UPDATE quarantine.silver_orders SET status = 'paid' WHERE order_id = 7 AND _released_at IS NULL");
    await releaseQuarantined(t.conn, 'silver', 'orders', 'order_id = 7');

    for (const runId of [3, 4]) {
      await rebuild(runId);
      expect(await order(7)).toEqual([{ order_id: 7, customer_id: 4, status: 'paid' }]);
      expect(await heldIds()).toEqual([8, 9]);
    }
  });

  it('takes a fix into a model published by key only where the fix keeps the key', async () => {
    await rebuild(1);
    await t.conn.run('UPDATE quarantine.silver_orders SET customer_id = 4 WHERE order_id = 7');
    await t.conn.run('UPDATE quarantine.silver_orders SET customer_id = 5, order_id = 80 WHERE order_id = 8');
    await t.conn.run("UPDATE quarantine.silver_orders SET status = 'paid' WHERE order_id = 80");
    await releaseQuarantined(t.conn, 'silver', 'orders', 'order_id IN (7, 80)');
    await rebuild(2);

    // New data brings the originals of orders 7 and 8 again, published by order_id.
    await stageOrders(t.conn);
    const keyed = await gate(3, CHECKS, { keyColumns: ['order_id'] });
    expect(keyed.released).toBe(1);
    const staged = await t.conn.all(`SELECT order_id, customer_id, status FROM ${STAGE} WHERE order_id IN (7, 8, 80) ORDER BY order_id`);
    expect(staged).toEqual([{ order_id: 7, customer_id: 4, status: 'paid' }]);
    // Order 8's fix moved it to key 80: publishing by key would leave two rows, so its original is held again.
    expect(await heldIds()).toEqual([8, 9]);
  });

  it('adds the fingerprint column to a quarantine table from before it existed, taking it for the rows still held', async () => {
    await rebuild(1);
    await t.conn.run('ALTER TABLE quarantine.silver_orders DROP COLUMN _original_hash');
    // Order 7 was fixed and released before the upgrade: its original values are gone.
    await t.conn.run('UPDATE quarantine.silver_orders SET customer_id = 4 WHERE order_id = 7');
    await releaseQuarantined(t.conn, 'silver', 'orders', 'order_id = 7');
    // A run on new data adds the column when it holds a row: rows 8 and 9, still held, get their fingerprint.
    await stageNewOrder(12);
    await t.conn.run(`INSERT INTO ${STAGE} VALUES (13, NULL, 'paid', 13.00, '2024-02-01', TIMESTAMP '2024-02-01 10:00:00')`);
    await gate(2, CHECKS, { keyColumns: ['order_id'] });
    await publishAppend();
    expect(await t.conn.all('SELECT order_id, _original_hash IS NOT NULL AS known FROM quarantine.silver_orders ORDER BY order_id')).toEqual([
      { order_id: 7, known: false },
      { order_id: 8, known: true },
      { order_id: 9, known: true },
      { order_id: 13, known: true },
    ]);
    // A fix of order 8 made after the upgrade lasts; order 7's, made before, is published until a rebuild holds its original again.
    await t.conn.run("UPDATE quarantine.silver_orders SET status = 'paid' WHERE order_id = 8");
    await releaseQuarantined(t.conn, 'silver', 'orders', 'order_id = 8');
    for (const runId of [3, 4]) {
      await rebuild(runId);
      expect(await t.conn.all('SELECT order_id, status FROM silver.orders WHERE order_id = 8')).toEqual([{ order_id: 8, status: 'paid' }]);
    }
    expect(await heldIds()).toEqual([7, 9, 13]);
  });

  it('pairs identical originals with their fixes one to one', async () => {
    const sevens = (): Promise<unknown[]> => t.conn.all('SELECT customer_id FROM silver.orders WHERE order_id = 7 ORDER BY customer_id');
    await rebuildTwins(1);
    // The two copies were two orders after all: one for customer 1, one for customer 2.
    await t.conn.run('UPDATE quarantine.silver_orders SET customer_id = 1 WHERE order_id = 7 AND rowid = (SELECT min(rowid) FROM quarantine.silver_orders WHERE order_id = 7)');
    await t.conn.run('UPDATE quarantine.silver_orders SET customer_id = 2 WHERE order_id = 7 AND customer_id IS NULL');
    await releaseQuarantined(t.conn, 'silver', 'orders', 'order_id = 7');
    for (const runId of [2, 3]) {
      await rebuildTwins(runId);
      expect(await sevens()).toEqual([{ customer_id: 1 }, { customer_id: 2 }]);
      expect(await heldIds()).toEqual([8]);
    }
  });

  it('keeps a fix in place of one copy and holds the copy nobody fixed', async () => {
    await rebuildTwins(1);
    await t.conn.run('UPDATE quarantine.silver_orders SET customer_id = 1 WHERE rowid = (SELECT min(rowid) FROM quarantine.silver_orders WHERE order_id = 7)');
    await releaseQuarantined(t.conn, 'silver', 'orders', 'customer_id = 1');
    await rebuildTwins(2);
    await rebuildTwins(3);
    expect(await t.conn.all('SELECT customer_id FROM silver.orders WHERE order_id = 7')).toEqual([{ customer_id: 1 }]);
    expect(await heldIds()).toEqual([7, 8]);
  });

  it('keeps a fix when the same bad row comes again in a later delivery, with that delivery\'s lineage', async () => {
    /** The orders as a model that passes bronze lineage on: batch `batch`, loaded at day `batch`. */
    const deliver = async (runId: number, batch: number): Promise<void> => {
      await stageOrders(t.conn);
      await t.conn.run(`CREATE OR REPLACE TABLE ${STAGE} AS SELECT *, ${batch}::BIGINT AS _batch_id, TIMESTAMP '2024-03-01' + INTERVAL (${batch}) DAY AS _loaded_at FROM ${STAGE}`);
      await gate(runId, CHECKS, { keyColumns: [] });
      await t.conn.run(`CREATE OR REPLACE TABLE silver.orders AS SELECT * FROM ${STAGE}`);
      await t.conn.run(`DROP TABLE ${STAGE}`);
    };
    await deliver(1, 1);
    await t.conn.run('UPDATE quarantine.silver_orders SET customer_id = 4 WHERE order_id = 7');
    await releaseQuarantined(t.conn, 'silver', 'orders', 'order_id = 7');
    await deliver(2, 1);
    await deliver(3, 2);
    expect(await t.conn.all('SELECT customer_id, _batch_id FROM silver.orders WHERE order_id = 7')).toEqual([{ customer_id: 4, _batch_id: 2 }]);
    expect(await heldIds()).toEqual([8, 9]);
  });
});
