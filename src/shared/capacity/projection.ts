// The growth projection, year by year: volumes, storage held, cost and the verdict each year,
// for the storage-over-the-years chart and for "the verdict changes in year N".
import type { NumberRange } from './compression-range.js';
import { computeFigures, growthAfter } from './figures.js';
import type { CapacityInputs } from './inputs.js';
import type { MachineProfile } from './profile.js';
import { kindOf, measureVerdict, type VerdictKind } from './verdict-measures.js';

export interface ProjectionYear {
  /** 0 = today. */
  year: number;
  /** Volume relative to today: (1 + growth)^year. */
  multiplier: number;
  eventsPerDay: number;
  peakEventsPerSec: number;
  rawBytesPerDay: number;
  retainedBytes: NumberRange;
  monthlyStorageCost: NumberRange;
  verdict: VerdictKind;
}

/** Year 0 to `inputs.projectionYears`, with every volume grown by the yearly growth. */
export function projectYears(inputs: CapacityInputs, profile: MachineProfile): ProjectionYear[] {
  const years: ProjectionYear[] = [];
  for (let year = 0; year <= inputs.projectionYears; year++) {
    const multiplier = growthAfter(inputs.yearlyGrowthPercent, year);
    const grown = { ...inputs, usersPerDay: inputs.usersPerDay * multiplier };
    const f = computeFigures(grown);
    years.push({
      year,
      multiplier,
      eventsPerDay: f.eventsPerDay,
      peakEventsPerSec: f.peakEventsPerSec,
      rawBytesPerDay: f.rawBytesPerDay,
      retainedBytes: f.retainedBytes,
      monthlyStorageCost: f.monthlyStorageCost,
      verdict: kindOf(measureVerdict(grown, f, profile)),
    });
  }
  return years;
}
