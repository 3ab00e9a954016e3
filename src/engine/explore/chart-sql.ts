// The SQL of one chart, written to be read by the user ("show SQL"): group the table by x (by
// calendar bucket for dates and timestamps, by equal-width bin or by value for numbers),
// aggregate y in each group, count the groups with a window, and keep the first `limit` groups
// by value or in x order. Names are quoted; the few numbers spliced in are integers checked by the contract.
import type { Aggregate, ChartOrder, ColumnKind, TimeBucket } from '../../shared/api/explore.js';
import { ident, literal } from '../db/sql.js';
import { CALENDAR_FORMATS } from './calendar-buckets.js';

export interface ChartQuery {
  /** `"layer"."table"`, quoted. */
  source: string;
  x: string;
  xKind: ColumnKind;
  y: string | undefined;
  /** The kind of y: min and max of a date or timestamp come back as milliseconds since 1970 (UTC). */
  yKind?: ColumnKind | undefined;
  aggregate: Aggregate;
  bucket: TimeBucket | undefined;
  bins: number | undefined;
  order: ChartOrder;
  limit: number;
}

/** The aggregate of y (or the row count) as SQL, cast so it reaches JavaScript as a number (a date or time as epoch milliseconds). */
export function valueSql(aggregate: Aggregate, y: string | undefined, qualifier = '', yKind?: ColumnKind): string {
  if (aggregate === 'count') return y === undefined ? 'count(*)' : `count(${qualifier}${ident(y)})`;
  const c = `${qualifier}${ident(y ?? '')}`;
  if (yKind === 'temporal' && (aggregate === 'min' || aggregate === 'max')) return `epoch_ms(${aggregate}(${c}))::DOUBLE`;
  return aggregate === 'avg' ? `avg(${c})` : `${aggregate}(${c})::DOUBLE`;
}

/** Columns: `label` (VARCHAR), `value` and `groups` (the number of groups before the limit); binned x has `bin`, `low` and `width` instead of `label`. */
export function chartSql(q: ChartQuery): string {
  const value = valueSql(q.aggregate, q.y, '', q.yKind);
  const x = ident(q.x);
  if (q.bins !== undefined) return binnedSql(q);
  const key = q.xKind === 'temporal' && q.bucket ? `date_trunc(${literal(q.bucket)}, ${x})` : x;
  const label = q.xKind === 'temporal' && q.bucket ? `strftime(${key}, ${literal(CALENDAR_FORMATS[q.bucket])})` : `${x}::VARCHAR`;
  const order = q.order === 'x' ? `${key} NULLS LAST` : `2 DESC NULLS LAST, ${key} NULLS LAST`;
  return [
    'SELECT',
    `  ${label} AS "label",`,
    `  ${value} AS "value",`,
    '  count(*) OVER () AS "groups"',
    `FROM ${q.source}`,
    `GROUP BY ${key}`,
    `ORDER BY ${order}`,
    `LIMIT ${q.limit}`,
  ].join('\n');
}

/** Bins need the range first: a CTE computes it, the table is aliased `t` so its columns never clash with the range's. */
function binnedSql(q: ChartQuery): string {
  const bins = q.bins ?? 20;
  const d = `t.${ident(q.x)}::DOUBLE`;
  const value = valueSql(q.aggregate, q.y, 't.', q.yKind);
  const order = q.order === 'x' ? '1 NULLS LAST' : '4 DESC NULLS LAST, 1 NULLS LAST';
  return [
    'WITH bounds AS (',
    `  SELECT min(${d}) AS low, (max(${d}) - min(${d})) / ${bins} AS width`,
    `  FROM ${q.source} AS t WHERE isfinite(${d})`,
    ')',
    'SELECT',
    `  CASE WHEN isfinite(${d}) THEN CASE WHEN b.width = 0 THEN 0 ELSE least(floor((${d} - b.low) / b.width), ${bins - 1})::INTEGER END END AS "bin",`,
    '  any_value(b.low) AS "low",',
    '  any_value(b.width) AS "width",',
    `  ${value} AS "value",`,
    '  count(*) OVER () AS "groups"',
    `FROM ${q.source} AS t CROSS JOIN bounds AS b`,
    'GROUP BY 1',
    `ORDER BY ${order}`,
    `LIMIT ${q.limit}`,
  ].join('\n');
}
