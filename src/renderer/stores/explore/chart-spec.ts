// The chart builder's rules, pure so they are tested without a screen: a first chart suggested
// by a table's profile, what changing x does to the other settings, and the engine request a
// spec stands for (bucket only for dates, bins only for numbers).
import type { ChartDataRequest, ColumnProfile, TableProfile, TimeBucket } from '../../../shared/api/index.js';
import { EMPTY_SPEC, type ChartSpec, type ExploreTableRef } from './initial-state.js';

export const DEFAULT_BINS = 20;

/** The calendar bucket the profile's histogram of `column` used, as a starting point. */
function bucketFor(column: ColumnProfile | undefined): TimeBucket {
  const unit = column?.histogram?.unit;
  return unit === 'day' || unit === 'month' || unit === 'year' ? unit : 'month';
}

/** A first chart: the first date column (else the first text or boolean column) by the sum of the first number column. */
export function suggestSpec(profile: TableProfile): ChartSpec {
  const columns = profile.columns;
  const x = columns.find((c) => c.kind === 'temporal') ?? columns.find((c) => c.kind === 'text' || c.kind === 'boolean') ?? columns[0];
  if (!x) return EMPTY_SPEC;
  const y = columns.find((c) => c.kind === 'number' && c.name !== x.name);
  return withX({ ...EMPTY_SPEC, y: y?.name ?? null, aggregate: y ? 'sum' : 'count' }, x.name, profile);
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

/** The engine request for `spec` on `table`, or null while no x is picked. */
export function chartRequest(table: ExploreTableRef, spec: ChartSpec, profile: TableProfile | null): ChartDataRequest | null {
  if (spec.x === null) return null;
  const kind = xKindOf(spec, profile);
  return {
    layer: table.layer,
    table: table.name,
    x: spec.x,
    aggregate: spec.aggregate,
    limit: spec.limit,
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
