// The second pass of a profile: one GROUP BY GROUPING SETS query over the table (or its sample)
// that counts, for every column at once, its histogram (equal-width bins of numbers, calendar
// buckets of dates and timestamps) and its most frequent values (text, booleans, and any column
// with few distinct values). Bin bounds come from the first pass.
import type { Histogram } from '../../shared/api/explore.js';
import type { Row } from '../db/connection.js';
import { ident, literal, sqlValue } from '../db/sql.js';
import { binLabel, formatBound } from './bin-label.js';
import { CALENDAR_FORMATS, calendarLabels, calendarUnitFor, type CalendarUnit } from './calendar-buckets.js';
import type { ColumnStats } from './profile-stats.js';

const TARGET_BINS = 20;
export const TOP_VALUES = 5;
/** Columns with at most this many distinct values also get their most frequent values. */
const LOW_CARDINALITY = 20;
const MAX_KEY_CHARS = 200;
const INTEGER = /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|DECIMAL\(\d+,\s*0\))$/i;

interface NumberBins {
  unit: 'bin';
  low: number;
  width: number;
  count: number;
  integer: boolean;
}
type BinPlan = NumberBins | { unit: CalendarUnit };

/** One grouping set: a column's bins or its values. */
interface Part {
  column: number;
  purpose: 'bins' | 'top';
  /** What rows are grouped by: a bin number, a calendar bucket or the value itself. */
  key: string;
  /** Turns a group's key (the SQL name `k`) into its label; run on the groups, not the rows. */
  label: (k: string) => string;
  bins?: BinPlan;
}

export interface Distribution {
  histogram: Histogram | null;
  topValues: { value: string; count: number }[];
}

function numberBins(stats: ColumnStats): NumberBins | null {
  const { low, high } = stats;
  if (low === null || high === null) return null;
  const span = high - low;
  // Values near the edges of DOUBLE (±1.7e308) span more than a double holds: no bins then.
  if (!Number.isFinite(span)) return null;
  if (INTEGER.test(stats.column.type.trim())) {
    const width = Math.max(1, Math.ceil((span + 1) / TARGET_BINS));
    return { unit: 'bin', low, width, count: Math.ceil((span + 1) / width), integer: true };
  }
  if (span === 0) return { unit: 'bin', low, width: 1, count: 1, integer: false };
  return { unit: 'bin', low, width: span / TARGET_BINS, count: TARGET_BINS, integer: false };
}

/** Share of distinct values (as DuckDB estimates it) from which a text column counts as unique. */
const NEARLY_UNIQUE = 0.9;

/** The grouping sets a profile counts, from the first pass's statistics. */
export function distributionParts(stats: readonly ColumnStats[]): Part[] {
  const parts: Part[] = [];
  stats.forEach((s, column) => {
    const c = ident(s.column.name);
    if (s.values === 0) return;
    if (s.kind === 'number') {
      const bins = numberBins(s);
      const d = `${c}::DOUBLE`;
      const bin = `least(floor((${d} - ${sqlValue(bins?.low ?? 0)}) / ${sqlValue(bins?.width ?? 1)}), ${(bins?.count ?? 1) - 1})::INTEGER`;
      if (bins) parts.push({ column, purpose: 'bins', bins, key: `CASE WHEN isfinite(${d}) THEN ${bin} END`, label: (k) => `${k}::VARCHAR` });
    }
    if (s.kind === 'temporal' && s.days !== null) {
      const unit = calendarUnitFor(s.days);
      const format = literal(CALENDAR_FORMATS[unit]);
      parts.push({ column, purpose: 'bins', bins: { unit }, key: `CASE WHEN isfinite(${c}) THEN date_trunc(${literal(unit)}, ${c}) END`, label: (k) => `strftime(${k}, ${format})` });
    }
    // Ranking values is for columns that repeat them: a (nearly) unique text column, such as ids or
    // free text, would make one group per row for nothing.
    const nearlyUnique = s.values > LOW_CARDINALITY && s.distinct >= s.values * NEARLY_UNIQUE;
    if ((s.kind === 'text' && !nearlyUnique) || s.kind === 'boolean' || ((s.kind === 'number' || s.kind === 'temporal') && s.distinct <= LOW_CARDINALITY)) {
      parts.push({ column, purpose: 'top', key: c, label: (k) => `left(${k}::VARCHAR, ${MAX_KEY_CHARS})` });
    }
  });
  return parts;
}

