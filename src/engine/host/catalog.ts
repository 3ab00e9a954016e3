// Host handlers for the catalog and the exports. The catalog puts together what the workspace
// knows of each table: the database (columns, rows, size, last load), the models and sources
// (documentation, owner, tags, file), the pipeline's edges (lineage) and the latest quality score.
// Exports write a Parquet lake or a dbt project into a folder the user names (relative to the
// workspace folder, or absolute).
import { isAbsolute, join } from 'node:path';
import type { EngineHandlers } from '../../shared/api/engine-api.js';
import type { CatalogEntry } from '../../shared/api/catalog.js';
import type { TableInfo } from '../../shared/api/tables.js';
import { exportDbt, exportLake } from '../export/index.js';
import { listSources } from '../ingest/sources.js';
import { listTables } from '../ingest/tables.js';
import { computeLineage } from '../lineage/lineage.js';
import { loadGraph, type PipelineGraph } from '../pipeline/index.js';
import { latestCheckRuns } from '../quality/results-store.js';
import type { HostContext } from './context.js';

type CatalogHandlers = Pick<EngineHandlers, 'catalog' | 'exportLake' | 'exportDbt'>;

export function catalogHandlers(ctx: HostContext): CatalogHandlers {
  const { workspace, pool } = ctx;
  const folder = (dir: string): string => (isAbsolute(dir) ? dir : join(workspace.paths.root, dir));
  return {
    catalog: async () =>
      pool.use(async (conn) => {
        const tables = await listTables(conn);
        const graph = await loadGraph(workspace, conn).catch(() => undefined);
        const sources = new Map((await listSources(workspace).catch(() => [])).map((s) => [`bronze.${s.name}`, s]));
        const scores = new Map((await latestCheckRuns(conn)).map((r) => [`${r.layer}.${r.model}`, r.score]));
        return { tables: catalogEntries(tables, graph, sources, scores) };
      }),
    exportLake: async (req, { signal }) => {
      const result = await exportLake(workspace, folder(req.dir), { layers: req.layers, selection: req.select, signal });
      return {
        dir: result.dir,
        manifest: result.manifest,
        tables: result.tables.map((t) => ({ table: `${t.layer}.${t.name}`, rows: t.rowCount, files: t.files.length, bytes: t.files.reduce((n, f) => n + f.bytes, 0) })),
      };
    },
    exportDbt: async (req) => {
      const result = await exportDbt(workspace, folder(req.dir), req.projectName !== undefined && req.projectName.trim() !== '' ? { projectName: req.projectName.trim() } : {});
      return {
        dir: result.dir,
        projectName: result.projectName,
        models: result.models.length,
        sources: result.sources.length,
        files: result.files.length,
        tests: result.tests.generic + result.tests.singular + result.tests.freshness,
        notCarriedOver: result.checks.flatMap((c) => c.lost.map((why) => `${c.table} · ${c.check}: ${why}`)),
      };
    },
  };
}

interface SourceDoc {
  file: string;
  options: { description?: string | undefined };
}

/** One entry per table in the database, and one per model or source not built or loaded yet. */
function catalogEntries(
  tables: readonly TableInfo[],
  graph: PipelineGraph | undefined,
  sources: ReadonlyMap<string, SourceDoc>,
  scores: ReadonlyMap<string, number | null>,
): CatalogEntry[] {
  const edges = new Map<string, string[]>();
  for (const node of graph?.nodes.values() ?? []) {
    edges.set(node.def.id, node.inputs.map((key) => graph?.nodes.get(key)?.def.id ?? graph?.sources.get(key)?.id ?? key));
  }
  const lineage = computeLineage(edges);
  const models = new Map([...(graph?.nodes.values() ?? [])].map((n) => [n.def.id, n.def]));
  const published = new Map(tables.map((t) => [`${t.layer}.${t.name}`, t]));
  const ids = [...new Set([...published.keys(), ...models.keys(), ...sources.keys()])];
  return ids.map((id): CatalogEntry => {
    const table = published.get(id);
    const model = models.get(id);
    const source = sources.get(id);
    const [layer = 'bronze', name = id] = id.split('.');
    const docs = new Map((model?.config.columns ?? []).map((c) => [c.name.toLowerCase(), c]));
    const links = lineage.get(id);
    return {
      layer: (table?.layer ?? layer) as CatalogEntry['layer'],
      name: table?.name ?? name,
      kind: model ? 'model' : source ? 'source' : layer === 'quarantine' ? 'quarantine' : 'table',
      materialization: model?.config.materialization ?? null,
      description: model?.config.description ?? source?.options.description ?? null,
      owner: model?.config.owner ?? null,
      tags: model?.config.tags ?? [],
      file: model?.sqlFile ?? source?.file ?? null,
      published: table !== undefined,
      rows: table?.rows ?? null,
      bytes: table?.bytes ?? null,
      lastLoadedAt: table?.lastLoadedAt ?? null,
      columns: (table?.columns ?? []).map((c) => {
        const doc = docs.get(c.name.toLowerCase());
        return { name: c.name, type: c.type, description: doc?.description ?? null, tags: doc?.tags ?? [] };
      }),
      // Only a built table says which columns there are.
      unknownDocumentedColumns: table ? (model?.config.columns ?? []).map((c) => c.name).filter((n) => !table.columns.some((c) => c.name.toLowerCase() === n.toLowerCase())) : [],
      reads: links?.reads ?? [],
      upstream: links?.upstream ?? [],
      readBy: links?.readBy ?? [],
      downstream: links?.downstream ?? [],
      score: scores.get(id) ?? null,
    };
  });
}
