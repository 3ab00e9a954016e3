// Decides, without running anything, what a run would rebuild and why: never built, table
// missing, SQL or config changed, upstream changed or rebuilding, new bronze batches, rows
// released from quarantine, a full refresh or a backfill asked for. An incremental model gets an incremental action when every
// changed input can hand over just its changes (see incremental.ts); otherwise a full rebuild.
import { ident, qualified } from '../db/sql.js';
import type { SqlConnection } from '../db/connection.js';
import { aggregateFunctions } from './aggregate-functions.js';
import { configHash, modelFingerprint, sqlHash } from './fingerprint.js';
import type { PipelineGraph } from './graph.js';
import { tableKey, type Layer } from './model.js';
import type { Materialization } from './model-config.js';
import { readModelStates, type ModelState } from './model-state.js';
import { narrowingBlocker } from './narrowing-blocker.js';
import { selectModels } from './selection.js';
import { pendingReleaseCount, quarantineTableName } from '../quality/index.js';
import { QUARANTINE_SCHEMA } from '../quality/quarantine-table.js';
import { bronzeVersions, existingRelations, MISSING, modelVersion, parseBronzeVersion, parseModelVersion, PENDING } from './versions.js';

export type PlanAction = 'full' | 'incremental' | 'backfill' | 'skip';

export type ReasonCode =
  | 'never_built'
  | 'table_missing'
  | 'sql_changed'
  | 'config_changed'
  | 'new_batches'
  | 'source_changed'
  | 'upstream_changed'
  | 'upstream_rebuilds'
  | 'full_refresh'
  | 'released_rows'
  | 'backfill'
  | 'cannot_slice';

export interface PlanReason {
  code: ReasonCode;
  message: string;
  /** The input concerned, for input reasons. */
  input?: string;
}

/** How an incremental build reads only the changes of one input. */
export type InputSlice =
  | { input: string; kind: 'batches'; afterBatch: number; upToBatch: number }
  | { input: string; kind: 'changes'; afterVersion: number; stagedInRun: boolean };

export interface PartitionRange {
  from: string;
  to: string;
}

export interface ModelPlan {
  key: string;
  model: string;
  layer: Layer;
  materialization: Materialization;
  action: PlanAction;
  reasons: PlanReason[];
  slices: InputSlice[];
  sqlHash: string;
  configHash: string;
  /** The fingerprint the model would have, when all its inputs are already known (else undefined). */
  fingerprint: string | undefined;
}

export interface Plan {
  selection: string;
  fullRefresh: boolean;
  partitions: PartitionRange | undefined;
  /** Selected models, in build order. */
  models: ModelPlan[];
  /** Input versions seen while planning (sources and models not rebuilt in this run). */
  inputVersions: Map<string, string>;
  states: Map<string, ModelState>;
  nothingToDo: boolean;
}

export interface PlanOptions {
  selection?: string;
  fullRefresh?: boolean;
  partitions?: PartitionRange;
}

/** Plans a run of `options.selection` over `graph`. */
export async function computePlan(conn: SqlConnection, graph: PipelineGraph, options: PlanOptions = {}): Promise<Plan> {
  const selected = selectModels(graph, options.selection ?? '');
  const states = await readModelStates(conn);
  const relations = await existingRelations(conn);
  const sourceInputs = new Set<string>();
  for (const key of selected) for (const input of graph.nodes.get(key)?.inputs ?? []) if (graph.sources.has(input)) sourceInputs.add(input);
  const bronze = await bronzeVersions(conn, [...sourceInputs].map((k) => k.slice('bronze.'.length)));
  const inputVersions = new Map<string, string>();
  for (const [name, v] of bronze) inputVersions.set(`bronze.${name}`, v);
  const planned = new Map<string, ModelPlan>();
  for (const key of selected) {
    const node = graph.nodes.get(key);
    if (!node) continue;
    const def = node.def;
    const state = states.get(key);
    const current: Record<string, string> = {};
    for (const input of node.inputs) {
      const upstream = planned.get(input);
      if (upstream && upstream.action !== 'skip') current[input] = PENDING;
      else if (graph.sources.has(input)) current[input] = inputVersions.get(input) ?? MISSING;
      else {
        const st = states.get(input);
        current[input] = st ? modelVersion(st.version) : MISSING;
        inputVersions.set(input, current[input]);
      }
    }
    const hashes = { sqlHash: sqlHash(node.tree), configHash: configHash(def.config) };
    const reasons: PlanReason[] = [];
    const slices: InputSlice[] = [];
    if (options.fullRefresh) reasons.push({ code: 'full_refresh', message: 'full refresh requested' });
    if (!state) reasons.push({ code: 'never_built', message: 'never built' });
    else if (relations.get(key) !== (state.materialization === 'view' ? 'view' : 'table')) {
      reasons.push({ code: 'table_missing', message: `${def.id} is missing from the database` });
    } else {
      if (state.sqlHash !== hashes.sqlHash) reasons.push({ code: 'sql_changed', message: `SQL changed (${def.sqlFile})` });
      if (state.configHash !== hashes.configHash) {
        const what = state.materialization !== def.config.materialization ? `materialization ${state.materialization} → ${def.config.materialization}` : 'config changed';
        reasons.push({ code: 'config_changed', message: `${what} (${def.sidecarFile ?? 'sidecar removed'})` });
      }
      for (const input of node.inputs) {
        const reason = await inputReason(conn, graph, input, state.inputs[input], current[input] ?? MISSING, states, planned, slices);
        if (reason) reasons.push(reason);
      }
      // Rows released from quarantine wait for this model's next build, whatever else changed.
      // The relations read above say whether there is a quarantine table at all: most models have none.
      const held = relations.has(tableKey(QUARANTINE_SCHEMA, quarantineTableName(def.layer, def.name)));
      const released = held ? await pendingReleaseCount(conn, def.layer, def.name) : 0;
      if (released > 0) reasons.push({ code: 'released_rows', message: `${released} row${released === 1 ? '' : 's'} released from quarantine.${def.layer}_${def.name} to process again` });
    }
    const backfill = options.partitions !== undefined && def.config.partition_by !== undefined && def.config.materialization === 'incremental';
    let action = chooseAction(def.config.materialization, reasons, slices, Boolean(state) && relations.has(key));
    if (action === 'incremental') {
      const keys = def.config.partition_by !== undefined ? [def.config.partition_by] : [def.config.unique_key ?? []].flat();
      const blocker = narrowingBlocker(node.tree, keys, await aggregateFunctions(conn));
      if (blocker !== undefined) {
        action = 'full';
        reasons.push({ code: 'cannot_slice', message: `rebuilt in full: its SQL uses ${blocker}, so new rows can change rows of keys they do not touch (${def.sqlFile})` });
      }
    }
    const mustBeFull = reasons.some((r) => r.code === 'never_built' || r.code === 'table_missing' || r.code === 'config_changed' || r.code === 'full_refresh');
    if (backfill && !mustBeFull) {
      action = 'backfill';
      reasons.push({ code: 'backfill', message: `backfill partitions ${options.partitions?.from}..${options.partitions?.to} of ${def.config.partition_by}` });
    }
    const known = Object.values(current).every((v) => v !== PENDING);
    planned.set(key, {
      key,
      model: def.id,
      layer: def.layer,
      materialization: def.config.materialization,
      action,
      reasons,
      slices: action === 'incremental' || action === 'backfill' ? slices : [],
      ...hashes,
      fingerprint: known ? modelFingerprint(hashes.sqlHash, hashes.configHash, current) : undefined,
    });
  }
  const models = [...planned.values()];
  return {
    selection: options.selection ?? '',
    fullRefresh: options.fullRefresh ?? false,
    partitions: options.partitions,
    models,
    inputVersions,
    states,
    nothingToDo: models.every((m) => m.action === 'skip'),
  };
}