/**
 * One query counting every part: a GROUP BY GROUPING SETS with one set per part, so DuckDB reads
 * the data once. Keys stay in their own types while grouping; only the groups become text.
 * Undefined when there is nothing to count.
 */
export function distributionSql(source: string, parts: readonly Part[]): string | undefined {
  if (parts.length === 0) return undefined;
  const keys = parts.map((p, i) => `${p.key} AS k${i}`);
  const which = parts.map((_, i) => `WHEN GROUPING(k${i}) = 0 THEN ${i}`);
  const labels = parts.map((p, i) => `WHEN ${i} THEN ${p.label(`k${i}`)}`);
  const tops = parts.flatMap((p, i) => (p.purpose === 'top' ? [i] : []));
  const limit = tops.length > 0 ? `CASE WHEN part IN (${tops.join(', ')}) THEN ${TOP_VALUES} ELSE 1000 END` : '1000';
  return [
    `WITH keys AS (\n  SELECT\n    ${keys.join(',\n    ')}\n  FROM ${source}\n),`,
    'counted AS (',
    `  SELECT CASE ${which.join(' ')} END AS part, ${parts.map((_, i) => `k${i}`).join(', ')}, count(*) AS n`,
    `  FROM keys\n  GROUP BY GROUPING SETS (${parts.map((_, i) => `(k${i})`).join(', ')})`,
    '),',
    `labelled AS (\n  SELECT part, CASE part ${labels.join(' ')} END AS "key", n FROM counted\n)`,
    'SELECT part, "key", n FROM labelled WHERE "key" IS NOT NULL',
    `QUALIFY row_number() OVER (PARTITION BY part ORDER BY n DESC, "key") <= ${limit}`,
  ].join('\n');
}

/** Histograms and most frequent values per column, from the rows of `distributionSql`. */
export function readDistributions(rows: readonly Row[], parts: readonly Part[], columnCount: number): Distribution[] {
  const counts = parts.map(() => new Map<string, number>());
  for (const row of rows) counts[Number(row.part)]?.set(String(row.key), Number(row.n));
  const out: Distribution[] = Array.from({ length: columnCount }, () => ({ histogram: null, topValues: [] }));
  parts.forEach((part, i) => {
    const found = counts[i] ?? new Map<string, number>();
    const target = out[part.column];
    if (!target) return;
    if (part.purpose === 'top') {
      const top = [...found].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
      // When the most frequent value occurs once, every value is distinct: there is nothing to rank.
      target.topValues = (top[0]?.count ?? 0) > 1 ? top : [];
    } else if (part.bins) {
      target.histogram = part.bins.unit === 'bin' ? numberHistogram(part.bins, found) : calendarHistogram(part.bins.unit, found);
    }
  });
  return out;
}

function numberHistogram(plan: NumberBins, counts: ReadonlyMap<string, number>): Histogram {
  const bins = Array.from({ length: plan.count }, (_, i) => {
    const from = plan.low + i * plan.width;
    const to = i === plan.count - 1 && !plan.integer ? plan.low + plan.count * plan.width : from + plan.width;
    const label = !plan.integer ? binLabel(from, to) : plan.width === 1 ? formatBound(from) : binLabel(from, to - 1);
    return { label, count: counts.get(String(i)) ?? 0, from, to };
  });
  return { unit: 'bin', bins };
}

function calendarHistogram(unit: CalendarUnit, counts: ReadonlyMap<string, number>): Histogram {
  const present = [...counts.keys()].sort();
  const first = present[0];
  const last = present[present.length - 1];
  const labels = first !== undefined && last !== undefined ? (calendarLabels(unit, first, last) ?? present) : present;
  return { unit, bins: labels.map((label) => ({ label, count: counts.get(label) ?? 0 })) };
}
