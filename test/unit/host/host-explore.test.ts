// Explore over RPC on real DuckDB workspaces: column profiles of numbers, text, dates, timestamps,
// booleans, an all-NULL column and an empty table; the sampled path of a large table (forced by a
// small threshold); chart data for every aggregate and calendar bucket, bins and limits; mistakes
// refused with the closest name; a missing table NOT_FOUND; and cancelling a long profile or chart.
import { afterEach, describe, expect, it } from 'vitest';
import type { ColumnProfile, TableProfile } from '../../../src/shared/api/explore.js';
import { IngotError } from '../../../src/shared/errors.js';
import { connectedHost, type Connected } from './host-helpers.js';

let connected: Connected | undefined;
afterEach(async () => {
  await connected?.close();
  connected = undefined;
});

/** A workspace with gold.mixed (1,000 rows of every kind), gold.sales (5 rows), gold.empty and silver.gappy. */
async function exploreShop(): Promise<Connected> {
  const c = (connected = await connectedHost('explore'));
  await c.host.workspace.db.withConnection(async (conn) => {
    await conn.run(`CREATE TABLE gold.mixed AS
      SELECT i AS id,
        CASE WHEN i % 10 = 0 THEN NULL ELSE ['red', 'green', 'blue'][i % 3 + 1] END AS colour,
        DATE '2024-01-01' + (i % 40)::INTEGER AS day,
        TIMESTAMP '2020-01-01 12:00:00' + to_days(i::INTEGER) AS seen_at,
        i % 2 = 0 AS even,
        (i * 1.5)::DECIMAL(10, 2) AS amount,
        i % 4 AS quarter_no,
        NULL::INTEGER AS nothing
      FROM range(1, 1001) r(i)`);
    await conn.run(`CREATE TABLE gold.sales AS SELECT * FROM (VALUES
        (DATE '2024-01-15', 'EUR', 10.00::DECIMAL(10, 2), 1),
        (DATE '2024-01-20', 'USD', 20.00, 2),
        (DATE '2024-02-01', 'EUR', 5.50, 3),
        (DATE '2024-03-31', 'EUR', NULL, 4),
        (NULL, 'USD', 7.25, 5)
      ) t(order_date, currency, revenue, units)`);
    await conn.run(`CREATE TABLE gold.empty (id INTEGER, name VARCHAR, created_on DATE)`);
    await conn.run(`CREATE TABLE silver.gappy AS SELECT * FROM (VALUES (DATE '2024-01-01'), (DATE '2024-01-05'), (DATE '2024-01-05')) t(d)`);
  });
  return c;
}

function column(profile: TableProfile, name: string): ColumnProfile {
  const found = profile.columns.find((c) => c.name === name);
  if (!found) throw new Error(`no column ${name} in the profile`);
  return found;
}

const sumOfBins = (c: ColumnProfile): number => (c.histogram?.bins ?? []).reduce((n, b) => n + b.count, 0);

async function failure(promise: Promise<unknown>): Promise<IngotError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(IngotError);
  return err as IngotError;
}

