// The chart builder's rules: the first chart a profile suggests, what picking another x resets,
// the engine request a spec becomes (bucket only for dates, bins only for numbers) and its title.
import { describe, expect, it } from 'vitest';
import { columnProfile } from '../../helpers/column-profile.js';
import type { ColumnProfile, TableProfile } from '../../../src/shared/api/explore.js';
import { chartRequest, chartTitle, isIdentifierColumn, parseGroupLimit, suggestSpec, withX, xAxisLabel } from '../../../src/renderer/stores/explore/chart-spec.js';
import { EMPTY_SPEC } from '../../../src/renderer/stores/explore/initial-state.js';

function col(name: string, kind: ColumnProfile['kind'], histogramUnit?: 'bin' | 'day' | 'month' | 'year'): ColumnProfile {
  return columnProfile(name, kind, { histogram: histogramUnit ? { unit: histogramUnit, bins: [] } : null });
}

function profileOf(columns: ColumnProfile[]): TableProfile {
  return { layer: 'gold', table: 'daily_revenue', rows: 10, profiledRows: 10, sampled: false, sampleSize: null, columns, sql: '', elapsedMs: 1 };
}

const revenue = profileOf([col('currency', 'text'), col('orders', 'number', 'bin'), col('order_date', 'temporal', 'day'), col('revenue', 'number', 'bin')]);
const table = { layer: 'gold', name: 'daily_revenue' } as const;

describe('explore chart spec', () => {
  it('suggests the sum of the first number column by the first date column, at the bucket its profile used', () => {
    expect(suggestSpec(revenue)).toEqual({ ...EMPTY_SPEC, x: 'order_date', y: 'orders', aggregate: 'sum', bucket: 'day', bins: null, limit: null });
    // No date: the first text column; no number: count rows.
    expect(suggestSpec(profileOf([col('flag', 'boolean'), col('name', 'text')]))).toMatchObject({ x: 'flag', y: null, aggregate: 'count' });
    expect(suggestSpec(profileOf([]))).toEqual(EMPTY_SPEC);
  });

  it('never suggests summing an id, key or lineage column: a measure, else count(*)', () => {
    // The QA's tables: bronze orders, customers, and a table with only lineage numbers.
    const orders = profileOf([col('order_id', 'number', 'bin'), col('customer_id', 'number', 'bin'), col('updated_at', 'temporal', 'month'), col('amount', 'number', 'bin'), col('_batch_id', 'number', 'bin'), col('_loaded_at', 'temporal', 'day')]);
    expect(suggestSpec(orders)).toMatchObject({ x: 'updated_at', y: 'amount', aggregate: 'sum' });
    const customers = profileOf([col('customer_id', 'number', 'bin'), col('name', 'text'), col('signup_date', 'temporal', 'month'), col('_batch_id', 'number', 'bin')]);
    expect(suggestSpec(customers)).toMatchObject({ x: 'signup_date', y: null, aggregate: 'count' });
    const lineageOnly = profileOf([col('id', 'number', 'bin'), col('_batch_id', 'number', 'bin'), col('_loaded_at', 'temporal', 'day'), col('product_key', 'number', 'bin')]);
    expect(suggestSpec(lineageOnly)).toMatchObject({ x: '_loaded_at', y: null, aggregate: 'count' });
    expect(['id', 'ID', 'order_id', 'customerId', 'product_key', '_row_number', '_loaded_at'].filter((n) => !isIdentifierColumn(n))).toEqual([]);
    expect(['amount', 'paid', 'valid', 'monkey', 'quantity', 'orders'].filter(isIdentifierColumn)).toEqual([]);
  });

  it('shows every group over time by default (up to 1,000) and the largest 50 otherwise; a number typed in wins', () => {
    const daily = suggestSpec(revenue);
    expect(chartRequest(table, daily, revenue)?.limit).toBe(1000);
    expect(chartRequest(table, withX(daily, 'currency', revenue), revenue)?.limit).toBe(50);
    expect(chartRequest(table, { ...daily, limit: 20 }, revenue)?.limit).toBe(20);
  });

  it('reads the "Groups shown" box, saying what is allowed when the number is not', () => {
    expect(parseGroupLimit('30')).toEqual({ ok: true, limit: 30 });
    expect(parseGroupLimit(' 1000 ')).toEqual({ ok: true, limit: 1000 });
    for (const [text, got] of [
      ['0', 'got 0'],
      ['1001', 'got 1001'],
      ['2.5', 'got 2.5'],
      ['', 'the box is empty'],
    ] as const) {
      expect(parseGroupLimit(text)).toEqual({ ok: false, message: `Groups shown must be a whole number from 1 to 1,000; ${got}.` });
    }
  });

  it('resets bins, bucket and order to suit a newly picked x', () => {
    const byDate = { ...suggestSpec(revenue), order: 'value' as const };
    expect(withX(byDate, 'revenue', revenue)).toMatchObject({ x: 'revenue', bins: 20, order: null, bucket: 'day' });
    expect(withX(byDate, 'currency', revenue)).toMatchObject({ x: 'currency', bins: null, order: null });
  });

  it('sends a bucket only for dates, bins only for numbers, and y and order only when set', () => {
    const monthly = { ...EMPTY_SPEC, x: 'order_date', y: 'revenue', aggregate: 'sum' as const, bucket: 'month' as const, bins: 20 };
    expect(chartRequest(table, monthly, revenue)).toEqual({ layer: 'gold', table: 'daily_revenue', x: 'order_date', y: 'revenue', aggregate: 'sum', bucket: 'month', limit: 1000 });
    expect(chartRequest(table, { ...EMPTY_SPEC, x: 'revenue', bins: 10, order: 'value' }, revenue)).toEqual({ layer: 'gold', table: 'daily_revenue', x: 'revenue', aggregate: 'count', bins: 10, order: 'value', limit: 50 });
    expect(chartRequest(table, { ...EMPTY_SPEC, x: 'currency', bins: 10 }, revenue)).not.toHaveProperty('bins');
    expect(chartRequest(table, EMPTY_SPEC, revenue)).toBeNull();
  });

  it('titles a chart by what it aggregates and how x is grouped', () => {
    const monthly = { ...EMPTY_SPEC, x: 'order_date', y: 'revenue', aggregate: 'sum' as const, bucket: 'month' as const };
    expect(chartTitle(monthly, revenue)).toBe('sum(revenue) by month of order_date');
    expect(xAxisLabel(monthly, revenue)).toBe('order_date (month)');
    expect(chartTitle({ ...EMPTY_SPEC, x: 'revenue', bins: 20 }, revenue)).toBe('count(*) by bins of revenue');
    expect(chartTitle({ ...EMPTY_SPEC, x: 'currency' }, revenue)).toBe('count(*) by currency');
    expect(chartTitle(EMPTY_SPEC, revenue)).toBe('');
  });
});
