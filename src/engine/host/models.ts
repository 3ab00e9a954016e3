// Host handlers for the models themselves: the list the designer draws, a model's SQL, and
// saving or adding a model (checked like a run checks it before anything is written).
import type { EngineHandlers } from '../../shared/api/engine-api.js';
import type { ModelEditResult, ModelInfo } from '../../shared/api/pipeline.js';
import { loadGraph, type ModelNode, type PipelineGraph } from '../pipeline/index.js';
import { createModel, graphNode, readModelSql, savedText, saveModelSql } from '../pipeline/model-edit.js';
import type { HostContext } from './context.js';

type ModelHandlers = Pick<EngineHandlers, 'listModels' | 'getModelSql' | 'saveModelSql' | 'createModel'>;

export function modelHandlers(ctx: HostContext): ModelHandlers {
  const { workspace, pool } = ctx;
  const edited = (graph: PipelineGraph, id: string, sql: string): ModelEditResult => {
    const node = graphNode(graph, id);
    const warnings = graph.warnings.filter((w) => w.model === node.def.id).map((w) => w.message);
    return { model: modelInfo(graph, node), sql: savedText(sql), warnings };
  };
  return {
    listModels: async () => {
      const graph = await pool.use((conn) => loadGraph(workspace, conn));
      const models = graph.order.flatMap((key) => {
        const node = graph.nodes.get(key);
        return node ? [modelInfo(graph, node)] : [];
      });
      return { models };
    },
    getModelSql: async (req) => {
      const { sql, sqlFile } = await readModelSql(workspace, req.model);
      return { sql, file: sqlFile };
    },
    saveModelSql: async (req) => edited(await pool.use((conn) => saveModelSql(workspace, conn, req.model, req.sql, req.baseSql)), req.model, req.sql),
    createModel: async (req) => edited(await pool.use((conn) => createModel(workspace, conn, req.layer, req.name, req.sql)), `${req.layer}.${req.name}`, req.sql),
  };
}

/** What the contract says about one model of `graph`. */
function modelInfo(graph: PipelineGraph, node: ModelNode): ModelInfo {
  const idOf = (key: string): string => graph.nodes.get(key)?.def.id ?? graph.sources.get(key)?.id ?? key;
  const { def } = node;
  return {
    name: def.name,
    layer: def.layer,
    materialization: def.config.materialization,
    file: def.sqlFile,
    dependsOn: node.inputs.map(idOf),
    tags: def.config.tags,
    description: def.config.description ?? null,
    sidecarFile: def.sidecarFile ?? null,
    checks: def.config.checks.length,
  };
}
