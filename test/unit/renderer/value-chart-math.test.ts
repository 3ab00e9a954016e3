// The arithmetic and wording behind Explore's charts: a value axis that takes negative values,
// compact and full number formats, the sentence that names a chart for screen readers, and the
// figures of a column profile card.
import { describe, expect, it } from 'vitest';
import { formatCompact, formatFull, formatMaybe } from '../../../src/renderer/components/chart/number-format.js';
import { summarizeSeries } from '../../../src/renderer/components/chart/series-summary.js';
import { valueScale } from '../../../src/renderer/components/chart/value-scale.js';
import { histogramCaption, nullsText, profileFacts } from '../../../src/renderer/features/explore/profile-facts.js';
import type { ColumnProfile } from '../../../src/shared/api/explore.js';

describe('value scale', () => {
  it('starts at zero for positive values and covers the largest with round ticks', () => {
    const scale = valueScale([3, 7, null, 9.5]);
    expect(scale.low).toBe(0);
    expect(scale.ticks).toEqual([0, 2.5, 5, 7.5, 10]);
    expect(scale.y(0, 10, 100)).toBe(110);
    expect(scale.y(10, 10, 100)).toBe(10);
  });

  it('reaches below zero for negative values, and never collapses', () => {
    const scale = valueScale([-30, 55]);
    expect(scale.low).toBe(-50);
    expect(scale.high).toBe(75);
    expect(scale.ticks).toEqual([-50, -25, 0, 25, 50, 75]);
    expect(scale.y(-50, 0, 100)).toBe(100);
    expect(scale.y(0, 0, 100)).toBe(60);
    expect(valueScale([-4, -1]).ticks).toEqual([-4, -3, -2, -1, 0]);
    expect(valueScale([]).ticks).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(valueScale([0, 0]).high).toBeGreaterThan(0);
    expect(valueScale([Number.NaN, null]).ticks.length).toBeGreaterThan(1);
  });
});

describe('number formats', () => {
  it('is compact on axes and full in tables', () => {
    expect(formatCompact(950)).toBe('950');
    expect(formatCompact(12_500)).toBe('12.5K');
    expect(formatCompact(-3_400_000)).toBe('-3.4M');
    expect(formatFull(1_234_567.891)).toBe('1,234,567.89');
    expect(formatFull(0.001234)).toBe('0.00123');
    expect(formatFull(0)).toBe('0');
    expect(formatMaybe(null)).toBe('—');
  });
});

describe('series summary', () => {
  it('names the span and where the highest and lowest values are', () => {
    const points = [
      { label: '2024-01', value: 30 },
      { label: '2024-02', value: 5.5 },
      { label: '2024-03', value: null },
    ];
    expect(summarizeSeries('sum(revenue) by month of order_date', points, formatFull)).toBe(
      'sum(revenue) by month of order_date: 3 points from 2024-01 to 2024-03; highest 2024-01 (30), lowest 2024-02 (5.5).',
    );
    expect(summarizeSeries('t', [{ label: 'EUR', value: 3 }], formatFull)).toBe('t: 1 point, EUR; value 3.');
    expect(summarizeSeries('t', [], formatFull)).toBe('t: no data.');
    expect(summarizeSeries('t', [{ label: 'a', value: null }, { label: 'b', value: null }], formatFull)).toBe('t: 2 points from a to b; no values.');
  });
});

describe('profile card figures', () => {
  const amount: ColumnProfile = {
    name: 'amount',
    type: 'DECIMAL(10,2)',
    kind: 'number',
    nulls: 5,
    distinct: 1200,
    min: '1.50',
    max: '1500.00',
    mean: 750.75,
    stddev: 433.4,
    quartiles: { p25: 375, median: 750, p75: 1125.5 },
    topValues: [],
    histogram: { unit: 'bin', bins: [{ label: '1.5–76.4', count: 50 }] },
  };

  it('lists NULLs with their share, distinct values, range and the number figures', () => {
    expect(profileFacts(amount, 1000).map((f) => `${f.term}: ${f.value}`)).toEqual([
      'NULLs: 5 (0.5%)',
      'Distinct: ≈ 1,200',
      'Min: 1.50',
      'Max: 1500.00',
      'Mean: 750.75',
      'Std dev: 433.4',
      'Median: 750',
      'Middle half: 375 – 1,125.5',
    ]);
    expect(profileFacts({ ...amount, kind: 'text', min: null, max: null }, 1000).map((f) => f.term)).toEqual(['NULLs', 'Distinct']);
  });

  it('says small and empty shares plainly', () => {
    expect(nullsText(0, 1000)).toBe('0 (0%)');
    expect(nullsText(1, 100_000)).toBe('1 (<0.1%)');
    expect(nullsText(1000, 1000)).toBe('1,000 (100%)');
    expect(nullsText(0, 0)).toBe('0');
    expect(histogramCaption({ unit: 'month', bins: [] })).toBe('by month');
    expect(histogramCaption({ unit: 'bin', bins: [{ label: '5', count: 1 }] })).toBe('one value');
    expect(histogramCaption({ unit: 'bin', bins: [{ label: '0–5', count: 1 }, { label: '5–10', count: 2 }] })).toBe('2 equal-width bins');
  });
});
