// `ingot-lake.json`, the manifest at the top of a Parquet lake: which tables it holds, each with
// its layer, columns and DuckDB types, row count, files, partition column, the run (or bronze
// batch) that published what was exported, and when it was exported. It also marks the folder
// as Ingot's. A new export replaces the entries of the tables it wrote and keeps the others.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { IngotError } from '../../../shared/errors.js';
import { LAYERS } from '../../pipeline/model.js';

export const LAKE_MANIFEST = 'ingot-lake.json';

const LakeFileSchema = z.object({ path: z.string(), bytes: z.number() });

const LakeTableSchema = z.object({
  layer: z.string(),
  name: z.string(),
  /** The table's folder, relative to the lake. */
  path: z.string(),
  /** Matches every Parquet file of the table, relative to the lake (for read_parquet). */
  glob: z.string(),
  /** A DuckDB query, run in the lake folder, that reads the table back with its exact column types. */
  select: z.string(),
  /** Each column's DuckDB type in the workspace, and its type in the files where Parquet has none like it. */
  columns: z.array(z.object({ name: z.string(), type: z.string(), parquetType: z.string().optional() })),
  rowCount: z.number(),
  /** Hive partition column, also kept inside the files with its exact type. */
  partitionBy: z.string().nullable(),
  files: z.array(LakeFileSchema),
  /** The latest pipeline run that published the table (models). */
  runId: z.number().nullable(),
  /** The latest ingest batch of the table (bronze sources). */
  batchId: z.number().nullable(),
  exportedAt: z.string(),
});

const LakeManifestSchema = z.object({
  format: z.literal('ingot-lake'),
  version: z.literal(1),
  workspace: z.string(),
  /** When the latest export into this lake finished. */
  exportedAt: z.string(),
  tables: z.array(LakeTableSchema),
});

export type LakeFile = z.output<typeof LakeFileSchema>;
export type LakeManifestTable = z.output<typeof LakeTableSchema>;
export type LakeManifest = z.output<typeof LakeManifestSchema>;

/** The manifest of the lake at `root`, or undefined when there is none yet. */
export async function readLakeManifest(root: string): Promise<LakeManifest | undefined> {
  const path = join(root, LAKE_MANIFEST);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
  let parsed: ReturnType<typeof LakeManifestSchema.safeParse> | undefined;
  try {
    parsed = LakeManifestSchema.safeParse(JSON.parse(text));
  } catch {
    parsed = undefined;
  }
  if (parsed?.success) return parsed.data;
  throw new IngotError('INVALID_INPUT', `${path} is not a lake manifest Ingot can read, so the tables it lists would be lost.`, {
    hint: 'Export into a new folder, or delete this folder\'s contents and export every layer again.',
    detail: { file: path },
  });
}

/** The manifest after an export: `exported` replaces entries of the same tables, the others stay. */
export function mergeManifest(previous: LakeManifest | undefined, workspace: string, exported: readonly LakeManifestTable[], at: string): LakeManifest {
  const key = (t: { layer: string; name: string }): string => `${t.layer}.${t.name}`.toLowerCase();
  const replaced = new Set(exported.map(key));
  const kept = (previous?.tables ?? []).filter((t) => !replaced.has(key(t)));
  const tables = [...kept, ...exported].sort((a, b) => layerRank(a.layer) - layerRank(b.layer) || a.name.localeCompare(b.name));
  return { format: 'ingot-lake', version: 1, workspace, exportedAt: at, tables };
}

function layerRank(layer: string): number {
  return (LAYERS as readonly string[]).indexOf(layer);
}
