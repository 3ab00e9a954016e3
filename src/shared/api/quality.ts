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
});
export type CheckResultDto = z.infer<typeof CheckResultSchema>;

export const TableQualitySchema = z.object({
  layer: LayerSchema,
  table: z.string(),
  runId: z.number().nullable(),
  /** 0–100; the formula is documented in the quality module. */
  score: z.number().nullable(),
  checks: z.array(CheckResultSchema),
});
export const QualityRequestSchema = z.object({ select: z.string().max(2000).default('') });
export const QualityResultSchema = z.object({ tables: z.array(TableQualitySchema) });

export const QuarantineRequestSchema = z.object({
  layer: z.enum(['bronze', 'silver', 'gold']),
  model: NameSchema,
  offset: z.number().int().nonnegative().default(0),
  limit: z.number().int().positive().max(100_000).default(1000),
});
