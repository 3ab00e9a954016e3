// The data of one Explore chart: checks the request against the table's columns (a mistyped
// column names the closest one; sum and avg want a number column, min and max a number, date or
// timestamp column (its values then come back as epoch milliseconds); buckets want dates,
// bins want numbers), runs the grouped query in DuckDB and returns at most `limit` labels and
// values with the SQL that computed them.
import type { Aggregate, ChartData, ChartDataRequestSchema, ColumnKind } from '../../shared/api/explore.js';
import { IngotError } from '../../shared/errors.js';
import type { SqlConnection } from '../db/connection.js';
import { qualified } from '../db/sql.js';
import type { z } from 'zod';
import { binLabel, formatBound } from './bin-label.js';
import { fillBins, fillCalendarGaps, type Series } from './chart-gaps.js';
import { chartSql, type ChartQuery } from './chart-sql.js';
import { columnKind } from './column-kind.js';
import { findColumn, tableColumns, type TableColumn } from './table-columns.js';

export type ChartRequest = z.output<typeof ChartDataRequestSchema>;

interface ChartRow {
  [key: string]: unknown;
  label?: string | null;
  bin?: number | null;
  low?: number | null;
  width?: number | null;
  value: number | bigint | null;
  groups: number | bigint;
}

/** Labels and values of the chart `request` describes, grouped and aggregated by DuckDB. */
export async function chartData(conn: SqlConnection, request: ChartRequest, options: { signal?: AbortSignal } = {}): Promise<ChartData> {
  const query = await planChart(conn, request, options);
  const sql = chartSql(query);
  const rows = await conn.all<ChartRow>(sql, [], options.signal ? { signal: options.signal } : {});
  const groups = Number(rows[0]?.groups ?? 0);
  const truncated = groups > rows.length;
  return {
    xKind: query.xKind,
    ...series(query, rows, truncated),
    groups,
    shown: rows.length,
    truncated,
    order: query.order,
    valueLabel: valueLabel(request.aggregate, request.y),
    sql: `${sql};`,
  };
}

/** Labels and values; in x order, the empty buckets and bins between the groups are added. */
function series(query: ChartQuery, rows: readonly ChartRow[], truncated: boolean): Series {
  const value = (r: ChartRow): number | null => (r.value === null ? null : Number(r.value));
  const empty = query.aggregate === 'count' ? 0 : null;
  const first = rows.find((r) => r.low != null && r.width != null);
  if (query.bins !== undefined && query.order === 'x' && first?.low != null && first.width != null) {
    const binned = rows.map((r) => ({ bin: r.bin ?? null, value: value(r) }));
    // Every value equal: one bin, not a row of empty ones.
    const through = first.width === 0 ? 0 : truncated ? Math.max(0, ...binned.map((r) => r.bin ?? 0)) : query.bins - 1;
    return fillBins(binned, { low: first.low, width: first.width }, through, empty);
  }
  const plain = { labels: rows.map(labelOf), values: rows.map(value) };
  return query.bucket !== undefined && query.order === 'x' ? fillCalendarGaps(plain, query.bucket, empty) : plain;
}

async function planChart(conn: SqlConnection, request: ChartRequest, options: { signal?: AbortSignal }): Promise<ChartQuery> {
  const { layer, table } = request;
  const columns = await tableColumns(conn, layer, table, options);
  const x = findColumn(columns, request.x, { layer, table, field: 'x' });
  const y = request.y === undefined ? undefined : findColumn(columns, request.y, { layer, table, field: 'y' });
  const xKind = columnKind(x.type);
  checkAggregate(request.aggregate, y);
  checkGrouping(request, x, xKind);
  const bucket = xKind === 'temporal' ? (request.bucket ?? 'month') : undefined;
  const order = request.order ?? (xKind === 'temporal' || request.bins !== undefined ? 'x' : 'value');
  const yKind = y === undefined ? undefined : columnKind(y.type);
  return { source: qualified(layer, table), x: x.name, xKind, y: y?.name, yKind, aggregate: request.aggregate, bucket, bins: request.bins, order, limit: request.limit };
}

function checkAggregate(aggregate: Aggregate, y: TableColumn | undefined): void {
  if (aggregate === 'count') return;
  if (y === undefined) {
    throw new IngotError('INVALID_INPUT', `${aggregate} needs a column to aggregate.`, {
      hint: `Pick the y column to ${aggregate}, or use count to count rows.`,
      detail: { field: 'y' },
    });
  }
  const kind = columnKind(y.type);
  if (kind === 'number') return;
  if ((aggregate === 'min' || aggregate === 'max') && kind === 'temporal') return;
  if (aggregate === 'min' || aggregate === 'max') {
    throw new IngotError('INVALID_INPUT', `A chart draws ${aggregate} of numbers, dates and timestamps; "${y.name}" is ${y.type}.`, {
      hint: `Pick a number, date or timestamp column for y, or use count. For the ${aggregate} text per group, ask the SQL screen: SELECT x, ${aggregate}(${y.name}) … GROUP BY x.`,
      detail: { field: 'aggregate' },
    });
  }
  throw new IngotError('INVALID_INPUT', `${aggregate} needs a number column; "${y.name}" is ${y.type}.`, {
    hint: 'Pick a number column for y, or use count, which counts the values of any column.',
    detail: { field: 'aggregate' },
  });
}

function checkGrouping(request: ChartRequest, x: TableColumn, xKind: ColumnKind): void {
  if (request.bucket !== undefined && xKind !== 'temporal') {
    throw new IngotError('INVALID_INPUT', `A ${request.bucket} bucket groups dates and timestamps; "${x.name}" is ${x.type}.`, {
      hint: 'Leave the bucket out for this column, or pick a date or timestamp column for x.',
      detail: { field: 'bucket' },
    });
  }
  if (request.bins !== undefined && xKind !== 'number') {
    throw new IngotError('INVALID_INPUT', `Bins group numbers; "${x.name}" is ${x.type}.`, {
      hint: 'Leave the bins out for this column, or pick a number column for x.',
      detail: { field: 'bins' },
    });
  }
}

function labelOf(row: ChartRow): string {
  if (row.bin === undefined) return row.label ?? 'NULL';
  if (row.bin === null || row.low == null || row.width == null) return 'NULL';
  const from = row.low + Number(row.bin) * row.width;
  return row.width === 0 ? formatBound(from) : binLabel(from, from + row.width);
}

/** `count(*)`, `count(status)`, `sum(revenue)`. */
export function valueLabel(aggregate: Aggregate, y: string | undefined): string {
  return `${aggregate}(${y ?? '*'})`;
}
