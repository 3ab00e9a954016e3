// Fixing a held row in place, named by the values the app shows (read back from Arrow as the
// Quality screen reads them): only that row changes, a value of the wrong type or a bookkeeping
// column is refused and changes nothing, a row that changed meanwhile is NOT_FOUND, and a fixed
// and released row is published by the next rebuild and by every one after it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listQuarantine, runQualityGate } from '../../../src/engine/quality/index.js';
import { arrowPayload } from '../../../src/engine/host/tables.js';
import { fixQuarantinedRow } from '../../../src/engine/quality/quarantine-edit.js';
import { QUARANTINE_READABLE_COLUMNS } from '../../../src/engine/quality/quarantine-table.js';
import { heldRows } from '../../../src/renderer/features/quality/held-rows.js';
import { IngotError } from '../../../src/shared/errors.js';
import { openTestDb, stageOrders, STATUSES, type TestDb } from './quality-db.js';

const STAGE = '"silver"."__stage_orders"';
const CHECKS = [
  { kind: 'unique', column: 'order_id', dedup: 'keep_latest', order_by: 'updated_at' },
  { kind: 'not_null', column: 'customer_id', severity: 'quarantine' },
  { kind: 'accepted_values', column: 'status', values: STATUSES, severity: 'quarantine' },
];