describe('engine host: explore profiles', () => {
  it('profiles every kind of column: counts, NULLs, distinct values, range, numbers, top values and histograms', async () => {
    const { api } = await exploreShop();
    const profile = await api.profileTable({ layer: 'gold', table: 'mixed' });
    expect(profile).toMatchObject({ layer: 'gold', table: 'mixed', rows: 1000, profiledRows: 1000, sampled: false, sampleSize: null });
    expect(profile.columns.map((c) => [c.name, c.kind])).toEqual([
      ['id', 'number'],
      ['colour', 'text'],
      ['day', 'temporal'],
      ['seen_at', 'temporal'],
      ['even', 'boolean'],
      ['amount', 'number'],
      ['quarter_no', 'number'],
      ['nothing', 'number'],
    ]);

    const id = column(profile, 'id');
    expect(id).toMatchObject({ type: 'BIGINT', nulls: 0, min: '1', max: '1000', mean: 500.5 });
    // Approximate, but never more than the values there are.
    expect(id.distinct).toBeGreaterThan(800);
    expect(id.distinct).toBeLessThanOrEqual(1000);
    expect(id.stddev).toBeCloseTo(288.82, 1);
    expect(id.quartiles?.median).toBeGreaterThan(450);
    expect(id.quartiles?.median).toBeLessThan(550);
    // Whole numbers get whole-number bins: 1–50, 51–100, … 951–1000.
    expect(id.histogram?.unit).toBe('bin');
    expect(id.histogram?.bins).toHaveLength(20);
    expect(id.histogram?.bins[0]).toMatchObject({ label: '1–50', count: 50, from: 1, to: 51 });
    expect(id.histogram?.bins.every((b) => b.count === 50)).toBe(true);
    expect(id.topValues).toEqual([]); // a thousand distinct values: no top values

    const colour = column(profile, 'colour');
    const expected = { red: 0, green: 0, blue: 0 };
    for (let i = 1; i <= 1000; i++) if (i % 10 !== 0) expected[(['red', 'green', 'blue'] as const)[i % 3] ?? 'red']++;
    expect(colour).toMatchObject({ type: 'VARCHAR', nulls: 100, distinct: 3, min: 'blue', max: 'red', mean: null, histogram: null });
    expect(colour.topValues).toEqual(
      Object.entries(expected)
        .map(([value, count]) => ({ value, count }))
        .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value)),
    );

    const day = column(profile, 'day');
    expect(day).toMatchObject({ type: 'DATE', nulls: 0, min: '2024-01-01', max: '2024-02-09' });
    expect(day.histogram?.unit).toBe('day');
    expect(day.histogram?.bins).toHaveLength(40);
    expect(day.histogram?.bins[0]).toEqual({ label: '2024-01-01', count: 25 });

    const seen = column(profile, 'seen_at');
    expect(seen).toMatchObject({ type: 'TIMESTAMP', min: '2020-01-02 12:00:00', max: '2022-09-27 12:00:00' });
    expect(seen.histogram?.unit).toBe('month');
    expect(seen.histogram?.bins.map((b) => b.label).slice(0, 3)).toEqual(['2020-01', '2020-02', '2020-03']);
    expect(seen.histogram?.bins).toHaveLength(33); // 2020-01 … 2022-09
    expect(sumOfBins(seen)).toBe(1000);

    expect(column(profile, 'even')).toMatchObject({ type: 'BOOLEAN', min: 'false', max: 'true', histogram: null, topValues: [{ value: 'false', count: 500 }, { value: 'true', count: 500 }] });

    const amount = column(profile, 'amount');
    expect(amount).toMatchObject({ type: 'DECIMAL(10,2)', min: '1.50', max: '1500.00', mean: 750.75 });
    expect(amount.histogram?.bins).toHaveLength(20);
    expect(sumOfBins(amount)).toBe(1000);

    // Few distinct numbers: one bin per value, and the values with their counts.
    const quarter = column(profile, 'quarter_no');
    expect(quarter.histogram?.bins.map((b) => [b.label, b.count])).toEqual([['0', 250], ['1', 250], ['2', 250], ['3', 250]]);
    expect(quarter.topValues).toHaveLength(4);

    expect(column(profile, 'nothing')).toMatchObject({ nulls: 1000, distinct: 0, min: null, max: null, mean: null, stddev: null, quartiles: null, topValues: [], histogram: null });
    expect(profile.sql).toContain('"colour" AS v1');
    expect(profile.sql).toContain('approx_count_distinct(v1)');
    expect(profile.sql).toContain('GROUPING SETS');
  });

  it('shows quiet days as zero bins and profiles an empty table without figures', async () => {
    const { api } = await exploreShop();
    const gappy = await api.profileTable({ layer: 'silver', table: 'gappy' });
    expect(column(gappy, 'd').histogram?.bins).toEqual([
      { label: '2024-01-01', count: 1 },
      { label: '2024-01-02', count: 0 },
      { label: '2024-01-03', count: 0 },
      { label: '2024-01-04', count: 0 },
      { label: '2024-01-05', count: 2 },
    ]);

    const empty = await api.profileTable({ layer: 'gold', table: 'empty' });
    expect(empty).toMatchObject({ rows: 0, profiledRows: 0, sampled: false });
    expect(empty.columns.map((c) => [c.name, c.kind, c.nulls, c.distinct, c.min, c.histogram, c.topValues])).toEqual([
      ['id', 'number', 0, 0, null, null, []],
      ['name', 'text', 0, 0, null, null, []],
      ["created_on", "temporal", 0, 0, null, null, []],
    ]);
  });

  it('profiles numbers at the edges of DOUBLE, whose span no double holds, without a histogram', async () => {
    const c = (connected = await connectedHost('edges'));
    await c.host.workspace.db.withConnection((conn) => conn.run('CREATE TABLE gold.extremes AS SELECT * FROM (VALUES (-1.7e308::DOUBLE), (1.7e308::DOUBLE), (0::DOUBLE)) t(x)'));
    const profile = await c.api.profileTable({ layer: 'gold', table: 'extremes' });
    expect(column(profile, 'x')).toMatchObject({ nulls: 0, histogram: null, stddev: null, mean: 0 });
  });

  it('profiles a reservoir sample of a table above the threshold, and says so', async () => {
    const { api } = await exploreShop();
    const profile = await api.profileTable({ layer: 'gold', table: 'mixed', sampleAbove: 100, sampleSize: 50 });
    expect(profile).toMatchObject({ rows: 1000, profiledRows: 50, sampled: true, sampleSize: 50 });
    expect(column(profile, 'nothing').nulls).toBe(50);
    expect(column(profile, 'even').topValues.reduce((n, v) => n + v.count, 0)).toBe(50);
    expect(sumOfBins(column(profile, 'id'))).toBe(50);
    expect(profile.sql).toContain('USING SAMPLE reservoir(50 ROWS)');
    // The same table profiled again draws the same sample.
    const again = await api.profileTable({ layer: 'gold', table: 'mixed', sampleAbove: 100, sampleSize: 50 });
    expect(column(again, 'id').mean).toBe(column(profile, 'id').mean);
    // At the threshold itself the whole table is profiled.
    expect(await api.profileTable({ layer: 'gold', table: 'mixed', sampleAbove: 1000 })).toMatchObject({ sampled: false, profiledRows: 1000 });
  });

  it('answers NOT_FOUND for a table that does not exist, naming the closest one', async () => {
    const { api } = await exploreShop();
    const missing = await failure(api.profileTable({ layer: 'gold', table: 'salse' }));
    expect(missing.code).toBe('NOT_FOUND');
    expect(missing.message).toBe('There is no table gold.salse in this workspace.');
    expect(missing.hint).toBe('Did you mean gold.sales?');
    const elsewhere = await failure(api.chartData({ layer: 'silver', table: 'nothing_like_it', x: 'a' }));
    expect(elsewhere.code).toBe('NOT_FOUND');
    expect(elsewhere.hint).toContain('Run the pipeline');
  });
});

