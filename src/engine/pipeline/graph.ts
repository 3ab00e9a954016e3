// The dependency graph of a project: each model's inputs come from DuckDB's parse tree of its
// SQL (see sql-refs.ts). Building it rejects what cannot run — syntax errors (with line and
// column), statements that are not a SELECT, unknown tables, cycles — and applies the layer
// rule (silver reads bronze/silver, gold reads silver/gold): a warning, or an error when
// ingot.yaml says `pipeline.layer_rule: fail`.
import { IngotError } from '../../shared/errors.js';
import type { SqlConnection } from '../db/connection.js';
import { lineColumn } from '../db/errors.js';
import { LAYERS, readableLayers, tableKey, type Layer, type ModelDef, type Project, type SourceDef } from './model.js';
import { fileReads } from './file-reads.js';
import { analyzeSql, charOffset, type TableRef } from './sql-refs.js';
import { checkDependencies } from '../quality/index.js';

export interface ModelNode {
  def: ModelDef;
  /** Every table reference in the SQL, in parse-tree order. */
  refs: TableRef[];
  /** Keys (see `tableKey`) of the models and sources this model reads, without repeats. */
  inputs: string[];
  /**
   * Models this one's checks read (a relationships check's target) but its SQL does not: built
   * first so the check judges this run's data, without making this model their downstream.
   */
  after: string[];
  /** DuckDB's parse tree of the SQL, for rewriting references. */
  tree: string;
}

export interface GraphWarning {
  model: string;
  file: string;
  line: number | undefined;
  column: number | undefined;
  message: string;
}

export interface PipelineGraph {
  /** Models by key. */
  nodes: Map<string, ModelNode>;
  /** Sources by key. */
  sources: Map<string, SourceDef>;
  /** Model keys, every model after all of its inputs. */
  order: string[];
  /** Model key → keys of the models that read it. */
  downstream: Map<string, string[]>;
  warnings: GraphWarning[];
}

export interface GraphOptions {
  layerRule: 'warn' | 'fail';
  /** Names of tables that exist in the bronze schema (filled by ingest even without a sources/*.yaml). */
  bronzeTables?: readonly string[];
}

/** Parses every model and builds the graph; throws MODEL_INVALID on the first problem found. */
export async function buildGraph(conn: SqlConnection, project: Project, options: GraphOptions): Promise<PipelineGraph> {
  const sources = new Map<string, SourceDef>();
  for (const s of project.sources) sources.set(tableKey('bronze', s.name), s);
  for (const name of options.bronzeTables ?? []) {
    const key = tableKey('bronze', name);
    if (!sources.has(key) && !name.startsWith('__')) sources.set(key, { id: `bronze.${name}`, name, file: undefined });
  }
  const models = new Map<string, ModelDef>(project.models.map((m) => [tableKey(m.layer, m.name), m]));
  const nodes = new Map<string, ModelNode>();
  const warnings: GraphWarning[] = [];
  for (const [key, def] of models) {
    const analysis = await analyzeSql(conn, def.sql);
    if (!analysis.ok) throw parseProblem(def, analysis.problem, analysis.message, analysis.position);
    assertReadsNoFile(def, analysis.tree);
    const inputs: string[] = [];
    for (const ref of analysis.refs) {
      const inputKey = resolveRef(def, ref, models, sources);
      if (!inputs.includes(inputKey)) inputs.push(inputKey);
      const inputLayer = inputKey.split('.')[0] as Layer;
      if (!readableLayers(def.layer).includes(inputLayer)) {
        const warning = layerWarning(def, ref, inputLayer);
        if (options.layerRule === 'fail') {
          throw new IngotError('MODEL_INVALID', `${where(warning)}: ${warning.message}`, {
            hint: `Read ${readableLayers(def.layer).join(' or ')} tables here, or set pipeline.layer_rule: warn in ingot.yaml.`,
            detail: { file: def.sqlFile, line: warning.line, column: warning.column, sqlPosition: ref.position },
          });
        }
        warnings.push(warning);
      }
    }
    nodes.set(key, { def, refs: analysis.refs, inputs, after: [], tree: analysis.tree });
  }
  for (const node of nodes.values()) {
    const targets = checkDependencies(node.def.config.checks).filter((t) => nodes.has(t) && !node.inputs.includes(t) && t !== tableKey(node.def.layer, node.def.name));
    node.after.push(...targets);
  }
  const order = topologicalOrder(nodes);
  const downstream = new Map<string, string[]>([...nodes.keys()].map((k) => [k, []]));
  for (const key of order) {
    for (const input of nodes.get(key)?.inputs ?? []) downstream.get(input)?.push(key);
  }
  return { nodes, sources, order, downstream, warnings };
}

