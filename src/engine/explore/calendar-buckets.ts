// Calendar buckets of dates and timestamps as DuckDB formats them ('2024-03-07', '2024-03',
// '2024'): which bucket a span of days calls for, the strftime format of each, and the empty
// buckets between the ones that hold rows, so a histogram shows a quiet month as a zero.
import type { HistogramUnit } from '../../shared/api/explore.js';

export type CalendarUnit = Exclude<HistogramUnit, 'bin'>;
/** Charts also bucket by week (labelled by its Monday). */
export type ChartBucket = CalendarUnit | 'week';

export const CALENDAR_FORMATS: Record<ChartBucket, string> = { day: '%Y-%m-%d', week: '%Y-%m-%d', month: '%Y-%m', year: '%Y' };

/** More buckets than this are shown as they come, without the empty ones between them. */
const MAX_FILLED = 400;

/** Days for spans up to about a quarter, months up to ten years, years beyond. */
export function calendarUnitFor(days: number): CalendarUnit {
  if (days <= 92) return 'day';
  if (days <= 3660) return 'month';
  return 'year';
}

/** The labels from `first` to `last` inclusive, one per bucket; undefined when they cannot be read or are too many. */
export function calendarLabels(unit: ChartBucket, first: string, last: string): string[] | undefined {
  const start = parse(unit, first);
  const end = parse(unit, last);
  if (start === undefined || end === undefined || end < start) return undefined;
  const labels: string[] = [];
  for (let at = new Date(start); at.getTime() <= end; at = step(unit, at)) {
    if (labels.length >= MAX_FILLED) return undefined;
    labels.push(format(unit, at));
  }
  return labels;
}

function parse(unit: ChartBucket, label: string): number | undefined {
  const pattern = { day: /^(\d{4})-(\d{2})-(\d{2})$/, week: /^(\d{4})-(\d{2})-(\d{2})$/, month: /^(\d{4})-(\d{2})$/, year: /^(\d{4})$/ }[unit];
  const m = pattern.exec(label);
  if (!m) return undefined;
  const at = new Date(0);
  at.setUTCFullYear(Number(m[1]), Number(m[2] ?? '1') - 1, Number(m[3] ?? '1'));
  return at.getTime();
}

function step(unit: ChartBucket, at: Date): Date {
  const next = new Date(at);
  if (unit === 'day' || unit === 'week') next.setUTCDate(next.getUTCDate() + (unit === 'week' ? 7 : 1));
  else if (unit === 'month') next.setUTCMonth(next.getUTCMonth() + 1);
  else next.setUTCFullYear(next.getUTCFullYear() + 1);
  return next;
}

function format(unit: ChartBucket, at: Date): string {
  const y = String(at.getUTCFullYear()).padStart(4, '0');
  const m = String(at.getUTCMonth() + 1).padStart(2, '0');
  const d = String(at.getUTCDate()).padStart(2, '0');
  return unit === 'day' || unit === 'week' ? `${y}-${m}-${d}` : unit === 'month' ? `${y}-${m}` : y;
}
