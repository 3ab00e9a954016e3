// The quality gate on a staged result in a real DuckDB file: one-pass evaluation, quarantine
// split with reasons, dedup keep_latest, severities and thresholds, stored results and score.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runQualityGate, type GateInput } from '../../../src/engine/quality/index.js';
import { latestCheckRuns, storedCheckResults } from '../../../src/engine/quality/results-store.js';
import { openTestDb, stageOrders, STATUSES, type TestDb } from './quality-db.js';

const STAGE = '"silver"."__stage_orders"';

const MIXED: unknown[] = [
  { kind: 'unique', column: 'order_id', dedup: 'keep_latest', order_by: 'updated_at' },
  { kind: 'not_null', column: 'customer_id', severity: 'quarantine' },
  { kind: 'accepted_values', column: 'status', values: STATUSES, severity: 'quarantine' },
  { kind: 'expression', name: 'valid_order_date', expression: "try_strptime(order_date, '%Y-%m-%d') IS NOT NULL", severity: 'quarantine' },
  { kind: 'range', column: 'total_amount', min: 0, max: 10000, severity: 'warn' },
  { kind: 'relationships', column: 'customer_id', to: 'silver.customers', severity: 'warn' },
  { kind: 'pattern', column: 'order_date', regex: '^2024-0[1-9]-[0-3][0-9]$', severity: 'warn' },
  { kind: 'row_count', min: 5 },
  { kind: 'assert', name: 'no_future_orders', sql: "SELECT * FROM this WHERE updated_at > TIMESTAMP '2030-01-01'" },
];

