// Loads a workspace's models and sources and builds the dependency graph: the entry point for
// anything that needs the pipeline's shape (runs, plans, the designer's model list).
import type { SqlConnection } from '../db/connection.js';
import { buildGraph, type PipelineGraph } from './graph.js';
import { loadProject } from './project.js';
import type { Project } from './model.js';
import type { PipelineWorkspace } from './runner.js';

/**
 * Reads models/ and sources/ of `ws` and builds the graph; throws MODEL_INVALID on bad models.
 * `edit` changes the project read from disk first, to validate an edit before it is written.
 */
export async function loadGraph(ws: Pick<PipelineWorkspace, 'paths' | 'config'>, conn: SqlConnection, edit?: (project: Project) => Project): Promise<PipelineGraph> {
  const onDisk = await loadProject(ws.paths);
  const project = edit ? edit(onDisk) : onDisk;
  const bronzeTables = (
    await conn.all<{ name: string }>("SELECT table_name AS name FROM duckdb_tables() WHERE database_name = current_database() AND schema_name = 'bronze'")
  ).map((r) => r.name);
  return buildGraph(conn, project, { layerRule: ws.config.pipeline.layer_rule, bronzeTables });
}
