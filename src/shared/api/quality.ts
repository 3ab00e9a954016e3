// Contract: check results, quality scores and quarantined rows.
import { z } from 'zod';
import { LayerSchema, NameSchema } from './common.js';

export const CheckResultSchema = z.object({
  name: z.string(),
  kind: z.string(),
  severity: z.enum(['warn', 'error', 'quarantine']),
  status: z.enum(['pass', 'warn', 'fail', 'error']),
  failingRows: z.number(),
  totalRows: z.number(),
  message: z.string(),
  samples: z.array(z.record(z.string(), z.unknown())),
  sql: z.string(),
  /** Kind-specific numbers: freshness age, anomaly metrics, contract problems. */
  details: z.record(z.string(), z.unknown()).optional(),
  /** Where the check is declared. */
  file: z.string().optional(),
  line: z.number().optional(),
});
export type CheckResultDto = z.infer<typeof CheckResultSchema>;

export const TableQualitySchema = z.object({
  layer: LayerSchema,
  table: z.string(),
  runId: z.number().nullable(),
  /** 0–100; the formula is documented in the quality module. */
  score: z.number().nullable(),
  checks: z.array(CheckResultSchema),
  /** The evaluation's verdict and when it ran (absent for tables never checked). */
  outcome: z.enum(['pass', 'warn', 'error']).optional(),
  quarantined: z.number().optional(),
  /** Rows the evaluation judged: for an incremental run, only the rows that run took in. */
  rowsChecked: z.number().optional(),
  /** Rows held in the table's quarantine now, from every run so far. */
  held: z.number().optional(),
  checkedAt: z.string().optional(),
});
export type TableQuality = z.infer<typeof TableQualitySchema>;
export const QualityRequestSchema = z.object({ select: z.string().max(2000).default('') });
export const QualityResultSchema = z.object({ tables: z.array(TableQualitySchema) });

/** The quarantine of one model: `quarantine.<layer>_<model>`. */
export const QuarantineModelSchema = z.object({
  layer: z.enum(['bronze', 'silver', 'gold']),
  model: NameSchema,
});

export const QuarantineRequestSchema = QuarantineModelSchema.extend({
  offset: z.number().int().nonnegative().default(0),
  limit: z.number().int().positive().max(100_000).default(1000),
});

export const QuarantineSummarySchema = z.object({
  /** e.g. `quarantine.silver_orders`. */
  table: z.string(),
  exists: z.boolean(),
  /** Rows waiting for a fix or a release. */
  held: z.number(),
  /** Released rows the model's next run takes back in. */
  released: z.number(),
  /** Released rows a later run took back in. */
  reprocessed: z.number(),
  /** Held rows per failed check (a row failing two checks counts for both). */
  reasons: z.array(z.object({ check: z.string(), rows: z.number() })),
});
export type QuarantineSummary = z.infer<typeof QuarantineSummarySchema>;

export const ReleaseQuarantineRequestSchema = QuarantineModelSchema.extend({
  /** A SQL condition on the quarantine table's columns; every held row when absent or blank. */
  filter: z.string().max(10_000).optional(),
});
export type ReleaseQuarantineRequest = z.input<typeof ReleaseQuarantineRequestSchema>;
export const ReleaseQuarantineResultSchema = z.object({ releaseId: z.number(), released: z.number() });

/** A value as text (what the app shows, or what the user typed), or null for NULL. */
const TextValueSchema = z.string().max(100_000).nullable();

export const FixQuarantinedRowRequestSchema = QuarantineModelSchema.extend({
  /** The held row as the quarantine lists it: its model columns plus `_run_id` and `_quarantined_at`, as text. */
  row: z.record(z.string(), TextValueSchema),
  /** Model column → new value, as text; the engine casts it to the column's type. */
  changes: z.record(z.string(), TextValueSchema),
  /** Release the fixed row too, in the same transaction, so the model's next run takes it back in. */
  release: z.boolean().default(false),
});
export type FixQuarantinedRowRequest = z.input<typeof FixQuarantinedRowRequestSchema>;
export const FixQuarantinedRowResultSchema = z.object({
  /** Held rows changed: identical held rows cannot be told apart and are fixed alike. */
  fixed: z.number(),
  released: z.number(),
  releaseId: z.number().nullable(),
});
export type FixQuarantinedRowResult = z.infer<typeof FixQuarantinedRowResultSchema>;
