// What a Parquet lake export writes: the published tables of the chosen layers (gold by
// default), narrowed by a selection, each with its columns, its partition column and the run
// (or batch) that last published it. A selected table that is not published stops the export
// before anything is written, naming the table and the command that builds it.
import { IngotError } from '../../../shared/errors.js';
import type { ColumnInfo, SqlConnection } from '../../db/connection.js';
import { qualified } from '../../db/sql.js';
import type { PipelineGraph } from '../../pipeline/graph.js';
import { lastPublishingRuns } from '../../pipeline/history.js';
import { LAYERS, type Layer, type ModelDef } from '../../pipeline/model.js';
import { relationKind } from '../../pipeline/staging.js';
import { selectLakeTables } from './lake-selection.js';

export interface LakeTable {
  layer: Layer;
  name: string;
  /** Column the files are Hive-partitioned by (an incremental model's partition_by), as the table spells it. */
  partitionBy: string | undefined;
  columns: ColumnInfo[];
  /** The latest run that published the table (models); null for bronze sources. */
  runId: number | null;
  /** The latest batch loaded into the table (bronze sources); null for models. */
  batchId: number | null;
}

/** A table name that is a plain folder name on every system. */
const FOLDER_NAME = /^[A-Za-z0-9_][A-Za-z0-9_-]*$/;

interface Candidate {
  layer: Layer;
  name: string;
  model: ModelDef | undefined;
}

/** The layers named by `--layer` values (each may be a comma list); gold when none is given. */
export function parseLayers(values: readonly string[]): Layer[] {
  const names = values.flatMap((v) => v.split(',')).map((v) => v.trim().toLowerCase()).filter((v) => v !== '');
  if (names.length === 0) return ['gold'];
  for (const name of names) {
    if (!(LAYERS as readonly string[]).includes(name)) {
      throw new IngotError('INVALID_INPUT', `"${name}" is not a layer.`, { hint: `Layers are ${LAYERS.join(', ')}, e.g. --layer silver,gold.`, detail: { field: 'layer' } });
    }
  }
  return LAYERS.filter((l) => names.includes(l));
}

/** The tables to export, in layer order then by name; throws when one is not published. */
export async function planLakeTables(conn: SqlConnection, graph: PipelineGraph, layers: readonly Layer[], selection: string): Promise<LakeTable[]> {
  const chosen = selectLakeTables(graph, selection);
  const candidates: Candidate[] = [];
  for (const [key, node] of graph.nodes) if (chosen.has(key)) candidates.push({ layer: node.def.layer, name: node.def.name, model: node.def });
  for (const [key, source] of graph.sources) if (chosen.has(key)) candidates.push({ layer: 'bronze', name: source.name, model: undefined });
  const wanted = candidates
    .filter((c) => layers.includes(c.layer))
    .sort((a, b) => LAYERS.indexOf(a.layer) - LAYERS.indexOf(b.layer) || a.name.localeCompare(b.name));
  if (wanted.length === 0) throw nothingSelected(layers, selection);
  const unsafe = wanted.find((c) => !FOLDER_NAME.test(c.name));
  if (unsafe) {
    throw new IngotError('INVALID_INPUT', `${unsafe.layer}."${unsafe.name}" cannot name a folder of the lake.`, {
      hint: 'Rename the table to letters, digits and underscores, or leave it out with --select.',
      detail: { table: `${unsafe.layer}.${unsafe.name}` },
    });
  }
  const missing: Candidate[] = [];
  for (const c of wanted) if ((await relationKind(conn, c.layer, c.name)) === undefined) missing.push(c);
  if (missing.length > 0) throw notPublished(missing);
  const runs = await lastPublishingRuns(conn);
  const tables: LakeTable[] = [];
  for (const c of wanted) {
    const columns = await conn.describe(`SELECT * FROM ${qualified(c.layer, c.name)}`);
    const partition = c.model?.config.materialization === 'incremental' ? c.model.config.partition_by : undefined;
    tables.push({
      layer: c.layer,
      name: c.name,
      partitionBy: partition === undefined ? undefined : columns.find((col) => col.name.toLowerCase() === partition.toLowerCase())?.name,
      columns,
      runId: c.model ? (runs.get(c.model.id.toLowerCase()) ?? null) : null,
      batchId: c.model ? null : await lastBatch(conn, c.name),
    });
  }
  return tables;
}

async function lastBatch(conn: SqlConnection, source: string): Promise<number | null> {
  const row = await conn.one<{ id: number | null }>("SELECT max(batch_id) AS id FROM _ingot.batches WHERE source = ? AND status = 'loaded'", [source]);
  return row?.id === null || row?.id === undefined ? null : Number(row.id);
}

function nothingSelected(layers: readonly Layer[], selection: string): IngotError {
  const where = `layer${layers.length > 1 ? 's' : ''} ${layers.join(', ')}`;
  const others = LAYERS.filter((l) => !layers.includes(l)).join(',');
  return new IngotError('INVALID_INPUT', selection.trim() === '' ? `The workspace has no table in ${where} to export.` : `"${selection}" selects no table in ${where}.`, {
    hint: `Choose other layers with --layer (e.g. --layer ${others || 'gold'}), or another selection; \`ingot tables\` lists what is published.`,
    detail: { field: selection.trim() === '' ? 'layer' : 'select' },
  });
}

function notPublished(missing: readonly Candidate[]): IngotError {
  const names = missing.map((c) => `${c.layer}.${c.name}`);
  const models = missing.filter((c) => c.model !== undefined);
  const sources = missing.filter((c) => c.model === undefined);
  const steps: string[] = [];
  if (sources.length > 0) steps.push(`\`ingot ingest ${sources.map((c) => c.name).join(' ')}\``);
  if (models.length > 0) steps.push(models.length === 1 ? `\`ingot run +${models[0]?.name ?? ''}\`` : '`ingot run`');
  const message =
    names.length === 1 ? `${names[0] ?? ''} is not published yet, so there is nothing to export.` : `${names.length} tables are not published yet, so there is nothing to export for them: ${names.join(', ')}.`;
  return new IngotError('NOT_FOUND', message, { hint: `Run ${steps.join(' and then ')} first, then export again.`, detail: { tables: names } });
}
