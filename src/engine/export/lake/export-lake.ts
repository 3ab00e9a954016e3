// `ingot export parquet <dir>`: a Parquet lake of the published tables, `<dir>/<layer>/<table>/`
// plus the manifest `ingot-lake.json`. Every table is read in one transaction (one consistent
// snapshot of the workspace) and written by DuckDB into a staging folder inside `<dir>`; only when
// all of them are written are they swapped in by renames, together with the manifest. A failure
// or a cancel at any point leaves every earlier export in `<dir>` as it was. Tables not exported
// this time stay, with their manifest entries.
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { IngotError } from '../../../shared/errors.js';
import type { Database, SqlConnection } from '../../db/connection.js';
import { ident, literal } from '../../db/sql.js';
import { loadGraph } from '../../pipeline/load-graph.js';
import type { Layer } from '../../pipeline/model.js';
import type { PipelineWorkspace } from '../../pipeline/runner.js';
import type { WorkspaceConfig } from '../../workspace/config.js';
import { checkExportFolder, closeExportFolder, guardFs, openExportFolder, type ExportFolder, type ExportKind, type WorkspaceFolders } from '../export-folder.js';
import { swapIn } from '../swap.js';
import { copyTable, listFiles, parquetColumns, parquetGlob } from './lake-copy.js';
import { LAKE_MANIFEST, mergeManifest, readLakeManifest, type LakeManifestTable } from './lake-manifest.js';
import { planLakeTables, type LakeTable } from './lake-tables.js';

export const LAKE_KIND: ExportKind = {
  label: 'Parquet lake',
  marker: LAKE_MANIFEST,
  command: 'ingot export parquet',
  example: 'ingot export parquet lake',
};

export interface LakeWorkspace {
  paths: PipelineWorkspace['paths'] & WorkspaceFolders;
  config: Pick<WorkspaceConfig, 'name' | 'pipeline'>;
  db: Database;
}

export interface LakeExportOptions {
  /** Layers to export (default: gold). */
  layers?: readonly Layer[];
  /** A selection as `ingot run` takes it, plus bronze source names; default: every table of the layers. */
  selection?: string;
  /** Aborting stops the export (DuckDB is interrupted); the lake keeps its earlier export. */
  signal?: AbortSignal;
  /** Called before each table is written: `layer.name`, its 0-based index, and how many there are. */
  onTable?: (table: string, index: number, total: number) => void;
}

export interface LakeExportResult {
  /** Absolute path of the lake. */
  dir: string;
  /** Absolute path of its manifest. */
  manifest: string;
  /** The manifest entries of the tables this export wrote. */
  tables: LakeManifestTable[];
}

/** Exports the published tables of `ws` into the lake at `dir` (created when missing). */
export async function exportLake(ws: LakeWorkspace, dir: string, options: LakeExportOptions = {}): Promise<LakeExportResult> {
  const root = resolve(dir);
  await checkExportFolder(root, LAKE_KIND, ws.paths);
  return ws.db.withConnection((conn) =>
    conn.transaction(async (tx) => {
      const graph = await loadGraph(ws, tx);
      const tables = await planLakeTables(tx, graph, options.layers ?? ['gold'], options.selection ?? '');
      const folder = await openExportFolder(root, LAKE_KIND, ws.paths);
      try {
        const previous = await readLakeManifest(root);
        const written: Omit<LakeManifestTable, 'exportedAt'>[] = [];
        for (const [index, table] of tables.entries()) {
          stopIfCancelled(options.signal);
          options.onTable?.(`${table.layer}.${table.name}`, index, tables.length);
          written.push(await writeTable(tx, folder, table, options.signal));
        }
        stopIfCancelled(options.signal);
        const at = new Date().toISOString();
        const exported = written.map((t) => ({ ...t, exportedAt: at }));
        const manifest = mergeManifest(previous, ws.config.name, exported, at);
        await guardFs(() => writeFile(join(folder.fresh, LAKE_MANIFEST), JSON.stringify(manifest, null, 2) + '\n', 'utf8'), root, LAKE_KIND);
        await guardFs(() => swapIn(root, folder.staging, [...exported.map((t) => t.path), LAKE_MANIFEST]), root, LAKE_KIND);
        return { dir: root, manifest: join(root, LAKE_MANIFEST), tables: exported };
      } finally {
        await closeExportFolder(folder);
      }
    }),
  );
}

/** Writes one table into the staging folder and describes it for the manifest. */
async function writeTable(conn: SqlConnection, folder: ExportFolder, table: LakeTable, signal: AbortSignal | undefined): Promise<Omit<LakeManifestTable, 'exportedAt'>> {
  const path = `${table.layer}/${table.name}`;
  const target = join(folder.fresh, table.layer, table.name);
  await guardFs(() => mkdir(join(folder.fresh, table.layer), { recursive: true }), folder.root, LAKE_KIND);
  let rowCount: number;
  try {
    rowCount = await copyTable(conn, table, target, signal);
  } catch (err) {
    throw tableFailed(err, `${table.layer}.${table.name}`, folder.root);
  }
  const inFiles = await parquetColumns(conn, target);
  const columns = table.columns.map((c, i) => {
    const parquetType = inFiles[i]?.type;
    return { name: c.name, type: c.type, ...(parquetType !== undefined && parquetType !== c.type ? { parquetType } : {}) };
  });
  const restore = columns.filter((c) => c.parquetType !== undefined).map((c) => `CAST(${ident(c.name)} AS ${c.type}) AS ${ident(c.name)}`);
  const glob = parquetGlob(path);
  return {
    layer: table.layer,
    name: table.name,
    path,
    glob,
    select: `SELECT *${restore.length > 0 ? ` REPLACE (${restore.join(', ')})` : ''} FROM read_parquet(${literal(glob)}, hive_partitioning = false)`,
    columns,
    rowCount,
    partitionBy: table.partitionBy ?? null,
    files: await listFiles(target, folder.fresh),
    runId: table.runId,
    batchId: table.batchId,
  };
}

function stopIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new IngotError('CANCELLED', 'The export was cancelled; the lake keeps its earlier export.');
}

/** A table that could not be written, named, saying that the lake is unchanged. */
function tableFailed(err: unknown, table: string, root: string): IngotError {
  if (err instanceof IngotError && err.code === 'CANCELLED') return new IngotError('CANCELLED', 'The export was cancelled; the lake keeps its earlier export.', { cause: err });
  const data = err instanceof IngotError ? err : new IngotError('INTERNAL', (err as Error).message);
  const writing = /^IO Error/i.test(data.message);
  const hint = writing
    ? `DuckDB could not write the files: check that ${root} can be written and its disk has room, then export again.`
    : data.code === 'SQL_ERROR'
      ? `Reading ${table} fails the same way in \`ingot sql "SELECT * FROM ${table}"\`: fix its model or input data, run \`ingot run\`, then export again.`
      : (data.hint ?? 'Fix the cause above and export again.');
  return new IngotError(data.code, `Exporting ${table} failed, so nothing was changed in ${root}: ${data.message}`, { hint, detail: { table }, cause: err });
}
