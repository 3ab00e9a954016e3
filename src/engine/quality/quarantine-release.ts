// Releasing quarantined rows so they are processed again. The design:
//   1. `releaseQuarantined` flags held rows (`_released_at`, `_release_id`) that match a filter —
//      after the user fixed the rows in the quarantine table, or fixed the check.
//   2. On the model's next run the gate puts every released, not yet re-processed row back into
//      the staging table (unless an identical row is already staged) before the checks run.
//   3. The checks judge them like any other row: a fixed row passes and is published; a row that
//      still fails is quarantined again under the new run. When the run publishes, the released
//      rows are stamped with `_reprocessed_run_id` in the transaction that publishes the model; if
//      the gate stops the model, or the run does not publish it, they stay released for the run after.
import { IngotError } from '../../shared/errors.js';
import type { SqlConnection } from '../db/connection.js';
import { lineColumn } from '../db/errors.js';
import { ident } from '../db/sql.js';
import { logQuarantine, QUARANTINE_READABLE_COLUMNS, quarantineExists, quarantineModelColumns, quarantineTable } from './quarantine-table.js';
import { sameRowSql, valueColumns } from './quarantine-split.js';
import { singleSelectProblem } from './sql-guard.js';

const PENDING = '_released_at IS NOT NULL AND _reprocessed_run_id IS NULL';

export interface ReleaseResult {
  releaseId: number;
  released: number;
}

/** Flags held rows matching `filter` (a SQL condition; all held rows when omitted) for re-processing. */
export async function releaseQuarantined(conn: SqlConnection, layer: string, model: string, filter?: string): Promise<ReleaseResult> {
  if (!(await quarantineExists(conn, layer, model))) {
    throw new IngotError('NOT_FOUND', `Nothing of ${layer}.${model} has been quarantined, so there is nothing to release.`, {
      hint: '`ingot quarantine <model>` lists quarantined rows.',
    });
  }
  const table = quarantineTable(layer, model);
  const given = filter !== undefined && filter.trim() !== '';
  const where = given ? `(${filter})` : 'TRUE';
  // As the only item of a select list the filter must be one whole expression: unbalanced
  // parentheses such as `a = 1) OR (TRUE` cannot reach past its own condition.
  const problem = given ? ((await singleSelectProblem(conn, `SELECT ${filter} FROM ${table}`)) ?? (await singleSelectProblem(conn, `SELECT * FROM ${table} WHERE ${where}`))) : undefined;
  if (problem) {
    throw new IngotError('INVALID_INPUT', `The release filter is not one SQL condition: ${problem}`, {
      hint: `Write a condition on the columns of quarantine.${layer}_${model}, e.g. "status = 'shipped_late'" or "_run_id = 12".`,
      detail: { field: 'filter' },
    });
  }
  if (given) await assertFilterRuns(conn, layer, model, filter);
  return conn.transaction(async (tx) => {
    const id = Number((await tx.one<{ id: number }>("SELECT nextval('_ingot.release_seq') AS id"))?.id);
    const released = await tx.run(`UPDATE ${table} SET _released_at = now()::TIMESTAMP, _release_id = ? WHERE _released_at IS NULL AND (${where})`, [id]);
    await tx.run('INSERT INTO _ingot.quarantine_releases (release_id, layer, model, filter, rows_released) VALUES (?, ?, ?, ?, ?)', [
      id,
      layer,
      model,
      filter ?? null,
      released,
    ]);
    return { releaseId: id, released };
  });
}

/**
 * Runs the filter once on its own, so an unknown column or a wrong type is reported at its place
 * in the user's condition (line and column within it), not in the SQL Ingot wraps around it.
 */
async function assertFilterRuns(conn: SqlConnection, layer: string, model: string, filter: string): Promise<void> {
  const table = quarantineTable(layer, model);
  const prefix = `SELECT count(*) AS n FROM ${table} WHERE (`;
  const err = await conn.one(`${prefix}${filter}\n)`).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (err === undefined) return;
  if (!(err instanceof IngotError) || err.code !== 'SQL_ERROR') throw err;
  const offset = typeof err.detail?.sqlPosition === 'number' ? err.detail.sqlPosition - prefix.length : undefined;
  const inFilter = offset !== undefined && offset >= 0 && offset <= filter.length ? offset : undefined;
  const at = inFilter !== undefined ? lineColumn(filter, inFilter) : undefined;
  const where = at === undefined ? '' : filter.includes('\n') ? ` (line ${at.line}, column ${at.column} of the filter)` : ` (column ${at.column} of the filter)`;
  const why = err.message.replace(/ \(line \d+, column \d+\)$/, '').replace(/^[A-Za-z ]+ Error: /, '').replace(' in FROM clause!', '');
  const columns = (await conn.describe(`SELECT ${QUARANTINE_READABLE_COLUMNS} FROM ${table}`).catch(() => [])).map((c) => c.name);
  throw new IngotError('INVALID_INPUT', `The release filter does not run on quarantine.${layer}_${model}: ${why}${where}`, {
    hint: `Write a condition on the columns of quarantine.${layer}_${model}${columns.length > 0 ? ` (${columns.join(', ')})` : ''}, e.g. "_run_id = 12".`,
    detail: { field: 'filter', sql: filter, ...(inFilter !== undefined && at ? { sqlPosition: inFilter, line: at.line, column: at.column } : {}) },
  });
}

