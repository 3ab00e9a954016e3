// The per-row SQL of the row-level checks. Most are a condition that is TRUE when a row fails;
// NULL values pass every check except not_null (declare not_null for that), and an expression
// passes only when TRUE, so a NULL verdict fails it. `unique` judges rows by their key's group:
// its failing rows come from a query (every row of a repeated key, or all but the latest).
import type { ColumnInfo } from '../db/connection.js';
import { ident, literal, qualified, sqlValue } from '../db/sql.js';
import type { RangeCheck, RowLevelCheck, UniqueCheck } from './check-def.js';

/** The actual column name and type in the checked table (names match case-insensitively). */
export type ColumnLookup = (name: string) => ColumnInfo;

/** `key IS NOT NULL AND …` over a unique check's columns. */
export function keysPresent(columns: readonly string[]): string {
  return columns.map((c) => `${ident(c)} IS NOT NULL`).join(' AND ');
}

/** A unique check's key as one comparable value: the quoted column, or a row of them. */
export function keyTuple(quotedKeys: readonly string[]): string {
  return quotedKeys.length === 1 ? (quotedKeys[0] ?? '') : `row(${quotedKeys.join(', ')})`;
}

/** TRUE when a row fails a row-level check other than unique; never NULL. */
export function failCondition(def: Exclude<RowLevelCheck, UniqueCheck>, column: ColumnLookup): string {
  const col = (name: string): string => ident(column(name).name);
  switch (def.kind) {
    case 'not_null':
      return `NOT (${def.columns.map((c) => `${col(c)} IS NOT NULL`).join(' AND ')})`;
    case 'accepted_values':
      return `NOT (${col(def.column)} IS NULL OR ${col(def.column)} IN (${def.values.map(sqlValue).join(', ')}))`;
    case 'range':
      return `NOT (${col(def.column)} IS NULL OR (${rangeTest(def, column(def.column))}))`;
    case 'pattern': {
      const c = column(def.column);
      const text = /^VARCHAR$/i.test(c.type) ? ident(c.name) : `CAST(${ident(c.name)} AS VARCHAR)`;
      return `NOT (${ident(c.name)} IS NULL OR regexp_matches(${text}, ${literal(def.regex)}))`;
    }
    case 'relationships': {
      const target = qualified(def.toLayer, def.toTable);
      const field = `r.${ident(def.field)}`;
      return `NOT (${col(def.column)} IS NULL OR ${col(def.column)} IN (SELECT ${field} FROM ${target} AS r WHERE ${field} IS NOT NULL))`;
    }
    case 'expression':
      // Only a user's expression can be NULL; the built-in conditions are TRUE or FALSE.
      return `NOT coalesce((${def.expression}), false)`;
  }
}

function rangeTest(def: RangeCheck, column: ColumnInfo): string {
  const bound = (v: number | string): string => (typeof v === 'number' ? sqlValue(v) : `CAST(${literal(v)} AS ${column.type})`);
  const parts: string[] = [];
  const c = ident(column.name);
  if (def.min !== undefined) parts.push(`${c} ${def.inclusive ? '>=' : '>'} ${bound(def.min)}`);
  if (def.max !== undefined) parts.push(`${c} ${def.inclusive ? '<=' : '<'} ${bound(def.max)}`);
  return parts.join(' AND ');
}

/** Bronze lineage columns that order deliveries: a higher batch id is a later load, a higher row number a later line. */
const LATER_DELIVERY = ['_batch_id', '_row_number'];

/**
 * The rows a unique check fails, selecting `select` (`*`, or `rowid AS …` on a base table):
 * every row of a repeated key, or (keep_latest) all but the latest per key. Only repeated keys
 * are ranked, so the window stays small. A tie on the ordering goes to the later delivery when
 * the rows carry bronze lineage (`_batch_id`, then `_row_number`: the newer batch, the later line),
 * and then to a hash of the whole row, so the same data always keeps the same row.
 */
export function uniqueFailuresSql(def: UniqueCheck, table: string, column: ColumnLookup, allColumns: readonly ColumnInfo[], select = '*'): string {
  const names = def.columns.map((c) => column(c).name);
  const keys = names.map(ident);
  const tuple = keyTuple(keys);
  const repeated = `${tuple} IN (SELECT ${tuple} FROM ${table} WHERE ${keysPresent(names)} GROUP BY ALL HAVING count(*) > 1)`;
  if (def.dedup !== 'keep_latest') return `SELECT ${select} FROM ${table} WHERE ${repeated}`;
  const order = def.orderBy.map((c) => `${ident(column(c).name)} DESC NULLS LAST`).join(', ');
  // Only whole numbers order deliveries: a model's own text column of that name would sort '9' above '10'.
  const wholeNumbers = new Set(allColumns.filter((c) => /^(U?(TINY|SMALL|BIG|HUGE)?INT(EGER)?)$/i.test(c.type)).map((c) => c.name.toLowerCase()));
  const lineage = LATER_DELIVERY.filter((c) => wholeNumbers.has(c)).map((c) => `${ident(c)} DESC NULLS LAST`);
  const tieBreak = [...lineage, `hash(${allColumns.map((c) => ident(c.name)).join(', ')})`].join(', ');
  return `SELECT ${select} FROM ${table} WHERE ${repeated}\n  QUALIFY row_number() OVER (PARTITION BY ${keys.join(', ')} ORDER BY ${order}, ${tieBreak}) > 1`;
}
