// The chart builder's rules: the first chart a profile suggests, what picking another x resets,
// the engine request a spec becomes (bucket only for dates, bins only for numbers) and its title.
import { describe, expect, it } from 'vitest';
import type { ColumnProfile, TableProfile } from '../../../src/shared/api/explore.js';
import { chartRequest, chartTitle, suggestSpec, withX, xAxisLabel } from '../../../src/renderer/stores/explore/chart-spec.js';
import { EMPTY_SPEC } from '../../../src/renderer/stores/explore/initial-state.js';

function col(name: string, kind: ColumnProfile['kind'], histogramUnit?: 'bin' | 'day' | 'month' | 'year'): ColumnProfile {
  return {
    name,
    type: kind,
    kind,
    nulls: 0,
    distinct: 10,
    min: null,
    max: null,
    mean: null,
    stddev: null,
    quartiles: null,
    topValues: [],
    histogram: histogramUnit ? { unit: histogramUnit, bins: [] } : null,
  };
}

function profileOf(columns: ColumnProfile[]): TableProfile {
  return { layer: 'gold', table: 'daily_revenue', rows: 10, profiledRows: 10, sampled: false, sampleSize: null, columns, sql: '', elapsedMs: 1 };
}

const revenue = profileOf([col('currency', 'text'), col('orders', 'number', 'bin'), col('order_date', 'temporal', 'day'), col('revenue', 'number', 'bin')]);
const table = { layer: 'gold', name: 'daily_revenue' } as const;

describe('explore chart spec', () => {
  it('suggests the sum of the first number column by the first date column, at the bucket its profile used', () => {
    expect(suggestSpec(revenue)).toEqual({ ...EMPTY_SPEC, x: 'order_date', y: 'orders', aggregate: 'sum', bucket: 'day', bins: null });
    // No date: the first text column; no number: count rows.
    expect(suggestSpec(profileOf([col('flag', 'boolean'), col('name', 'text')]))).toMatchObject({ x: 'flag', y: null, aggregate: 'count' });
    expect(suggestSpec(profileOf([]))).toEqual(EMPTY_SPEC);
  });

  it('resets bins, bucket and order to suit a newly picked x', () => {
    const byDate = { ...suggestSpec(revenue), order: 'value' as const };
    expect(withX(byDate, 'revenue', revenue)).toMatchObject({ x: 'revenue', bins: 20, order: null, bucket: 'day' });
    expect(withX(byDate, 'currency', revenue)).toMatchObject({ x: 'currency', bins: null, order: null });
  });

  it('sends a bucket only for dates, bins only for numbers, and y and order only when set', () => {
    const monthly = { ...EMPTY_SPEC, x: 'order_date', y: 'revenue', aggregate: 'sum' as const, bucket: 'month' as const, bins: 20 };
    expect(chartRequest(table, monthly, revenue)).toEqual({ layer: 'gold', table: 'daily_revenue', x: 'order_date', y: 'revenue', aggregate: 'sum', bucket: 'month', limit: 50 });
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