describe('engine host: explore charts', () => {
  it('buckets dates by day, week, month and year, in time order with NULL last', async () => {
    const { api } = await exploreShop();
    const monthly = await api.chartData({ layer: 'gold', table: 'sales', x: 'order_date', y: 'revenue', aggregate: 'sum', bucket: 'month' });
    expect(monthly).toMatchObject({ xKind: 'temporal', order: 'x', groups: 4, shown: 4, truncated: false, valueLabel: 'sum(revenue)' });
    expect(monthly.labels).toEqual(['2024-01', '2024-02', '2024-03', 'NULL']);
    expect(monthly.values).toEqual([30, 5.5, null, 7.25]);
    expect(monthly.sql).toContain(`date_trunc('month', "order_date")`);

    const bucketed = async (bucket: 'day' | 'week' | 'year') => {
      const chart = await api.chartData({ layer: 'gold', table: 'sales', x: 'order_date', bucket });
      return { all: chart.labels.length, groups: chart.groups, rows: Object.fromEntries(chart.labels.flatMap((l, i) => (chart.values[i] ? [[l, chart.values[i]]] : []))) };
    };
    // Quiet days count 0 rows: 2024-01-15 … 2024-03-31 is 77 days, then the NULL group.
    expect(await bucketed('day')).toEqual({ all: 78, groups: 5, rows: { '2024-01-15': 1, '2024-01-20': 1, '2024-02-01': 1, '2024-03-31': 1, NULL: 1 } });
    // Weeks start on Monday: the 20th (a Saturday) falls in the week of the 15th; 11 weeks to the 25th of March.
    expect(await bucketed('week')).toEqual({ all: 12, groups: 4, rows: { '2024-01-15': 2, '2024-01-29': 1, '2024-03-25': 1, NULL: 1 } });
    expect(await bucketed('year')).toEqual({ all: 2, groups: 2, rows: { '2024': 4, NULL: 1 } });
    const quiet = await api.chartData({ layer: 'gold', table: 'sales', x: 'order_date', bucket: 'week', y: 'units', aggregate: 'max' });
    expect(quiet.labels.slice(0, 3)).toEqual(['2024-01-15', '2024-01-22', '2024-01-29']);
    expect(quiet.values.slice(0, 3)).toEqual([2, null, 3]); // a week without rows has no max
  });

  it('aggregates y with count, sum, avg, min and max, largest first, and reports a truncated chart', async () => {
    const { api } = await exploreShop();
    const by = async (aggregate: 'count' | 'sum' | 'avg' | 'min' | 'max', y?: string) => {
      const chart = await api.chartData({ layer: 'gold', table: 'sales', x: 'currency', aggregate, ...(y ? { y } : {}) });
      return Object.fromEntries(chart.labels.map((label, i) => [label, chart.values[i]]));
    };
    expect(await by('count')).toEqual({ EUR: 3, USD: 2 });
    expect(await by('count', 'revenue')).toEqual({ EUR: 2, USD: 2 });
    expect(await by('sum', 'revenue')).toEqual({ EUR: 15.5, USD: 27.25 });
    expect(await by('avg', 'revenue')).toEqual({ EUR: 7.75, USD: 13.625 });
    expect(await by('min', 'units')).toEqual({ EUR: 1, USD: 2 });
    expect(await by('max', 'units')).toEqual({ EUR: 4, USD: 5 });

    const largest = await api.chartData({ layer: 'gold', table: 'sales', x: 'currency', y: 'revenue', aggregate: 'sum' });
    expect(largest).toMatchObject({ xKind: 'text', order: 'value', labels: ['USD', 'EUR'] });
    const top1 = await api.chartData({ layer: 'gold', table: 'sales', x: 'currency', limit: 1 });
    expect(top1).toMatchObject({ labels: ['EUR'], values: [3], groups: 2, shown: 1, truncated: true });
    expect(top1.sql).toContain('LIMIT 1');
  });

  it('groups numbers by value or into equal-width bins', async () => {
    const { api } = await exploreShop();
    expect(await api.chartData({ layer: 'gold', table: 'sales', x: 'units', order: 'x' })).toMatchObject({ xKind: 'number', labels: ['1', '2', '3', '4', '5'], values: [1, 1, 1, 1, 1] });
    // 1–5 in two bins of width 2: 1 and 2 in the first, 3, 4 and 5 (the top edge) in the second.
    const binned = await api.chartData({ layer: 'gold', table: 'sales', x: 'units', bins: 2 });
    expect(binned).toMatchObject({ order: 'x', labels: ['1–3', '3–5'], values: [2, 3], groups: 2 });
    expect(binned.sql).toContain('WITH bounds AS');
    // Empty bins are drawn as such: units 1, 2, 3, 4, 5 in 8 bins of width 0.5 leave three empty.
    expect(await api.chartData({ layer: 'gold', table: 'sales', x: 'units', bins: 8 })).toMatchObject({
      labels: ['1–1.5', '1.5–2', '2–2.5', '2.5–3', '3–3.5', '3.5–4', '4–4.5', '4.5–5'],
      values: [1, 0, 1, 0, 1, 0, 1, 1],
      groups: 5,
    });
  });

  it('refuses a mistyped column with the closest name, and aggregates or groupings that do not fit the column', async () => {
    const { api } = await exploreShop();
    const typo = await failure(api.chartData({ layer: 'gold', table: 'sales', x: 'currency', y: 'revenu', aggregate: 'sum' }));
    expect(typo).toMatchObject({ code: 'INVALID_INPUT', message: 'gold.sales has no column "revenu".', hint: 'Did you mean "revenue"?' });
    expect(typo.detail?.field).toBe('y');
    const far = await failure(api.chartData({ layer: 'gold', table: 'sales', x: 'zzzzzzzz' }));
    expect(far.detail?.field).toBe('x');
    expect(far.hint).toBe('Its columns are "order_date", "currency", "revenue", "units".');

    const sumText = await failure(api.chartData({ layer: 'gold', table: 'sales', x: 'order_date', y: 'currency', aggregate: 'sum' }));
    expect(sumText).toMatchObject({ code: 'INVALID_INPUT', message: 'sum needs a number column; "currency" is VARCHAR.' });
    expect(sumText.hint).toContain('count');
    expect((await failure(api.chartData({ layer: 'gold', table: 'sales', x: 'currency', y: 'order_date', aggregate: 'avg' }))).message).toContain('avg needs a number column');
    expect((await failure(api.chartData({ layer: 'gold', table: 'sales', x: 'currency', aggregate: 'max' }))).detail?.field).toBe('y');
    expect((await failure(api.chartData({ layer: 'gold', table: 'sales', x: 'currency', bucket: 'month' }))).detail?.field).toBe('bucket');
    expect((await failure(api.chartData({ layer: 'gold', table: 'sales', x: 'order_date', bins: 10 }))).detail?.field).toBe('bins');
  });
});

