// Repeated keys counted with a bitmap give exactly what GROUP BY gives, for single and composite
// integer keys of every width and sign, with NULLs, at the edges of each type; keys that cannot
// pack (wider than the bitmap, not integers, no values) are left to GROUP BY.
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database, SqlConnection } from '../../../src/engine/db/connection.js';
import { openDatabase } from '../../../src/engine/db/duckdb.js';
import { countRepeatedRows, MAX_BITMAP_KEYS, readKeyRanges, repeatedRowsBitmapSql } from '../../../src/engine/db/key-bitmap.js';
import { tempDir } from '../../helpers/temp-dir.js';

let db: Database;
let conn: SqlConnection;

beforeEach(async () => {
  db = await openDatabase(join(await tempDir('ingot-key-bitmap-'), 'keys.duckdb'), { threads: 2 });
  conn = await db.connect();
});
afterEach(() => db.close());

/** Rows beyond the first of each repeated key, rows with a NULL key column left out: the definition. */
async function byGroupBy(table: string, key: readonly string[]): Promise<number> {
  const cols = key.map((c) => `"${c}"`).join(', ');
  const row = await conn.one<{ n: unknown }>(
    `SELECT coalesce(sum(n - 1), 0) AS n FROM (SELECT count(*) AS n FROM ${table} WHERE ${key.map((c) => `"${c}" IS NOT NULL`).join(' AND ')} GROUP BY ${cols} HAVING count(*) > 1)`,
  );
  return Number(row?.n);
}

async function countBoth(table: string, key: readonly string[]): Promise<{ bitmap: number | undefined; exact: number }> {
  const columns = await conn.describe(`SELECT ${key.map((c) => `"${c}"`).join(', ')} FROM ${table}`);
  return { bitmap: await countRepeatedRows(conn, table, columns), exact: await byGroupBy(table, key) };
}

describe('countRepeatedRows', () => {
  it('agrees with GROUP BY on random composite keys of every integer width and sign', async () => {
    // Small domains so keys repeat often; offsets put values at each type's edges (a domain of
    // n from lo reaches lo + n − 1: UHUGEINT's and UINTEGER's maximum, HUGEINT's minimum); ~5% NULLs.
    const cases: { types: [string, string]; lo: [string, string]; domain: [number, number] }[] = [
      { types: ['TINYINT', 'SMALLINT'], lo: ['-128', '-32768'], domain: [256, 40] },
      { types: ['UTINYINT', 'UBIGINT'], lo: ['0', '18446744073709551515'], domain: [256, 100] },
      { types: ['HUGEINT', 'INTEGER'], lo: ['170141183460469231731687303715884105627', '-2147483648'], domain: [100, 50] },
      { types: ['BIGINT', 'USMALLINT'], lo: ['-9223372036854775808', '65500'], domain: [1000, 36] },
      { types: ['UHUGEINT', 'UINTEGER'], lo: ['340282366920938463463374607431768211356', '4294967196'], domain: [100, 100] },
      { types: ['HUGEINT', 'SMALLINT'], lo: ['-170141183460469231731687303715884105728', '32700'], domain: [100, 68] },
    ];
    for (const [n, { types, lo, domain }] of cases.entries()) {
      const table = `keys_${n}`;
      const value = (i: 0 | 1, seed: string): string => {
        const wide = types[i].startsWith('U') ? 'UHUGEINT' : 'HUGEINT';
        return `CASE WHEN hash(range, '${seed}n') % 20 = 0 THEN NULL ELSE CAST(CAST(${lo[i]} AS ${wide}) + hash(range, '${seed}') % ${domain[i]} AS ${types[i]}) END`;
      };
      await conn.run(`CREATE TABLE ${table} AS SELECT ${value(0, 'a')} AS a, ${value(1, 'b')} AS b FROM range(3000)`);
      for (const key of [['a'], ['b'], ['a', 'b'], ['b', 'a']]) {
        const { bitmap, exact } = await countBoth(table, key);
        expect({ types, key, bitmap }).toEqual({ types, key, bitmap: exact });
        expect(exact).toBeGreaterThan(0);
      }
    }
  });

  it('counts zero when no key repeats, and packs a key spanning exactly the bitmap', async () => {
    await conn.run(`CREATE TABLE distinct_keys AS SELECT range::BIGINT AS k FROM range(1000) UNION ALL SELECT ${(MAX_BITMAP_KEYS - 1n).toString()}::BIGINT`);
    expect(await countBoth('distinct_keys', ['k'])).toEqual({ bitmap: 0, exact: 0 });
  });

  it('fails rather than miscounts when a value lies outside the range read, in any key column', async () => {
    await conn.run('CREATE TABLE changing AS SELECT (range % 10)::INTEGER AS a, (range % 7)::INTEGER AS b FROM range(100)');
    const key = await conn.describe('SELECT a, b FROM changing');
    const sql = repeatedRowsBitmapSql(key, await readKeyRanges(conn, 'changing', key));
    expect(sql).toBeDefined();
    await conn.run('INSERT INTO changing VALUES (0, 7)'); // b past its max: would pack onto (1, 0)
    await expect(conn.one(`SELECT ${sql} AS n FROM changing`)).rejects.toThrow(/outside of provided min and max range/);
    await conn.run('DELETE FROM changing WHERE b = 7');
    await conn.run('INSERT INTO changing VALUES (10, 0)'); // a past its max
    await expect(conn.one(`SELECT ${sql} AS n FROM changing`)).rejects.toThrow(/outside of provided min and max range/);
  });

  it('leaves to GROUP BY keys that are too wide, not integers, or have no values', async () => {
    await conn.run(`CREATE TABLE wide AS SELECT * FROM (VALUES (0::BIGINT, 'x', NULL::INTEGER, 1::INTEGER), (${MAX_BITMAP_KEYS.toString()}, 'x', NULL, 2)) AS t(k, s, none, small)`);
    const columns = await conn.describe('SELECT * FROM wide');
    const ranges = await readKeyRanges(conn, 'wide', columns);
    expect([...ranges.keys()]).toEqual(['k', 'small']); // text and all-NULL columns have no range
    const pick = (...names: string[]) => names.map((n) => columns.find((c) => c.name === n) ?? columns[0]!);
    expect(repeatedRowsBitmapSql(pick('k'), ranges)).toBeUndefined(); // 2^27 + 1 possible keys
    expect(repeatedRowsBitmapSql(pick('s'), ranges)).toBeUndefined();
    expect(repeatedRowsBitmapSql(pick('none'), ranges)).toBeUndefined();
    expect(repeatedRowsBitmapSql(pick('small'), ranges)).toContain('bitstring_agg');
    // Two small spans that multiply past the bitmap do not pack either.
    await conn.run(`CREATE TABLE wide_pair AS SELECT range::INTEGER AS a, (range * 20000)::INTEGER AS b FROM range(20000)`);
    const pair = await conn.describe('SELECT a, b FROM wide_pair');
    expect(repeatedRowsBitmapSql(pair, await readKeyRanges(conn, 'wide_pair', pair))).toBeUndefined();
    expect(await countRepeatedRows(conn, 'wide_pair', pair)).toBeUndefined();
  });
});
