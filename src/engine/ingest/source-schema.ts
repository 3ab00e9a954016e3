// The part of sources/<name>.yaml every source kind shares: kind, description, column type
// overrides, the schema-drift policy, and the quality checks (kept opaque here; the quality
// layer validates them).
import { z } from 'zod';
import { closest } from '../quality/closest-name.js';
import { unknownTypeReason } from './column-type-names.js';

/** A DuckDB type as a user writes it: BIGINT, DECIMAL(18,2), TIMESTAMP WITH TIME ZONE, VARCHAR[]. */
export const ColumnTypeSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z][A-Za-z0-9_ ]*(\(\s*\d+\s*(,\s*\d+\s*)?\))?(\[\d*\])*$/, 'must be a DuckDB type such as BIGINT, DOUBLE, DECIMAL(18,2), DATE, TIMESTAMP or VARCHAR')
  .transform((t) => t.toUpperCase().replace(/\s+/g, ' '))
  .superRefine((t, ctx) => {
    const reason = unknownTypeReason(t);
    if (reason !== undefined) ctx.addIssue({ code: 'custom', message: reason });
  });

export const DriftPolicySchema = z
  .object({
    /** A column the bronze table does not have yet. */
    new_columns: z.enum(['add', 'fail']).default('add'),
    /** A bronze column the new batch lacks. */
    missing_columns: z.enum(['null', 'fail']).default('null'),
    /** A column whose type no longer fits the bronze column. */
    type_change: z.enum(['fail', 'widen']).default('fail'),
  })
  .strict();
export type DriftPolicy = z.output<typeof DriftPolicySchema>;

export const DEFAULT_DRIFT: DriftPolicy = { new_columns: 'add', missing_columns: 'null', type_change: 'fail' };

/** Fields every kind's schema spreads into its own z.object. */
export const SourceBaseShape = {
  description: z.string().optional(),
  columns: z.record(z.string().min(1), ColumnTypeSchema).default({}),
  drift: DriftPolicySchema.default(DEFAULT_DRIFT),
  /** Quality checks, validated by the quality layer. */
  checks: z.array(z.unknown()).default([]),
};

/** Reads only `kind`, to pick the schema that validates the whole file. */
export function kindProbeSchema(kinds: readonly string[]) {
  return z.looseObject({
    kind: z
      .string({ error: 'must be a string' })
      .default('file')
      .refine((k) => kinds.includes(k), { error: `must be one of: ${kinds.join(', ')}` }),
  });
}

export interface SourceBase {
  kind: string;
  description?: string | undefined;
  columns: Record<string, string>;
  drift: DriftPolicy;
  checks: unknown[];
}

/**
 * `schema` behind a check that names each unknown field at its own key (so the error points at its
 * line) and suggests the nearest known one; zod's strict mode would report them at the top level.
 */
export function refuseUnknownFields<T extends z.ZodType>(schema: T, fields: readonly string[], what: string) {
  return z
    .unknown()
    .superRefine((value, ctx) => {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return;
      for (const key of Object.keys(value)) {
        if (fields.includes(key)) continue;
        const near = closest(key, fields);
        ctx.addIssue({ code: 'custom', path: [key], message: `unknown field${near ? `; did you mean "${near}"?` : `; ${what} take: ${fields.join(', ')}`}` });
      }
    })
    .pipe(schema);
}
