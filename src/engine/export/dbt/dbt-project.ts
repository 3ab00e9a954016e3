// Assembles the files of the dbt project for a workspace, in memory: a model file and schema.yml
// entry for every model, sources.yml for every bronze table, tests for every check, and the
// fixed files. Reads the workspace's definitions and the database's column types; writes nothing.
import type { ColumnInfo, SqlConnection } from '../../db/connection.js';
import { qualified } from '../../db/sql.js';
import { listSources } from '../../ingest/sources.js';
import { loadGraph } from '../../pipeline/load-graph.js';
import { LAYERS, type Layer } from '../../pipeline/model.js';
import { relationKind } from '../../pipeline/staging.js';
import { loadWorkspaceChecks, parseChecks, type CheckDef, type DeclaredChecks } from '../../quality/index.js';
import type { Workspace } from '../../workspace/workspace.js';
import { translateChecks, type CheckOutcome, type TableTests, type TranslateContext } from './check-tests.js';
import { columnQuoting } from './column-quoting.js';
import { modelFile } from './model-file.js';
import { dbtProjectYaml, markerJson, profilesExampleYaml, SCHEMA_NAME_MACRO } from './project-files.js';
import { projectReadme } from './project-readme.js';
import { modelsSchemaYaml, sourcesYaml, type DocumentedModel, type DocumentedSource } from './schema-files.js';

export interface DbtProject {
  /** Project-relative path → content. */
  files: Map<string, string>;
  models: string[];
  sources: string[];
  outcomes: CheckOutcome[];
  /** How many tests of each kind the checks became. */
  tests: { generic: number; singular: number; freshness: number };
}

/** The dbt project of `ws`, named `project`. */
export async function buildDbtProject(ws: Workspace, conn: SqlConnection, project: string): Promise<DbtProject> {
  const graph = await loadGraph(ws, conn);
  const declared = (await loadWorkspaceChecks(ws.paths.root)).declared;
  const needsQuoting = await columnQuoting(conn);
  const ctx: TranslateContext = { conn, graph, testNames: new Set(), needsQuoting };
  const files = new Map<string, string>();
  const outcomes: CheckOutcome[] = [];
  const counts = { generic: 0, singular: 0, freshness: 0 };
  const record = (tests: TableTests): void => {
    for (const t of tests.singular) files.set(t.path, t.sql);
    outcomes.push(...tests.outcomes);
    for (const list of tests.columns.values()) counts.generic += list.length;
    counts.singular += tests.singular.length;
    counts.freshness += tests.freshness.length;
  };

  const byLayer = new Map<Layer, DocumentedModel[]>();
  const freshness: TableTests['freshness'] = [];
  for (const key of graph.order) {
    const def = graph.nodes.get(key)?.def;
    if (!def) continue;
    files.set(`models/${def.layer}/${def.name}.sql`, await modelFile(conn, graph, def));
    const columns = await modelColumns(conn, def.layer, def.name, def.sql);
    const tests = await translateChecks(ctx, { layer: def.layer, name: def.name, columns }, checksOf(declared, def.layer, def.name));
    record(tests);
    freshness.push(...tests.freshness);
    byLayer.set(def.layer, [...(byLayer.get(def.layer) ?? []), { def, columns, tests: tests.columns }]);
  }

  const descriptions = new Map((await listSources(ws)).map((s) => [s.name.toLowerCase(), s.options.description]));
  const sources: DocumentedSource[] = [];
  for (const source of [...graph.sources.values()].sort((a, b) => a.name.localeCompare(b.name))) {
    const columns = await publishedColumns(conn, 'bronze', source.name);
    const tests = await translateChecks(ctx, { layer: 'bronze', name: source.name, columns }, checksOf(declared, 'bronze', source.name));
    record(tests);
    freshness.push(...tests.freshness);
    sources.push({ name: source.name, description: descriptions.get(source.name.toLowerCase()), columns, tests: tests.columns, freshness: [] });
  }
  for (const rule of freshness) sources.find((s) => s.name === rule.source)?.freshness.push(rule);

  const layers = LAYERS.filter((l) => byLayer.has(l));
  for (const layer of layers) files.set(`models/${layer}/schema.yml`, modelsSchemaYaml(byLayer.get(layer) ?? [], needsQuoting));
  files.set('models/sources.yml', sourcesYaml(sources, needsQuoting));
  files.set('dbt_project.yml', dbtProjectYaml(project, ws.config.name, layers));
  files.set('profiles.example.yml', profilesExampleYaml(project));
  files.set('macros/generate_schema_name.sql', SCHEMA_NAME_MACRO);
  const models = graph.order.map((k) => graph.nodes.get(k)?.def).filter((d) => d !== undefined);
  files.set('README.md', projectReadme({ project, workspace: ws.config.name, models, sources: sources.map((s) => s.name), outcomes }));
  files.set('ingot-dbt.json', markerJson(project, ws.config.name));
  return { files, models: models.map((m) => m.id), sources: sources.map((s) => `bronze.${s.name}`), outcomes, tests: counts };
}

/** The checks declared for `layer.name`, validated (a bad declaration stops the export, as it stops a run). */
function checksOf(declared: readonly DeclaredChecks[], layer: string, name: string): CheckDef[] {
  const entry = declared.find((d) => d.layer === layer && d.model.toLowerCase() === name.toLowerCase());
  if (!entry) return [];
  return parseChecks(entry.checks, { file: entry.file, ...(entry.positions ? { positions: entry.positions } : {}), layer, model: name });
}

/** Columns of the published table, or of the model's SELECT when it is not built but its inputs are. */
async function modelColumns(conn: SqlConnection, layer: Layer, name: string, sql: string): Promise<ColumnInfo[] | undefined> {
  return (await publishedColumns(conn, layer, name)) ?? (await conn.describe(sql).catch(() => undefined));
}

async function publishedColumns(conn: SqlConnection, layer: string, name: string): Promise<ColumnInfo[] | undefined> {
  if ((await relationKind(conn, layer, name)) === undefined) return undefined;
  return conn.describe(`SELECT * FROM ${qualified(layer, name)}`);
}
