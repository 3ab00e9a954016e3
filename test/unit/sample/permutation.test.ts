// The seeded permutation that assigns the sample's mess: a bijection for every size, so each
// kind of mess gets exactly its count, and not an arithmetic progression of ids.
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/engine/db/duckdb.js';
import { permutation, withRanks } from '../../../src/engine/sample/shopflow/permutation.js';

describe('sample permutation', () => {
  it('ranks 0…size-1 exactly once for small, block-sized, prime and larger sizes', async () => {
    const db = await openDatabase(':memory:');
    await db.withConnection(async (conn) => {
      for (const size of [1, 2, 7, 60, 61, 122, 997, 1000, 4096, 20_011]) {
        const p = permutation(size, 42, 1);
        const ranked = withRanks(`SELECT range AS id FROM range(${size})`, [{ name: 'rank', permutation: p, zeroBasedId: 'id' }]);
        const row = await conn.one(`SELECT count(DISTINCT rank) AS n, min(rank) AS lo, max(rank) AS hi FROM (${ranked})`);
        expect(row, `size ${size}`).toEqual({ n: size, lo: 0, hi: size - 1 });
      }
    });
    db.close();
  });

  it('scatters consecutive ranks: the ids of one rank range are no arithmetic progression, and depend on the seed', async () => {
    const db = await openDatabase(':memory:');
    const pick = async (seed: number): Promise<number[]> =>
      db.withConnection(async (conn) => {
        const ranked = withRanks('SELECT range AS id FROM range(10000)', [{ name: 'rank', permutation: permutation(10_000, seed, 1), zeroBasedId: 'id' }]);
        return (await conn.all<{ id: number }>(`SELECT id FROM (${ranked}) WHERE rank < 50 ORDER BY id`)).map((r) => r.id);
      });
    const ids = await pick(42);
    const gaps = new Set(ids.slice(1).map((id, i) => id - (ids[i] ?? 0)));
    expect(gaps.size).toBeGreaterThan(10);
    expect(await pick(43)).not.toEqual(ids);
    db.close();
  });
});