/** Refuses a model that reads a file directly: Ingot could not tell when to rebuild it. */
function assertReadsNoFile(def: ModelDef, tree: string): void {
  const read = fileReads(tree)[0];
  if (!read) return;
  const position = read.location === undefined ? undefined : charOffset(def.sql, read.location);
  const at = locate(def, position);
  const prefix = at ? `${def.sqlFile}:${at.line}:${at.column}` : def.sqlFile;
  throw new IngotError('MODEL_INVALID', `${prefix}: ${def.id} reads a file with ${read.name}(); Ingot cannot see a file change, so the model would not be rebuilt when the file changes.`, {
    hint: 'Load the file as a source (Load on the Ingest screen, or `ingot ingest <file>`) and read its bronze table here, e.g. bronze.customers.',
    detail: { file: def.sqlFile, line: at?.line, column: at?.column, sqlPosition: position },
  });
}

function resolveRef(def: ModelDef, ref: TableRef, models: Map<string, ModelDef>, sources: Map<string, SourceDef>): string {
  const at = locate(def, ref.position);
  const detail = { file: def.sqlFile, line: at?.line, column: at?.column, sqlPosition: ref.position, table: ref.table };
  const prefix = at ? `${def.sqlFile}:${at.line}:${at.column}` : def.sqlFile;
  if (ref.catalog !== '') {
    throw new IngotError('MODEL_INVALID', `${prefix}: ${def.id} reads ${ref.catalog}.${ref.schema}.${ref.table}; models read tables of this workspace only.`, {
      hint: 'Name inputs as layer.table, e.g. bronze.orders.',
      detail,
    });
  }
  if (ref.schema === '') {
    throw new IngotError('MODEL_INVALID', `${prefix}: ${def.id} reads "${ref.table}" without a layer.`, {
      hint: `Name inputs as layer.table (e.g. bronze.${ref.table} or silver.${ref.table}) so the model runs the same in the SQL editor.`,
      detail,
    });
  }
  const key = tableKey(ref.schema, ref.table);
  if (models.has(key) || sources.has(key)) {
    if (key === tableKey(def.layer, def.name)) {
      throw new IngotError('MODEL_INVALID', `${prefix}: ${def.id} reads its own table.`, {
        hint: 'A model builds its table from other tables; for incremental logic set materialization: incremental in the sidecar.',
        detail,
      });
    }
    return key;
  }
  const known = (LAYERS as readonly string[]).includes(ref.schema.toLowerCase());
  const sameName = [...models.values()].filter((m) => m.name.toLowerCase() === ref.table.toLowerCase()).map((m) => m.id);
  const alike = sameName.length > 0 ? ` Did you mean ${sameName.join(' or ')}?` : '';
  throw new IngotError('MODEL_INVALID', `${prefix}: ${def.id} reads ${ref.schema}.${ref.table}, which no model or source produces.${alike}`, {
    hint: known
      ? `Create models/${ref.schema}/${ref.table}.sql${ref.schema.toLowerCase() === 'bronze' ? ` or sources/${ref.table}.yaml` : ''}, or fix the table name.`
      : 'Models read tables of the bronze, silver and gold layers (schema.table).',
    detail,
  });
}

