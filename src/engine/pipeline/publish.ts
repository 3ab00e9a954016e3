// Making a staged model visible, inside a transaction the caller owns: swap a staged table in,
// (re)create a view, or apply an incremental build (delete the affected keys or partitions,
// insert the new rows). The model's state and its change log are written in the same
// transaction, so data, fingerprint and watermarks can never disagree after a crash.
import type { SqlConnection } from '../db/connection.js';
import { ident, qualified } from '../db/sql.js';
import { keyMatch } from './incremental.js';
import type { ModelState } from './model-state.js';
import { writeModelState } from './model-state.js';
import { changeLog, dropRelation, relationKind, stageName, swapInStaged } from './staging.js';
import { pauseForTest } from './test-hooks.js';

export interface PublishTarget {
  key: string;
  layer: string;
  name: string;
  materialization: string;
  runId: number;
  previous: ModelState | undefined;
  /** True when an incremental model reads this one, so its changes must be logged. */
  keepChangeLog: boolean;
  fingerprint: string;
  sqlHash: string;
  configHash: string;
  inputs: Record<string, string>;
}

/** Replaces the table with the staged one (full build of a table or incremental model). */
export async function publishTable(tx: SqlConnection, t: PublishTarget, rows: number | null): Promise<void> {
  await swapInStaged(tx, t.layer, t.name, () => pauseForTest('swap'));
  const log = changeLog(t.layer, t.name);
  await tx.run(`DROP TABLE IF EXISTS ${log}`);
  if (t.keepChangeLog) await createChangeLog(tx, log, qualified(t.layer, t.name));
  await writeModelState(tx, { ...stateOf(t), fullVersion: t.runId, changeLogSince: t.keepChangeLog ? t.runId : null, rowCount: rows });
}

/** (Re)creates the view from the model's own SQL; drops the staged view or check table if any. */
export async function publishView(tx: SqlConnection, t: PublishTarget, sql: string): Promise<void> {
  await dropRelation(tx, t.layer, stageName(t.name));
  if ((await relationKind(tx, t.layer, t.name)) === 'table') await tx.run(`DROP TABLE ${qualified(t.layer, t.name)}`);
  await tx.run(`CREATE OR REPLACE VIEW ${qualified(t.layer, t.name)} AS\n${sql}`);
  await writeModelState(tx, { ...stateOf(t), fullVersion: t.runId, changeLogSince: null, rowCount: null });
}

/**
 * Deletes the affected keys or partitions and inserts the staged rows. When readers need the
 * change log, `oldRows` holds the published rows being replaced (copied while staging).
 */
export async function publishIncremental(
  tx: SqlConnection,
  t: PublishTarget,
  names: { stage: string; affected: string; oldRows: string | undefined },
  keyColumns: readonly string[],
  nullKeys: boolean,
): Promise<void> {
  const target = qualified(t.layer, t.name);
  const staged = qualified(t.layer, names.stage);
  const keys = qualified(t.layer, names.affected);
  const log = changeLog(t.layer, t.name);
  const touched = `EXISTS (SELECT 1 FROM ${keys} AS a WHERE ${keyMatch('t', 'a', keyColumns, nullKeys)})`;
  let since: number | null = null;
  if (t.keepChangeLog) {
    const logExists = (await relationKind(tx, '_ingot', `changes__${t.layer}__${t.name}`)) === 'table';
    since = logExists && t.previous?.changeLogSince != null ? t.previous.changeLogSince : (t.previous?.version ?? t.runId);
    if (!logExists) await createChangeLog(tx, log, target);
    const old = names.oldRows ? qualified(t.layer, names.oldRows) : `(SELECT t.* FROM ${target} AS t WHERE ${touched})`;
    await tx.run(`INSERT INTO ${log} BY NAME SELECT o.*, ${t.runId}::BIGINT AS _ingot_version, 'delete' AS _ingot_change FROM ${old} AS o`);
  } else {
    await tx.run(`DROP TABLE IF EXISTS ${log}`);
  }
  const deleted = await tx.run(`DELETE FROM ${target} AS t WHERE ${touched}`);
  await pauseForTest('incremental');
  const inserted = await tx.run(`INSERT INTO ${target} BY NAME SELECT * FROM ${staged}`);
  if (t.keepChangeLog) await tx.run(`INSERT INTO ${log} BY NAME SELECT s.*, ${t.runId}::BIGINT AS _ingot_version, 'insert' AS _ingot_change FROM ${staged} AS s`);
  await tx.run(`DROP TABLE ${staged}`);
  await tx.run(`DROP TABLE ${keys}`);
  if (names.oldRows) await tx.run(`DROP TABLE IF EXISTS ${qualified(t.layer, names.oldRows)}`);
  const before = t.previous?.rowCount;
  const rows = before === null || before === undefined ? Number((await tx.one<{ n: number }>(`SELECT count(*) AS n FROM ${target}`))?.n ?? 0) : before - deleted + inserted;
  await writeModelState(tx, { ...stateOf(t), fullVersion: t.previous?.fullVersion ?? t.runId, changeLogSince: since, rowCount: rows });
}

/** Removes change-log entries every incremental reader has already consumed. */
export async function pruneChangeLog(tx: SqlConnection, layer: string, name: string, upTo: number, state: ModelState): Promise<void> {
  if (state.changeLogSince === null || upTo <= state.changeLogSince) return;
  await tx.run(`DELETE FROM ${changeLog(layer, name)} WHERE _ingot_version <= ?`, [upTo]);
  await tx.run('UPDATE _ingot.model_state SET change_log_since = ? WHERE model = ?', [upTo, state.model]);
}

async function createChangeLog(tx: SqlConnection, log: string, like: string): Promise<void> {
  await tx.run(`CREATE TABLE ${log} AS SELECT *, 0::BIGINT AS ${ident('_ingot_version')}, ''::VARCHAR AS ${ident('_ingot_change')} FROM ${like} LIMIT 0`);
}

function stateOf(t: PublishTarget): Omit<ModelState, 'builtAt' | 'fullVersion' | 'changeLogSince' | 'rowCount'> {
  return {
    model: t.key,
    layer: t.layer,
    name: t.name,
    materialization: t.materialization,
    fingerprint: t.fingerprint,
    sqlHash: t.sqlHash,
    configHash: t.configHash,
    inputs: t.inputs,
    version: t.runId,
  };
}
