// The issue's worked examples, reproduced to the rounding shown: a 10 M-user product (streaming
// buffer, not a cluster) and a 100 k-order shop (one machine, no Kafka).
import { describe, expect, it } from 'vitest';
import { DEFAULT_PROFILE, estimateCapacity, parseInputs, stepOf, tryEstimate } from '../../../src/shared/capacity/index.js';

const product = { usersPerDay: 10_000_000, eventsPerUserPerDay: 50, bytesPerEvent: 1000, peakFactor: 3, compression: '5-10' };
const shop = { usersPerDay: 100_000, eventsPerUserPerDay: 4, bytesPerEvent: 1000, peakFactor: 5.4 };

describe('worked example: 10 M daily users × 50 events', () => {
  const { inputs } = parseInputs(product);
  const e = estimateCapacity(inputs);

  it('computes events/day and events/s exactly as the example rounds them', () => {
    expect(e.eventsPerDay).toBe(500_000_000);
    expect(Math.round(e.avgEventsPerSec)).toBe(5787);
    expect(Math.round(e.peakEventsPerSec)).toBe(17_361);
    expect(stepOf(e, 'eventsPerDay').formula).toBe('10,000,000 users/day × 50 events/user = 500,000,000 events/day');
    expect(stepOf(e, 'avgEventsPerSec').display).toBe('5,787 events/s');
    expect(stepOf(e, 'peakEventsPerSec').display).toBe('17,361 events/s');
    expect(stepOf(e, 'peakEventsPerSec').formula).toBe('5,787 events/s × 3 peak-to-average ≈ 17,361 events/s');
  });

  it('computes bytes in decimal units: 500 GB/day, 182.5 TB/year raw, 18.3–36.5 TB/year compressed', () => {
    expect(e.rawBytesPerDay).toBe(500e9);
    expect(e.rawBytesPerYear).toBe(182.5e12);
    expect(e.compressedBytesPerYear.min).toBeCloseTo(18.25e12, 0);
    expect(e.compressedBytesPerYear.max).toBeCloseTo(36.5e12, 0);
    expect(stepOf(e, 'rawBytesPerDay').display).toBe('500 GB/day');
    expect(stepOf(e, 'rawBytesPerYear').formula).toBe('500 GB/day × 365 days = 182.5 TB/year');
    expect(stepOf(e, 'compressedBytesPerYear').display).toBe('18.3–36.5 TB/year');
    expect(stepOf(e, 'compressedBytesPerYear').formula).toBe('182.5 TB/year ÷ 10 … ÷ 5 ≈ 18.3–36.5 TB/year');
  });

  it('gives every step a name, a formula with numbers, a value and a unit', () => {
    expect(e.steps.map((s) => s.id)).toEqual([
      'eventsPerDay',
      'avgEventsPerSec',
      'peakEventsPerSec',
      'peakDeliveriesPerSec',
      'rawBytesPerDay',
      'rawBytesPerYear',
      'compressedBytesPerYear',
      'retainedBytes',
      'projectedRetainedBytes',
      'monthlyStorageCost',
      'projectedMonthlyStorageCost',
    ]);
    for (const step of e.steps) {
      expect(step.name.length).toBeGreaterThan(0);
      expect(step.formula).toMatch(/\d/);
      expect(step.unit.length).toBeGreaterThan(0);
      expect(step.formula).toContain(step.display.replace(/\/(day|year|month)$/, ''));
    }
  });

  it('holds a year under retention, projects growth and prices it', () => {
    // Defaults: 365-day retention, 20 %/year over 3 years, $23/TB-month.
    expect(e.retainedBytes.max).toBeCloseTo(36.5e12, 0);
    expect(e.growthMultiplier).toBeCloseTo(1.728, 10);
    expect(e.projectedRetainedBytes.max).toBeCloseTo(36.5e12 * 1.728, 0);
    expect(e.monthlyStorageCost.min).toBeCloseTo(18.25 * 23, 6);
    expect(e.monthlyStorageCost.max).toBeCloseTo(36.5 * 23, 6);
    expect(stepOf(e, 'monthlyStorageCost').display).toBe('$420–$840/month');
    expect(e.projection).toHaveLength(4);
    expect(e.projection[3]?.eventsPerDay).toBeCloseTo(500e6 * 1.728, 0);
  });

  it('says: a streaming buffer, but not a large cluster, with the trigger values', () => {
    expect(e.verdict.kind).toBe('streaming-buffer');
    const writer = e.verdict.checks.find((c) => c.id === 'writer-throughput');
    expect(writer?.triggered).toBe(true);
    expect(writer?.threshold).toBe(DEFAULT_PROFILE.writerEventsPerSec.value);
    expect(e.verdict.reasons[0]).toContain('peak 17,361 events/s exceeds the 10,000 events/s');
    const day = e.verdict.checks.find((c) => c.id === 'day-within-window');
    expect(day?.triggered).toBe(false);
    expect(day?.measured).toBe(2500); // 500 GB ÷ 200 MB/s is slower than 500 M rows ÷ 1 M rows/s
    expect(e.verdict.summary).toContain('not a cluster');
    expect(e.verdict.switchTo.join(' ')).toContain('Kafka');
    expect(e.verdict.switchTo.join(' ')).not.toContain('Spark');
  });
});

