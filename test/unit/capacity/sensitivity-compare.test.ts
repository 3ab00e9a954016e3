// Sensitivity (which input moves the verdict, the peak and the storage most), side-by-side
// comparison, and headroom arithmetic.
import { describe, expect, it } from 'vitest';
import {
  analyzeSensitivity,
  compareEstimates,
  computeHeadroom,
  DEFAULT_PROFILE,
  estimateCapacity,
  parseInputs,
  sensitivityReport,
  standingOf,
} from '../../../src/shared/capacity/index.js';

const product = parseInputs({ usersPerDay: 10_000_000, eventsPerUserPerDay: 50, bytesPerEvent: 1000, peakFactor: 3, compression: '5-10' }).inputs;
const shop = parseInputs({ usersPerDay: 100_000, eventsPerUserPerDay: 4, bytesPerEvent: 1000, peakFactor: 5.4 }).inputs;

describe('sensitivity', () => {
  it('finds the inputs that move the verdict of the 10 M-user example', () => {
    const s = analyzeSensitivity(product);
    expect(s.base.verdict).toBe('streaming-buffer');
    // Halving users, events per user or the peak factor brings the peak (17,361/s) under 10,000/s.
    expect(s.movesVerdict).toEqual(expect.arrayContaining(['usersPerDay', 'eventsPerUserPerDay', 'peakFactor']));
    expect(s.movesVerdict).not.toContain('bytesPerEvent');
    expect(s.rows.slice(0, s.movesVerdict.length).every((r) => r.movesVerdict)).toBe(true);
    const users = s.rows.find((r) => r.field === 'usersPerDay');
    expect(users?.variants.map((v) => [v.label, v.verdict])).toEqual([
      ['×0.5', 'single-machine'],
      ['×2', 'streaming-buffer'],
    ]);
    expect(users?.variants[1]?.peakRatio).toBeCloseTo(2, 10);
  });

  it('says which inputs move peak and storage most, and leaves out variants that equal the base', () => {
    const s = analyzeSensitivity(shop);
    expect(s.movesVerdict).toEqual([]);
    expect(s.movesPeakMost).toEqual(['usersPerDay', 'eventsPerUserPerDay', 'peakFactor']);
    expect(s.movesStorageMost).toEqual(['usersPerDay', 'eventsPerUserPerDay', 'bytesPerEvent', 'compression', 'retentionDays']);
    // Consumers is 1: halving it rounds back to 1, so only ×2 is shown. Daily freshness has no staler step.
    expect(s.rows.find((r) => r.field === 'consumers')?.variants.map((v) => v.label)).toEqual(['×2']);
    expect(s.rows.find((r) => r.field === 'freshness')?.variants.map((v) => v.label)).toEqual(['hourly']);
    expect(s.rows.find((r) => r.field === 'storagePricePerTbMonth')?.peakSwing).toBe(0);
  });
});

describe('sensitivity beside the disk', () => {
  // 1 M users × 50 events × 2 KB a day, compressed 5–10×, kept 365 days: up to 7.3 TB held, under the 10 TB disk.
  const nearDisk = parseInputs({ usersPerDay: 1_000_000, eventsPerUserPerDay: 50, bytesPerEvent: 2000, peakFactor: 3, compression: '5-10', freshness: 'daily' }).inputs;

  it('does not call a variant whose data outgrows the disk "one machine", by the rule the headline uses', () => {
    const s = analyzeSensitivity(nearDisk);
    expect(s.base).toMatchObject({ verdict: 'single-machine', standing: 'single-machine' });
    // Twice the users: one machine still processes a day's data, but 14.6 TB held outgrows its 10 TB disk.
    const users = s.rows.find((r) => r.field === 'usersPerDay');
    expect(users?.variants.map((v) => [v.label, v.verdict, v.standing])).toEqual([
      ['×0.5', 'single-machine', 'single-machine'],
      ['×2', 'single-machine', 'single-machine-over-disk'],
    ]);
    for (const row of s.rows) {
      for (const v of row.variants) {
        const outgrows = v.retainedBytes > DEFAULT_PROFILE.localDiskBytes.value;
        expect(v.standing, `${row.field} ${v.label}`).toBe(standingOf(v.verdict, outgrows));
      }
    }
    // A variant that outgrows the disk changes what the row says, so it moves the verdict.
    expect(s.movesVerdict).toEqual(['usersPerDay', 'eventsPerUserPerDay', 'bytesPerEvent', 'compression', 'retentionDays']);
    expect(sensitivityReport(s)).toMatch(/×2 \(2,000,000 users\/day\) +one machine, but the data held outgrows its disk/);
  });
});

describe('comparison', () => {
  it('puts scenarios side by side and marks the rows that differ', () => {
    const c = compareEstimates([
      { name: 'product', estimate: estimateCapacity(product) },
      { name: 'shop', estimate: estimateCapacity(shop) },
    ]);
    expect(c.names).toEqual(['product', 'shop']);
    const peak = c.rows.find((r) => r.id === 'peakEventsPerSec');
    expect(peak?.values).toEqual(['17,361 events/s', '25 events/s']);
    expect(peak?.differs).toBe(true);
    expect(c.rows.find((r) => r.id === 'freshness')?.differs).toBe(false);
    expect(c.rows.find((r) => r.id === 'verdict')?.values).toEqual(['streaming-buffer', 'single-machine']);
  });
});

describe('headroom', () => {
  it('divides measured throughput by the needed peak', () => {
    const h = computeHeadroom(25, 50_000);
    expect(h.ratio).toBe(2000);
    expect(h.fits).toBe(true);
    expect(h.sentence).toBe('Your peak needs 25 events/s; this pipeline on this machine does 50,000 rows/s; headroom 50,000 rows/s ÷ 25 events/s = 2,000× (it keeps up with the peak).');
    const short = computeHeadroom(17_361.1, 5000);
    expect(short.fits).toBe(false);
    expect(short.ratio).toBeCloseTo(0.288, 3);
    expect(short.sentence).toContain('the peak needs 3.5× more');
  });
});
