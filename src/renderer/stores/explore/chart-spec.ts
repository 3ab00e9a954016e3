// The chart builder's rules, pure so they are tested without a screen: a first chart suggested
// by a table's profile, what changing x does to the other settings, and the engine request a
// spec stands for (bucket only for dates, bins only for numbers), and how many groups it shows.
import type { ChartDataRequest, ColumnProfile, TableProfile, TimeBucket } from '../../../shared/api/index.js';
import { EMPTY_SPEC, type ChartSpec, type ExploreTableRef } from './initial-state.js';

export const DEFAULT_BINS = 20;
/** The most groups a chart shows (the engine's maximum). */
export const MAX_GROUPS = 1000;
/** Groups shown by default for text, boolean and number x: the largest first. */
export const DEFAULT_GROUPS = 50;

/**
 * An identifier, key or lineage column (`id`, `order_id`, `customer_key`, `_batch_id`): a
 * number that means nothing summed or averaged, so never a suggested measure or axis.
 */
export function isIdentifierColumn(name: string): boolean {
  const lower = name.toLowerCase();
  return lower.startsWith('_') || /(^|_)(id|key)$/.test(lower) || /[a-z0-9]Id$/.test(name);
}

/** The calendar bucket the profile's histogram of `column` used, as a starting point. */
function bucketFor(column: ColumnProfile | undefined): TimeBucket {
  const unit = column?.histogram?.unit;
  return unit === 'day' || unit === 'month' || unit === 'year' ? unit : 'month';
}

/**
 * A first chart: the first date column (else the first text or boolean column; lineage columns
 * like `_loaded_at` last) by the sum of the first measure, a number column that is not an id, key
 * or lineage column; without a measure it counts rows.
 */
export function suggestSpec(profile: TableProfile): ChartSpec {
  const columns = [...profile.columns.filter((c) => !c.name.startsWith('_')), ...profile.columns.filter((c) => c.name.startsWith('_'))];
  const x = columns.find((c) => c.kind === 'temporal') ?? columns.find((c) => (c.kind === 'text' || c.kind === 'boolean') && !isIdentifierColumn(c.name)) ?? columns[0];
  if (!x) return EMPTY_SPEC;
  const y = columns.find((c) => c.kind === 'number' && c.name !== x.name && !isIdentifierColumn(c.name));
  return withX({ ...EMPTY_SPEC, y: y?.name ?? null, aggregate: y ? 'sum' : 'count' }, x.name, profile);
}

/** The groups the chart shows: the user's number, else every group over time (up to the maximum) and the largest 50 otherwise. */
export function groupLimit(spec: ChartSpec, profile: TableProfile | null): number {
  if (spec.limit !== null) return spec.limit;
  return xKindOf(spec, profile) === 'temporal' ? MAX_GROUPS : DEFAULT_GROUPS;
}

export type GroupLimitInput = { ok: true; limit: number } | { ok: false; message: string };

/** Reads the "Groups shown" box: a whole number from 1 to 1,000, or says what is allowed. */
export function parseGroupLimit(text: string): GroupLimitInput {
  const trimmed = text.trim();
  const n = Number(trimmed);
  if (trimmed !== '' && Number.isInteger(n) && n >= 1 && n <= MAX_GROUPS) return { ok: true, limit: n };
  const got = trimmed === '' ? 'the box is empty' : `got ${trimmed}`;
  return { ok: false, message: `Groups shown must be a whole number from 1 to ${MAX_GROUPS.toLocaleString('en-US')}; ${got}.` };
}

/** `spec` grouped by `x`: dates start at the bucket their profile used, numbers in bins. */
export function withX(spec: ChartSpec, x: string, profile: TableProfile | null): ChartSpec {
  const column = profile?.columns.find((c) => c.name === x);
  return {
    ...spec,
    x,
    bucket: column?.kind === 'temporal' ? bucketFor(column) : spec.bucket,
    bins: column?.kind === 'number' ? DEFAULT_BINS : null,
    order: null,
  };
}

/** The kind of the spec's x column, from the profile. */
export function xKindOf(spec: ChartSpec, profile: TableProfile | null): ColumnProfile['kind'] | undefined {
  return profile?.columns.find((c) => c.name === spec.x)?.kind;
}

/** What the chart's values are: numbers, or (min and max of a date or timestamp column) dates or timestamps. */
export function chartValueKind(spec: ChartSpec, profile: TableProfile | null): 'number' | 'date' | 'timestamp' {
  if (spec.aggregate !== 'min' && spec.aggregate !== 'max') return 'number';
  const y = profile?.columns.find((c) => c.name === spec.y);
  if (y?.kind !== 'temporal') return 'number';
  return /^DATE$/i.test(y.type.trim()) ? 'date' : 'timestamp';
}

/** The engine request for `spec` on `table`, or null while no x is picked. */
export function chartRequest(table: ExploreTableRef, spec: ChartSpec, profile: TableProfile | null): ChartDataRequest | null {
  if (spec.x === null) return null;
  const kind = xKindOf(spec, profile);
  return {
    layer: table.layer,
    table: table.name,
    x: spec.x,
    aggregate: spec.aggregate,
    limit: groupLimit(spec, profile),
    ...(spec.y !== null ? { y: spec.y } : {}),
    ...(kind === 'temporal' ? { bucket: spec.bucket } : {}),
    ...(kind === 'number' && spec.bins !== null ? { bins: spec.bins } : {}),
    ...(spec.order !== null ? { order: spec.order } : {}),
  };
}

/** What the chart shows, e.g. `sum(revenue) by month of order_date`. */
export function chartTitle(spec: ChartSpec, profile: TableProfile | null): string {
  if (spec.x === null) return '';
  const value = `${spec.aggregate}(${spec.y ?? '*'})`;
  const kind = xKindOf(spec, profile);
  const by = kind === 'temporal' ? `${spec.bucket} of ${spec.x}` : kind === 'number' && spec.bins !== null ? `bins of ${spec.x}` : spec.x;
  return `${value} by ${by}`;
}

/** The x axis: the column, with its bucket for dates (`order_date (month)`). */
export function xAxisLabel(spec: ChartSpec, profile: TableProfile | null): string {
  if (spec.x === null) return '';
  return xKindOf(spec, profile) === 'temporal' ? `${spec.x} (${spec.bucket})` : spec.x;
}
