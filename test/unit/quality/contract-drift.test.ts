// Contracts verified on the staged result before publish, and bronze schema drift reported as
// a check result.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { driftToCheckResult, latestCheckRuns, recordDrift, runQualityGate } from '../../../src/engine/quality/index.js';
import { openTestDb, stageOrders, type TestDb } from './quality-db.js';

const STAGE = '"silver"."__stage_orders"';

describe('contracts', () => {
  let t: TestDb;
  beforeEach(async () => {
    t = await openTestDb();
    await stageOrders(t.conn);
  });
  afterEach(() => t.close());

  const gate = (contract: Record<string, unknown>): ReturnType<typeof runQualityGate> =>
    runQualityGate({ conn: t.conn, runId: 1, layer: 'silver', model: 'orders', stagingTable: STAGE, checks: [{ kind: 'contract', ...contract }], file: 'models/silver/orders.yaml' });

  it('passes a staged result that keeps its promises, with DuckDB type aliases', async () => {
    const result = await gate({
      columns: [
        { name: 'order_id', type: 'int8' },
        { name: 'status', type: 'text' },
        { name: 'total_amount', type: 'decimal(12, 2)' },
        { name: 'updated_at', type: 'timestamp', nullable: false },
      ],
    });
    expect(result.results[0]).toMatchObject({ status: 'pass', message: 'the staged result matches the contract' });
    expect(result.outcome).toBe('pass');
  });

  it('fails a breaking change, naming the columns and both types', async () => {
    const result = await gate({
      columns: [
        { name: 'order_id', type: 'BIGINT' },
        { name: 'total_amount', type: 'DOUBLE' },
        { name: 'currency', type: 'VARCHAR' },
      ],
      allow_extra_columns: false,
    });
    expect(result.outcome).toBe('error');
    const [r] = result.results;
    expect(r?.status).toBe('fail');
    expect(r?.message).toBe(
      'breaking change: column total_amount is DECIMAL(12,2), the contract says DOUBLE; column currency (VARCHAR) is missing; ' +
        'column customer_id (BIGINT) is not in the contract; column status (VARCHAR) is not in the contract; ' +
        'column order_date (VARCHAR) is not in the contract; column updated_at (TIMESTAMP) is not in the contract',
    );
    expect(r?.details).toMatchObject({ schema_problems: expect.arrayContaining(['column currency (VARCHAR) is missing']) });
  });

  it('counts NULLs in non-nullable columns and primary key duplicates, with samples', async () => {
    const result = await gate({
      columns: [{ name: 'order_id', nullable: false }, { name: 'customer_id', nullable: false }],
      primary_key: 'order_id',
    });
    const [r] = result.results;
    expect(r).toMatchObject({ status: 'fail', failingRows: 2 });
    expect(r?.message).toBe('customer_id is NULL in 1 row, but the contract says it is not nullable; primary key order_id repeats in 1 row');
    expect(r?.samples).toEqual([expect.objectContaining({ order_id: 7, customer_id: null })]);
  });

  it('can be declared as a warning only', async () => {
    const result = await gate({ columns: [{ name: 'gone', type: 'INTEGER' }], severity: 'warn' });
    expect(result.results[0]).toMatchObject({ status: 'warn', message: 'breaking change: column gone (INTEGER) is missing' });
    expect(result.outcome).toBe('warn');
  });
});

describe('schema drift', () => {
  it('turns an ingest drift report into a check result and stores it for bronze', async () => {
    const drift = {
      source: 'orders',
      batchId: 2,
      changes: [
        { column: 'coupon', change: 'added' as const, detail: 'new column VARCHAR in data/orders/orders_2.csv' },
        { column: 'currency', change: 'missing' as const, detail: 'not in data/orders/orders_2.csv; loaded as NULL' },
      ],
    };
    expect(driftToCheckResult(drift)).toMatchObject({
      name: 'schema_drift',
      kind: 'drift',
      status: 'warn',
      severity: 'warn',
      failingRows: 2,
      message:
        'schema drift of bronze.orders: new column coupon (new column VARCHAR in data/orders/orders_2.csv); ' +
        'missing column currency (not in data/orders/orders_2.csv; loaded as NULL)',
    });
    const breaking = driftToCheckResult({
      source: 'orders',
      changes: [{ column: 'total_amount', change: 'type_changed', detail: 'bronze.orders has DECIMAL(12,2), but orders_3.csv has VARCHAR' }],
    });
    expect(breaking).toMatchObject({ status: 'fail', severity: 'error' });
    expect(breaking.message).toContain('changed type of column total_amount (bronze.orders has DECIMAL(12,2), but orders_3.csv has VARCHAR)');
    expect(driftToCheckResult({ source: 'orders', changes: [] }).status).toBe('pass');

    const t = await openTestDb();
    try {
      await recordDrift(t.conn, drift, 120);
      const [run] = await latestCheckRuns(t.conn);
      expect(run).toMatchObject({ mode: 'ingest', layer: 'bronze', model: 'orders', outcome: 'warn', rowsChecked: 120, score: 50 });
    } finally {
      t.close();
    }
  });
});
