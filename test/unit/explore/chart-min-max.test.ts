// min and max in an Explore chart on real DuckDB: of a date or timestamp column they are
// answered (as epoch milliseconds, which the app draws as dates), as everyday questions like
// "the last order date per currency" need; of text they are refused saying what a chart takes.
import { afterEach, describe, expect, it } from 'vitest';
import { IngotError } from '../../../src/shared/errors.js';
import { connectedHost, type Connected } from '../host/host-helpers.js';

let connected: Connected | undefined;
afterEach(async () => {
  await connected?.close();
  connected = undefined;
});

async function orders(): Promise<Connected> {
  const c = (connected = await connectedHost('explore-min-max'));
  await c.host.workspace.db.withConnection((conn) =>
    conn.run(`CREATE TABLE gold.orders AS SELECT * FROM (VALUES
        (DATE '2024-01-15', TIMESTAMP '2024-01-15 08:30:00', 'EUR', 'shipped'),
        (DATE '2024-03-20', TIMESTAMP '2024-03-20 17:45:10', 'EUR', 'open'),
        (DATE '2024-02-01', TIMESTAMP '2024-02-01 00:00:00', 'USD', 'shipped'),
        (NULL, NULL, 'USD', 'open')
      ) t(order_date, paid_at, currency, status)`),
  );
  return c;
}

const byLabel = (chart: { labels: string[]; values: (number | null)[] }): Record<string, number | null> =>
  Object.fromEntries(chart.labels.map((label, i) => [label, chart.values[i] ?? null]));

describe('explore charts: min and max of dates', () => {
  it('answers max(order_date) and min(paid_at) per group as epoch milliseconds', async () => {
    const { api } = await orders();
    const last = await api.chartData({ layer: 'gold', table: 'orders', x: 'currency', y: 'order_date', aggregate: 'max' });
    expect(last.valueLabel).toBe('max(order_date)');
    expect(byLabel(last)).toEqual({ EUR: Date.UTC(2024, 2, 20), USD: Date.UTC(2024, 1, 1) });
    expect(last.sql).toContain('epoch_ms(max("order_date"))');
    const first = await api.chartData({ layer: 'gold', table: 'orders', x: 'status', y: 'paid_at', aggregate: 'min' });
    expect(byLabel(first)).toEqual({ shipped: Date.UTC(2024, 0, 15, 8, 30), open: Date.UTC(2024, 2, 20, 17, 45, 10) });
  });

  it('refuses min of text, and sum or avg of a date, saying what fits', async () => {
    const { api } = await orders();
    const text = await api.chartData({ layer: 'gold', table: 'orders', x: 'currency', y: 'status', aggregate: 'min' }).catch((e: unknown) => e);
    expect(text).toBeInstanceOf(IngotError);
    expect((text as IngotError).message).toBe('A chart draws min of numbers, dates and timestamps; "status" is VARCHAR.');
    expect((text as IngotError).detail?.field).toBe('aggregate');
    const sum = await api.chartData({ layer: 'gold', table: 'orders', x: 'currency', y: 'order_date', aggregate: 'sum' }).catch((e: unknown) => e);
    expect((sum as IngotError).message).toBe('sum needs a number column; "order_date" is DATE.');
  });
});
