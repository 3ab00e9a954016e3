// Builds one model up to (not including) publishing: computes its rows into a staging table
// (full, incremental or backfill; see incremental.ts), validates the key and partition columns,
// runs the quality gate and the unique-key check, and returns a StagedModel whose `publish`
// makes the result visible. Nothing here touches the published table.
import { IngotError } from '../../shared/errors.js';
import type { ColumnInfo, RunOptions, SqlConnection } from '../db/connection.js';
import { ident, qualified } from '../db/sql.js';
import { pendingReleaseKeysSql, runQualityGate, stampReleasedOnPublish } from '../quality/index.js';
import type { ModelQuality } from './events.js';
import { modelFingerprint } from './fingerprint.js';
import type { ModelNode } from './graph.js';
import { aggregateFunctions } from './aggregate-functions.js';
import { findKeyPushdown } from './key-pushdown.js';
import { uniqueByConstruction } from './unique-by-construction.js';
import { affectedKeysSql, assertUniqueKey, hasNullKey, keyMatch, newDataSql, partitionRangeSql } from './incremental.js';
import { incrementalKeyColumns, uniqueKeyColumns } from './model-config.js';
import { modelError, QualityBlocked } from './model-errors.js';
import type { InputSlice, ModelPlan } from './plan.js';
import { publishIncremental, publishTable, publishView, type PublishTarget } from './publish.js';
import { Relations } from './relations.js';
import type { RunContext, StagedModel } from './run-context.js';
import { affectedName, dropRelation, oldRowsName, relationKind, stageName } from './staging.js';
import { MISSING, modelVersion } from './versions.js';

export interface StageOptions {
  onProgress?: RunOptions['onProgress'];
}

