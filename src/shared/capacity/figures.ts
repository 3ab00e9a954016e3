// The estimator's arithmetic: from validated inputs to the machine-readable figures (events/day,
// events/s, bytes/day, storage per year and under retention, growth projection, monthly cost).
import type { NumberRange } from './compression-range.js';
import type { CapacityInputs } from './inputs.js';

export const SECONDS_PER_DAY = 86_400;
export const DAYS_PER_YEAR = 365;
/** Decimal terabyte: storage prices are per 10^12 bytes. */
export const BYTES_PER_TB = 1e12;

export interface CapacityFigures {
  eventsPerDay: number;
  avgEventsPerSec: number;
  peakEventsPerSec: number;
  /** Peak events/s times the number of consumers: what a buffer must deliver at peak. */
  peakDeliveriesPerSec: number;
  rawBytesPerDay: number;
  rawBytesPerYear: number;
  compressedBytesPerYear: NumberRange;
  /** Raw bytes of the days kept under the retention. */
  retainedRawBytes: number;
  /** Stored bytes under the retention, at the compression range. */
  retainedBytes: NumberRange;
  /** (1 + growth)^years. */
  growthMultiplier: number;
  projectedEventsPerDay: number;
  projectedPeakEventsPerSec: number;
  projectedRetainedRawBytes: number;
  projectedRetainedBytes: NumberRange;
  monthlyStorageCost: NumberRange;
  projectedMonthlyStorageCost: NumberRange;
}

/** Divides raw bytes by a compression range: the best ratio gives the minimum. */
export function compressed(rawBytes: number, compression: NumberRange): NumberRange {
  return { min: rawBytes / compression.max, max: rawBytes / compression.min };
}

function scale(range: NumberRange, factor: number): NumberRange {
  return { min: range.min * factor, max: range.max * factor };
}

/** Volume multiplier after `years` of `yearlyGrowthPercent` growth. */
export function growthAfter(yearlyGrowthPercent: number, years: number): number {
  return Math.pow(1 + yearlyGrowthPercent / 100, years);
}

/** All figures for the inputs; assumes they passed validation. */
export function computeFigures(inputs: CapacityInputs): CapacityFigures {
  const eventsPerDay = inputs.usersPerDay * inputs.eventsPerUserPerDay;
  const avgEventsPerSec = eventsPerDay / SECONDS_PER_DAY;
  const peakEventsPerSec = avgEventsPerSec * inputs.peakFactor;
  const rawBytesPerDay = eventsPerDay * inputs.bytesPerEvent;
  const rawBytesPerYear = rawBytesPerDay * DAYS_PER_YEAR;
  const retainedRawBytes = rawBytesPerDay * inputs.retentionDays;
  const retainedBytes = compressed(retainedRawBytes, inputs.compression);
  const growthMultiplier = growthAfter(inputs.yearlyGrowthPercent, inputs.projectionYears);
  const projectedRetainedBytes = scale(retainedBytes, growthMultiplier);
  const pricePerByte = inputs.storagePricePerTbMonth / BYTES_PER_TB;
  return {
    eventsPerDay,
    avgEventsPerSec,
    peakEventsPerSec,
    peakDeliveriesPerSec: peakEventsPerSec * inputs.consumers,
    rawBytesPerDay,
    rawBytesPerYear,
    compressedBytesPerYear: compressed(rawBytesPerYear, inputs.compression),
    retainedRawBytes,
    retainedBytes,
    growthMultiplier,
    projectedEventsPerDay: eventsPerDay * growthMultiplier,
    projectedPeakEventsPerSec: peakEventsPerSec * growthMultiplier,
    projectedRetainedRawBytes: retainedRawBytes * growthMultiplier,
    projectedRetainedBytes,
    monthlyStorageCost: scale(retainedBytes, pricePerByte),
    projectedMonthlyStorageCost: scale(projectedRetainedBytes, pricePerByte),
  };
}
