// Contract: models, plans, runs and the live run event stream.
import { z } from 'zod';

export const ModelInfoSchema = z.object({
  name: z.string(),
  layer: z.enum(['bronze', 'silver', 'gold']),
  materialization: z.enum(['view', 'table', 'incremental']),
  file: z.string(),
  dependsOn: z.array(z.string()),
  tags: z.array(z.string()),
  description: z.string().nullable(),
  /** Workspace-relative path of the sidecar YAML, if the model has one. */
  sidecarFile: z.string().nullable(),
  /** How many quality checks the sidecar declares. */
  checks: z.number().int(),
});
export type ModelInfo = z.infer<typeof ModelInfoSchema>;
export const ListModelsResultSchema = z.object({ models: z.array(ModelInfoSchema) });

/** A model named `layer.name`, e.g. `silver.stg_orders`. */
export const ModelRequestSchema = z.object({
  model: z
    .string()
    .max(300)
    .regex(/^(bronze|silver|gold)\.[A-Za-z_][A-Za-z0-9_]*$/, 'name a model as layer.name, e.g. silver.stg_orders'),
});
/** The SQL in a model's file, and the file (workspace-relative). */
export const ModelSqlResultSchema = z.object({ sql: z.string(), file: z.string() });

const ModelSqlSchema = z.string().max(1_000_000, 'a model of more than 1 MB of SQL is not supported');
export const SaveModelRequestSchema = ModelRequestSchema.extend({
  sql: ModelSqlSchema,
  /** The file's SQL the edit started from: when the file holds something else now, the save is refused. */
  baseSql: ModelSqlSchema.optional(),
});
export const CreateModelRequestSchema = z.object({
  layer: z.enum(['silver', 'gold']),
  name: z.string().min(1).max(120),
  sql: ModelSqlSchema,
});
export type CreateModelRequest = z.input<typeof CreateModelRequestSchema>;
/** The model as saved, the SQL its file now holds, and the layer-rule warnings its SQL raises (it was saved anyway). */
export const ModelEditResultSchema = z.object({ model: ModelInfoSchema, sql: z.string(), warnings: z.array(z.string()) });
export type ModelEditResult = z.infer<typeof ModelEditResultSchema>;

export const SelectionSchema = z.object({
  /** Selection syntax: `name`, `+name`, `name+`, `layer:silver`, `tag:x`; empty = everything. */
  select: z.string().max(2000).default(''),
});

export const PlanItemSchema = z.object({
  model: z.string(),
  action: z.enum(['build', 'skip']),
  reasons: z.array(z.string()),
});
export const PlanResultSchema = z.object({ items: z.array(PlanItemSchema) });
export type PlanResult = z.infer<typeof PlanResultSchema>;

export const StartRunRequestSchema = SelectionSchema.extend({
  fullRefresh: z.boolean().default(false),
  /** Backfill range `FROM..TO` for partitioned incremental models. */
  partitions: z.string().max(200).optional(),
});
export type StartRunRequest = z.input<typeof StartRunRequestSchema>;
export const StartRunResultSchema = z.object({ runId: z.number().int() });

export const RunStatusSchema = z.enum(['running', 'success', 'failed', 'cancelled', 'interrupted', 'partial', 'noop']);
export const ModelRunStatusSchema = z.enum(['pending', 'running', 'success', 'failed', 'skipped', 'unchanged', 'cancelled']);

/**
 * Why a model was not built or not published, when its status is skipped or cancelled: a model it
 * reads did not build, atomic publish held it back with the run's other gold, the run was
 * cancelled, or the process running the run stopped before it finished.
 */
export const NotBuiltReasonSchema = z.enum(['upstream-not-built', 'withheld-by-atomic-publish', 'run-cancelled', 'run-interrupted']);
export type NotBuiltReason = z.infer<typeof NotBuiltReasonSchema>;

export const ModelRunSchema = z.object({
  model: z.string(),
  status: ModelRunStatusSchema,
  /** Set when the model was not built or not published for one of the run's reasons; absent or null otherwise (and in runs recorded before Ingot kept it). */
  notBuiltReason: NotBuiltReasonSchema.nullable().optional(),
  rowsIn: z.number().nullable(),
  rowsOut: z.number().nullable(),
  durationMs: z.number().nullable(),
  error: z.string().nullable(),
  errorDetail: z.record(z.string(), z.unknown()).nullable(),
});
export type ModelRun = z.infer<typeof ModelRunSchema>;

export const RunSummarySchema = z.object({
  runId: z.number().int(),
  trigger: z.enum(['manual', 'schedule', 'cli']),
  selection: z.string(),
  status: RunStatusSchema,
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  durationMs: z.number().nullable(),
  models: z.array(ModelRunSchema),
  /** One-line outcome, e.g. "Built 3 models in 1.2 s; 1 unchanged." (null while running). */
  message: z.string().nullable().optional(),
});
export type RunSummary = z.infer<typeof RunSummarySchema>;

export const ListRunsRequestSchema = z.object({ limit: z.number().int().positive().max(1000).default(50) });
export const ListRunsResultSchema = z.object({ runs: z.array(RunSummarySchema) });
export const RunIdSchema = z.object({ runId: z.number().int() });

/** Live events of a run, in the order they happen. */
export const RunEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('run-started'), runId: z.number(), models: z.array(z.string()), at: z.string() }),
  z.object({ type: z.literal('model-started'), runId: z.number(), model: z.string(), at: z.string() }),
  z.object({ type: z.literal('model-progress'), runId: z.number(), model: z.string(), percentage: z.number() }),
  z.object({ type: z.literal('model-finished'), runId: z.number(), model: z.string(), run: ModelRunSchema }),
  z.object({
    type: z.literal('run-finished'),
    runId: z.number(),
    status: RunStatusSchema,
    at: z.string(),
    durationMs: z.number().optional(),
    message: z.string().optional(),
  }),
]);
export type RunEvent = z.infer<typeof RunEventSchema>;
