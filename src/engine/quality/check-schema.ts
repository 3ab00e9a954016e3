// The `checks:` list of a model sidecar or source YAML, as zod schemas: one strict object per
// check kind, dispatched on `kind`. `parse-checks.ts` turns the raw YAML into normalized
// `CheckDef`s and reports problems with the file, line and check.
import { z } from 'zod';

/** `>0`, `>=10`, `<5`, `!=0`, `>1%`: compared with the failing rows (or % of the rows checked). */
export const THRESHOLD_RE = /^\s*(>=|<=|!=|>|<|=)\s*(\d+(?:\.\d+)?)\s*(%?)\s*$/;
/** An SLA such as `90s`, `30m`, `24h`, `2d`, `1w`. */
export const DURATION_RE = /^\s*(\d+(?:\.\d+)?)\s*(s|m|h|d|w)\s*$/;

const Severity = z.enum(['warn', 'error', 'quarantine']);
const Threshold = z.string().regex(THRESHOLD_RE, 'must be a comparison like ">0", ">=10" or ">1%"');
const Column = z.string().min(1, 'must name a column');
const Columns = z.union([Column, z.array(Column).min(1, 'must list at least one column')]);
const Scalar = z.union([z.string(), z.number(), z.boolean()]);
const Bound = z.union([z.number(), z.string().min(1)]);

const common = {
  kind: z.string(),
  name: z.string().min(1, 'must not be empty').optional(),
  description: z.string().optional(),
  severity: Severity.optional(),
  error_if: Threshold.optional(),
  warn_if: Threshold.optional(),
};

const NotNull = z.object({ ...common, column: Column.optional(), columns: Columns.optional() }).strict();

const Unique = z
  .object({
    ...common,
    column: Column.optional(),
    columns: Columns.optional(),
    dedup: z.enum(['keep_latest', 'quarantine_all']).optional(),
    order_by: Columns.optional(),
  })
  .strict();

const AcceptedValues = z
  .object({
    ...common,
    column: Column,
    values: z.array(Scalar).min(1, 'the list of accepted values is empty: list at least one value'),
  })
  .strict();

const Range = z
  .object({ ...common, column: Column, min: Bound.optional(), max: Bound.optional(), inclusive: z.boolean().default(true) })
  .strict();

const Pattern = z.object({ ...common, column: Column, regex: z.string().min(1, 'must not be empty') }).strict();

const Relationships = z
  .object({
    ...common,
    column: Column,
    to: z.string().regex(/^[A-Za-z_][\w$]*\.[A-Za-z_][\w$]*$/, 'must name a table as layer.model, e.g. silver.orders'),
    field: Column.optional(),
  })
  .strict();

const RowCount = z.object({ ...common, min: z.number().int().nonnegative().optional(), max: z.number().int().nonnegative().optional() }).strict();

const Expression = z.object({ ...common, expression: z.string().min(1, 'must be a SQL boolean expression') }).strict();

const Assert = z.object({ ...common, sql: z.string().min(1, 'must be a SQL query that returns the offending rows') }).strict();

const Freshness = z
  .object({
    ...common,
    column: Column.optional(),
    batch: z.union([z.literal(true), z.string().min(1)]).optional(),
    max_age: z.string().regex(DURATION_RE, 'must be a duration like "90s", "30m", "24h", "2d" or "1w"'),
  })
  .strict();

export const ANOMALY_METRICS = ['sum', 'mean', 'min', 'max', 'null_rate', 'distinct'] as const;
export type AnomalyMetric = (typeof ANOMALY_METRICS)[number];

const Anomaly = z
  .object({
    ...common,
    row_count: z.boolean().default(true),
    metrics: z.record(z.string().min(1), z.array(z.enum(ANOMALY_METRICS)).min(1)).default({}),
    threshold: z.number().positive().default(3.5),
    min_history: z.number().int().min(2).default(5),
    window: z.number().int().min(2).default(30),
  })
  .strict();

const ContractColumn = z
  .object({ name: Column, type: z.string().min(1).optional(), nullable: z.boolean().default(true) })
  .strict();

const Contract = z
  .object({
    ...common,
    columns: z.array(ContractColumn).min(1, 'must list at least one column'),
    primary_key: Columns.optional(),
    allow_extra_columns: z.boolean().default(true),
  })
  .strict();

/** One schema per kind; the key is the `kind:` value in YAML. */
export const CHECK_SCHEMAS = {
  not_null: NotNull,
  unique: Unique,
  accepted_values: AcceptedValues,
  range: Range,
  pattern: Pattern,
  relationships: Relationships,
  row_count: RowCount,
  expression: Expression,
  assert: Assert,
  freshness: Freshness,
  anomaly: Anomaly,
  contract: Contract,
} as const;

export type CheckKind = keyof typeof CHECK_SCHEMAS;
export const CHECK_KINDS = Object.keys(CHECK_SCHEMAS) as CheckKind[];
export type Severity = z.output<typeof Severity>;

/** Checks judged row by row; only these may quarantine rows. */
export const ROW_LEVEL_KINDS: ReadonlySet<string> = new Set(['not_null', 'unique', 'accepted_values', 'range', 'pattern', 'relationships', 'expression']);

export type RawCheck<K extends CheckKind> = z.output<(typeof CHECK_SCHEMAS)[K]>;
