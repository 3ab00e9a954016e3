// Repeated keys counted with a bitmap. A unique check (or a contract's primary key) on one
// integer column whose values span a modest range can count the rows that repeat a key as
// `count(key) − bit_count(bitstring_agg(key, min, max))`: DuckDB sets one bit per key value
// inside the one-pass aggregate, instead of a hash GROUP BY over every row in a second scan.
// On 10 M BIGINT keys that is 130–300 ms against 1.1–1.4 s. The range comes from a first
// query that DuckDB answers from column statistics; keys spread wider fall back to GROUP BY.
import type { ColumnInfo, RunOptions, SqlConnection } from '../db/connection.js';
import { ident, literal } from '../db/sql.js';
import type { CheckDef } from './check-def.js';
import { isIntegerType } from './column-types.js';

/** The smallest and largest key, as integer literals. */
export interface KeyRange {
  min: bigint;
  max: bigint;
}

/** Key ranges by column name as the checked table spells it. */
export type KeyRanges = ReadonlyMap<string, KeyRange>;

/** One bit per possible key: at most 2^27 bits, a 16 MiB bitmap per DuckDB thread. */
export const MAX_BITMAP_KEYS = 2n ** 27n;

/** Integer columns that a unique check or a contract's primary key uses as its only key column. */
export function singleIntegerKeys(checks: readonly CheckDef[], columns: readonly ColumnInfo[]): ColumnInfo[] {
  const byName = new Map(columns.map((c) => [c.name.toLowerCase(), c]));
  const keys = new Map<string, ColumnInfo>();
  for (const def of checks) {
    const key = def.kind === 'unique' ? def.columns : def.kind === 'contract' ? def.primaryKey : [];
    const column = key.length === 1 ? byName.get((key[0] ?? '').toLowerCase()) : undefined;
    if (column && isIntegerType(column.type)) keys.set(column.name, column);
  }
  return [...keys.values()];
}

/** Reads the range of each key column; keeps those whose bitmap stays within MAX_BITMAP_KEYS. */
export async function readKeyRanges(conn: SqlConnection, table: string, keys: readonly ColumnInfo[], options: RunOptions = {}): Promise<KeyRanges> {
  const ranges = new Map<string, KeyRange>();
  if (keys.length === 0) return ranges;
  const select = keys.flatMap((k, i) => [`min(${ident(k.name)})::VARCHAR AS "min${i}"`, `max(${ident(k.name)})::VARCHAR AS "max${i}"`]);
  const row = (await conn.one(`SELECT ${select.join(', ')} FROM ${table}`, undefined, options)) ?? {};
  keys.forEach((k, i) => {
    const [min, max] = [row[`min${i}`], row[`max${i}`]];
    if (typeof min !== 'string' || typeof max !== 'string') return; // no keys at all
    const range = { min: BigInt(min), max: BigInt(max) };
    if (range.max - range.min < MAX_BITMAP_KEYS) ranges.set(k.name, range);
  });
  return ranges;
}

/** Rows whose key repeats an earlier row's (every row of a key but one); NULL keys never count. */
export function repeatedRowsBitmapSql(column: ColumnInfo, range: KeyRange): string {
  const c = ident(column.name);
  const bound = (v: bigint): string => `CAST(${literal(v.toString())} AS ${column.type})`;
  return `coalesce(count(${c}) - bit_count(bitstring_agg(${c}, ${bound(range.min)}, ${bound(range.max)})), 0)`;
}
