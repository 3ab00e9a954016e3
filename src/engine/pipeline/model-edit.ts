// Changing a model's SQL, or adding a model, from the designer: the edited project is parsed and
// checked exactly as a run would check it (syntax with line and column, one SELECT, known
// tables, no cycles, the layer rule) before the file is written, and the write is atomic, so a
// bad edit changes nothing on disk. Edits of one workspace happen one at a time (two edits each
// valid alone could together make a cycle), and an edit based on SQL that has since changed on
// disk is refused instead of overwriting that change.
import { randomBytes } from 'node:crypto';
import { link, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
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

/** The SQL a model's file holds after a save: what was sent, ending with a newline. */
export function savedText(sql: string): string {
  return sql.endsWith('\n') ? sql : `${sql}\n`;
}

/**
 * Replaces the SQL of model `id` (`layer.name`); returns the graph with the change. With `baseSql`
 * (the text the edit started from), a file that no longer holds it is not overwritten.
 */
export async function saveModelSql(ws: EditWorkspace, conn: SqlConnection, id: string, sql: string, baseSql?: string): Promise<PipelineGraph> {
  return oneEditAtATime(ws, async () => {
    let target: ModelDef | undefined;
    const graph = await loadGraph(ws, conn, (project) => {
      target = project.models.find((m) => m.id.toLowerCase() === id.toLowerCase());
      if (!target) throw modelNotFound(id);
      if (baseSql !== undefined && target.sql !== baseSql) throw changedOnDisk(target.sqlFile);
      const edited = { ...target, sql };
      return { ...project, models: project.models.map((m) => (m === target ? edited : m)) };
    });
    if (!target) throw modelNotFound(id);
    await writeAtomically(join(ws.paths.root, target.sqlFile), savedText(sql), 'replace');
    return graph;
  });
}

/** Adds model `layer.name` with `sql`; refuses a name that is taken or cannot name a table. */
export async function createModel(ws: EditWorkspace, conn: SqlConnection, layer: Exclude<Layer, 'bronze'>, name: string, sql: string): Promise<PipelineGraph> {
  const sqlFile = `models/${layer}/${name}.sql`;
  checkModelName(name, sqlFile);
  return oneEditAtATime(ws, async () => {
    const model: ModelDef = { id: `${layer}.${name}`, layer, name, sqlFile, sidecarFile: undefined, sql, config: defaultModelConfig() };
    const graph = await loadGraph(ws, conn, (project): Project => {
      const taken = project.models.find((m) => m.name.toLowerCase() === name.toLowerCase());
      if (taken) throw nameTaken(name, taken);
      checkDuplicates([...project.models, model], project.sources);
      return { ...project, models: [...project.models, model] };
    });
    await writeAtomically(join(ws.paths.root, sqlFile), savedText(sql), 'create', sqlFile);
    return graph;
  });
}

/** The SQL in the file of model `id`, read without building the graph (so a broken sibling cannot hide it). */
export async function readModelSql(ws: EditWorkspace, id: string): Promise<{ sql: string; sqlFile: string }> {
  const [layer, name, ...rest] = id.split('.');
  if (layer === undefined || name === undefined || rest.length > 0 || !['bronze', 'silver', 'gold'].includes(layer)) throw modelNotFound(id);
  const sqlFile = `models/${layer}/${name}.sql`;
  checkModelName(name, sqlFile);
  try {
    return { sql: await readFile(join(ws.paths.root, sqlFile), 'utf8'), sqlFile };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw modelNotFound(id);
    throw err;
  }
}

/** The node of model `layer.name` in `graph`. */
export function graphNode(graph: PipelineGraph, id: string): ModelNode {
  const [layer = '', name = '', ...rest] = id.split('.');
  const node = rest.length === 0 ? graph.nodes.get(tableKey(layer, name)) : undefined;
  if (!node) throw modelNotFound(id);
  return node;
}

function modelNotFound(id: string): IngotError {
  return new IngotError('NOT_FOUND', `There is no model ${id}.`, { hint: 'Reload the model list; the file may have been renamed or deleted.', detail: { model: id } });
}

/** The new model's name is already a model's (names are unique across layers, whatever the case). */
function nameTaken(name: string, taken: ModelDef): IngotError {
  return new IngotError('INVALID_INPUT', `A model named "${taken.name}" already exists: ${taken.sqlFile}. Nothing was written.`, {
    hint: `Choose another name for the new model${taken.name === name ? '' : ' (names are compared ignoring case)'}; a name is unique across silver and gold, so it always means one model. To change ${taken.id}, open it instead.`,
    detail: { file: taken.sqlFile, field: 'name' },
  });
}

function changedOnDisk(sqlFile: string): IngotError {
  return new IngotError('INVALID_INPUT', `${sqlFile} changed on disk since this edit began, so it was not overwritten.`, {
    hint: 'Copy your edit, choose Revert to load the SQL now in the file, then apply your change again.',
    detail: { file: sqlFile },
  });
}

const editQueues = new Map<string, Promise<unknown>>();

/** Runs `edit` after every earlier edit of the same workspace has finished. */
async function oneEditAtATime<T>(ws: EditWorkspace, edit: () => Promise<T>): Promise<T> {
  const key = ws.paths.root;
  const previous = editQueues.get(key) ?? Promise.resolve();
  const next = previous.then(edit, edit);
  const settled = next.catch(() => undefined);
  editQueues.set(key, settled);
  try {
    return await next;
  } finally {
    if (editQueues.get(key) === settled) editQueues.delete(key);
  }
}

/**
 * Writes `text` to a temporary file beside `path`, then moves it into place: `replace` renames over
 * the file; `create` links it, which fails rather than overwrite a file that appeared meanwhile.
 */
async function writeAtomically(path: string, text: string, mode: 'replace' | 'create', shownAs = path): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temp = join(dirname(path), `.${randomBytes(6).toString('hex')}.ingot-tmp`);
  try {
    await writeFile(temp, text, { flag: 'wx' });
    if (mode === 'replace') {
      await rename(temp, path);
      return;
    }
    await link(temp, path).catch((err: unknown) => {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      throw new IngotError('INVALID_INPUT', `${shownAs} already exists.`, { hint: 'Choose another name.', detail: { file: shownAs } });
    });
  } finally {
    await rm(temp, { force: true });
  }
}
