// Fixing a held row in place, for users of the app (whose SQL screen only reads): the row is named
// by the values the app shows (its model columns plus `_run_id` and `_quarantined_at`), and the
// new values arrive as text, cast here to each column's type. Identical held rows cannot be told
// apart, so they are fixed alike. `_original_hash` is left alone: it keeps the fingerprint of the
// row as the model produced it, which is what lets the fix outlive later rebuilds
// (quarantine-fixes.ts). With `release` the fixed rows are released in the same transaction, so
// the model's next run publishes them.
import { IngotError } from '../../shared/errors.js';
import type { ColumnInfo, SqlConnection } from '../db/connection.js';
import { ident, sqlValue } from '../db/sql.js';
import { closest } from './closest-name.js';
import { QUARANTINE_COLUMNS, quarantineExists, quarantineTable, quarantineTableName, rowFingerprintSql } from './quarantine-table.js';

/** A value as text, or null for SQL NULL. */
export type TextValue = string | null;

export interface FixRowOptions {
  /** Release the fixed rows too, so the model's next run takes them back in. */
  release?: boolean;
}

export interface FixRowResult {
  /** Held rows changed: more than one when identical held rows were fixed alike. */
  fixed: number;
  /** Rows released with the fix (0 without `release`). */
  released: number;
  /** The release, when the rows were released. */
  releaseId: number | null;
}

/**
 * Types whose values the app cannot show exactly as text (a BLOB is shown cut short, nanoseconds
 * are cut to microseconds, a MAP is shown as JSON): they do not take part in naming the row.
 */
