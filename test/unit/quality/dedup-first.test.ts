// Checks after `unique … dedup: keep_latest`: the older copies a dedup sets aside are not judged by
// the other checks. Percentage thresholds count the rows the model would publish, an older copy
// that fails a check neither stops the model nor is held for that check, and a pipeline run
// judges the same rows `ingot check` judges afterwards on the published table.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runPipeline } from '../../../src/engine/pipeline/runner.js';
import { checkPublished, releaseQuarantined, runQualityGate, type GateResult } from '../../../src/engine/quality/index.js';
import { openWorkspace, type Workspace } from '../../../src/engine/workspace/workspace.js';
import { appendBatch, createWorkspace, rows, writeModel } from '../pipeline/helpers.js';
import { openTestDb, type TestDb } from './quality-db.js';

const STAGE = '"silver"."__stage_s"';
const DEDUP = { kind: 'unique', column: 'id', dedup: 'keep_latest', order_by: 'updated_at' };
const NO_NEGATIVE_AMOUNT = { kind: 'range', column: 'amount', min: 0, severity: 'error' };

/** The checks' results by name: status, failing rows, rows judged and the message. */
const verdicts = (result: Pick<GateResult, 'results'>): Record<string, unknown> =>
  Object.fromEntries(result.results.map((r) => [r.name, { status: r.status, failing: r.failingRows, of: r.totalRows, message: r.message }]));

