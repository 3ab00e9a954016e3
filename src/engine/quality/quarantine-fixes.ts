// Fixes made in quarantine outlive a rebuild. A row is quarantined with `_original_hash`, the
// fingerprint of its values as the model produced them (bronze lineage columns left out, so a
// re-delivery of the same row has the same fingerprint). When the analyst edits it and releases
// it, the edited row is a fix of that original. A model built again from its inputs (every build
// of a table model, a full refresh, a re-delivered file) brings the original back; before the
// checks run, the gate replaces each staged original of a released fix by the fix's values (its
// lineage columns, if any, stay the staged row's: they say where the row came from this time), so
// the fix is published again instead of the original being held again.
//   - Only staged rows that fail a row-level quarantine check (a dedup too) are fingerprinted: an
//     original was quarantined for failing one, so the rest of the table is never hashed.
//   - Copies pair off one to one: two identical originals fixed two ways give both fixes, and an
//     original copy without a fix of its own stays as it is. The newest release pairs first.
//   - A fix that was itself quarantined again and fixed once more is followed to its last fix.
//   - With `keyColumns` (a model published by key or partition) a fix replaces its original only
//     when it keeps the original's key, so publishing by key never leaves a second row behind.
//   - A row released unchanged (the check was fixed, not the row) is no fix: nothing to replace.
//   - A fix applies while the model keeps the columns it had when the row was quarantined.
// Everything happens in SQL, in one transaction: released rows never pass through JavaScript.
import { IngotError } from '../../shared/errors.js';
import type { ColumnInfo, SqlConnection } from '../db/connection.js';
import { ident } from '../db/sql.js';
import { isLineageColumn } from '../ingest/lineage.js';
import type { CheckDef, RowLevelCheck } from './check-def.js';
import { ROW_LEVEL_KINDS } from './check-schema.js';
import { columnLookup } from './compile.js';
import { quarantineExists, quarantineTable, rowFingerprintSql } from './quarantine-table.js';
import { failCondition, uniqueFailuresSql } from './row-conditions.js';

const REPLACEMENTS = ident('__ingot_quarantine_fixed_rows');

/** How many fixes of fixes are followed, at most (a longer chain ends at its 8th fix). */
const MAX_CHAIN = 8;

export interface ReapplyInput {
  /** Quoted staging table (a base table: row ids identify the rows). */
  stagingTable: string;
  layer: string;
  model: string;
  checks: readonly CheckDef[];
  /** Key or partition columns the model is published by; a fix must keep them. Empty for a full rebuild. */
  keyColumns?: readonly string[];
}

/** Replaces staged originals of released fixes by the fixes; returns how many rows were replaced. */
export async function reapplyQuarantineFixes(conn: SqlConnection, input: ReapplyInput): Promise<number> {
  const { layer, model, stagingTable } = input;
  if (!(await quarantineExists(conn, layer, model))) return 0;
  const table = quarantineTable(layer, model);
  const held = new Set((await conn.describe(`SELECT * FROM ${table}`)).map((c) => c.name.toLowerCase()));
  const staged = await conn.describe(`SELECT * FROM ${stagingTable}`);
  if (!held.has('_original_hash') || !staged.every((c) => held.has(c.name.toLowerCase()))) return 0;
  const conditions = failingConditions(input.checks, stagingTable, staged);
  if (conditions.length === 0) return 0;
  // Most builds have no fix to keep: then the stage is not scanned for originals at all.
  const released = await conn.one<{ n: number }>(`SELECT count(*) AS n FROM ${table} WHERE _released_at IS NOT NULL AND _original_hash IS NOT NULL`);
  if (Number(released?.n ?? 0) === 0) return 0;
  const keys = (input.keyColumns ?? []).map((k) => columnLookup(staged)(k).name);
  const replace = (usable: readonly Condition[]): Promise<number> =>
    conn.transaction(async (tx) => {
      await tx.run(replacementsSql(table, stagingTable, staged, usable, keys));
      const replaced = await tx.run(`DELETE FROM ${stagingTable} WHERE rowid IN (SELECT __ingot_rowid FROM ${REPLACEMENTS})`);
      await tx.run(`INSERT INTO ${stagingTable} BY NAME SELECT * EXCLUDE (__ingot_rowid) FROM ${REPLACEMENTS}`);
      await tx.run(`DROP TABLE ${REPLACEMENTS}`);
      return replaced;
    });
  try {
    return await replace(conditions);
  } catch (err) {
    if (!(err instanceof IngotError) || err.code !== 'SQL_ERROR') throw err;
    // A relationships check whose target is not built yet cannot run; the other checks still find originals.
    const local = conditions.filter((c) => !c.readsOtherTables);
    if (local.length === 0 || local.length === conditions.length) return 0;
    return replace(local).catch((again: unknown) => {
      if (again instanceof IngotError && again.code === 'SQL_ERROR') return 0;
      throw again;
    });
  }
}