describe('runQualityGate', () => {
  let t: TestDb;
  beforeEach(async () => {
    t = await openTestDb();
    await stageOrders(t.conn);
  });
  afterEach(() => t.close());

  const gate = (checks: unknown[], runId = 1): Promise<Awaited<ReturnType<typeof runQualityGate>>> => {
    const input: GateInput = { conn: t.conn, runId, layer: 'silver', model: 'orders', stagingTable: STAGE, checks, file: 'models/silver/orders.yaml' };
    return runQualityGate(input);
  };

  it('judges every check in one aggregate query and splits quarantined rows with all their reasons', async () => {
    const result = await gate(MIXED);
    expect(result.outcome).toBe('warn');
    expect(result.rowsChecked).toBe(11);
    expect(result.quarantined).toBe(3);
    const byName = Object.fromEntries(result.results.map((r) => [r.name, r]));
    expect(byName['unique(order_id)']).toMatchObject({ status: 'warn', failingRows: 1, severity: 'quarantine' });
    expect(byName['not_null(customer_id)']).toMatchObject({ status: 'warn', failingRows: 1 });
    expect(byName['accepted_values(status)']).toMatchObject({ status: 'warn', failingRows: 1 });
    expect(byName.valid_order_date).toMatchObject({ status: 'warn', failingRows: 1 });
    expect(byName['range(total_amount)']).toMatchObject({ status: 'warn', failingRows: 1, severity: 'warn' });
    expect(byName['relationships(customer_id -> silver.customers)']).toMatchObject({ status: 'warn', failingRows: 1 });
    expect(byName['pattern(order_date)']).toMatchObject({ status: 'warn', failingRows: 1, samples: [expect.objectContaining({ order_id: 8 })] });
    expect(byName.row_count).toMatchObject({ status: 'pass', failingRows: 0 });
    expect(byName.no_future_orders).toMatchObject({ status: 'pass', failingRows: 0 });
    expect(byName['range(total_amount)']?.samples).toEqual([expect.objectContaining({ order_id: 10, total_amount: -5 })]);
    expect(byName['not_null(customer_id)']?.message).toContain('moved to quarantine');
    // Samples of moved rows are read back from quarantine, with the model's columns only.
    expect(byName['not_null(customer_id)']?.samples).toEqual([
      { order_id: 7, customer_id: null, status: 'paid', total_amount: 70, order_date: '2024-01-07', updated_at: '2024-01-07 10:00:00' },
    ]);
    expect(byName['unique(order_id)']?.samples).toEqual([expect.objectContaining({ order_id: 9, status: 'paid' })]);

    // One statement, one scan: every check is a filtered count or a scalar subquery of the same SELECT.
    expect(result.sql.match(/^SELECT$/gm)).toHaveLength(1);
    expect(result.sql).toContain('count_if(NOT ("customer_id" IS NOT NULL)) AS "not_null(customer_id)"');
    expect(result.sql).toContain(`count_if(NOT coalesce((try_strptime(order_date, '%Y-%m-%d') IS NOT NULL), false)) AS "valid_order_date"`);
    expect(result.sql).toContain('-- not_null(customer_id) · quarantine');

    const staged = await t.conn.all<{ order_id: number; status: string }>(`SELECT order_id, status FROM ${STAGE} ORDER BY order_id`);
    expect(staged.map((r) => r.order_id)).toEqual([1, 2, 3, 4, 5, 6, 9, 10]);
    expect(staged.find((r) => r.order_id === 9)?.status).toBe('shipped'); // the latest copy is kept

    const q = await t.conn.all<{ order_id: number; _failed_checks: string[]; _run_id: number }>(
      'SELECT order_id, _failed_checks, _run_id FROM quarantine.silver_orders ORDER BY order_id',
    );
    expect(q).toEqual([
      { order_id: 7, _failed_checks: ['not_null(customer_id)'], _run_id: 1 },
      { order_id: 8, _failed_checks: ['accepted_values(status)', 'valid_order_date', 'pattern(order_date)'], _run_id: 1 },
      { order_id: 9, _failed_checks: ['unique(order_id)'], _run_id: 1 },
    ]);
    expect(result.quarantineSql).toContain('INSERT INTO "quarantine"."silver_orders" BY NAME');
    expect(result.quarantineSql).toContain(`DELETE FROM ${STAGE} WHERE rowid IN`);
    // Nothing lost: rows checked = rows left + rows quarantined.
    expect(8 + result.quarantined).toBe(result.rowsChecked);
  });

  it('stores results, samples, SQL and the score in the run history', async () => {
    const result = await gate(MIXED, 7);
    const stored = await storedCheckResults(t.conn, { runId: 7, mode: 'gate', layer: 'silver', model: 'orders' });
    expect(stored.map((r) => r.name)).toEqual(result.results.map((r) => r.name));
    expect(stored[4]).toMatchObject({ name: 'range(total_amount)', failingRows: 1, samples: [expect.objectContaining({ order_id: 10 })] });
    // The dedup sets the older copy of order 9 aside first: the other checks count the rows left.
    expect(stored[4]?.sql).toBe(
      'SELECT count(*) AS failing FROM (SELECT * FROM "silver"."__stage_orders" WHERE rowid NOT IN (SELECT __ingot_rowid FROM "__ingot_older_copies")) AS kept WHERE NOT ("total_amount" IS NULL OR ("total_amount" >= 0 AND "total_amount" <= 10000))',
    );
    const [run] = await latestCheckRuns(t.conn);
    expect(run).toMatchObject({ runId: 7, mode: 'gate', layer: 'silver', model: 'orders', outcome: 'warn', rowsChecked: 11, quarantined: 3 });
    expect(run?.score).toBe(result.score);
    expect(result.score).toBeGreaterThan(80);
    expect(result.score).toBeLessThan(100);
  });

  it('stops the model on an error check and leaves staging and quarantine untouched', async () => {
    const result = await gate([
      { kind: 'not_null', column: 'customer_id' },
      { kind: 'accepted_values', column: 'status', values: STATUSES, severity: 'quarantine' },
    ]);
    expect(result.outcome).toBe('error');
    expect(result.results[0]).toMatchObject({ status: 'fail', failingRows: 1, severity: 'error' });
    expect(result.results[1]?.message).toContain('not quarantined');
    expect(result.results[1]?.samples).toEqual([expect.objectContaining({ order_id: 8, status: 'lost' })]);
    expect(result.quarantined).toBe(0);
    expect(await t.conn.one(`SELECT count(*) AS n FROM ${STAGE}`)).toEqual({ n: 11 });
    expect(await t.conn.one("SELECT count(*) AS n FROM information_schema.tables WHERE table_schema = 'quarantine'")).toEqual({ n: 0 });
  });

  it('shows samples whose DOUBLE values are NaN or infinite, quarantining and asserting as usual', async () => {
    await t.conn.run(`CREATE OR REPLACE TABLE ${STAGE} AS SELECT * FROM (VALUES (1, 1.5::DOUBLE, 'a'), (2, 'nan'::DOUBLE, NULL), (3, 'inf'::DOUBLE, NULL)) t(id, reading, site)`);
    const result = await gate([
      { kind: 'not_null', column: 'site', severity: 'quarantine' },
      { kind: 'assert', name: 'no_infinite', sql: "SELECT id, reading, '-Infinity NaN' AS note FROM this WHERE isinf(reading) OR isnan(reading)", severity: 'warn' },
    ]);
    expect(result.quarantined).toBe(2);
    expect(result.results[1]?.samples).toEqual([
      { id: 2, reading: 'NaN', note: '-Infinity NaN' },
      { id: 3, reading: 'Infinity', note: '-Infinity NaN' },
    ]);
  });

  it('applies thresholds: error_if in percent, warn_if above a count', async () => {
    const result = await gate([
      { kind: 'not_null', column: 'customer_id', error_if: '>20%' },
      { kind: 'not_null', name: 'strict', column: 'customer_id', error_if: '>5%' },
      { kind: 'range', column: 'total_amount', min: 0, severity: 'warn', warn_if: '>3' },
    ]);
    expect(result.results.map((r) => r.status)).toEqual(['warn', 'fail', 'pass']);
    expect(result.outcome).toBe('error');
  });

  it('reports unique duplicates without dedup and quarantines all copies with quarantine_all', async () => {
    const plain = await gate([{ kind: 'unique', column: 'order_id', severity: 'warn' }]);
    expect(plain.results[0]).toMatchObject({ status: 'warn', failingRows: 2 });
    expect(plain.results[0]?.samples.map((s) => s.order_id)).toEqual([9, 9]);
    const all = await gate([{ kind: 'unique', columns: ['order_id'], dedup: 'quarantine_all' }], 2);
    expect(all.quarantined).toBe(2);
    expect(await t.conn.one(`SELECT count(*) AS n FROM ${STAGE} WHERE order_id = 9`)).toEqual({ n: 0 });
  });

  it('reports a check that breaks at run time as error and still judges the others', async () => {
    const result = await gate([
      { kind: 'expression', name: 'date_cast', expression: 'CAST(order_date AS DATE) IS NOT NULL', severity: 'warn' },
      { kind: 'not_null', column: 'customer_id', severity: 'warn' },
    ]);
    expect(result.results[0]).toMatchObject({ name: 'date_cast', status: 'error' });
    expect(result.results[0]?.message).toMatch(/could not be judged: .*Conversion Error/);
    expect(result.results[1]).toMatchObject({ status: 'warn', failingRows: 1 });
    expect(result.outcome).toBe('warn');
  });

  it('keeps the later delivery of a key when the ordering ties, whatever the rows hold', async () => {
    const kept: unknown[] = [];
    for (const [first, second] of [
      ['paid', 'shipped'],
      ['shipped', 'paid'],
    ]) {
      // Two deliveries of order 1 with the same updated_at: batch 1 says `first`, batch 2 `second`.
      await t.conn.run(`CREATE OR REPLACE TABLE ${STAGE} AS SELECT * FROM (VALUES
        (1, '${first}', TIMESTAMP '2024-01-01 10:00:00', 1::BIGINT, 7::BIGINT),
        (1, '${second}', TIMESTAMP '2024-01-01 10:00:00', 2::BIGINT, 3::BIGINT)
      ) AS v(order_id, status, updated_at, _batch_id, _row_number)`);
      await t.conn.run('DROP TABLE IF EXISTS quarantine.silver_orders');
      expect((await gate([{ kind: 'unique', column: 'order_id', dedup: 'keep_latest', order_by: 'updated_at' }])).quarantined).toBe(1);
      kept.push(...(await t.conn.all(`SELECT status, _batch_id FROM ${STAGE}`)));
    }
    expect(kept).toEqual([
      { status: 'shipped', _batch_id: 2 },
      { status: 'paid', _batch_id: 2 },
    ]);
  });
});
