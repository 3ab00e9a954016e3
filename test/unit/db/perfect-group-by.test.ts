// A GROUP BY on a narrow integer key runs through DuckDB's perfect hash aggregate, with the same
// result, only when its table fits an eighth of memory_limit and no transaction is open; the
// setting is put back afterwards, also when the query fails.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Database, SqlConnection } from '../../../src/engine/db/connection.js';
import { openDatabase } from '../../../src/engine/db/duckdb.js';
import { readKeyRanges } from '../../../src/engine/db/key-bitmap.js';
import { perfectHashBits, sizeInBytes, withPerfectGroupBy } from '../../../src/engine/db/perfect-group-by.js';
import { tempDir } from '../../helpers/temp-dir.js';

let db: Database | undefined;
afterEach(() => db?.close());

const GROUP_BY = 'SELECT coalesce(sum(n), 0)::INTEGER AS failing FROM (SELECT count(*) AS n FROM t WHERE id IS NOT NULL GROUP BY id HAVING count(*) > 1)';

async function open(memoryLimit: string): Promise<SqlConnection> {
  db = await openDatabase(join(await tempDir('ingot-perfect-group-by-'), 'p.duckdb'), { threads: 2, memoryLimit });
  const conn = await db.connect();
  // 100,000 ids (17 bits with the NULL slot), every 100th repeated once, and some NULLs.
  await conn.run('CREATE TABLE t AS SELECT CASE WHEN range % 1000 = 5 THEN NULL WHEN range % 100 = 99 THEN range - 1 ELSE range END::BIGINT AS id FROM range(100000)');
  return conn;
}

async function planAndCount(conn: SqlConnection): Promise<{ perfect: boolean; failing: number; after: string }> {
  const columns = await conn.describe('SELECT id FROM t');
  const ranges = await readKeyRanges(conn, 't', columns);
  const { plan, row } = await withPerfectGroupBy(conn, columns, ranges, async () => ({
    plan: (await conn.all<{ explain_value: string }>(`EXPLAIN ${GROUP_BY}`)).map((r) => r.explain_value).join('\n'),
    row: await conn.one<{ failing: number }>(GROUP_BY),
  }));
  const after = (await conn.one<{ v: string }>("SELECT current_setting('perfect_ht_threshold')::VARCHAR AS v"))?.v ?? '';
  return { perfect: plan.includes('PERFECT_HASH_GROUP_BY'), failing: Number(row?.failing), after };
}

describe('GROUP BY through the perfect hash aggregate', () => {
  it('is used for a narrow key when memory allows, counts the same, and puts the setting back', async () => {
    const conn = await open('4GB');
    const plain = Number((await conn.one<{ failing: number }>(GROUP_BY))?.failing);
    expect(plain).toBe(2000);
    expect(await planAndCount(conn)).toEqual({ perfect: true, failing: plain, after: '12' });
  });

  it('is not used inside a transaction, where a failed query could not put the setting back', async () => {
    const conn = await open('4GB');
    expect(await conn.transaction(() => planAndCount(conn))).toEqual({ perfect: false, failing: 2000, after: '12' });
  });

  it('is not used when its table would not fit an eighth of memory_limit', async () => {
    const conn = await open('20MB');
    expect(await planAndCount(conn)).toEqual({ perfect: false, failing: 2000, after: '12' });
  });

  it('puts the setting back when the query fails', async () => {
    const conn = await open('4GB');
    const columns = await conn.describe('SELECT id FROM t');
    const ranges = await readKeyRanges(conn, 't', columns);
    await expect(withPerfectGroupBy(conn, columns, ranges, () => conn.one('SELECT no_such_column FROM t'))).rejects.toThrow();
    expect((await conn.one<{ v: string }>("SELECT current_setting('perfect_ht_threshold')::VARCHAR AS v"))?.v).toBe('12');
  });

  it('needs the bit length of each span plus a NULL slot, and reads DuckDB sizes', () => {
    const id = { name: 'id', type: 'BIGINT' };
    const line = { name: 'line', type: 'INTEGER' };
    const ranges = new Map([
      ['id', { min: 1n, max: 10_000_000n }],
      ['line', { min: 1n, max: 6n }],
    ]);
    expect(perfectHashBits([id], ranges)).toBe(24);
    expect(perfectHashBits([id, line], ranges)).toBe(27);
    expect(perfectHashBits([{ name: 'code', type: 'VARCHAR' }], ranges)).toBeUndefined();
    expect(perfectHashBits([], ranges)).toBeUndefined();
    expect(sizeInBytes('3.7 GiB')).toBeCloseTo(3.7 * 2 ** 30);
    expect(sizeInBytes('953.6 MiB')).toBeCloseTo(953.6 * 2 ** 20);
    expect(sizeInBytes('lots')).toBeUndefined();
  });
});
