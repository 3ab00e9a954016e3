// Freshness against an SLA (newest timestamp, or newest bronze batch from the ledger) and
// anomaly detection against the history of earlier runs (robust z-score, minimum history).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { robustZ } from '../../../src/engine/quality/anomaly.js';
import { runQualityGate, type GateResult } from '../../../src/engine/quality/index.js';
import { openTestDb, type TestDb } from './quality-db.js';

const STAGE = '"silver"."__stage_events"';

describe('freshness', () => {
  let t: TestDb;
  beforeEach(async () => {
    t = await openTestDb();
  });
  afterEach(() => t.close());

  const gate = (checks: unknown[], layer: 'bronze' | 'silver' = 'silver', model = 'events'): Promise<GateResult> =>
    runQualityGate({ conn: t.conn, runId: 1, layer, model, stagingTable: STAGE, checks, file: 'models/silver/events.yaml' });

  it('judges the newest timestamp against the SLA', async () => {
    await t.conn.run(`CREATE TABLE ${STAGE} AS SELECT (now() - INTERVAL 30 HOUR)::TIMESTAMP AS seen_at, (current_date - 3) AS day`);
    const result = await gate([
      { kind: 'freshness', column: 'seen_at', max_age: '24h' },
      { kind: 'freshness', column: 'seen_at', max_age: '2d', name: 'relaxed', severity: 'error' },
      { kind: 'freshness', column: 'day', max_age: '1d', name: 'daily', severity: 'error' },
    ]);
    expect(result.results[0]).toMatchObject({ status: 'warn', failingRows: 1, severity: 'warn' });
    expect(result.results[0]?.message).toMatch(/^newest seen_at is 30(\.\d)?h old; the SLA is 24h$/);
    expect(result.results[1]).toMatchObject({ status: 'pass', failingRows: 0 });
    expect(result.results[2]).toMatchObject({ status: 'fail' });
    expect(result.outcome).toBe('error');
  });

  it('judges the newest loaded bronze batch from the ingest ledger', async () => {
    await t.conn.run(`CREATE TABLE ${STAGE} AS SELECT 1 AS x`);
    const never = await gate([{ kind: 'freshness', batch: 'events', max_age: '2h' }]);
    expect(never.results[0]).toMatchObject({ status: 'warn', failingRows: 1, message: 'no batch of events has been loaded' });
    const batch = (id: number, source: string, status: string, ago: string): string =>
      `(${id}, '${source}', 'file', 'data/${source}.csv', '${status}', now()::TIMESTAMP - INTERVAL ${ago}, now()::TIMESTAMP - INTERVAL ${ago})`;
    await t.conn.run(`INSERT INTO _ingot.batches (batch_id, source, kind, location, status, started_at, finished_at) VALUES
      ${batch(1, 'events', 'loaded', '3 HOUR')}, ${batch(2, 'events', 'loaded', '90 MINUTE')},
      ${batch(3, 'events', 'failed', '1 MINUTE')}, ${batch(4, 'other', 'loaded', '1 MINUTE')}`);
    const stale = await gate([{ kind: 'freshness', batch: true, max_age: '1h' }], 'bronze');
    expect(stale.results[0]).toMatchObject({ name: 'freshness(batch events)', status: 'warn', failingRows: 1 });
    expect(stale.results[0]?.message).toBe('newest batch of bronze.events is 90m old; the SLA is 1h');
    const fresh = await gate([{ kind: 'freshness', batch: 'events', max_age: '2h', severity: 'error' }]);
    expect(fresh.results[0]).toMatchObject({ status: 'pass', failingRows: 0 });
  });
});

describe('anomaly', () => {
  let t: TestDb;
  beforeEach(async () => {
    t = await openTestDb();
  });
  afterEach(() => t.close());

  const CHECK = { kind: 'anomaly', metrics: { amount: ['sum', 'null_rate'] }, min_history: 4 };

  async function runWith(runId: number, rows: number, amount: number): Promise<GateResult> {
    await t.conn.run(`CREATE OR REPLACE TABLE ${STAGE} AS SELECT range AS id, ${amount}::DOUBLE AS amount FROM range(${rows})`);
    return runQualityGate({ conn: t.conn, runId, layer: 'silver', model: 'events', stagingTable: STAGE, checks: [CHECK], file: 'models/silver/events.yaml' });
  }

  it('learns first, then flags a metric far from the history of successful runs', async () => {
    const sizes = [100, 104, 98, 101];
    for (const [i, n] of sizes.entries()) {
      const r = await runWith(i + 1, n, 2);
      expect(r.results[0]).toMatchObject({ status: 'pass' });
      expect(r.results[0]?.message).toBe(`learning: ${i} of 4 earlier runs needed before judging`);
    }
    const normal = await runWith(5, 102, 2);
    expect(normal.results[0]).toMatchObject({ status: 'pass', message: '3 metrics within the usual range' });

    const spike = await runWith(6, 20, 2);
    expect(spike.results[0]).toMatchObject({ status: 'warn', failingRows: 2 });
    expect(spike.results[0]?.message).toMatch(/^row_count = 20 is far from the usual 101 \(robust z = -\d+\.\d\d\); sum\(amount\) = 40 is far from the usual 202/);
    const metrics = (spike.results[0]?.details as { metrics: { metric: string; anomalous: boolean }[] }).metrics;
    expect(metrics.map((m) => [m.metric, m.anomalous])).toEqual([
      ['row_count', true],
      ['sum(amount)', true],
      ['null_rate(amount)', false],
    ]);
    const stored = await t.conn.all<{ run_id: number }>("SELECT DISTINCT run_id FROM _ingot.quality_metrics WHERE metric = 'row_count' ORDER BY run_id");
    expect(stored.map((r) => r.run_id)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('leaves runs the gate stopped out of the history', async () => {
    await t.conn.run(`CREATE OR REPLACE TABLE ${STAGE} AS SELECT 1 AS id, 1.0::DOUBLE AS amount`);
    const stopped = await runQualityGate({
      conn: t.conn,
      runId: 1,
      layer: 'silver',
      model: 'events',
      stagingTable: STAGE,
      checks: [CHECK, { kind: 'row_count', min: 10 }],
      file: 'models/silver/events.yaml',
    });
    expect(stopped.outcome).toBe('error');
    expect(await t.conn.one('SELECT count(*) AS n FROM _ingot.quality_metrics')).toEqual({ n: 0 });
  });

  it('computes the robust z-score from median and MAD', () => {
    expect(robustZ(20, { n: 5, median: 100, mad: 2, meanAbsDeviation: 2 })).toBeCloseTo((0.6745 * -80) / 2);
    expect(robustZ(110, { n: 5, median: 100, mad: 0, meanAbsDeviation: 4 })).toBeCloseTo(10 / (1.2533 * 4));
    expect(robustZ(100, { n: 5, median: 100, mad: 0, meanAbsDeviation: 0 })).toBe(0);
    expect(robustZ(101, { n: 5, median: 100, mad: 0, meanAbsDeviation: 0 })).toBeNull();
  });
});