describe('the gate judges the rows dedup keeps', () => {
  let t: TestDb;
  beforeEach(async () => {
    t = await openTestDb();
  });
  afterEach(() => t.close());

  /** Stages (id, customer_id, amount, day of updated_at) rows as silver.__stage_s. */
  const stage = async (values: readonly (readonly [number, number | null, number, number])[]): Promise<void> => {
    const list = values.map(([id, customer, amount, day]) => `(${id}, ${customer ?? 'NULL'}::BIGINT, ${amount}, TIMESTAMP '2025-01-01 10:00:00' + INTERVAL ${day} DAY)`).join(',\n');
    await t.conn.run(`CREATE OR REPLACE TABLE ${STAGE} AS SELECT * FROM (VALUES ${list}) AS v(id, customer_id, amount, updated_at)`);
  };
  const gate = (checks: unknown[], runId = 1, reapplyFixes?: { keyColumns: string[] }): Promise<GateResult> =>
    runQualityGate({ conn: t.conn, runId, layer: 'silver', model: 's', stagingTable: STAGE, checks, file: 'models/silver/s.yaml', ...(reapplyFixes ? { reapplyFixes } : {}) });
  const staged = (): Promise<unknown[]> => t.conn.all(`SELECT id, customer_id, amount FROM ${STAGE} ORDER BY id, updated_at`);
  const held = (): Promise<unknown[]> =>
    t.conn.all('SELECT id, customer_id, amount, _failed_checks FROM quarantine.silver_s WHERE _released_at IS NULL ORDER BY id, updated_at');
  const tempTables = async (): Promise<number> => Number((await t.conn.one<{ n: unknown }>("SELECT count(*) AS n FROM duckdb_tables() WHERE temporary"))?.n);

  it('counts a percentage threshold over the rows left, so a bad row among them stops the model', async () => {
    // Four deliveries of id 1 (all fine) and id 2 with a negative amount; an older copy of id 1 lacks its customer.
    await stage([
      [1, null, 10, 0],
      [1, 7, 11, 1],
      [1, 7, 12, 2],
      [1, 7, 13, 3],
      [2, 8, -5, 0],
    ]);
    const result = await gate([DEDUP, { ...NO_NEGATIVE_AMOUNT, error_if: '>40%' }, { kind: 'not_null', column: 'customer_id', severity: 'quarantine' }]);
    expect(result).toMatchObject({ outcome: 'error', rowsChecked: 5, quarantined: 0 });
    expect(verdicts(result)).toEqual({
      'unique(id)': { status: 'warn', failing: 3, of: 5, message: expect.stringMatching(/^3 of 5 rows are older duplicates of their id/) },
      'range(amount)': { status: 'fail', failing: 1, of: 2, message: '1 of 2 rows have amount outside [0, ∞)' },
      'not_null(customer_id)': { status: 'pass', failing: 0, of: 2, message: 'all 2 rows pass' },
    });
    expect(result.results[1]?.samples).toEqual([expect.objectContaining({ id: 2, amount: -5 })]);
    // Stopped: the stage keeps every row, nothing is held, and the marks of the older copies are gone.
    expect(await staged()).toHaveLength(5);
    expect(await t.conn.one("SELECT count(*) AS n FROM information_schema.tables WHERE table_schema = 'quarantine'")).toEqual({ n: 0 });
    expect(await tempTables()).toBe(0);
  });

  it('publishes when only an older copy that dedup sets aside is bad, holding that copy for the dedup alone', async () => {
    await stage([
      [1, null, -5, 0],
      [1, 7, 10, 1],
      [2, 8, 20, 0],
    ]);
    const result = await gate([DEDUP, NO_NEGATIVE_AMOUNT, { kind: 'not_null', column: 'customer_id', severity: 'quarantine' }]);
    expect(result).toMatchObject({ outcome: 'warn', rowsChecked: 3, quarantined: 1 });
    expect(verdicts(result)).toMatchObject({
      'unique(id)': { status: 'warn', failing: 1, of: 3 },
      'range(amount)': { status: 'pass', failing: 0, of: 2, message: 'all 2 rows pass' },
      'not_null(customer_id)': { status: 'pass', failing: 0, of: 2 },
    });
    expect(await staged()).toEqual([
      { id: 1, customer_id: 7, amount: 10 },
      { id: 2, customer_id: 8, amount: 20 },
    ]);
    expect(await held()).toEqual([{ id: 1, customer_id: null, amount: -5, _failed_checks: ['unique(id)'] }]);
    expect(result.sql).toContain('INSERT INTO "__ingot_older_copies"');
    expect(await tempTables()).toBe(0);
  });

  it('finds keys of other unique checks repeated among the rows left only, and holds them with their own reason', async () => {
    // The older copy of id 1 shares customer 5 with id 2; the latest copy of id 1 shares customer 6 with id 3.
    await stage([
      [1, 5, 1, 0],
      [1, 6, 1, 1],
      [2, 5, 1, 0],
      [3, 6, 1, 0],
    ]);
    const result = await gate([
      DEDUP,
      { kind: 'unique', column: 'customer_id', severity: 'quarantine' },
      { kind: 'unique', name: 'one_order_per_customer', column: 'customer_id', severity: 'warn' },
    ]);
    expect(result).toMatchObject({ outcome: 'warn', rowsChecked: 4, quarantined: 3 });
    expect(verdicts(result)).toMatchObject({
      'unique(id)': { failing: 1, of: 4 },
      'unique(customer_id)': { status: 'warn', failing: 2, of: 3 },
      one_order_per_customer: { status: 'warn', failing: 2, of: 3 },
    });
    expect(result.results[2]?.samples.map((r) => [r.id, r.customer_id])).toEqual([
      [1, 6],
      [3, 6],
    ]);
    expect(await staged()).toEqual([{ id: 2, customer_id: 5, amount: 1 }]);
    expect(await held()).toEqual([
      { id: 1, customer_id: 5, amount: 1, _failed_checks: ['unique(id)'] },
      { id: 1, customer_id: 6, amount: 1, _failed_checks: ['unique(customer_id)', 'one_order_per_customer'] },
      { id: 3, customer_id: 6, amount: 1, _failed_checks: ['unique(customer_id)', 'one_order_per_customer'] },
    ]);
  });

  it('holds rows of the kept ones that fail quarantine checks, shows samples of kept rows only, and keeps a fix of an older copy', async () => {
    // id 1: an older copy without customer and with a negative amount, then a good one; id 2 lacks its customer; id 3 is negative.
    const rebuild = async (runId: number): Promise<GateResult> => {
      await stage([
        [1, null, -1, 0],
        [1, 5, 10, 1],
        [2, null, 20, 0],
        [3, 3, -2, 0],
      ]);
      return gate([DEDUP, { kind: 'not_null', column: 'customer_id', severity: 'quarantine' }, { ...NO_NEGATIVE_AMOUNT, severity: 'warn' }], runId, { keyColumns: [] });
    };
    const first = await rebuild(1);
    expect(first).toMatchObject({ outcome: 'warn', rowsChecked: 4, quarantined: 2 });
    expect(verdicts(first)).toMatchObject({
      'unique(id)': { failing: 1, of: 4 },
      'not_null(customer_id)': { status: 'warn', failing: 1, of: 3 },
      'range(amount)': { status: 'warn', failing: 1, of: 3, message: '1 of 3 rows have amount outside [0, ∞)' },
    });
    expect(first.results[2]?.samples).toEqual([expect.objectContaining({ id: 3, amount: -2 })]);
    expect(first.results[1]?.samples).toEqual([expect.objectContaining({ id: 2 })]);
    expect(await held()).toEqual([
      { id: 1, customer_id: null, amount: -1, _failed_checks: ['unique(id)'] },
      { id: 2, customer_id: null, amount: 20, _failed_checks: ['not_null(customer_id)'] },
    ]);
    // Nothing lost: rows checked = rows left + rows held.
    expect((await staged()).length + first.quarantined).toBe(first.rowsChecked);

    // The older copy of id 1 was really order 10: fixed and released, it is kept through later rebuilds.
    await t.conn.run('UPDATE quarantine.silver_s SET id = 10, customer_id = 6, amount = 1 WHERE id = 1');
    await releaseQuarantined(t.conn, 'silver', 's', 'id = 10');
    for (const runId of [2, 3]) {
      const again = await rebuild(runId);
      expect(again).toMatchObject({ outcome: 'warn', released: 1, rowsChecked: 4, quarantined: 1 });
      expect(verdicts(again)).toMatchObject({ 'unique(id)': { status: 'pass', failing: 0, of: 4 }, 'range(amount)': { failing: 1, of: 4 } });
      expect(await staged()).toEqual([
        { id: 1, customer_id: 5, amount: 10 },
        { id: 3, customer_id: 3, amount: -2 },
        { id: 10, customer_id: 6, amount: 1 },
      ]);
      expect(await held()).toEqual([{ id: 2, customer_id: null, amount: 20, _failed_checks: ['not_null(customer_id)'] }]);
    }
  });
});

