// The figures a column's profile card lists, as label and display text: NULLs with their share,
// distinct values, range, and for numbers mean, spread and quartiles. Pure, so it is unit tested.
import type { ColumnProfile, Histogram } from '../../../shared/api/index.js';
import { formatFull, formatMaybe } from '../../components/chart/number-format.js';
import { formatCount } from '../../format/numbers.js';

export interface Fact {
  term: string;
  value: string;
}

/** `12 (0.5%)`; the share is of the rows profiled. */
export function nullsText(nulls: number, rows: number): string {
  if (rows === 0) return formatCount(nulls);
  const share = (nulls / rows) * 100;
  const percent = nulls === 0 ? '0%' : share < 0.1 ? '<0.1%' : `${formatFull(Number(share.toFixed(1)))}%`;
  return `${formatCount(nulls)} (${percent})`;
}

export function profileFacts(column: ColumnProfile, rows: number): Fact[] {
  const facts: Fact[] = [
    { term: 'NULLs', value: nullsText(column.nulls, rows) },
    { term: 'Distinct', value: `≈ ${formatCount(column.distinct)}` },
  ];
  if (column.min !== null) facts.push({ term: 'Min', value: column.min });
  if (column.max !== null) facts.push({ term: 'Max', value: column.max });
  if (column.kind === 'number') {
    facts.push({ term: 'Mean', value: formatMaybe(column.mean) }, { term: 'Std dev', value: formatMaybe(column.stddev) });
    if (column.quartiles) {
      const q = column.quartiles;
      facts.push({ term: 'Median', value: formatFull(q.median) }, { term: 'Middle half', value: `${formatFull(q.p25)} – ${formatFull(q.p75)}` });
    }
  }
  return facts;
}

/** `20 equal-width bins`, `by month`. */
export function histogramCaption(histogram: Histogram): string {
  if (histogram.unit === 'bin') return histogram.bins.length === 1 ? 'one value' : `${histogram.bins.length} equal-width bins`;
  return `by ${histogram.unit}`;
}
