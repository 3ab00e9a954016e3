// Charts of dates (min or max of a date or timestamp column): the values are dates, so the axis
// spans them instead of starting at 1970, and every value and tick reads as a date.
import { describe, expect, it } from 'vitest';
import { columnProfile } from '../../helpers/column-profile.js';
import type { ColumnProfile, TableProfile } from '../../../src/shared/api/explore.js';
import { epochMsToDays, formatEpochDay, formatEpochTimestamp } from '../../../src/renderer/components/chart/date-values.js';
import { spanScale, valueScale } from '../../../src/renderer/components/chart/value-scale.js';
import { chartValueKind } from '../../../src/renderer/stores/explore/chart-spec.js';
import { EMPTY_SPEC } from '../../../src/renderer/stores/explore/initial-state.js';

const column = (name: string, type: string, kind: ColumnProfile['kind']): ColumnProfile => columnProfile(name, kind, { type, distinct: 3 });
const profile: TableProfile = {
  layer: 'gold',
  table: 'orders',
  rows: 3,
  profiledRows: 3,
  sampled: false,
  sampleSize: null,
  columns: [column('order_date', 'DATE', 'temporal'), column('paid_at', 'TIMESTAMP', 'temporal'), column('amount', 'DOUBLE', 'number'), column('currency', 'VARCHAR', 'text')],
  sql: '',
  elapsedMs: 1,
};

describe('chart values that are dates', () => {
  it('knows when a chart\'s values are dates or timestamps', () => {
    const spec = { ...EMPTY_SPEC, x: 'currency' };
    expect(chartValueKind({ ...spec, y: 'order_date', aggregate: 'max' }, profile)).toBe('date');
    expect(chartValueKind({ ...spec, y: 'paid_at', aggregate: 'min' }, profile)).toBe('timestamp');
    expect(chartValueKind({ ...spec, y: 'amount', aggregate: 'max' }, profile)).toBe('number');
    expect(chartValueKind({ ...spec, y: 'order_date', aggregate: 'count' }, profile)).toBe('number');
  });

  it('labels epoch values as dates and timestamps', () => {
    const day = epochMsToDays(Date.UTC(2024, 2, 20));
    expect(day).not.toBeNull();
    expect(formatEpochDay(day ?? 0)).toBe('2024-03-20');
    expect(formatEpochTimestamp(epochMsToDays(Date.UTC(2024, 2, 20, 17, 45, 10)) ?? 0)).toBe('2024-03-20 17:45:10');
    expect(formatEpochTimestamp(day ?? 0)).toBe('2024-03-20');
    expect(epochMsToDays(null)).toBeNull();
  });

  it('spans an axis over the dates only, so their differences show', () => {
    const days = [Date.UTC(2024, 0, 15), Date.UTC(2024, 2, 20), null].map(epochMsToDays);
    const span = spanScale(days);
    const first = days[0] ?? 0;
    const last = days[1] ?? 0;
    expect(span.low).toBeLessThanOrEqual(first);
    expect(span.high).toBeGreaterThanOrEqual(last);
    // The axis covers about the two months between them, not 54 years from 1970.
    expect(span.high - span.low).toBeLessThan(200);
    expect(span.ticks.every((t) => Number.isInteger(t))).toBe(true);
    expect(valueScale(days).low).toBe(0);
    // Ten days apart: whole-day ticks for dates (not every 2.5 days).
    const tenDays = [first, first + 10];
    expect(spanScale(tenDays).ticks.some((t) => !Number.isInteger(t))).toBe(true);
    expect(spanScale(tenDays, 4, { wholeSteps: true }).ticks.every((t) => Number.isInteger(t))).toBe(true);
    // A single date gets room on both sides.
    const one = spanScale([first]);
    expect(one.low).toBeLessThan(first);
    expect(one.high).toBeGreaterThan(first);
  });
});
