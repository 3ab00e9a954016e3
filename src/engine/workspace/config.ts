// The schema of ingot.yaml: the workspace's name, DuckDB settings, pipeline settings and schedules.
import { CronExpressionParser } from 'cron-parser';
import { z } from 'zod';

export const DuckDbSettingsSchema = z
  .object({
    memory_limit: z.string().regex(/^\d+(\.\d+)?\s*(B|KB|MB|GB|TB|KiB|MiB|GiB|TiB)$/i, 'must be a size like "4GB"').optional(),
    threads: z.number().int().positive().max(1024).optional(),
    temp_directory: z.string().min(1).optional(),
  })
  .strict();

/** Why `cron` is not a cron expression the scheduler can run, or undefined when it is one. */
function cronProblem(cron: string): string | undefined {
  try {
    CronExpressionParser.parse(cron);
    return undefined;
  } catch (err) {
    return `"${cron}" is not a cron expression (${(err as Error).message}); use five fields (minute hour day month weekday), e.g. "0 6 * * *" for every day at 06:00`;
  }
}

export const ScheduleSchema = z
  .object({
    name: z.string().min(1),
    cron: z
      .string()
      .min(1)
      .superRefine((cron, ctx) => {
        const problem = cronProblem(cron);
        if (problem !== undefined) ctx.addIssue({ code: 'custom', message: problem });
      }),
    select: z.string().default('*'),
    missed: z.enum(['skip', 'catch_up_once']).default('skip'),
  })
  .strict();

export const PipelineSettingsSchema = z
  .object({
    atomic_publish: z.boolean().default(true),
    layer_rule: z.enum(['warn', 'fail']).default('warn'),
    concurrency: z.number().int().positive().max(64).default(2),
  })
  .strict();

export const WorkspaceConfigSchema = z
  .object({
    name: z.string().min(1, 'must not be empty'),
    version: z.literal(1).default(1),
    duckdb: DuckDbSettingsSchema.default({}),
    pipeline: PipelineSettingsSchema.default({ atomic_publish: true, layer_rule: 'warn', concurrency: 2 }),
    schedules: z.array(ScheduleSchema).default([]),
  })
  .strict();

export type WorkspaceConfig = z.output<typeof WorkspaceConfigSchema>;
export type Schedule = z.output<typeof ScheduleSchema>;