/** Computes `plan`'s model into staging tables on `conn`. */
export async function stageModel(ctx: RunContext, conn: SqlConnection, plan: ModelPlan, options: StageOptions = {}): Promise<StagedModel> {
  const node = ctx.graph.nodes.get(plan.key) as ModelNode;
  const def = node.def;
  const run: RunOptions = { ...(ctx.signal ? { signal: ctx.signal } : {}), ...(options.onProgress ? { onProgress: options.onProgress, progressIntervalMs: 250 } : {}) };
  await assertInputsExist(ctx, conn, node);
  const rel = new Relations(conn, ctx, node);
  const reasons = plan.reasons.map((r) => r.message);
  let mode: StagedModel['mode'] = def.config.materialization === 'view' ? 'view' : plan.action === 'skip' ? 'full' : plan.action;
  if (mode === 'incremental') {
    for (const slice of plan.slices) {
      const why = await rel.cannotSlice(slice);
      if (why) {
        mode = 'full';
        reasons.push(`full rebuild: ${why}`);
        break;
      }
    }
  }
  const full = await rel.fullSql();
  const columns = await describeModel(conn, def, full.sql, full.original);
  const keyColumns = def.config.materialization === 'incremental' ? incrementalKeyColumns(def.config) : [];
  assertColumns(def, columns, keyColumns);
  const layer = def.layer;
  const stage = stageName(def.name);
  const stageRel = qualified(layer, stage);
  const affected = affectedName(def.name);
  const create = async (sql: string, original: boolean): Promise<void> => {
    try {
      await conn.run(`CREATE OR REPLACE TABLE ${stageRel} AS\n${sql}`, undefined, run);
    } catch (err) {
      throw modelError(def, err, original, 1);
    }
  };
  let slices: readonly InputSlice[] | undefined;
  let staged = false;
  /** Whether the affected keys (or partitions) hold a NULL, which key matching must then find. */
  let nullKeys = false;
  if (mode === 'incremental') {
    const target = await describeTarget(conn, layer, def.name);
    if (!sameColumns(target, columns)) {
      mode = 'full';
      reasons.push('full rebuild: the output columns changed');
    } else {
      slices = plan.slices;
      const variants = await rel.sliceVariants(plan.slices);
      const affectedRel = qualified(layer, affected);
      await conn.run(`CREATE OR REPLACE TABLE ${affectedRel} AS\n${affectedKeysSql(variants, keyColumns)}`, undefined, run);
      // Released quarantined rows go back into the stage at the gate: their keys are rebuilt too.
      const releasedKeys = def.config.checks.length > 0 ? await pendingReleaseKeysSql(conn, layer, def.name, keyColumns) : undefined;
      if (releasedKeys) await conn.run(`INSERT INTO ${affectedRel} (SELECT * FROM (${releasedKeys}) EXCEPT SELECT * FROM ${affectedRel})`, undefined, run);
      nullKeys = await hasNullKey(conn, affectedRel, keyColumns, run);
      const pushdown = findKeyPushdown(node.tree, keyColumns, await aggregateFunctions(conn));
      const recompute = pushdown ? await rel.keyedSql(pushdown, affectedRel, keyColumns, nullKeys) : full.sql;
      await create(newDataSql(recompute, affectedRel, keyColumns, nullKeys), false);
      staged = true;
    }
  }
  if (mode === 'backfill') {
    if (!sameColumns(await describeTarget(conn, layer, def.name), columns)) {
      throw new IngotError('MODEL_INVALID', `${def.id}: a backfill cannot change the model's columns, and they changed.`, {
        hint: `Rebuild the whole model with \`ingot run ${def.name} --full-refresh\`.`,
        detail: { file: def.sqlFile },
      });
    }
    const range = ctx.plan.partitions as { from: string; to: string };
    const column = def.config.partition_by as string;
    await create(partitionRangeSql(full.sql, column, range.from, range.to), false);
    const target = qualified(layer, def.name);
    const rangeSql = partitionRangeSql(`SELECT * FROM ${target}`, column, range.from, range.to);
    await conn.run(
      `CREATE OR REPLACE TABLE ${qualified(layer, affected)} AS
       SELECT DISTINCT q.${ident(column)} FROM (${rangeSql}) AS q UNION SELECT DISTINCT ${ident(column)} FROM ${stageRel}`,
      undefined,
      run,
    );
    nullKeys = await hasNullKey(conn, qualified(layer, affected), [column], run);
    staged = true;
  }
  if (mode === 'full') {
    await create(full.sql, full.original);
    staged = true;
  }
  if (mode === 'view') {
    // Without checks nothing is staged: the SELECT was validated by describing it, and a reader
    // in this run rebuilds the view on its own connection (relations.ts).
    if (def.config.checks.length > 0) {
      await create(full.sql, full.original);
      staged = true;
    }
  }
  const keepChangeLog = def.config.materialization === 'incremental' && hasIncrementalReader(ctx, plan.key);
  const oldRows = keepChangeLog && (mode === 'incremental' || mode === 'backfill') ? oldRowsName(def.name) : undefined;
  if (oldRows) {
    await conn.run(
      `CREATE OR REPLACE TABLE ${qualified(layer, oldRows)} AS
       SELECT t.* FROM ${qualified(layer, def.name)} AS t SEMI JOIN ${qualified(layer, affected)} AS a ON ${keyMatch('t', 'a', keyColumns, nullKeys)}`,
      undefined,
      run,
    );
  }
  // A backfill rebuilds a partition range only: released rows of other partitions wait for the next regular run.
  // Fixes made in quarantine replace their originals in whatever was computed again; a model
  // published by key or partition takes a fix only where it keeps that key.
  const fixKeys = mode === 'full' ? [] : mode === 'backfill' ? [...keyColumns, def.config.partition_by as string] : keyColumns;
  const gated = staged && def.config.checks.length > 0 ? await gate(ctx, conn, node, stageRel, mode !== 'backfill', mode === 'view' ? undefined : fixKeys) : null;
  const quality = gated?.quality ?? null;
  const uniqueKey = uniqueKeyColumns(def.config);
  const provenUnique = def.config.checks.length === 0 && uniqueByConstruction(node.tree, uniqueKey, (schema, table) => enforcedKey(ctx, `${schema}.${table}`));
  if (staged && uniqueKey.length > 0 && !provenUnique) {
    await assertUniqueKey(conn, stageRel, uniqueKey, def.id, def.sidecarFile ?? def.sqlFile, mode === 'full' ? 'model output' : 'new data', ctx.signal ? { signal: ctx.signal } : {}).catch((err: unknown) => {
      if (!(err instanceof IngotError) || gated?.releasedThrough === undefined) throw err;
      // The repeat may be a released row next to a newer delivery of its key, not the model's SQL.
      const where = `quarantine.${layer}_${def.name}`;
      throw new IngotError(err.code, err.message, {
        hint: `Rows released from ${where} went back in too; one may repeat a key that newer data brings. Fix or delete it there (it stays released), or ${lowerFirst(err.hint ?? 'deduplicate in the model.')}`,
        ...(err.detail ? { detail: err.detail } : {}),
      });
    });
  }
  const rowsOut = staged ? Number((await conn.one<{ n: number }>(`SELECT count(*) AS n FROM ${stageRel}`))?.n ?? 0) : null;
  const rowsIn = await rel.rowsIn(mode === 'incremental' ? slices : undefined);
  // A backfill rebuilds some partitions only: the others still hold what the last full build's SQL,
  // config and inputs made, so the model keeps that build's versions and the next plan still sees
  // a changed SQL, config or input and rebuilds the rest.
  const previous = mode === 'backfill' ? ctx.plan.states.get(plan.key) : undefined;
  if (previous && (previous.sqlHash !== plan.sqlHash || previous.configHash !== plan.configHash)) {
    reasons.push(`its ${previous.sqlHash !== plan.sqlHash ? 'SQL' : 'config'} changed since it was last built in full: partitions outside the range keep their old results until the next run rebuilds them`);
  }
  const inputs = previous ? { ...previous.inputs } : inputVersions(ctx, node);
  const sqlHash = previous?.sqlHash ?? plan.sqlHash;
  const configHash = previous?.configHash ?? plan.configHash;
  const fingerprint = modelFingerprint(sqlHash, configHash, inputs);
  const target: PublishTarget = {
    key: plan.key,
    layer,
    name: def.name,
    materialization: def.config.materialization,
    runId: ctx.runId,
    previous: ctx.plan.states.get(plan.key),
    keepChangeLog,
    fingerprint,
    sqlHash,
    configHash,
    inputs,
  };
  const finalMode = mode;
  const isView = def.config.materialization === 'view';
  return {
    key: plan.key,
    def,
    mode: finalMode,
    stage: staged ? stage : undefined,
    affected: finalMode === 'incremental' || finalMode === 'backfill' ? affected : undefined,
    oldRows,
    keyColumns,
    nullKeys,
    published: false,
    rowsIn,
    rowsOut,
    bytes: rowsOut === null ? null : estimateBytes(columns, rowsOut),
    fingerprint,
    quality,
    reasons,
    publish: async (tx) => {
      if (isView) await publishView(tx, target, def.sql);
      else if (finalMode === 'full') await publishTable(tx, target, rowsOut);
      else await publishIncremental(tx, target, { stage, affected, oldRows }, keyColumns, nullKeys);
      // Released rows count as re-processed only once the model they went into is published.
      if (gated?.releasedThrough !== undefined) await stampReleasedOnPublish(tx, layer, def.name, ctx.runId, gated.releasedThrough);
    },
    discard: async (c) => {
      await dropRelation(c, layer, stage);
      await dropRelation(c, layer, affected);
      if (oldRows) await dropRelation(c, layer, oldRows);
    },
  };
}

