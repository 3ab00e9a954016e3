// Changing a model's SQL, or adding a model, from the designer: the edited project is parsed and
// checked exactly as a run would check it (syntax with line and column, one SELECT, known
// tables, no cycles, the layer rule) before the file is written, and the write is atomic, so a
// bad edit changes nothing on disk.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { IngotError } from '../../shared/errors.js';
import type { SqlConnection } from '../db/connection.js';
import type { ModelNode, PipelineGraph } from './graph.js';
import { loadGraph } from './load-graph.js';
import { defaultModelConfig } from './model-config.js';
import { tableKey, type Layer, type ModelDef, type Project } from './model.js';
import { checkDuplicates, checkModelName } from './project.js';
import type { PipelineWorkspace } from './runner.js';

type EditWorkspace = Pick<PipelineWorkspace, 'paths' | 'config'>;

/** Replaces the SQL of model `id` (`layer.name`); returns the graph with the change. */
export async function saveModelSql(ws: EditWorkspace, conn: SqlConnection, id: string, sql: string): Promise<PipelineGraph> {
  let target: ModelDef | undefined;
  const graph = await loadGraph(ws, conn, (project) => {
    target = project.models.find((m) => m.id.toLowerCase() === id.toLowerCase());
    if (!target) throw modelNotFound(id);
    const edited = { ...target, sql };
    return { ...project, models: project.models.map((m) => (m === target ? edited : m)) };
  });
  if (!target) throw modelNotFound(id);
  await writeAtomically(join(ws.paths.root, target.sqlFile), sql);
  return graph;
}

/** Adds model `layer.name` with `sql`; refuses a name that is taken or cannot name a table. */
export async function createModel(ws: EditWorkspace, conn: SqlConnection, layer: Exclude<Layer, 'bronze'>, name: string, sql: string): Promise<PipelineGraph> {
  const sqlFile = `models/${layer}/${name}.sql`;
  checkModelName(name, sqlFile);
  const path = join(ws.paths.root, sqlFile);
  const model: ModelDef = { id: `${layer}.${name}`, layer, name, sqlFile, sidecarFile: undefined, sql, config: defaultModelConfig() };
  const graph = await loadGraph(ws, conn, (project): Project => {
    checkDuplicates([...project.models, model], project.sources);
    return { ...project, models: [...project.models, model] };
  });
  // A file that appeared since the check is not overwritten.
  if (existsSync(path)) throw new IngotError('INVALID_INPUT', `${sqlFile} already exists.`, { hint: 'Choose another name.', detail: { file: sqlFile } });
  await writeAtomically(path, sql);
  return graph;
}

/** The node of model `layer.name` in `graph`. */
export function graphNode(graph: PipelineGraph, id: string): ModelNode {
  const [layer = '', name = ''] = id.split('.');
  const node = graph.nodes.get(tableKey(layer, name));
  if (!node) throw modelNotFound(id);
  return node;
}

function modelNotFound(id: string): IngotError {
  return new IngotError('NOT_FOUND', `There is no model ${id}.`, { hint: 'Reload the model list; the file may have been renamed or deleted.', detail: { model: id } });
}

/** Writes `text` to a temporary file beside `path`, then renames it over `path`. */
async function writeAtomically(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temp = join(dirname(path), `.${randomBytes(6).toString('hex')}.ingot-tmp`);
  try {
    await writeFile(temp, text.endsWith('\n') ? text : `${text}\n`, { flag: 'wx' });
    await rename(temp, path);
  } finally {
    await rm(temp, { force: true });
  }
}
