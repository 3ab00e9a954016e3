// Small tables (failing rows from JSON, quarantined rows from Arrow) show dates and timestamps in
// one form, whichever way they arrived.
import { describe, expect, it } from 'vitest';
import { TimeUnit } from 'apache-arrow';
import { isoTimestamp } from '../../../src/renderer/components/grid/arrow-values.js';
import { temporalText } from '../../../src/renderer/components/grid/temporal-text.js';

describe('temporalText', () => {
  it('gives an Arrow timestamp and DuckDB\'s text of it the same form', () => {
    const epochMs = Date.UTC(2024, 0, 16, 21, 41, 45);
    expect(temporalText(isoTimestamp(epochMs, TimeUnit.MICROSECOND, false))).toBe('2024-01-16 21:41:45');
    expect(temporalText('2024-01-16 21:41:45')).toBe('2024-01-16 21:41:45');
    expect(temporalText(isoTimestamp(epochMs + 500, TimeUnit.MICROSECOND, true))).toBe('2024-01-16 21:41:45.5+00');
    expect(temporalText('2024-01-16 21:41:45.5+00')).toBe('2024-01-16 21:41:45.5+00');
  });

  it('keeps dates, and leaves other text alone', () => {
    expect(temporalText('2024-01-14')).toBe('2024-01-14');
    expect(temporalText('shipped')).toBeNull();
    expect(temporalText('2024-01-14 and more')).toBeNull();
  });
});