describe('engine host: explore cancellation', () => {
  it('stops a long profile and a long chart when the call is cancelled, and keeps serving', async () => {
    const c = await exploreShop();
    await c.host.workspace.db.withConnection((conn) => conn.run('CREATE VIEW gold.slow AS SELECT a.range * b.range AS x, a.range % 7 AS k FROM range(200000) a, range(50000) b'));
    const cancelAfter = async (call: (signal: AbortSignal) => Promise<unknown>): Promise<{ error: IngotError; ms: number }> => {
      const controller = new AbortController();
      const started = performance.now();
      setTimeout(() => controller.abort(), 200);
      const error = await failure(call(controller.signal));
      return { error, ms: performance.now() - started };
    };
    const profile = await cancelAfter((signal) => c.host.handlers.profileTable({ layer: 'gold', table: 'slow', sampleAbove: 5_000_000, sampleSize: 1_000_000 }, { signal }));
    expect(profile.error.code).toBe('CANCELLED');
    expect(profile.ms).toBeLessThan(10_000);
    const chart = await cancelAfter((signal) => c.host.handlers.chartData({ layer: 'gold', table: 'slow', x: 'k', aggregate: 'sum', y: 'x', limit: 50 }, { signal }));
    expect(chart.error.code).toBe('CANCELLED');
    expect(chart.ms).toBeLessThan(10_000);
    expect((await c.api.profileTable({ layer: 'gold', table: 'sales' })).rows).toBe(5);
  });
});