const INEXACT_AS_TEXT = /\bBLOB\b|TIMESTAMP_NS|\bMAP\(/i;

/** The bookkeeping columns that, with the model columns, name a held row. */
const ROW_IDENTITY = ['_run_id', '_quarantined_at'];
const BOOKKEEPING = new Set(QUARANTINE_COLUMNS.map((c) => c.name.toLowerCase()));

/**
 * Sets `changes` (model column → new value as text, null for NULL) on the held rows of
 * `quarantine.<layer>_<model>` equal to `row`, and returns how many changed. NOT_FOUND when no held
 * row matches any more (it was fixed, released or replaced by a run meanwhile).
 */
export async function fixQuarantinedRow(
  conn: SqlConnection,
  layer: string,
  model: string,
  row: Readonly<Record<string, TextValue>>,
  changes: Readonly<Record<string, TextValue>>,
  options: FixRowOptions = {},
): Promise<FixRowResult> {
  const name = `quarantine.${quarantineTableName(layer, model)}`;
  if (!(await quarantineExists(conn, layer, model))) {
    throw new IngotError('NOT_FOUND', `Nothing of ${layer}.${model} has been quarantined, so there is no held row to fix.`, {
      hint: 'Rows are held when a check with severity quarantine fails during a run.',
      detail: { field: 'model' },
    });
  }
  const table = quarantineTable(layer, model);
  const columns = await conn.describe(`SELECT * FROM ${table}`);
  const modelColumns = columns.filter((c) => !BOOKKEEPING.has(c.name.toLowerCase()));
  const edits = checkedChanges(name, modelColumns, changes, options.release === true);
  const identity = rowIdentity(name, columns, modelColumns, row);
  for (const { column, value } of edits) await assertCasts(conn, column, value);

  // Column types are DuckDB's own text for them (from describe), never the caller's.
  const params: unknown[] = [];
  const assignments = edits.map(({ column, value }) => {
    params.push(value);
    return `${ident(column.name)} = CAST(?::VARCHAR AS ${column.type})`;
  });
  const matches = identity.map(({ column, value }) => {
    if (value === null) return `${ident(column.name)} IS NULL`;
    params.push(value);
    // TRY_CAST: a value that no longer reads as the column's type simply matches no row.
    return `${ident(column.name)} IS NOT DISTINCT FROM TRY_CAST(?::VARCHAR AS ${column.type}) AND ${ident(column.name)} IS NOT NULL`;
  });
  const where = ['_released_at IS NULL', ...matches].join('\n  AND ');
  const whereParams = params.slice(edits.length);

  return conn.transaction(async (tx) => {
    const found = Number((await tx.one<{ n: number }>(`SELECT count(*) AS n FROM ${table} WHERE ${where}`, whereParams))?.n ?? 0);
    if (found === 0) {
      throw new IngotError('NOT_FOUND', `No held row of ${name} matches the row to fix: it was changed, released or replaced by a run since it was read.`, {
        hint: 'Reload the quarantine and pick the row again.',
        detail: { field: 'row' },
      });
    }
    const release = options.release === true ? Number((await tx.one<{ id: number }>("SELECT nextval('_ingot.release_seq') AS id"))?.id) : null;
    // A row held before Ingot kept fingerprints gets its original's now, from the values before the fix.
    const fingerprint = `_original_hash = coalesce(_original_hash, ${rowFingerprintSql(table, modelColumns)})`;
    const sets = [...assignments, fingerprint, ...(release === null ? [] : ['_released_at = now()::TIMESTAMP', `_release_id = ${sqlValue(release)}`])];
    const fixed = await tx.run(`UPDATE ${table} SET ${sets.join(', ')} WHERE ${where}`, params);
    if (release === null) return { fixed, released: 0, releaseId: null };
    await tx.run('INSERT INTO _ingot.quarantine_releases (release_id, layer, model, filter, rows_released) VALUES (?, ?, ?, ?, ?)', [
      release,
      layer,
      model,
      // The condition that names the released rows now that their values changed.
      `_release_id = ${sqlValue(release)}`,
      fixed,
    ]);
    return { fixed: edits.length === 0 ? 0 : fixed, released: fixed, releaseId: release };
  });
}

type Edit = { column: ColumnInfo; value: TextValue };

/** The changes as model columns, refusing Ingot's own columns and names the table does not have. */
function checkedChanges(name: string, modelColumns: readonly ColumnInfo[], changes: Readonly<Record<string, TextValue>>, releasing: boolean): Edit[] {
  const byName = new Map(modelColumns.map((c) => [c.name.toLowerCase(), c]));
  const edits: Edit[] = [];
  for (const [field, value] of Object.entries(changes)) {
    if (field.startsWith('_')) {
      throw new IngotError('INVALID_INPUT', `${field} is a column Ingot keeps for its own bookkeeping (run, lineage or release); a fix cannot change it.`, {
        hint: 'Change the values of the model columns only.',
        detail: { field },
      });
    }
    const column = byName.get(field.toLowerCase());
    if (!column) {
      const near = closest(field, [...byName.values()].map((c) => c.name));
      throw new IngotError('INVALID_INPUT', `${name} has no column ${field}${near ? ` (did you mean ${near}?)` : ''}.`, {
        hint: `Its columns: ${modelColumns.map((c) => c.name).join(', ')}.`,
        detail: { field },
      });
    }
    edits.push({ column, value });
  }
  if (edits.length === 0 && !releasing) {
    throw new IngotError('INVALID_INPUT', 'The fix changes no value.', { hint: 'Give at least one column a new value, or release the row unchanged.', detail: { field: 'changes' } });
  }
  return edits;
}

/** The row's model columns plus `_run_id` and `_quarantined_at`, each of which it must give. */
function rowIdentity(name: string, columns: readonly ColumnInfo[], modelColumns: readonly ColumnInfo[], row: Readonly<Record<string, TextValue>>): Edit[] {
  const given = new Map(Object.entries(row).map(([k, v]) => [k.toLowerCase(), v]));
  const known = new Set(columns.map((c) => c.name.toLowerCase()));
  const unknown = [...given.keys()].find((k) => !known.has(k));
  if (unknown !== undefined) {
    throw new IngotError('INVALID_INPUT', `The row to fix has a column ${name} does not have: ${unknown}.`, {
      hint: 'Reload the quarantine: the model may have changed since the row was read.',
      detail: { field: `row.${unknown}` },
    });
  }
  const wanted = [...modelColumns.filter((c) => !INEXACT_AS_TEXT.test(c.type)), ...columns.filter((c) => ROW_IDENTITY.includes(c.name.toLowerCase()))];
  return wanted.map((column) => {
    const key = column.name.toLowerCase();
    if (!given.has(key)) {
      throw new IngotError('INVALID_INPUT', `The row to fix does not give its value of ${column.name}, so Ingot cannot tell which held row it is.`, {
        hint: `Give every column of ${name} but the release columns, as the quarantine lists them; reload it if the model gained a column.`,
        detail: { field: `row.${column.name}` },
      });
    }
    return { column, value: given.get(key) ?? null };
  });
}

/** Refuses a value that does not read as its column's type, naming the column, the value and the type. */
async function assertCasts(conn: SqlConnection, column: ColumnInfo, value: TextValue): Promise<void> {
  if (value === null) return;
  const cast = await conn.one<{ ok: boolean }>(`SELECT TRY_CAST(?::VARCHAR AS ${column.type}) IS NOT NULL AS ok`, [value]);
  if (cast?.ok) return;
  const shown = value.length > 60 ? `${value.slice(0, 60)}…` : value;
  throw new IngotError('INVALID_INPUT', `${column.name}: '${shown}' is not a value of type ${column.type}.`, {
    hint: `Write a ${column.type} value for ${column.name}, or set it to NULL.`,
    detail: { field: column.name },
  });
}