function chooseAction(materialization: Materialization, reasons: PlanReason[], slices: InputSlice[], built: boolean): PlanAction {
  if (reasons.length === 0) return 'skip';
  if (materialization !== 'incremental' || !built) return 'full';
  // Released rows ride along with an incremental build (their keys count as affected); alone,
  // with no input changes to slice, they get a full rebuild.
  const inputReasons = reasons.filter((r) => r.code !== 'released_rows');
  const sliceable = inputReasons.length > 0 && inputReasons.every((r) => r.code === 'new_batches' || r.code === 'upstream_changed' || r.code === 'upstream_rebuilds');
  const covered = reasons.every((r) => r.input === undefined || slices.some((s) => s.input === r.input));
  return sliceable && covered ? 'incremental' : 'full';
}

/** Why input `input` makes the model rebuild (if it does), and how to slice it when possible. */
async function inputReason(
  conn: SqlConnection,
  graph: PipelineGraph,
  input: string,
  recorded: string | undefined,
  current: string,
  states: Map<string, ModelState>,
  planned: Map<string, ModelPlan>,
  slices: InputSlice[],
): Promise<PlanReason | undefined> {
  const name = graph.sources.get(input)?.id ?? graph.nodes.get(input)?.def.id ?? input;
  if (current === PENDING) {
    const upstream = planned.get(input);
    const w = parseModelVersion(recorded);
    if (upstream && w !== undefined && (upstream.action === 'incremental' || upstream.action === 'backfill') && changeLogCovers(states.get(input), w, true)) {
      slices.push({ input, kind: 'changes', afterVersion: w, stagedInRun: true });
    }
    return { code: 'upstream_rebuilds', message: `${name} rebuilds in this run`, input };
  }
  if (recorded === current) return undefined;
  if (graph.sources.has(input)) {
    const before = parseBronzeVersion(recorded);
    const now = parseBronzeVersion(current);
    if (before && now && now.maxBatch > before.maxBatch) {
      const rel = qualified('bronze', input.slice('bronze.'.length));
      const added = await conn.one<{ n: number; batches: number }>(
        `SELECT count(*) AS n, count(DISTINCT ${ident('_batch_id')}) AS batches FROM ${rel} WHERE ${ident('_batch_id')} > ?`,
        [before.maxBatch],
      );
      if (Number(added?.n) + before.rows === now.rows) {
        slices.push({ input, kind: 'batches', afterBatch: before.maxBatch, upToBatch: now.maxBatch });
        const batches = Number(added?.batches ?? 0);
        return { code: 'new_batches', message: `${batches} new batch${batches === 1 ? '' : 'es'} in ${name} (${Number(added?.n)} rows)`, input };
      }
    }
    const what = current === MISSING ? `${name} no longer exists` : `${name} changed other than by appending batches`;
    return { code: 'source_changed', message: what, input };
  }
  const state = states.get(input);
  const w = parseModelVersion(recorded);
  if (w !== undefined && changeLogCovers(state, w, false)) slices.push({ input, kind: 'changes', afterVersion: w, stagedInRun: false });
  const when = state ? ` in run #${state.version}` : '';
  return { code: 'upstream_changed', message: current === MISSING ? `${name} is not built` : `${name} was rebuilt${when}`, input };
}

/** True when `state`'s change log holds every change after version `w` (plus, if `staged`, this run's). */
function changeLogCovers(state: ModelState | undefined, w: number, staged: boolean): boolean {
  if (!state || state.materialization !== 'incremental') return false;
  if (w === state.version) return staged;
  return state.changeLogSince !== null && state.changeLogSince <= w && state.fullVersion <= w;
}
