// Checks, when `ingot serve` starts its scheduler, that every schedule's `select:` names models the
// workspace has, so a typo is reported at start with its line in ingot.yaml, not at 3 a.m. when
// the schedule fires. (A cron expression is already checked when ingot.yaml is read.)
import { readFile } from 'node:fs/promises';
import { IngotError } from '../../shared/errors.js';
import type { WorkspaceConfig } from '../workspace/config.js';
import { lineOfPath } from '../workspace/yaml-file.js';
import type { PipelineGraph } from './graph.js';
import { selectModels } from './selection.js';

/** Throws WORKSPACE_INVALID, with ingot.yaml's line, for the first schedule whose selection names nothing the workspace has. */
export async function assertScheduleSelections(graph: PipelineGraph, schedules: WorkspaceConfig['schedules'], configPath: string): Promise<void> {
  for (const [i, schedule] of schedules.entries()) {
    if (schedule.select === '*') continue;
    try {
      selectModels(graph, schedule.select);
    } catch (err) {
      if (!(err instanceof IngotError)) throw err;
      const text = await readFile(configPath, 'utf8').catch(() => '');
      const line = lineOfPath(text, ['schedules', i, 'select']);
      const field = `schedules.${i}.select`;
      throw new IngotError('WORKSPACE_INVALID', `ingot.yaml${line !== undefined ? `:${line}` : ''}: ${field} (schedule ${schedule.name}): ${err.message}`, {
        hint: err.hint ?? `Name models of this workspace in ${field}, e.g. "stg_orders+" or "tag:daily".`,
        detail: { file: 'ingot.yaml', ...(line !== undefined ? { line } : {}), field },
      });
    }
  }
}
