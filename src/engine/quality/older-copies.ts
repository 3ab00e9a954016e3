// The older copies a `unique … dedup: keep_latest` check sets aside: rows of a key that a later
// delivery of the same key supersedes. The gate marks them before anything is counted (their row
// ids in a temp table), so every other check judges the rows the model would publish: older
// copies are not counted, not in the denominator of a percentage threshold, and not held in
// quarantine for another check. The dedup checks themselves still judge every staged row.
// Finding older copies groups the rows by key; a key that packs into a bitmap (db/key-bitmap.ts)
// is counted first, so a stage whose keys do not repeat is never grouped.
import { IngotError } from '../../shared/errors.js';
import type { ColumnInfo, RunOptions, SqlConnection } from '../db/connection.js';
import { repeatedRowsBitmapSql, type KeyRanges } from '../db/key-bitmap.js';
import { withPerfectGroupBy } from '../db/perfect-group-by.js';
import { ident, literal } from '../db/sql.js';
import type { CheckDef, UniqueCheck } from './check-def.js';
import { uniqueFailuresSql, type ColumnLookup } from './row-conditions.js';

/** Temp table of the older copies: one row per (row id, dedup check that set it aside). */
const OLDER_COPIES = ident('__ingot_older_copies');

export interface OlderCopies {
  /** The quoted temp table holding `__ingot_rowid` and `__ingot_check`. */
  table: string;
  /** Rows set aside by each dedup check that set any aside. */
  counts: ReadonlyMap<string, number>;
  /** Staged rows set aside by any of them (a row may be an older copy of two keys). */
  rows: number;
  /** The statements that marked them, for "show SQL". */
  sql: string;
}

export interface MarkInput {
  /** Quoted staging table (a base table: row ids identify the rows). */
  table: string;
  columns: readonly ColumnInfo[];
  column: ColumnLookup;
  /** Validated checks; only the keep_latest dedups among them mark rows. */
  checks: readonly CheckDef[];
  keyRanges?: KeyRanges;
  options?: RunOptions;
}

/** A unique check that keeps the latest row of each key and sets the older copies aside. */
export function keepsLatest(def: CheckDef): def is UniqueCheck {
  return def.kind === 'unique' && def.dedup === 'keep_latest';
}

/**
 * Marks the older copies in the stage; undefined when no dedup sets a row aside (then nothing is
 * left behind). Otherwise the caller drops the temp table (`dropOlderCopies`) when done with it.
 */
export async function markOlderCopies(conn: SqlConnection, input: MarkInput): Promise<OlderCopies | undefined> {
  const dedups = await withRepeatedKeys(conn, input, input.checks.filter(keepsLatest));
  if (dedups.length === 0) return undefined;
  const statements = [`CREATE OR REPLACE TEMP TABLE ${OLDER_COPIES} (__ingot_rowid BIGINT, __ingot_check VARCHAR)`];
  await conn.run(statements[0] ?? '', undefined, input.options);
  const counts = new Map<string, number>();
  try {
    for (const def of dedups) {
      const rows = uniqueFailuresSql(def, input.table, input.column, input.columns, 'rowid AS __ingot_rowid');
      const insert = `INSERT INTO ${OLDER_COPIES}\nSELECT __ingot_rowid, ${literal(def.name)} FROM (\n${rows})`;
      const key = def.columns.map(input.column);
      const n = await withPerfectGroupBy(conn, key, input.keyRanges ?? new Map(), () => conn.run(insert, undefined, input.options)).catch((err: unknown) => {
        // A dedup that cannot run here is left to the one pass, which reports it.
        if (err instanceof IngotError && err.code === 'SQL_ERROR') return 0;
        throw err;
      });
      statements.push(insert);
      if (n > 0) counts.set(def.name, n);
    }
  } catch (err) {
    await dropOlderCopies(conn);
    throw err;
  }
  if (counts.size === 0) {
    await dropOlderCopies(conn);
    return undefined;
  }
  const distinct = counts.size === 1 ? [...counts.values()][0] : (await conn.one<{ n: unknown }>(`SELECT count(DISTINCT __ingot_rowid) AS n FROM ${OLDER_COPIES}`))?.n;
  return { table: OLDER_COPIES, counts, rows: Number(distinct ?? 0), sql: statements.map((s) => `${s};`).join('\n\n') };
}

/** Drops the temp table of older copies, if there is one. */
export async function dropOlderCopies(conn: SqlConnection): Promise<void> {
  await conn.run(`DROP TABLE IF EXISTS ${OLDER_COPIES}`);
}

/** `rowid NOT IN (…)`: TRUE for a staged row that no dedup sets aside. */
export function keptCondition(copies: Pick<OlderCopies, 'table'>): string {
  return `rowid NOT IN (SELECT __ingot_rowid FROM ${copies.table})`;
}

/** The staged rows left once older copies are set aside, as a subquery to read FROM. */
export function keptRowsSql(table: string, copies: Pick<OlderCopies, 'table'>): string {
  return `(SELECT * FROM ${table} WHERE ${keptCondition(copies)}) AS kept`;
}

/** The number of rows one dedup check set aside, read back from the temp table. */
export function olderCopiesCountSql(copies: Pick<OlderCopies, 'table'>, check: string): string {
  return `(SELECT count(*) FROM ${copies.table} WHERE __ingot_check = ${literal(check)})`;
}

/**
 * The dedups whose keys may repeat: a key that packs into a bitmap is counted first (one scan of
 * the key columns for all of them) and left out when no key repeats; the others may always.
 */
async function withRepeatedKeys(conn: SqlConnection, input: MarkInput, dedups: readonly UniqueCheck[]): Promise<UniqueCheck[]> {
  const bitmaps = dedups.map((def) => (input.keyRanges ? repeatedRowsBitmapSql(def.columns.map(input.column), input.keyRanges) : undefined));
  const counted = bitmaps.flatMap((sql, i) => (sql === undefined ? [] : [`${sql} AS ${ident(`k${i}`)}`]));
  if (counted.length === 0) return [...dedups];
  const row = await conn.one(`SELECT ${counted.join(', ')} FROM ${input.table}`, undefined, input.options).catch((err: unknown) => {
    if (err instanceof IngotError && err.code === 'SQL_ERROR') return undefined;
    throw err;
  });
  return dedups.filter((_, i) => bitmaps[i] === undefined || row === undefined || Number(row[`k${i}`] ?? 1) > 0);
}
