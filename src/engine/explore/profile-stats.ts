// The first pass of a profile: one aggregate query over the table (or its sample) that computes,
// for every column at once, the count of values, the approximate distinct count, min and max as
// text, and for numbers mean, standard deviation, quartiles and the finite range the histogram
// bins span; for dates and timestamps the number of days they span.
import type { ColumnKind } from '../../shared/api/explore.js';
import type { Row } from '../db/connection.js';
import { ident } from '../db/sql.js';
import { columnKind, hasOrder } from './column-kind.js';
import type { TableColumn } from './table-columns.js';

/** Min and max are cut to this many characters: a profile shows them, it does not hold them. */
const DISPLAY_CHARS = 200;

export interface ColumnStats {
  column: TableColumn;
  kind: ColumnKind;
  values: number;
  distinct: number;
  min: string | null;
  max: string | null;
  mean: number | null;
  stddev: number | null;
  quartiles: { p25: number; median: number; p75: number } | null;
  /** Numbers: the smallest and largest finite value. */
  low: number | null;
  high: number | null;
  /** Dates and timestamps: days between the first and the last finite value. */
  days: number | null;
}

/**
 * What the inner projection prepares for column `i`: the value itself (`v<i>`), and for numbers
 * its finite DOUBLE (`d<i>`, NULL for NULL, NaN and infinities), for dates and timestamps its
 * finite value (`t<i>`). Casting and filtering once there, rather than in each aggregate, keeps
 * the pass several times faster.
 */
function prepared(column: TableColumn, i: number): string[] {
  const c = ident(column.name);
  const kind = columnKind(column.type);
  const out = [`${c} AS v${i}`];
  if (kind === 'number') out.push(`CASE WHEN isfinite(${c}::DOUBLE) THEN ${c}::DOUBLE END AS d${i}`);
  if (kind === 'temporal') out.push(`CASE WHEN isfinite(${c}) THEN ${c} END AS t${i}`);
  return out;
}

/** Magnitude from which squares summed over many rows could overflow a double. */
const STDDEV_LIMIT = '1e150';

/** The aggregates of column `i`; every alias starts with `c<i>_`. */
function aggregates(column: TableColumn, i: number): string[] {
  const a = (name: string): string => `c${i}_${name}`;
  const kind = columnKind(column.type);
  const out = [`count(v${i}) AS ${a('values')}`, `approx_count_distinct(v${i}) AS ${a('distinct')}`];
  if (hasOrder(column.type)) out.push(`left(min(v${i})::VARCHAR, ${DISPLAY_CHARS}) AS ${a('min')}`, `left(max(v${i})::VARCHAR, ${DISPLAY_CHARS}) AS ${a('max')}`);
  if (kind === 'number') {
    const d = `d${i}`;
    out.push(
      `avg(${d}) AS ${a('mean')}`,
      // DuckDB fails the whole query when a spread overflows a double, so values from 1e150 up are
      // left out of it, and a column holding any has no spread (rather than a wrong one).
      `CASE WHEN max(abs(${d})) < ${STDDEV_LIMIT} THEN stddev_samp(CASE WHEN abs(${d}) < ${STDDEV_LIMIT} THEN ${d} END) END AS ${a('stddev')}`,
      `approx_quantile(${d}, [0.25, 0.5, 0.75]) AS ${a('quartiles')}`,
      `min(${d}) AS ${a('low')}`,
      `max(${d}) AS ${a('high')}`,
    );
  }
  if (kind === 'temporal') out.push(`date_diff('day', min(t${i}), max(t${i})) AS ${a('days')}`);
  return out;
}

/** One aggregate query computing the statistics of every column of `source` (and its row count, `profiled_rows`). */
export function statsSql(source: string, columns: readonly TableColumn[]): string {
  const inner = columns.flatMap((column, i) => prepared(column, i));
  const list = ['count(*) AS profiled_rows', ...columns.flatMap((column, i) => aggregates(column, i))];
  return `SELECT\n  ${list.join(',\n  ')}\nFROM (\n  SELECT ${inner.join(',\n    ')}\n  FROM ${source}\n)`;
}

/** Reads the statistics of every column from the one row `statsSql` returns. */
export function readStats(row: Row, columns: readonly TableColumn[]): ColumnStats[] {
  return columns.map((column, i) => {
    const get = (name: string): unknown => row[`c${i}_${name}`];
    const quartiles = get('quartiles');
    const [p25, median, p75] = Array.isArray(quartiles) ? quartiles.map(finiteOrNull) : [];
    const values = Number(get('values') ?? 0);
    return {
      column,
      kind: columnKind(column.type),
      values,
      // HyperLogLog can overshoot on small sets; there are never more distinct values than values.
      distinct: Math.min(Number(get('distinct') ?? 0), values),
      min: textOrNull(get('min')),
      max: textOrNull(get('max')),
      mean: finiteOrNull(get('mean')),
      stddev: finiteOrNull(get('stddev')),
      quartiles: p25 != null && median != null && p75 != null ? { p25, median, p75 } : null,
      low: finiteOrNull(get('low')),
      high: finiteOrNull(get('high')),
      days: finiteOrNull(get('days')),
    };
  });
}

function finiteOrNull(value: unknown): number | null {
  const n = typeof value === 'bigint' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) ? n : null;
}

function textOrNull(value: unknown): string | null {
  return value === null || value === undefined ? null : String(value);
}
