// What a profile's second pass counts: most frequent values for text that repeats, never for a
// (nearly) unique text column such as ids, which would make one group per row.
import { describe, expect, it } from 'vitest';
import { distributionParts } from '../../../src/engine/explore/profile-distribution.js';
import type { ColumnStats } from '../../../src/engine/explore/profile-stats.js';

const text = (name: string, values: number, distinct: number): ColumnStats => ({
  column: { name, type: 'VARCHAR' },
  kind: 'text',
  values,
  distinct,
  min: 'a',
  max: 'z',
  mean: null,
  stddev: null,
  quartiles: null,
  low: null,
  high: null,
  days: null,
});

describe('profile distribution parts', () => {
  it('ranks the values of text that repeats, and skips text that is (nearly) unique', () => {
    const parts = distributionParts([text('status', 100_000, 6), text('order_uuid', 100_000, 99_000), text('tiny', 10, 10)]);
    expect(parts.map((p) => [p.column, p.purpose])).toEqual([
      [0, 'top'],
      [2, 'top'],
    ]);
  });
});
