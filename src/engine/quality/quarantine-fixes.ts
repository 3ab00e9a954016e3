// Fixes made in quarantine outlive a rebuild. A row is quarantined with `_original_hash`, the
// fingerprint of its values as the model produced them. When the analyst edits it and releases it,
// the edited row is a fix of that original. A model built again from its inputs (every build of a
// table model, a full refresh, or a re-delivered batch) brings the original back; before the checks
// run, the gate replaces each staged row whose fingerprint is the original of a released fix by the
// fix's current values, so the fix is published again instead of the original being held again.
//   - Only staged rows that fail a row-level quarantine check (a dedup too) are fingerprinted: an
//     original was quarantined for failing one, so the rest of the table is never hashed.
//   - The newest release of an original wins; a fix that was itself quarantined again and fixed
//     once more is followed to its last fix.
//   - With `keyColumns` (a model published by key or partition) a fix replaces its original only
//     when it keeps the original's key, so publishing by key never leaves a second row behind.
//   - A row released unchanged (the check was fixed, not the row) is no fix: nothing to replace.
//   - A fix applies while the model keeps the columns it had when the row was quarantined.
import { IngotError } from '../../shared/errors.js';
import type { ColumnInfo, SqlConnection } from '../db/connection.js';
import { ident, literal, sqlValue } from '../db/sql.js';
import type { CheckDef, RowLevelCheck } from './check-def.js';
import { ROW_LEVEL_KINDS } from './check-schema.js';
import { columnLookup } from './compile.js';
import { quarantineExists, quarantineTable, rowFingerprintSql } from './quarantine-table.js';
import { failCondition, uniqueFailuresSql } from './row-conditions.js';

const FIXES = ident('__ingot_quarantine_fixes');
const REPLACED = ident('__ingot_quarantine_fixed_rows');

export interface ReapplyInput {
  /** Quoted staging table (a base table: row ids identify the rows). */
  stagingTable: string;
  layer: string;
  model: string;
  checks: readonly CheckDef[];
  /** Key or partition columns the model is published by; a fix must keep them. Empty for a full rebuild. */
  keyColumns?: readonly string[];
}

type Fix = {
  id: number;
  original: string;
  fixed: string;
  releaseId: number;
};

/** Replaces staged originals of released fixes by the fixes; returns how many rows were replaced. */
export async function reapplyQuarantineFixes(conn: SqlConnection, input: ReapplyInput): Promise<number> {
  const { layer, model, stagingTable } = input;
  if (!(await quarantineExists(conn, layer, model))) return 0;
  const table = quarantineTable(layer, model);
  const held = new Set((await conn.describe(`SELECT * FROM ${table}`)).map((c) => c.name.toLowerCase()));
  const staged = await conn.describe(`SELECT * FROM ${stagingTable}`);
  if (!held.has('_original_hash') || !staged.every((c) => held.has(c.name.toLowerCase()))) return 0;
  const failing = failingConditions(input.checks, stagingTable, staged);
  if (failing.length === 0) return 0;
  const fixes = await conn.all<Fix>(
    `SELECT rowid AS id, _original_hash AS original, ${rowFingerprintSql('q', staged)} AS fixed, _release_id AS "releaseId"
     FROM ${table} AS q WHERE _released_at IS NOT NULL AND _original_hash IS NOT NULL`,
  );
  const targets = lastFixes(fixes);
  if (targets.size === 0) return 0;
  const keys = (input.keyColumns ?? []).map((k) => columnLookup(staged)(k).name);
  const sameKey = keys.map((k) => `s.${ident(k)} IS NOT DISTINCT FROM q.${ident(k)}`);
  try {
    return await conn.transaction(async (tx) => {
      await tx.run(`CREATE OR REPLACE TEMP TABLE ${FIXES} (original VARCHAR, fix_id BIGINT)`);
      await tx.run(`INSERT INTO ${FIXES} VALUES ${[...targets].map(([original, id]) => `(${literal(original)}, ${sqlValue(id)})`).join(', ')}`);
      await tx.run(
        `CREATE OR REPLACE TEMP TABLE ${REPLACED} AS
         SELECT s.__ingot_rowid, f.fix_id
         FROM (SELECT rowid AS __ingot_rowid, * FROM ${stagingTable} WHERE ${failing.join('\n OR ')}) AS s
         JOIN ${FIXES} AS f ON ${rowFingerprintSql('s', staged)} = f.original
         JOIN ${table} AS q ON q.rowid = f.fix_id${sameKey.length > 0 ? ` AND ${sameKey.join(' AND ')}` : ''}`,
      );
      const replaced = await tx.run(`DELETE FROM ${stagingTable} WHERE rowid IN (SELECT __ingot_rowid FROM ${REPLACED})`);
      await tx.run(`INSERT INTO ${stagingTable} BY NAME SELECT ${staged.map((c) => `q.${ident(c.name)}`).join(', ')} FROM ${REPLACED} AS r JOIN ${table} AS q ON q.rowid = r.fix_id`);
      await tx.run(`DROP TABLE ${REPLACED}`);
      await tx.run(`DROP TABLE ${FIXES}`);
      return replaced;
    });
  } catch (err) {
    // A check that cannot run yet (a relationships target not built) is reported by the checks themselves.
    if (err instanceof IngotError && err.code === 'SQL_ERROR') return 0;
    throw err;
  }
}

/** TRUE-when-failing conditions of the row-level quarantine checks (dedup included) whose columns the stage has. */
function failingConditions(checks: readonly CheckDef[], stagingTable: string, staged: readonly ColumnInfo[]): string[] {
  const column = columnLookup(staged);
  const out: string[] = [];
  for (const def of checks) {
    if (def.severity !== 'quarantine' || !isRowLevel(def)) continue;
    try {
      out.push(
        def.kind === 'unique'
          ? `(rowid IN (SELECT __ingot_rowid FROM (${uniqueFailuresSql(def, stagingTable, column, staged, 'rowid AS __ingot_rowid')})))`
          : `(${failCondition(def, column)})`,
      );
    } catch {
      // A check on a column the model no longer has: its original rows cannot be told apart here.
    }
  }
  return out;
}

function isRowLevel(def: CheckDef): def is RowLevelCheck {
  return ROW_LEVEL_KINDS.has(def.kind);
}

/**
 * For each original fingerprint, the quarantine row id of the fix to publish: its newest release,
 * followed through fixes of fixes (a fix quarantined again and fixed once more) to the last one.
 */
export function lastFixes(fixes: readonly Fix[]): Map<string, number> {
  const newest = new Map<string, Fix>();
  for (const f of fixes) {
    if (f.fixed === f.original) continue;
    const seen = newest.get(f.original);
    if (!seen || f.releaseId > seen.releaseId || (f.releaseId === seen.releaseId && f.id > seen.id)) newest.set(f.original, f);
  }
  const out = new Map<string, number>();
  for (const [original, first] of newest) {
    let fix = first;
    const visited = new Set([original]);
    for (let next = newest.get(fix.fixed); next && !visited.has(fix.fixed); next = newest.get(fix.fixed)) {
      visited.add(fix.fixed);
      fix = next;
    }
    out.set(original, fix.id);
  }
  return out;
}