describe('worked example: a shop with 100 k orders/day × 4 events', () => {
  const attempt = tryEstimate(shop);
  if (!attempt.ok) throw new Error(JSON.stringify(attempt.issues));
  const e = attempt.estimate;

  it('computes 400 k events/day, ≈ 4.6/s average, ≈ 25/s at a 5.4× flash-sale peak', () => {
    expect(e.eventsPerDay).toBe(400_000);
    expect(e.avgEventsPerSec).toBeCloseTo(4.63, 2);
    expect(stepOf(e, 'avgEventsPerSec').display).toBe('4.6 events/s');
    expect(e.peakEventsPerSec).toBeCloseTo(25, 9);
    expect(stepOf(e, 'peakEventsPerSec').display).toBe('25 events/s');
    expect(attempt.defaulted).toEqual(expect.arrayContaining(['compression', 'retentionDays', 'freshness']));
  });

  it('says: one machine, no Kafka', () => {
    expect(e.verdict.kind).toBe('single-machine');
    expect(e.verdict.checks.filter((c) => c.triggered)).toEqual([]);
    expect(e.verdict.summary).toContain('no streaming log');
    expect(e.verdict.switchTo.join(' ')).not.toContain('Kafka');
    expect(e.verdict.reasons.some((r) => r.includes('peak 25 events/s is within the 10,000 events/s'))).toBe(true);
  });
});

describe('verdict triggers', () => {
  it('needs a buffer when freshness is seconds, even at a low rate', () => {
    const { inputs } = parseInputs({ ...shop, freshness: 'seconds' });
    const e = estimateCapacity(inputs);
    expect(e.verdict.kind).toBe('streaming-buffer');
    expect(e.verdict.reasons.join(' ')).toContain('seconds');
    // At seconds freshness the processing check is per second of peak data, not per day.
    const processing = e.verdict.checks.find((c) => c.id === 'day-within-window');
    expect(processing?.triggered).toBe(false);
    expect(processing?.measured).toBeCloseTo(25_000 / 200e6, 12);
    expect(e.verdict.switchTo.join(' ')).toContain('Flink or Kafka Streams');
  });

  it('needs distributed processing when a day of data takes longer than the freshness window', () => {
    // 5 B events/day × 1 KB = 5 TB/day: 25,000 s at 200 MB/s, longer than an hourly window.
    const { inputs } = parseInputs({ usersPerDay: 100_000_000, eventsPerUserPerDay: 50, bytesPerEvent: 1000, freshness: 'hourly' });
    const e = estimateCapacity(inputs);
    expect(e.verdict.kind).toBe('distributed');
    const day = e.verdict.checks.find((c) => c.id === 'day-within-window');
    expect(day?.measured).toBe(25_000);
    expect(day?.threshold).toBe(3600);
    expect(e.verdict.switchTo.join(' ')).toMatch(/Spark or Flink.*dbt export/);
  });

  it('uses a calibrated threshold instead of the default', () => {
    const { inputs } = parseInputs(product);
    const faster = { ...DEFAULT_PROFILE, writerEventsPerSec: { value: 50_000, source: 'calibrated' as const, basis: 'measured here' } };
    const e = estimateCapacity(inputs, faster);
    expect(e.verdict.kind).toBe('single-machine');
    expect(e.verdict.reasons[0]).toContain('within the 50,000 events/s one writer absorbs (measured here)');
  });

  it('reports the projected year in which growth changes the verdict', () => {
    const { inputs } = parseInputs({ usersPerDay: 1_000_000, eventsPerUserPerDay: 300, bytesPerEvent: 500, peakFactor: 2, yearlyGrowthPercent: 50, projectionYears: 3 });
    const e = estimateCapacity(inputs);
    // Today 6,944/s at peak; ×1.5 = 10,417/s in year 1.
    expect(e.verdict.kind).toBe('single-machine');
    expect(e.verdictChange).toEqual({ year: 1, kind: 'streaming-buffer' });
    expect(e.projection.map((y) => y.verdict)).toEqual(['single-machine', 'streaming-buffer', 'streaming-buffer', 'streaming-buffer']);
  });
});