/**
 * Gate step 2: appends released rows to the staging table. Returns the released rows waiting and
 * how many went in (a row identical to one already staged is not added twice).
 */
export async function restageReleased(conn: SqlConnection, layer: string, model: string, stagingTable: string): Promise<{ pending: number; inserted: number; through?: number }> {
  if (!(await quarantineExists(conn, layer, model))) return { pending: 0, inserted: 0 };
  const table = quarantineTable(layer, model);
  const waiting = await conn.one<{ n: number; through: number | null }>(`SELECT count(*) AS n, max(_release_id) AS through FROM ${table} WHERE ${PENDING}`);
  const pending = Number(waiting?.n ?? 0);
  if (pending === 0) return { pending, inserted: 0 };
  // Rows released after this point (a release while the run goes on) wait for the next run.
  const through = Number(waiting?.through);
  const staged = new Set((await conn.describe(`SELECT * FROM ${stagingTable}`)).map((c) => c.name.toLowerCase()));
  const common = (await quarantineModelColumns(conn, layer, model)).filter((c) => staged.has(c.name.toLowerCase()));
  const cols = common.map((c) => `q.${ident(c.name)}`).join(', ');
  // A row already staged with the same values (lineage aside: a fix put in place of its
  // re-delivered original keeps the new delivery's lineage) is not added again.
  const sameValues = valueColumns(common);
  const inserted = await conn.run(
    `INSERT INTO ${stagingTable} BY NAME
     SELECT ${cols} FROM ${table} AS q
     WHERE q._released_at IS NOT NULL AND q._reprocessed_run_id IS NULL AND q._release_id <= ${through}
       AND NOT EXISTS (SELECT 1 FROM ${stagingTable} AS s WHERE ${sameRowSql('s', 'q', sameValues)})`,
  );
  return { pending, inserted, through };
}

/**
 * The distinct `keyColumns` of the released rows the next gate will put back, as SQL; undefined
 * when none wait (or the quarantine table lacks a key column). A model published by key counts
 * these keys as affected and rebuilds them, so a released row replaces its key's rows in the
 * target as it would in a full rebuild, instead of being added next to them.
 */
export async function pendingReleaseKeysSql(conn: SqlConnection, layer: string, model: string, keyColumns: readonly string[]): Promise<string | undefined> {
  if (!(await quarantineExists(conn, layer, model))) return undefined;
  const present = new Set((await quarantineModelColumns(conn, layer, model)).map((c) => c.name.toLowerCase()));
  if (!keyColumns.every((k) => present.has(k.toLowerCase()))) return undefined;
  if ((await pendingReleaseCount(conn, layer, model)) === 0) return undefined;
  return `SELECT DISTINCT ${keyColumns.map(ident).join(', ')} FROM ${quarantineTable(layer, model)} WHERE ${PENDING}`;
}

/** Released rows of `layer.model` that no run has taken back in yet (0 without a quarantine table). */
export async function pendingReleaseCount(conn: SqlConnection, layer: string, model: string): Promise<number> {
  if (!(await quarantineExists(conn, layer, model))) return 0;
  return Number((await conn.one<{ n: number }>(`SELECT count(*) AS n FROM ${quarantineTable(layer, model)} WHERE ${PENDING}`))?.n ?? 0);
}

/** Stamps the released rows a run took back in (release ids up to `through`); returns how many. */
export async function markReleasedReprocessed(conn: SqlConnection, layer: string, model: string, runId: number, through: number): Promise<number> {
  if (!(await quarantineExists(conn, layer, model))) return 0;
  return conn.run(`UPDATE ${quarantineTable(layer, model)} SET _reprocessed_run_id = ? WHERE ${PENDING} AND _release_id <= ?`, [runId, through]);
}

/** markReleasedReprocessed from the publishing transaction, recorded in the run's quarantine log. */
export async function stampReleasedOnPublish(tx: SqlConnection, layer: string, model: string, runId: number, through: number): Promise<void> {
  const reprocessed = await markReleasedReprocessed(tx, layer, model, runId, through);
  if (reprocessed === 0) return;
  const logged = await tx.run('UPDATE _ingot.quarantine_log SET reprocessed = ? WHERE run_id = ? AND layer = ? AND model = ?', [reprocessed, runId, layer, model]);
  if (logged === 0) await logQuarantine(tx, { runId, layer, model, quarantined: 0, superseded: 0, reprocessed });
}
