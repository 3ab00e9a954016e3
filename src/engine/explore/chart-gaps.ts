// Empty groups of a chart drawn in x order: the calendar buckets and number bins between those
// that hold rows, so a quiet month shows as a gap (0 rows, or no value) instead of vanishing.
// The group of NULL x stays last.
import { binLabel, formatBound } from './bin-label.js';
import { calendarLabels, type ChartBucket } from './calendar-buckets.js';

export interface Series {
  labels: string[];
  values: (number | null)[];
}

const NULL_LABEL = 'NULL';

/** Adds the buckets missing between the first and the last labelled bucket, with the value `empty`. */
export function fillCalendarGaps(series: Series, bucket: ChartBucket, empty: 0 | null): Series {
  const known = new Map(series.labels.map((label, i) => [label, series.values[i] ?? null]));
  const dated = series.labels.filter((l) => l !== NULL_LABEL);
  const first = dated[0];
  const last = dated[dated.length - 1];
  const all = first !== undefined && last !== undefined ? calendarLabels(bucket, first, last) : undefined;
  if (!all) return series;
  const labels = known.has(NULL_LABEL) ? [...all, NULL_LABEL] : all;
  return { labels, values: labels.map((l) => (known.has(l) ? (known.get(l) ?? null) : empty)) };
}

export interface BinnedRow {
  bin: number | null;
  value: number | null;
}

/** Every bin from the first through `through` (the last bin, or the last returned when the chart was cut), labelled by its bounds. */
export function fillBins(rows: readonly BinnedRow[], range: { low: number; width: number }, through: number, empty: 0 | null): Series {
  const byBin = new Map(rows.map((r) => [r.bin, r.value]));
  const labels: string[] = [];
  const values: (number | null)[] = [];
  for (let bin = 0; bin <= through; bin++) {
    const from = range.low + bin * range.width;
    labels.push(range.width === 0 ? formatBound(from) : binLabel(from, from + range.width));
    values.push(byBin.has(bin) ? (byBin.get(bin) ?? null) : empty);
  }
  if (byBin.has(null)) {
    labels.push(NULL_LABEL);
    values.push(byBin.get(null) ?? null);
  }
  return { labels, values };
}
