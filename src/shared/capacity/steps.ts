// The worked example: each figure as a step with its formula (the actual numbers substituted),
// its value and unit, in the order a data engineer would do the math on a whiteboard.
import { compressionText, type NumberRange } from './compression-range.js';
import { DAYS_PER_YEAR, SECONDS_PER_DAY, type CapacityFigures } from './figures.js';
import { formatByteRange, formatBytes, formatMoneyRange, formatNumber, formatQuantity } from './format.js';
import type { CapacityInputs } from './inputs.js';

export type StepId =
  | 'eventsPerDay'
  | 'avgEventsPerSec'
  | 'peakEventsPerSec'
  | 'peakDeliveriesPerSec'
  | 'rawBytesPerDay'
  | 'rawBytesPerYear'
  | 'compressedBytesPerYear'
  | 'retainedBytes'
  | 'projectedRetainedBytes'
  | 'monthlyStorageCost'
  | 'projectedMonthlyStorageCost';

export interface Step {
  id: StepId;
  name: string;
  /** The formula with the numbers substituted, ending in the rounded result. */
  formula: string;
  /** Exact value (unrounded); a range where compression makes it one. */
  value: number | NumberRange;
  /** Base unit of `value`: events/day, events/s, B/day, B/year, B, $/month. */
  unit: string;
  /** The value rounded for reading, with a human unit: "182.5 TB/year". */
  display: string;
}

function ratioText(c: NumberRange): string {
  return c.min === c.max ? `÷ ${formatNumber(c.min, 2)}` : `÷ ${formatNumber(c.max, 2)} … ÷ ${formatNumber(c.min, 2)}`;
}

/** The worked math for `inputs`, in order. */
export function buildSteps(inputs: CapacityInputs, f: CapacityFigures): Step[] {
  const rate = (n: number): string => `${formatQuantity(n)} events/s`;
  const growth = `(1 + ${formatNumber(inputs.yearlyGrowthPercent, 2)}%)^${inputs.projectionYears}`;
  const compression = `(compression ${compressionText(inputs.compression)}×)`;
  const price = `$${formatNumber(inputs.storagePricePerTbMonth, 2)}/TB-month`;
  return [
    {
      id: 'eventsPerDay',
      name: 'events per day',
      formula: `${formatNumber(inputs.usersPerDay, 2)} users/day × ${formatNumber(inputs.eventsPerUserPerDay, 2)} events/user = ${formatNumber(f.eventsPerDay)} events/day`,
      value: f.eventsPerDay,
      unit: 'events/day',
      display: `${formatNumber(f.eventsPerDay)} events/day`,
    },
    {
      id: 'avgEventsPerSec',
      name: 'average events per second',
      formula: `${formatNumber(f.eventsPerDay)} events/day ÷ ${formatNumber(SECONDS_PER_DAY)} s/day ≈ ${rate(f.avgEventsPerSec)}`,
      value: f.avgEventsPerSec,
      unit: 'events/s',
      display: rate(f.avgEventsPerSec),
    },
    {
      id: 'peakEventsPerSec',
      name: 'peak events per second',
      formula: `${rate(f.avgEventsPerSec)} × ${formatNumber(inputs.peakFactor, 2)} peak-to-average ≈ ${rate(f.peakEventsPerSec)}`,
      value: f.peakEventsPerSec,
      unit: 'events/s',
      display: rate(f.peakEventsPerSec),
    },
    {
      id: 'peakDeliveriesPerSec',
      name: 'events delivered per second at peak',
      formula: `${rate(f.peakEventsPerSec)} × ${formatNumber(inputs.consumers)} consumer${inputs.consumers === 1 ? '' : 's'} ≈ ${rate(f.peakDeliveriesPerSec)}`,
      value: f.peakDeliveriesPerSec,
      unit: 'events/s',
      display: rate(f.peakDeliveriesPerSec),
    },
    {
      id: 'rawBytesPerDay',
      name: 'raw bytes per day',
      formula: `${formatNumber(f.eventsPerDay)} events/day × ${formatNumber(inputs.bytesPerEvent, 2)} B/event = ${formatBytes(f.rawBytesPerDay)}/day`,
      value: f.rawBytesPerDay,
      unit: 'B/day',
      display: `${formatBytes(f.rawBytesPerDay)}/day`,
    },
    {
      id: 'rawBytesPerYear',
      name: 'raw storage per year',
      formula: `${formatBytes(f.rawBytesPerDay)}/day × ${DAYS_PER_YEAR} days = ${formatBytes(f.rawBytesPerYear)}/year`,
      value: f.rawBytesPerYear,
      unit: 'B/year',
      display: `${formatBytes(f.rawBytesPerYear)}/year`,
    },
    {
      id: 'compressedBytesPerYear',
      name: 'compressed storage per year',
      formula: `${formatBytes(f.rawBytesPerYear)}/year ${ratioText(inputs.compression)} ≈ ${formatByteRange(f.compressedBytesPerYear.min, f.compressedBytesPerYear.max)}/year`,
      value: f.compressedBytesPerYear,
      unit: 'B/year',
      display: `${formatByteRange(f.compressedBytesPerYear.min, f.compressedBytesPerYear.max)}/year`,
    },
    {
      id: 'retainedBytes',
      name: 'storage held under the retention',
      formula: `${formatBytes(f.rawBytesPerDay)}/day × ${formatNumber(inputs.retentionDays)} days retention ${ratioText(inputs.compression)} ≈ ${formatByteRange(f.retainedBytes.min, f.retainedBytes.max)}`,
      value: f.retainedBytes,
      unit: 'B',
      display: formatByteRange(f.retainedBytes.min, f.retainedBytes.max),
    },
    {
      id: 'projectedRetainedBytes',
      name: 'storage held after the projected growth',
      formula: `${formatByteRange(f.retainedBytes.min, f.retainedBytes.max)} × ${growth} (= ×${formatNumber(f.growthMultiplier, 3)}) ≈ ${formatByteRange(f.projectedRetainedBytes.min, f.projectedRetainedBytes.max)} in year ${inputs.projectionYears}`,
      value: f.projectedRetainedBytes,
      unit: 'B',
      display: formatByteRange(f.projectedRetainedBytes.min, f.projectedRetainedBytes.max),
    },
    {
      id: 'monthlyStorageCost',
      name: 'monthly storage cost',
      formula: `${formatByteRange(f.retainedBytes.min, f.retainedBytes.max)} ${compression} × ${price} ≈ ${formatMoneyRange(f.monthlyStorageCost.min, f.monthlyStorageCost.max)}/month`,
      value: f.monthlyStorageCost,
      unit: '$/month',
      display: `${formatMoneyRange(f.monthlyStorageCost.min, f.monthlyStorageCost.max)}/month`,
    },
    {
      id: 'projectedMonthlyStorageCost',
      name: 'monthly storage cost after the projected growth',
      formula: `${formatByteRange(f.projectedRetainedBytes.min, f.projectedRetainedBytes.max)} × ${price} ≈ ${formatMoneyRange(f.projectedMonthlyStorageCost.min, f.projectedMonthlyStorageCost.max)}/month`,
      value: f.projectedMonthlyStorageCost,
      unit: '$/month',
      display: `${formatMoneyRange(f.projectedMonthlyStorageCost.min, f.projectedMonthlyStorageCost.max)}/month`,
    },
  ];
}