describe('a pipeline run judges what it publishes', () => {
  let ws: Workspace | undefined;
  afterEach(() => ws?.close());

  const SQL = 'SELECT id, amount, CAST(updated_at AS TIMESTAMP) AS updated_at FROM bronze.data\n';
  const deliver = (values: string): Promise<number> => appendBatch(ws as Workspace, 'data', `SELECT * FROM (VALUES ${values}) AS v(id, amount, updated_at)`);
  const published = (): Promise<Record<string, unknown>[]> => rows(ws as Workspace, 'SELECT id, amount FROM silver.s ORDER BY id');
  const open = async (checks: unknown[]): Promise<{ root: string }> => {
    const root = await createWorkspace();
    await writeModel(root, 'silver', 's', SQL, { materialization: 'table', checks });
    ws = await openWorkspace(root);
    return { root };
  };
  const run = async () => {
    const result = await runPipeline(ws as Workspace, { trigger: 'cli' });
    return result.models.find((m) => m.model === 'silver.s');
  };

  it('stops a delivery whose latest rows break a percentage threshold, keeping the published table', async () => {
    await open([DEDUP, { ...NO_NEGATIVE_AMOUNT, error_if: '>40%' }]);
    await deliver("(1, 10, '2025-01-01 10:00:00'), (1, 11, '2025-01-02 10:00:00'), (1, 12, '2025-01-03 10:00:00'), (1, 13, '2025-01-04 10:00:00'), (2, 5, '2025-01-01 10:00:00')");
    const first = await run();
    expect(first).toMatchObject({ status: 'success', rowsOut: 2 });
    expect(first?.quality?.checks.find((c) => c.name === 'range(amount)')).toMatchObject({ status: 'pass', failingRows: 0, totalRows: 2 });
    expect(await published()).toEqual([
      { id: 1, amount: 13 },
      { id: 2, amount: 5 },
    ]);

    // A later delivery of id 2 is negative: 1 of the 2 rows to publish (50 %) is bad.
    await deliver("(2, -5, '2025-01-05 10:00:00')");
    const second = await run();
    expect(second).toMatchObject({ status: 'failed', published: false });
    expect(second?.quality?.checks.find((c) => c.name === 'range(amount)')).toMatchObject({ status: 'fail', failingRows: 1, totalRows: 2, message: '1 of 2 rows have amount outside [0, ∞)' });
    expect(second?.quality?.checks.find((c) => c.name === 'unique(id)')).toMatchObject({ failingRows: 4, totalRows: 6 });
    expect(await published()).toEqual([
      { id: 1, amount: 13 },
      { id: 2, amount: 5 },
    ]);
    // `ingot check` on the published table agrees with the run that published it.
    const [report] = await (ws as Workspace).db.withConnection((c) => checkPublished(c, [{ layer: 'silver', model: 's', file: 'models/silver/s.yaml', checks: [DEDUP, { ...NO_NEGATIVE_AMOUNT, error_if: '>40%' }] }]));
    expect(report).toMatchObject({ outcome: 'pass', rowsChecked: 2 });
  });

  it('publishes when only an older delivery is bad, and later full rebuilds keep publishing', async () => {
    await open([DEDUP, NO_NEGATIVE_AMOUNT]);
    await deliver("(1, -5, '2025-01-01 10:00:00'), (1, 10, '2025-01-02 10:00:00'), (2, 20, '2025-01-01 10:00:00')");
    const first = await run();
    expect(first).toMatchObject({ status: 'success', published: true, rowsIn: 3, rowsOut: 2, quality: { outcome: 'warn', quarantined: 1 } });
    expect(first?.quality?.checks.find((c) => c.name === 'range(amount)')).toMatchObject({ status: 'pass', failingRows: 0, totalRows: 2 });
    expect(await published()).toEqual([
      { id: 1, amount: 10 },
      { id: 2, amount: 20 },
    ]);

    await deliver("(3, 30, '2025-01-03 10:00:00')");
    const second = await run();
    expect(second).toMatchObject({ status: 'success', published: true, rowsOut: 3 });
    expect(await published()).toEqual([
      { id: 1, amount: 10 },
      { id: 2, amount: 20 },
      { id: 3, amount: 30 },
    ]);
    // The bad older delivery is held once, for the dedup only.
    expect(await rows(ws as Workspace, 'SELECT id, amount, _failed_checks FROM quarantine.silver_s')).toEqual([{ id: 1, amount: -5, _failed_checks: ['unique(id)'] }]);
  });
});
