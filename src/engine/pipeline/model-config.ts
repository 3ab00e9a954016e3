// The sidecar `models/<layer>/<name>.yaml`: how a model is materialized and documented. Every
// field is optional; a model without a sidecar is a table. `checks` stays raw here and is
// validated by the quality layer when the gate runs.
import { z } from 'zod';

const columnName = z.string().min(1, 'must name a column');

export const ColumnDocSchema = z
  .object({
    name: columnName,
    description: z.string().optional(),
    tags: z.array(z.string().min(1)).default([]),
  })
  .strict();

export const ModelConfigSchema = z
  .object({
    materialization: z.enum(['view', 'table', 'incremental']).default('table'),
    unique_key: z.union([columnName, z.array(columnName).min(1)]).optional(),
    partition_by: columnName.optional(),
    description: z.string().optional(),
    owner: z.string().optional(),
    tags: z.array(z.string().min(1)).default([]),
    columns: z.array(ColumnDocSchema).default([]),
    checks: z.array(z.unknown()).default([]),
    /** Attempts after the first when a step fails for a transient reason (conflict, IO). */
    retries: z.number().int().min(0).max(10).default(2),
    /** First retry delay; each further retry doubles it. */
    retry_backoff_ms: z.number().int().min(0).max(600_000).default(200),
  })
  .strict()
  .superRefine((c, ctx) => {
    if (c.materialization !== 'incremental') {
      for (const field of ['unique_key', 'partition_by'] as const) {
        if (c[field] !== undefined) ctx.addIssue({ code: 'custom', path: [field], message: `applies to incremental models only (materialization is ${c.materialization})` });
      }
      return;
    }
    if (c.unique_key === undefined && c.partition_by === undefined) {
      ctx.addIssue({ code: 'custom', path: ['materialization'], message: 'an incremental model needs unique_key (upsert) or partition_by (partition overwrite)' });
    }
    if (c.unique_key !== undefined && c.partition_by !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['partition_by'], message: 'choose unique_key (upsert) or partition_by (partition overwrite), not both' });
    }
  });

export type ModelConfig = z.output<typeof ModelConfigSchema>;
export type Materialization = ModelConfig['materialization'];

/** The config of a model without a sidecar. */
export function defaultModelConfig(): ModelConfig {
  return ModelConfigSchema.parse({});
}

/** unique_key as a list of column names (empty when not set). */
export function uniqueKeyColumns(config: ModelConfig): string[] {
  if (config.unique_key === undefined) return [];
  return typeof config.unique_key === 'string' ? [config.unique_key] : [...config.unique_key];
}

/** The columns an incremental model is keyed on: the unique key, or the partition column. */
export function incrementalKeyColumns(config: ModelConfig): string[] {
  const key = uniqueKeyColumns(config);
  if (key.length > 0) return key;
  return config.partition_by !== undefined ? [config.partition_by] : [];
}
