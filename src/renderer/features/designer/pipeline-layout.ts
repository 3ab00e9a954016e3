// Lays the pipeline out as a left-to-right graph: bronze tables in the first column, then silver,
// then gold; within a layer a model stands right of the models of that layer it reads. Inside a
// column nodes follow the average position of what they read, so edges cross little.
import type { ModelInfo, ModelRun, RunSummary } from '../../../shared/api/index.js';

export const COLUMN_WIDTH = 300;
export const ROW_HEIGHT = 100;

export interface PipelineNode {
  /** `layer.name`, the table the node stands for. */
  id: string;
  layer: 'bronze' | 'silver' | 'gold';
  name: string;
  /** The model behind the node, or null for a bronze table filled by ingest. */
  model: ModelInfo | null;
  column: number;
  x: number;
  y: number;
}

export interface PipelineEdge {
  id: string;
  source: string;
  target: string;
}

export interface PipelineLayout {
  nodes: PipelineNode[];
  edges: PipelineEdge[];
}

const LAYER_ORDER = ['bronze', 'silver', 'gold'] as const;
type GraphLayer = (typeof LAYER_ORDER)[number];

/** Positions every model and every bronze table (read by a model or listed in `bronzeTables`). */
export function layoutPipeline(models: readonly ModelInfo[], bronzeTables: readonly string[]): PipelineLayout {
  const byId = new Map(models.map((m) => [`${m.layer}.${m.name}`, m]));
  const ids = new Set<string>([...byId.keys()]);
  for (const name of bronzeTables) ids.add(`bronze.${name}`);
  for (const m of models) for (const input of m.dependsOn) ids.add(input);

  // Depth inside the node's own layer: 0 unless it reads a model of the same layer.
  const depth = new Map<string, number>();
  const depthOf = (id: string, seen: ReadonlySet<string> = new Set()): number => {
    const known = depth.get(id);
    if (known !== undefined) return known;
    const model = byId.get(id);
    const layer = layerOf(id);
    let d = 0;
    for (const input of model?.dependsOn ?? []) {
      if (layerOf(input) === layer && !seen.has(input)) d = Math.max(d, depthOf(input, new Set([...seen, id])) + 1);
    }
    depth.set(id, d);
    return d;
  };
  const columnsPerLayer = new Map<GraphLayer, number>();
  for (const id of ids) columnsPerLayer.set(layerOf(id), Math.max(columnsPerLayer.get(layerOf(id)) ?? 0, depthOf(id) + 1));
  const firstColumn = new Map<GraphLayer, number>();
  let next = 0;
  for (const layer of LAYER_ORDER) {
    firstColumn.set(layer, next);
    next += columnsPerLayer.get(layer) ?? 0;
  }
  const columnOf = (id: string): number => (firstColumn.get(layerOf(id)) ?? 0) + (depth.get(id) ?? 0);

  const columns: string[][] = Array.from({ length: next }, () => []);
  for (const id of [...ids].sort()) columns[columnOf(id)]?.push(id);
  const row = new Map<string, number>();
  const placeColumn = (column: string[], neighbours: (id: string) => string[]): void => {
    const centre = (id: string): number => {
      const placed = neighbours(id).map((n) => row.get(n)).filter((r): r is number => r !== undefined);
      return placed.length === 0 ? Number.POSITIVE_INFINITY : placed.reduce((a, b) => a + b, 0) / placed.length;
    };
    const centres = new Map(column.map((id) => [id, centre(id)]));
    column.sort((a, b) => (centres.get(a) ?? 0) - (centres.get(b) ?? 0) || a.localeCompare(b));
    column.forEach((id, i) => row.set(id, i - (column.length - 1) / 2));
  };
  const readers = (id: string): string[] => readersOf(models, id);
  const inputs = (id: string): string[] => byId.get(id)?.dependsOn ?? [];
  // Left to right by what each node reads, then bronze once more by who reads it, then again.
  for (const column of columns) placeColumn(column, inputs);
  if (columns[0]) placeColumn(columns[0], readers);
  for (const column of columns.slice(1)) placeColumn(column, inputs);

  const nodes = [...ids].map((id): PipelineNode => {
    const [layer, name] = splitId(id);
    return { id, layer, name, model: byId.get(id) ?? null, column: columnOf(id), x: columnOf(id) * COLUMN_WIDTH, y: (row.get(id) ?? 0) * ROW_HEIGHT };
  });
  const edges = models.flatMap((m) => m.dependsOn.map((input) => ({ id: `${input}->${m.layer}.${m.name}`, source: input, target: `${m.layer}.${m.name}` })));
  return { nodes: nodes.sort((a, b) => a.column - b.column || a.y - b.y), edges };
}

/** A run that included a model but did not build it: its published table is unchanged. */
export interface NotBuiltRun {
  runId: number;
  run: ModelRun;
}

/**
 * A model's latest meaningful result: the newest run that built it, failed on it or is building it.
 * Runs that left it out without touching its table (cancelled before it started, skipped after a
 * failure upstream) do not count, but the newest of them is kept in `notBuilt` when it is newer.
 * A model that no run ever built has its newest not-built run as `run` and `notBuilt` null.
 */
export interface LatestModelRun {
  runId: number;
  run: ModelRun;
  notBuilt: NotBuiltRun | null;
}

/** True when the run left the model's table as it was: cancelled, skipped, or never started. */
export function leftTableUnchanged(run: ModelRun, runStatus: RunSummary['status']): boolean {
  if (run.status === 'cancelled' || run.status === 'skipped') return true;
  return (run.status === 'pending' || run.status === 'running') && runStatus !== 'running';
}

/** Each model's latest meaningful result (runs newest first); see LatestModelRun. */
export function latestModelRuns(runs: readonly RunSummary[]): Map<string, LatestModelRun> {
  const meaningful = new Map<string, { runId: number; run: ModelRun }>();
  const notBuilt = new Map<string, NotBuiltRun>();
  for (const summary of runs) {
    for (const run of summary.models) {
      if (meaningful.has(run.model)) continue;
      if (!leftTableUnchanged(run, summary.status)) meaningful.set(run.model, { runId: summary.runId, run });
      else if (!notBuilt.has(run.model)) notBuilt.set(run.model, { runId: summary.runId, run });
    }
  }
  const latest = new Map<string, LatestModelRun>();
  for (const [model, found] of meaningful) latest.set(model, { ...found, notBuilt: notBuilt.get(model) ?? null });
  for (const [model, skipped] of notBuilt) if (!latest.has(model)) latest.set(model, { ...skipped, notBuilt: null });
  return latest;
}

/** The models that read `id` directly. */
export function readersOf(models: readonly ModelInfo[], id: string): string[] {
  return models.filter((m) => m.dependsOn.includes(id)).map((m) => `${m.layer}.${m.name}`);
}

function layerOf(id: string): GraphLayer {
  return splitId(id)[0];
}

function splitId(id: string): [GraphLayer, string] {
  const dot = id.indexOf('.');
  const layer = id.slice(0, dot);
  const known = (LAYER_ORDER as readonly string[]).includes(layer) ? (layer as GraphLayer) : 'bronze';
  return [known, id.slice(dot + 1)];
}