/**
 * The statement that collects, for each staged original of a released fix, its row id and the
 * row to put in its place. Fixes pair with the staged copies of their original one to one; each
 * then follows its chain of fixes of fixes to the last one.
 */
function replacementsSql(table: string, stagingTable: string, staged: readonly ColumnInfo[], conditions: readonly Condition[], keys: readonly string[]): string {
  const values = staged.map((c) => (isLineageColumn(c.name) ? `s.${ident(c.name)}` : `q.${ident(c.name)}`));
  const sameKey = keys.map((k) => ` AND s.${ident(k)} IS NOT DISTINCT FROM q.${ident(k)}`).join('');
  return `CREATE OR REPLACE TEMP TABLE ${REPLACEMENTS} AS
WITH RECURSIVE fixes AS (
  SELECT rowid AS id, _original_hash AS original, ${rowFingerprintSql('q', staged)} AS fixed, _release_id AS release_id
  FROM ${table} AS q
  WHERE _released_at IS NOT NULL AND _original_hash IS NOT NULL
), live AS (
  SELECT * FROM fixes WHERE fixed <> original
), successor AS (
  SELECT DISTINCT ON (original) original, id FROM live ORDER BY original, release_id DESC, id DESC
), chain(start, id, depth) AS (
  SELECT id, id, 0 FROM live
  UNION ALL
  SELECT c.start, s.id, c.depth + 1 FROM chain AS c JOIN live AS l ON l.id = c.id JOIN successor AS s ON s.original = l.fixed
  WHERE c.depth < ${MAX_CHAIN}
), last_fix AS (
  SELECT start, arg_max(id, depth) AS id FROM chain GROUP BY start
), paired_fixes AS (
  SELECT original, id, row_number() OVER (PARTITION BY original ORDER BY release_id DESC, id DESC) AS n FROM live
), originals AS (
  SELECT __ingot_rowid, fingerprint, row_number() OVER (PARTITION BY fingerprint ORDER BY __ingot_rowid) AS n
  FROM (SELECT rowid AS __ingot_rowid, ${rowFingerprintSql('st', staged)} AS fingerprint FROM ${stagingTable} AS st WHERE ${conditions.map((c) => c.sql).join('\n OR ')})
  WHERE fingerprint IN (SELECT original FROM live)
)
SELECT o.__ingot_rowid, ${values.map((v, i) => `${v} AS ${ident(staged[i]?.name ?? '')}`).join(', ')}
FROM originals AS o
JOIN paired_fixes AS p ON p.original = o.fingerprint AND p.n = o.n
JOIN last_fix AS f ON f.start = p.id
JOIN ${stagingTable} AS s ON s.rowid = o.__ingot_rowid
JOIN ${table} AS q ON q.rowid = f.id${sameKey}`;
}

interface Condition {
  /** TRUE when a staged row fails the check. */
  sql: string;
  /** It reads another table (relationships), which may not be built yet. */
  readsOtherTables: boolean;
}

/** TRUE-when-failing conditions of the row-level quarantine checks (dedup included) whose columns the stage has. */
function failingConditions(checks: readonly CheckDef[], stagingTable: string, staged: readonly ColumnInfo[]): Condition[] {
  const column = columnLookup(staged);
  const out: Condition[] = [];
  for (const def of checks) {
    if (def.severity !== 'quarantine' || !isRowLevel(def)) continue;
    try {
      const sql =
        def.kind === 'unique'
          ? `(rowid IN (SELECT __ingot_rowid FROM (${uniqueFailuresSql(def, stagingTable, column, staged, 'rowid AS __ingot_rowid')})))`
          : `(${failCondition(def, column)})`;
      out.push({ sql, readsOtherTables: def.kind === 'relationships' });
    } catch {
      // A check on a column the model no longer has: its original rows cannot be told apart here.
    }
  }
  return out;
}

function isRowLevel(def: CheckDef): def is RowLevelCheck {
  return ROW_LEVEL_KINDS.has(def.kind);
}