function parseProblem(def: ModelDef, problem: string, message: string, position: number | undefined): IngotError {
  const at = locate(def, position);
  const prefix = at ? `${def.sqlFile}:${at.line}:${at.column}` : def.sqlFile;
  const detail = { file: def.sqlFile, line: at?.line, column: at?.column, sqlPosition: position };
  if (problem === 'syntax') {
    return new IngotError('MODEL_INVALID', `${prefix}: syntax error in ${def.id}: ${message}${at ? ` (line ${at.line}, column ${at.column})` : ''}`, {
      hint: 'Fix the SQL at that position; the model must be one SELECT statement.',
      detail,
    });
  }
  if (problem === 'not_select') {
    return new IngotError('MODEL_INVALID', `${prefix}: ${def.id} is not a SELECT. A model is one SELECT statement; Ingot creates and replaces the table itself.`, {
      hint: 'Remove CREATE/INSERT/UPDATE/DELETE and keep only the SELECT that computes the rows; set materialization in the sidecar .yaml.',
      detail,
    });
  }
  const what = problem === 'empty' ? 'is empty' : `holds several statements (${message})`;
  return new IngotError('MODEL_INVALID', `${prefix}: ${def.id} ${what}; a model is exactly one SELECT statement.`, {
    hint: problem === 'empty' ? 'Write the SELECT that computes the model, or delete the file.' : 'Keep one SELECT per file; split the others into their own models.',
    detail,
  });
}

function layerWarning(def: ModelDef, ref: TableRef, inputLayer: Layer): GraphWarning {
  const at = locate(def, ref.position);
  return {
    model: def.id,
    file: def.sqlFile,
    line: at?.line,
    column: at?.column,
    message: `${def.id} reads ${inputLayer}.${ref.table}, but ${def.layer} models read ${readableLayers(def.layer).join(' or ')} (layer rule).`,
  };
}

function topologicalOrder(nodes: Map<string, ModelNode>): string[] {
  const state = new Map<string, 'visiting' | 'done'>();
  const order: string[] = [];
  const visit = (key: string, path: string[]): void => {
    const s = state.get(key);
    if (s === 'done') return;
    if (s === 'visiting') {
      const cycle = [...path.slice(path.indexOf(key)), key];
      const first = nodes.get(key)?.def;
      throw new IngotError('MODEL_INVALID', `Models depend on each other in a cycle: ${cycle.map((k) => nodes.get(k)?.def.id ?? k).join(' → ')}.`, {
        hint: 'A model cannot (indirectly) read its own output; move the shared logic into an upstream model.',
        detail: { file: first?.sqlFile, cycle: cycle.map((k) => nodes.get(k)?.def.sqlFile ?? k) },
      });
    }
    state.set(key, 'visiting');
    for (const input of mustPrecede(nodes.get(key))) if (nodes.has(input)) visit(input, [...path, key]);
    state.set(key, 'done');
    order.push(key);
  };
  for (const key of [...nodes.keys()].sort()) visit(key, []);
  return readableOrder(nodes, order);
}

/** A topological order that lists silver before gold and names alphabetically where it can. */
function readableOrder(nodes: Map<string, ModelNode>, valid: readonly string[]): string[] {
  const rank = (key: string): string => `${LAYERS.indexOf(nodes.get(key)?.def.layer ?? 'gold')}:${key}`;
  const waiting = new Map(valid.map((k) => [k, mustPrecede(nodes.get(k)).filter((i) => nodes.has(i)).length]));
  const out: string[] = [];
  while (out.length < valid.length) {
    const ready = [...waiting.entries()].filter(([, n]) => n === 0).map(([k]) => k).sort((a, b) => rank(a).localeCompare(rank(b)));
    const next = ready[0];
    if (next === undefined) return [...valid];
    waiting.delete(next);
    out.push(next);
    for (const [k] of waiting) if (mustPrecede(nodes.get(k)).includes(next)) waiting.set(k, (waiting.get(k) ?? 1) - 1);
  }
  return out;
}

/** What must be built before a model: what it reads, then what its checks read. */
function mustPrecede(node: ModelNode | undefined): string[] {
  return node ? [...node.inputs, ...node.after] : [];
}

function locate(def: ModelDef, position: number | undefined): { line: number; column: number } | undefined {
  return position === undefined ? undefined : lineColumn(def.sql, position);
}

function where(w: GraphWarning): string {
  return w.line !== undefined ? `${w.file}:${w.line}:${w.column ?? 1}` : w.file;
}
