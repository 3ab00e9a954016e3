// Schema drift between batches of one source: which incoming columns are new, which bronze
// columns are missing, and which types no longer fit; what the source's policy does about each;
// and the DDL that follows (ADD COLUMN, widening ALTER TYPE; nested values widened to text become
// JSON text). Type rules come from DuckDB.
import { IngotError } from '../../shared/errors.js';
import type { ColumnInfo, SqlConnection } from '../db/connection.js';
import { ident } from '../db/sql.js';
import { canonicalTypes } from './canonical-type.js';
import { castToType } from './nested-text.js';
import type { DriftPolicy } from './source-schema.js';
import type { DriftChange } from './types.js';

type Family = 'numeric' | 'temporal' | 'text' | 'other';

function family(type: string): Family {
  const t = type.toUpperCase();
  if (/^(U?(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT)|FLOAT|DOUBLE|REAL|DECIMAL.*|NUMERIC.*|INT\d*)$/.test(t)) return 'numeric';
  if (/^(DATE|TIMESTAMP.*)$/.test(t)) return 'temporal';
  if (t === 'VARCHAR' || t === 'TEXT' || t === 'STRING') return 'text';
  return 'other';
}

/** The narrowest type both fit in: DuckDB's own rule within numbers or dates, else VARCHAR. */
export async function widenType(conn: SqlConnection, a: string, b: string): Promise<string> {
  if (a === b) return a;
  const fa = family(a);
  if (fa === 'text' || family(b) === 'text') return 'VARCHAR';
  if (fa !== family(b) || fa === 'other') return 'VARCHAR';
  const row = await conn.one<{ t: string }>(`SELECT typeof(c) AS t FROM (SELECT NULL::${a} AS c UNION ALL SELECT NULL::${b}) LIMIT 1`);
  return row?.t ?? 'VARCHAR';
}

/** Whether values of `incoming` load into a column of type `existing` without loss. */
async function fits(conn: SqlConnection, existing: string, incoming: string): Promise<boolean> {
  if (existing === incoming || family(existing) === 'text') return true;
  return (await widenType(conn, existing, incoming)) === existing;
}

export interface DriftPlan {
  changes: DriftChange[];
  /** Columns to add to the bronze table. */
  add: ColumnInfo[];
  /** Columns whose bronze type is widened, with the type they had. */
  widen: (ColumnInfo & { from: string })[];
  /** Every incoming column with the type to read it as. */
  read: ColumnInfo[];
}

/**
 * The type to widen column `name` of `relation` (holding `old` values) to for `incoming`:
 * DuckDB's common type when every value already loaded converts to it and back unchanged,
 * else VARCHAR, which keeps each value's digits (a BIGINT id beyond 2^53 would change as DOUBLE).
 */
async function losslessWidening(conn: SqlConnection, relation: string, name: string, old: string, incoming: string): Promise<{ type: string; why?: string }> {
  const wider = await widenType(conn, old, incoming);
  if (wider === 'VARCHAR') return { type: wider };
  const col = ident(name);
  const changed = await conn.one<{ n: number }>(
    `SELECT count(*)::INTEGER AS n FROM (SELECT ${col} FROM ${relation} WHERE ${col} IS NOT NULL AND TRY_CAST(TRY_CAST(${col} AS ${wider}) AS ${old}) IS DISTINCT FROM ${col} LIMIT 1)`,
  );
  if (Number(changed?.n ?? 0) === 0) return { type: wider };
  return { type: 'VARCHAR', why: `as ${wider} some loaded values would change, so it becomes text` };
}

/** Compares incoming columns with the bronze table's; fails per the policy with a clear message. */
export async function planDrift(
  conn: SqlConnection,
  existingAsRead: readonly ColumnInfo[],
  incomingAsRead: readonly ColumnInfo[],
  policy: DriftPolicy,
  origin: string,
  target: { name: string; relation: string },
): Promise<DriftPlan> {
  const table = target.name;
  // Both sides in DuckDB's printed form, so only real type changes count as drift.
  const both = [...existingAsRead, ...incomingAsRead];
  const printed = await canonicalTypes(conn, both.map((c) => c.type));
  const canonical = both.map((c, i) => ({ name: c.name, type: printed[i] ?? c.type }));
  const existing = canonical.slice(0, existingAsRead.length);
  const incoming = canonical.slice(existingAsRead.length);
  const plan: DriftPlan = { changes: [], add: [], widen: [], read: [] };
  const have = new Map(existing.map((c) => [c.name.toLowerCase(), c]));
  const seen = new Set<string>();
  const fail = (message: string, hint: string, column: string): never => {
    throw new IngotError('INGEST_FAILED', message, { hint, detail: { file: origin, columnName: column, field: 'drift' } });
  };
  for (const col of incoming) {
    const key = col.name.toLowerCase();
    seen.add(key);
    const old = have.get(key);
    if (!old) {
      if (policy.new_columns === 'fail') {
        fail(`${origin} brings a new column "${col.name}" (${col.type}) that ${table} does not have.`, 'Set `drift: { new_columns: add }` in the source to accept it, or load with --replace.', col.name);
      }
      plan.changes.push({ column: col.name, change: 'added', detail: `new column ${col.type} in ${origin}` });
      plan.add.push(col);
      plan.read.push(col);
    } else if (await fits(conn, old.type, col.type)) {
      plan.read.push({ name: old.name, type: old.type });
    } else if (policy.type_change === 'widen') {
      const { type: wider, why } = await losslessWidening(conn, target.relation, old.name, old.type, col.type);
      plan.changes.push({ column: old.name, change: 'type_widened', detail: `${old.type} → ${wider}: ${origin} has ${col.type}${why ? `; ${why}` : ''}` });
      plan.widen.push({ name: old.name, type: wider, from: old.type });
      plan.read.push({ name: old.name, type: wider });
    } else {
      fail(
        `Column "${old.name}" changed type: ${table} has ${old.type}, but ${origin} has ${col.type}.`,
        `Set \`drift: { type_change: widen }\` in the source to widen the column, pin its type under \`columns:\`, or load with --replace.`,
        old.name,
      );
    }
  }
  for (const old of existing) {
    if (seen.has(old.name.toLowerCase())) continue;
    if (policy.missing_columns === 'fail') {
      fail(`${origin} lacks the column "${old.name}" that ${table} has.`, 'Set `drift: { missing_columns: null }` in the source to load it as NULL, or load with --replace.', old.name);
    }
    plan.changes.push({ column: old.name, change: 'missing', detail: `not in ${origin}; loaded as NULL` });
  }
  return plan;
}

/** Applies a plan's DDL to `table` (inside the batch's transaction). */
export async function applyDrift(conn: SqlConnection, table: string, plan: DriftPlan): Promise<void> {
  for (const col of plan.add) await conn.run(`ALTER TABLE ${table} ADD COLUMN ${ident(col.name)} ${col.type}`);
  // Loaded STRUCT, MAP and LIST values widened to text are rewritten as JSON text.
  for (const col of plan.widen) await conn.run(`ALTER TABLE ${table} ALTER COLUMN ${ident(col.name)} SET DATA TYPE ${col.type} USING ${castToType(ident(col.name), col.from, col.type)}`);
}