describe('fixing a held row', () => {
  let t: TestDb;
  beforeEach(async () => {
    t = await openTestDb();
  });
  afterEach(() => t.close());

  /** A full rebuild of the model: stage every order again, check it (fixes reapplied) and publish it whole. */
  async function rebuild(runId: number): Promise<Awaited<ReturnType<typeof runQualityGate>>> {
    await stageOrders(t.conn);
    const result = await runQualityGate({ conn: t.conn, runId, layer: 'silver', model: 'orders', stagingTable: STAGE, checks: CHECKS, file: 'models/silver/orders.yaml', reapplyFixes: { keyColumns: [] } });
    await t.conn.run(`CREATE OR REPLACE TABLE silver.orders AS SELECT * FROM ${STAGE}`);
    await t.conn.run(`DROP TABLE ${STAGE}`);
    return result;
  }

  /** The held row of `orderId` as the app shows it: the quarantine page as Arrow, read by the Quality screen's reader. */
  async function shownRow(orderId: number): Promise<Record<string, string | null>> {
    const page = await t.conn.arrow(`SELECT ${QUARANTINE_READABLE_COLUMNS} FROM quarantine.silver_orders ORDER BY order_id, updated_at`);
    const row = heldRows(arrowPayload(page), 100).find((r) => r.values.order_id === String(orderId));
    if (!row) throw new Error(`order ${orderId} is not held`);
    return row.values;
  }

  const heldTable = (): Promise<unknown[]> =>
    t.conn.all('SELECT order_id, customer_id, status, total_amount::VARCHAR AS total, _original_hash, _released_at IS NULL AS held FROM quarantine.silver_orders ORDER BY order_id, updated_at');

  it('changes only the row it names, casting each value to its column type', async () => {
    await rebuild(1);
    const before = await heldTable();
    const result = await fixQuarantinedRow(t.conn, 'silver', 'orders', await shownRow(7), { customer_id: '4', total_amount: '71.5' });
    expect(result).toEqual({ fixed: 1, released: 0, releaseId: null });
    const after = await heldTable();
    expect(after).toEqual(before.map((r) => ((r as { order_id: number }).order_id === 7 ? { ...(r as object), customer_id: 4, total: '71.50' } : r)));
    // The fingerprint of the original stays: that is what lets the fix outlive a rebuild.
    expect(await t.conn.one('SELECT _original_hash IS NOT NULL AS kept FROM quarantine.silver_orders WHERE order_id = 7')).toEqual({ kept: true });

    // Setting a value to NULL, and a name in another case.
    await fixQuarantinedRow(t.conn, 'silver', 'orders', await shownRow(8), { STATUS: null });
    expect(await t.conn.one('SELECT status FROM quarantine.silver_orders WHERE order_id = 8')).toEqual({ status: null });
  });

  it('refuses a value of the wrong type, naming the column, the value and the type, and changes nothing', async () => {
    await rebuild(1);
    const before = await heldTable();
    const bad = (await fixQuarantinedRow(t.conn, 'silver', 'orders', await shownRow(7), { status: 'paid', customer_id: 'abc' }).catch((e: unknown) => e)) as IngotError;
    expect(bad).toBeInstanceOf(IngotError);
    expect(bad.code).toBe('INVALID_INPUT');
    expect(bad.message).toBe("customer_id: 'abc' is not a value of type BIGINT.");
    expect(bad.detail).toMatchObject({ field: 'customer_id' });
    const decimal = (await fixQuarantinedRow(t.conn, 'silver', 'orders', await shownRow(7), { total_amount: '12,50' }).catch((e: unknown) => e)) as IngotError;
    expect(decimal.message).toBe("total_amount: '12,50' is not a value of type DECIMAL(12,2).");
    expect(await heldTable()).toEqual(before);
  });

  it('refuses bookkeeping and unknown columns, naming the field', async () => {
    await rebuild(1);
    const before = await heldTable();
    const row = await shownRow(7);
    for (const field of ['_run_id', '_original_hash', '_released_at']) {
      const refused = (await fixQuarantinedRow(t.conn, 'silver', 'orders', row, { customer_id: '4', [field]: '1' }).catch((e: unknown) => e)) as IngotError;
      expect(refused.code, field).toBe('INVALID_INPUT');
      expect(refused.message, field).toMatch(new RegExp(`^${field} is a column Ingot keeps for its own bookkeeping`));
      expect(refused.detail, field).toEqual({ field });
    }
    const unknown = (await fixQuarantinedRow(t.conn, 'silver', 'orders', row, { custmer_id: '4' }).catch((e: unknown) => e)) as IngotError;
    expect(unknown.code).toBe('INVALID_INPUT');
    expect(unknown.message).toBe('quarantine.silver_orders has no column custmer_id (did you mean customer_id?).');
    expect(unknown.detail).toEqual({ field: 'custmer_id' });
    expect(await heldTable()).toEqual(before);
  });

  it('answers NOT_FOUND with a hint to reload when the row changed or was released meanwhile', async () => {
    await rebuild(1);
    const row = await shownRow(7);
    await fixQuarantinedRow(t.conn, 'silver', 'orders', row, { customer_id: '4' });
    // The same row as read before that fix no longer matches.
    const stale = (await fixQuarantinedRow(t.conn, 'silver', 'orders', row, { customer_id: '5' }).catch((e: unknown) => e)) as IngotError;
    expect(stale.code).toBe('NOT_FOUND');
    expect(stale.message).toMatch(/^No held row of quarantine\.silver_orders matches the row to fix/);
    expect(stale.hint).toMatch(/^Reload the quarantine/);
    expect(await t.conn.one('SELECT customer_id FROM quarantine.silver_orders WHERE order_id = 7')).toEqual({ customer_id: 4 });
    // A released row is no longer held.
    const current = await shownRow(7);
    await fixQuarantinedRow(t.conn, 'silver', 'orders', current, {}, { release: true });
    const released = (await fixQuarantinedRow(t.conn, 'silver', 'orders', current, { customer_id: '5' }).catch((e: unknown) => e)) as IngotError;
    expect(released.code).toBe('NOT_FOUND');
    // Another run's copy of the row (another _run_id) is not this one either.
    expect((await fixQuarantinedRow(t.conn, 'silver', 'orders', { ...(await shownRow(8)), _run_id: '2' }, { status: 'paid' }).catch((e: unknown) => e)) as IngotError).toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('fixes identical held rows alike and says how many', async () => {
    await rebuild(1);
    await t.conn.run('INSERT INTO quarantine.silver_orders SELECT * FROM quarantine.silver_orders WHERE order_id = 8');
    const result = await fixQuarantinedRow(t.conn, 'silver', 'orders', await shownRow(8), { status: 'paid' }, { release: true });
    expect(result).toMatchObject({ fixed: 2, released: 2 });
    expect(await t.conn.one('SELECT filter, rows_released FROM _ingot.quarantine_releases WHERE release_id = ?', [result.releaseId])).toEqual({
      filter: `_release_id = ${result.releaseId}`,
      rows_released: 2,
    });
  });

  it('publishes a fixed and released row on the next rebuild, and keeps it through later ones', async () => {
    expect((await rebuild(1)).quarantined).toBe(3);
    const result = await fixQuarantinedRow(t.conn, 'silver', 'orders', await shownRow(7), { customer_id: '4' }, { release: true });
    expect(result).toMatchObject({ fixed: 1, released: 1 });
    expect(await listQuarantine(t.conn, 'silver', 'orders')).toMatchObject({ held: 2, released: 1 });
    for (const runId of [2, 3]) {
      expect(await rebuild(runId)).toMatchObject({ quarantined: 2 });
      expect(await t.conn.all('SELECT order_id, customer_id, status FROM silver.orders WHERE order_id = 7')).toEqual([{ order_id: 7, customer_id: 4, status: 'paid' }]);
      expect((await listQuarantine(t.conn, 'silver', 'orders')).rows.map((r) => r.order_id).sort()).toEqual([8, 9]);
    }
  });

  it('gives a row held before Ingot kept fingerprints its original\'s when it is fixed, so the fix lasts', async () => {
    await rebuild(1);
    await t.conn.run('UPDATE quarantine.silver_orders SET _original_hash = NULL');
    await fixQuarantinedRow(t.conn, 'silver', 'orders', await shownRow(7), { customer_id: '4' }, { release: true });
    for (const runId of [2, 3]) {
      await rebuild(runId);
      expect(await t.conn.all('SELECT customer_id FROM silver.orders WHERE order_id = 7')).toEqual([{ customer_id: 4 }]);
    }
  });

  it('names a row that holds a BLOB, nanoseconds or a MAP, which the app cannot show exactly', async () => {
    await t.conn.run(`CREATE TABLE ${STAGE} AS SELECT 7::BIGINT AS order_id, NULL::BIGINT AS customer_id, 'paid' AS status,
      '\\x01\\x02abcdefghijklmnopqrstuvwxyzabcdefghijklmnop'::BLOB AS payload, TIMESTAMP_NS '2024-01-01 10:00:00.123456789' AS at_ns, MAP {'k': 1} AS tags, TIMESTAMP '2024-01-01' AS updated_at`);
    await runQualityGate({ conn: t.conn, runId: 1, layer: 'silver', model: 'orders', stagingTable: STAGE, checks: CHECKS.slice(1), file: 'models/silver/orders.yaml' });
    const result = await fixQuarantinedRow(t.conn, 'silver', 'orders', await shownRow(7), { customer_id: '4' });
    expect(result.fixed).toBe(1);
    expect(await t.conn.one('SELECT customer_id, octet_length(payload) AS bytes, at_ns::VARCHAR AS at FROM quarantine.silver_orders')).toEqual({
      customer_id: 4,
      bytes: 44,
      at: '2024-01-01 10:00:00.123456789',
    });
  });
});
