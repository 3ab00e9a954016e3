// Bad estimator input: every problem is reported on its field with the value received, and
// the thrown error names the CLI flag.
import { describe, expect, it } from 'vitest';
import { checkInputs, parseCompressionRange, parseInputs, tryEstimate } from '../../../src/shared/capacity/index.js';
import { IngotError } from '../../../src/shared/errors.js';

const base = { usersPerDay: 100_000, eventsPerUserPerDay: 4, bytesPerEvent: 1000 };

function issuesOf(raw: Record<string, unknown>): Record<string, string> {
  const check = checkInputs(raw);
  if (check.ok) throw new Error('expected the inputs to be rejected');
  return Object.fromEntries(check.issues.map((i) => [i.field, i.message]));
}

describe('bad estimator input', () => {
  it('rejects negative and zero values on their field', () => {
    const issues = issuesOf({ ...base, usersPerDay: -5, bytesPerEvent: 0, retentionDays: -1, consumers: 0 });
    expect(issues.usersPerDay).toBe('must be a number greater than 0 and at most 1,000,000,000,000, got -5');
    expect(issues.bytesPerEvent).toContain('got 0');
    expect(issues.retentionDays).toContain('greater than 0');
    expect(issues.consumers).toContain('a whole number greater than 0');
  });

  it('rejects a peak factor below 1', () => {
    expect(issuesOf({ ...base, peakFactor: 0.8 }).peakFactor).toBe('must be a number at least 1 and at most 1,000, got 0.8');
  });

  it('rejects NaN, infinity, text and missing required fields', () => {
    const issues = issuesOf({ usersPerDay: Number.NaN, eventsPerUserPerDay: Number.POSITIVE_INFINITY, bytesPerEvent: 'lots' });
    expect(issues.usersPerDay).toContain('got NaN');
    expect(issues.eventsPerUserPerDay).toContain('got Infinity');
    expect(issues.bytesPerEvent).toContain('got "lots"');
    expect(issuesOf({ usersPerDay: 1, eventsPerUserPerDay: 1 }).bytesPerEvent).toMatch(/^is required/);
  });

  it('rejects a reversed or malformed compression range', () => {
    expect(issuesOf({ ...base, compression: '10-5' }).compression).toBe('the range is reversed (10-5); write the smaller ratio first, e.g. "5-10"');
    expect(issuesOf({ ...base, compression: 'five' }).compression).toContain('must be a ratio like "8" or a range like "5-10"');
    expect(issuesOf({ ...base, compression: '0-5' }).compression).toContain('greater than 0');
    expect(parseCompressionRange('5–10')).toEqual({ min: 5, max: 10 });
    expect(parseCompressionRange(' 8 ')).toEqual({ min: 8, max: 8 });
    expect(parseCompressionRange({ min: 2, max: 3 })).toEqual({ min: 2, max: 3 });
  });

  it('rejects an unknown freshness and unknown inputs', () => {
    expect(issuesOf({ ...base, freshness: 'weekly' }).freshness).toBe('must be one of daily, hourly, minutes, seconds, got "weekly"');
    expect(issuesOf({ ...base, userz: 5 }).userz).toContain('is not an estimator input');
  });

  it('rejects absurd magnitudes per field before computing', () => {
    expect(issuesOf({ ...base, usersPerDay: 1e300 }).usersPerDay).toContain('is absurdly large');
    expect(issuesOf({ ...base, projectionYears: 2.5 }).projectionYears).toContain('whole number');
  });

  it('rejects inputs whose results overflow, naming the fields that bring the overflow in', () => {
    // Each field is within its own limit, but the bytes per day pass 2^53.
    const issues = issuesOf({ usersPerDay: 1e9, eventsPerUserPerDay: 1e4, bytesPerEvent: 1e4 });
    expect(Object.keys(issues)).toEqual(['bytesPerEvent']);
    expect(issues.bytesPerEvent).toContain('raw bytes per day');
    expect(issues.bytesPerEvent).toBe('is absurdly large for this estimate: it makes raw bytes per day 100 PB (1.00e+17 B), beyond the 9 PB (2^53 B) Ingot can compute exactly');
    const growth = issuesOf({ ...base, bytesPerEvent: 1e6, yearlyGrowthPercent: 10_000, projectionYears: 50 });
    expect(Object.keys(growth)).toEqual(['yearlyGrowthPercent', 'projectionYears']);
    expect(tryEstimate({ usersPerDay: 1e9, eventsPerUserPerDay: 1e4, bytesPerEvent: 1e4 }).ok).toBe(false);
  });

  it('throws an INVALID_INPUT error naming the flag and listing the other problems', () => {
    const err = (() => {
      try {
        parseInputs({ ...base, peakFactor: 0.5, compression: '10-5' }, 'flag');
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(err).toBeInstanceOf(IngotError);
    const e = err as IngotError;
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.message).toBe(
      'Invalid capacity input --peak-factor (peak-to-average factor): must be a number at least 1 and at most 1,000, got 0.5 ' +
        '(and 1 more: --compression (compression ratio range): the range is reversed (10-5); write the smaller ratio first, e.g. "5-10")',
    );
    expect(e.detail?.field).toBe('peakFactor');
    expect(e.hint).toContain('--peak-factor');
  });

  it('accepts zero growth and a zero price', () => {
    const attempt = tryEstimate({ ...base, yearlyGrowthPercent: 0, storagePricePerTbMonth: 0 });
    expect(attempt.ok).toBe(true);
    if (attempt.ok) {
      expect(attempt.estimate.growthMultiplier).toBe(1);
      expect(attempt.estimate.monthlyStorageCost).toEqual({ min: 0, max: 0 });
    }
  });
});
