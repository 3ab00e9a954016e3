// Contract: exploring a table — a profile of every column (computed by DuckDB in one aggregate
// pass, on a sample for very large tables) and the grouped data of one chart, with its SQL.
import { z } from 'zod';
import { LayerSchema, NameSchema } from './common.js';

export const ColumnKindSchema = z.enum(['number', 'text', 'temporal', 'boolean', 'other']);
export type ColumnKind = z.infer<typeof ColumnKindSchema>;

/** A table of a data layer, `layer.table`. */
export const ExploreTableSchema = z.object({ layer: LayerSchema, table: NameSchema });

export const ProfileTableRequestSchema = ExploreTableSchema.extend({
  /** Tables with more rows than this are profiled on a reservoir sample. */
  sampleAbove: z.number().int().positive().max(1e12).default(5_000_000),
  /** Rows in that sample (DuckDB's reservoir slows down as it grows: 200,000 rows keep a profile near a second). */
  sampleSize: z.number().int().positive().max(10_000_000).default(200_000),
});
export type ProfileTableRequest = z.input<typeof ProfileTableRequestSchema>;

export const HistogramUnitSchema = z.enum(['bin', 'day', 'month', 'year']);
export type HistogramUnit = z.infer<typeof HistogramUnitSchema>;

export const HistogramSchema = z.object({
  /** Equal-width bins of numbers, or calendar buckets of dates and timestamps. */
  unit: HistogramUnitSchema,
  bins: z.array(
    z.object({
      label: z.string(),
      count: z.number().nonnegative(),
      /** Numbers only: the bin's bounds, `from` included, `to` excluded (included for the last bin). */
      from: z.number().optional(),
      to: z.number().optional(),
    }),
  ),
});
export type Histogram = z.infer<typeof HistogramSchema>;

export const ColumnProfileSchema = z.object({
  name: z.string(),
  /** As DuckDB prints it, e.g. `DECIMAL(14,2)`. */
  type: z.string(),
  kind: ColumnKindSchema,
  nulls: z.number().nonnegative(),
  /** Approximate (HyperLogLog) count of distinct non-NULL values. */
  distinct: z.number().nonnegative(),
  /** Display text of the smallest and largest value; null when every value is NULL or the type has no order. */
  min: z.string().nullable(),
  max: z.string().nullable(),
  /** Numbers only (null otherwise, or when there is no value). */
  mean: z.number().nullable(),
  stddev: z.number().nullable(),
  /** Numbers only: approximate quartiles. */
  quartiles: z.object({ p25: z.number(), median: z.number(), p75: z.number() }).nullable(),
  /** The most frequent non-NULL values, most frequent first (text, booleans and low-cardinality columns). */
  topValues: z.array(z.object({ value: z.string(), count: z.number().nonnegative() })),
  histogram: HistogramSchema.nullable(),
});
export type ColumnProfile = z.infer<typeof ColumnProfileSchema>;

export const TableProfileSchema = z.object({
  layer: LayerSchema,
  table: z.string(),
  /** Rows of the whole table. */
  rows: z.number().nonnegative(),
  /** Rows the figures below were computed on: all of them, or the sample. */
  profiledRows: z.number().nonnegative(),
  sampled: z.boolean(),
  /** The sample's size when sampled, else null. */
  sampleSize: z.number().nullable(),
  columns: z.array(ColumnProfileSchema),
  /** The statements that computed the profile, for "show SQL". */
  sql: z.string(),
  elapsedMs: z.number().nonnegative(),
});
export type TableProfile = z.infer<typeof TableProfileSchema>;

export const AGGREGATES = ['count', 'sum', 'avg', 'min', 'max'] as const;
export const AggregateSchema = z.enum(AGGREGATES);
export type Aggregate = z.infer<typeof AggregateSchema>;

export const TIME_BUCKETS = ['day', 'week', 'month', 'year'] as const;
export const TimeBucketSchema = z.enum(TIME_BUCKETS);
export type TimeBucket = z.infer<typeof TimeBucketSchema>;

export const ChartOrderSchema = z.enum(['value', 'x']);
export type ChartOrder = z.infer<typeof ChartOrderSchema>;

const ColumnNameSchema = z.string().min(1).max(1000);

export const ChartDataRequestSchema = ExploreTableSchema.extend({
  /** The column to group by. */
  x: ColumnNameSchema,
  /** The column to aggregate; without it the chart counts rows. */
  y: ColumnNameSchema.optional(),
  aggregate: AggregateSchema.default('count'),
  /** Temporal x only: the calendar bucket (default month). */
  bucket: TimeBucketSchema.optional(),
  /** Number x only: group into this many equal-width bins instead of by value. */
  bins: z.number().int().min(2).max(200).optional(),
  /** `value`: the largest groups first; `x`: in x order (the default for temporal or binned x). */
  order: ChartOrderSchema.optional(),
  /** Groups returned at most; more are reported as `truncated`. */
  limit: z.number().int().positive().max(1000).default(50),
});
export type ChartDataRequest = z.input<typeof ChartDataRequestSchema>;

export const ChartDataSchema = z.object({
  xKind: ColumnKindSchema,
  /** One label per group (`NULL` for the group of NULL x), in the order drawn. */
  labels: z.array(z.string()),
  values: z.array(z.number().nullable()),
  /** Groups before the limit. */
  groups: z.number().nonnegative(),
  /** Groups kept by the limit (the labels may also hold empty buckets drawn between them). */
  shown: z.number().nonnegative(),
  truncated: z.boolean(),
  order: ChartOrderSchema,
  /** What the values are, e.g. `sum(revenue)` or `count(*)`. */
  valueLabel: z.string(),
  /** The query that computed the data, shown on request. */
  sql: z.string(),
});
export type ChartData = z.infer<typeof ChartDataSchema>;
