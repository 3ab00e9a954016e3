// `ingot plan` and the API's plan method: what a run with these options would rebuild and why,
// computed from fingerprints without building anything. Bad workspace files stop it as they would
// stop the run: the model files when the graph loads, and the models' checks.
import type { PlanAction, PlanOptions, ReasonCode } from './plan.js';
import { computePlan } from './plan.js';
import { loadGraph } from './load-graph.js';
import { parsePartitionRange, validatePartitionRange } from './partitions.js';
import { validateModelChecks } from './plan-checks.js';
import type { PipelineWorkspace } from './runner.js';

export interface PlanEntry {
  model: string;
  layer: string;
  materialization: string;
  action: PlanAction;
  reasons: { code: ReasonCode; message: string }[];
  file: string;
  dependsOn: string[];
}

export interface PlanReport {
  selection: string;
  models: PlanEntry[];
  warnings: string[];
  nothingToDo: boolean;
}

/** Plans a run of `ws` without running it. */
export async function planRun(ws: PipelineWorkspace, options: Omit<PlanOptions, 'partitions'> & { partitions?: string } = {}): Promise<PlanReport> {
  return ws.db.withConnection(async (conn) => {
    const graph = await loadGraph(ws, conn);
    await validateModelChecks(ws.paths.root, graph);
    const partitions = options.partitions ? parsePartitionRange(options.partitions) : undefined;
    if (partitions) await validatePartitionRange(conn, graph, options.selection ?? '', partitions);
    const plan = await computePlan(conn, graph, {
      selection: options.selection ?? '',
      fullRefresh: options.fullRefresh ?? false,
      ...(partitions ? { partitions } : {}),
    });
    return {
      selection: plan.selection,
      nothingToDo: plan.nothingToDo,
      warnings: graph.warnings.map((w) => `${w.file}${w.line !== undefined ? `:${w.line}:${w.column ?? 1}` : ''}: ${w.message}`),
      models: plan.models.map((m) => {
        const node = graph.nodes.get(m.key);
        return {
          model: m.model,
          layer: m.layer,
          materialization: m.materialization,
          action: m.action,
          reasons: m.reasons.map(({ code, message }) => ({ code, message })),
          file: node?.def.sqlFile ?? '',
          dependsOn: (node?.inputs ?? []).map((i) => graph.nodes.get(i)?.def.id ?? graph.sources.get(i)?.id ?? i),
        };
      }),
    };
  });
}
