// The bars and legend of the storage-over-the-years chart: one bar per year coloured by that
// year's verdict, marked apart when its data held rises above one machine's disk (so no bar above
// the limit line reads "one machine"), and a legend listing exactly the colours drawn.
import { formatByteRange, formatBytes, standingOf, type CapacityEstimate } from '../../../shared/capacity/index.js';
import type { BarDatum, BarTone } from '../../components/chart/BarChart.js';
import { VERDICT_SHORT, VERDICT_TONE } from './verdict-labels.js';

export interface LegendEntry {
  tone: BarTone;
  label: string;
}

const TONE_ORDER: readonly BarTone[] = ['ok', 'over', 'warn', 'bad'];

export function storageBars(estimate: CapacityEstimate): { data: BarDatum[]; legend: LegendEntry[] } {
  const disk = estimate.profile.localDiskBytes.value;
  const labels = new Map<BarTone, string>();
  const data = estimate.projection.map((y): BarDatum => {
    const overDisk = y.retainedBytes.max > disk;
    const standing = standingOf(y.verdict, overDisk);
    const tone: BarTone = standing === 'single-machine-over-disk' ? 'over' : VERDICT_TONE[standing];
    const label = tone === 'over' ? `one machine, but more data than its disk holds (${formatBytes(disk)}, advisory)` : VERDICT_SHORT[y.verdict];
    labels.set(tone, label);
    const when = y.year === 0 ? 'Now' : `Year ${y.year}`;
    const disked = overDisk ? `, more than one machine's disk (${formatBytes(disk)})` : '';
    return {
      label: y.year === 0 ? 'now' : `year ${y.year}`,
      value: y.retainedBytes.max,
      low: y.retainedBytes.min,
      tone,
      description: `${when}: ${formatByteRange(y.retainedBytes.min, y.retainedBytes.max)} held${disked}; ${VERDICT_SHORT[y.verdict]}.`,
    };
  });
  const legend = TONE_ORDER.flatMap((tone) => {
    const label = labels.get(tone);
    return label === undefined ? [] : [{ tone, label }];
  });
  return { data, legend };
}

/** The first projected year (after today) whose data held passes one machine's disk while today's fits, if any. */
export function diskOutgrownYear(estimate: CapacityEstimate): number | undefined {
  const disk = estimate.profile.localDiskBytes.value;
  const [now, ...later] = estimate.projection;
  if (!now || now.retainedBytes.max > disk) return undefined;
  return later.find((y) => y.retainedBytes.max > disk)?.year;
}