async function assertInputsExist(ctx: RunContext, conn: SqlConnection, node: ModelNode): Promise<void> {
  for (const input of node.inputs) {
    if (ctx.built.has(input)) continue;
    const model = ctx.graph.nodes.get(input)?.def;
    const source = ctx.graph.sources.get(input);
    const [schema, name] = model ? [model.layer, model.name] : ['bronze', source?.name ?? input.slice(7)];
    if (await relationKind(conn, schema, name)) continue;
    if (model) {
      throw new IngotError('RUN_FAILED', `${node.def.id} reads ${model.id}, which has not been built yet.`, {
        hint: `Run \`ingot run +${node.def.name}\` to build it together with the models it reads.`,
        detail: { file: node.def.sqlFile, input: model.id },
      });
    }
    throw new IngotError('RUN_FAILED', `${node.def.id} reads bronze.${name}, which holds no data yet.`, {
      hint: `Ingest the source first (\`ingot ingest ${name}\`), then run again.`,
      detail: { file: node.def.sqlFile, input: `bronze.${name}` },
    });
  }
}

async function describeModel(conn: SqlConnection, def: ModelNode['def'], sql: string, original: boolean): Promise<ColumnInfo[]> {
  try {
    return await conn.describe(sql);
  } catch (err) {
    if (original) throw modelError(def, err, true);
    // The statement reads staged relations; look for the same mistake in the model's own text.
    const located = await conn.describe(def.sql).then(
      () => undefined,
      (e: unknown) => modelError(def, e, true),
    );
    throw located instanceof IngotError && typeof located.detail?.line === 'number' ? located : modelError(def, err, false);
  }
}

function assertColumns(def: ModelNode['def'], columns: readonly ColumnInfo[], keyColumns: readonly string[]): void {
  const names = new Set(columns.map((c) => c.name.toLowerCase()));
  const field = def.config.partition_by !== undefined ? 'partition_by' : 'unique_key';
  for (const key of keyColumns) {
    if (names.has(key.toLowerCase())) continue;
    throw new IngotError('MODEL_INVALID', `${def.sidecarFile ?? def.sqlFile}: ${field} column "${key}" is not in the output of ${def.id}.`, {
      hint: `The model's SELECT returns: ${columns.map((c) => c.name).join(', ')}. Add "${key}" to the SELECT or fix ${field} in the sidecar.`,
      detail: { file: def.sidecarFile ?? def.sqlFile, field, columnName: key },
    });
  }
  const seen = new Set<string>();
  for (const c of columns) {
    const lower = c.name.toLowerCase();
    if (seen.has(lower)) {
      throw new IngotError('MODEL_INVALID', `${def.sqlFile}: ${def.id} returns two columns named "${c.name}".`, {
        hint: 'Give every output column its own name with AS.',
        detail: { file: def.sqlFile, columnName: c.name },
      });
    }
    seen.add(lower);
  }
}

async function describeTarget(conn: SqlConnection, layer: string, name: string): Promise<ColumnInfo[]> {
  return conn.describe(`SELECT * FROM ${qualified(layer, name)}`);
}

function sameColumns(a: readonly ColumnInfo[], b: readonly ColumnInfo[]): boolean {
  if (a.length !== b.length) return false;
  const byName = new Map(a.map((c) => [c.name.toLowerCase(), c.type]));
  return b.every((c) => byName.get(c.name.toLowerCase()) === c.type);
}

async function gate(
  ctx: RunContext,
  conn: SqlConnection,
  node: ModelNode,
  stagingTable: string,
  reprocessReleased: boolean,
  fixKeys: readonly string[] | undefined,
): Promise<{ quality: ModelQuality; releasedThrough?: number }> {
  const def = node.def;
  const file = def.sidecarFile ?? def.sqlFile;
  const knownTables = [...[...ctx.graph.nodes.values()].map((n) => n.def.id), ...[...ctx.graph.sources.values()].map((s) => s.id)];
  const result = await runQualityGate({
    conn,
    runId: ctx.runId,
    layer: def.layer,
    model: def.name,
    stagingTable,
    checks: def.config.checks,
    file,
    knownTables,
    reprocessReleased,
    deferReprocessedMark: true,
    ...(fixKeys ? { reapplyFixes: { keyColumns: fixKeys } } : {}),
    ...(ctx.signal ? { signal: ctx.signal } : {}),
  });
  const quality: ModelQuality = {
    outcome: result.outcome,
    quarantined: result.quarantined,
    checks: result.results.map(({ name, kind, severity, status, failingRows, totalRows, message }) => ({ name, kind, severity, status, failingRows, totalRows, message })),
  };
  if (result.outcome === 'error') {
    const failing = result.results.filter((r) => r.status === 'fail' || r.status === 'error');
    // Each check says what it found: "3 of 120 rows have NULL in customer_id", "0 rows, expected at least 1".
    const list = failing.map((r) => `${r.name}: ${r.message}`).join('; ');
    throw new QualityBlocked(quality, `${def.id} failed its checks and was not published. ${list || 'See the check results'}.`, file);
  }
  return { quality, ...(result.releasedThrough !== undefined ? { releasedThrough: result.releasedThrough } : {}) };
}

function inputVersions(ctx: RunContext, node: ModelNode): Record<string, string> {
  const out: Record<string, string> = {};
  for (const input of node.inputs) {
    out[input] = ctx.built.has(input) ? modelVersion(ctx.runId) : (ctx.plan.inputVersions.get(input) ?? MISSING);
  }
  return out;
}

/** The unique key the runner keeps for model `key` (incremental models with unique_key), if any. */
function enforcedKey(ctx: RunContext, key: string): readonly string[] | undefined {
  const config = ctx.graph.nodes.get(key)?.def.config;
  return config?.materialization === 'incremental' ? uniqueKeyColumns(config) : undefined;
}

function hasIncrementalReader(ctx: RunContext, key: string): boolean {
  return (ctx.graph.downstream.get(key) ?? []).some((d) => ctx.graph.nodes.get(d)?.def.config.materialization === 'incremental');
}

/** Uncompressed size estimate of `rows` rows of `columns` (strings counted at 16 bytes). */
export function estimateBytes(columns: readonly ColumnInfo[], rows: number): number {
  const width = columns.reduce((sum, c) => sum + typeWidth(c.type), 0);
  return Math.round(width * rows);
}

function typeWidth(type: string): number {
  const t = type.toUpperCase();
  if (t === 'BOOLEAN' || t === 'TINYINT' || t === 'UTINYINT') return 1;
  if (t === 'SMALLINT' || t === 'USMALLINT') return 2;
  if (t === 'INTEGER' || t === 'UINTEGER' || t === 'FLOAT' || t === 'DATE') return 4;
  if (t === 'BIGINT' || t === 'UBIGINT' || t === 'DOUBLE' || t.startsWith('TIMESTAMP') || t === 'TIME') return 8;
  if (t.startsWith('DECIMAL')) return 8;
  return 16;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
