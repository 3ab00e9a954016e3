// A seeded permutation of 0..size-1, used to pick exactly k distinct rows for each kind of
// seeded mess: rows whose rank falls in [from, to) get one role, so every count is exact and
// roles never overlap. The rank is three affine steps (x·a + b mod size) with two seeded block
// reversals in between, so the rows of one role do not form an arithmetic progression. Each step
// is a bijection, rendered as SQL, so DuckDB computes a row's rank on its own, in parallel.
import { ident, sqlValue } from '../../db/sql.js';

/** Block length of the reversal steps (prime, so it does not line up with the affine strides). */
const BLOCK = 61;

/** A half-open rank range [from, to) of a permutation. */
export interface RankRange {
  from: number;
  to: number;
}

/** SQL: is `rank` inside the range? (A NULL rank is in no range.) */
export function withinSql(rank: string, r: RankRange): string {
  return `(${rank} >= ${sqlValue(r.from)} AND ${rank} < ${sqlValue(r.to)})`;
}

interface Affine {
  multiplier: number;
  offset: number;
}

export interface Permutation {
  readonly size: number;
  readonly seed: number;
  readonly salt: number;
  readonly affine: readonly [Affine, Affine, Affine];
}

/** A permutation of `size` positions whose strides and offsets depend on `seed` and `salt`. */
export function permutation(size: number, seed: number, salt: number): Permutation {
  if (!Number.isSafeInteger(size) || size < 1) throw new Error(`permutation size must be a positive integer, got ${size}`);
  const step = (round: number): Affine => {
    const mix = splitMix(BigInt(seed) * 1_000_003n + BigInt(salt) * 101n + BigInt(round));
    // A stride near size/φ spreads consecutive positions evenly; it must be coprime to size.
    let multiplier = Math.max(1, Math.round(size * 0.6180339887) + Number(mix % 97n) - 48);
    while (gcd(multiplier, size) !== 1) multiplier++;
    return { multiplier: multiplier % size || 1, offset: Number((mix >> 8n) % BigInt(size)) };
  };
  return { size, seed, salt, affine: [step(0), step(1), step(2)] };
}

/** A rank column to compute: `name` receives the rank of the zero-based id `zeroBasedId` (NULL stays NULL). */
export interface RankColumn {
  name: string;
  permutation: Permutation;
  zeroBasedId: string;
}

/**
 * Wraps `source` (a SELECT) so each row also carries the given rank columns. Each step of the
 * permutation is one projection over the previous one, so no step's SQL repeats another's.
 */
export function withRanks(source: string, ranks: readonly RankColumn[]): string {
  const step = (f: (r: RankColumn, column: string) => string): string =>
    ranks.map((r) => `${f(r, ident(r.name))} AS ${ident(r.name)}`).join(', ');
  let sql = `SELECT *, ${step((r) => affineSql(r.permutation, 0, `(${r.zeroBasedId})::BIGINT`))} FROM (${source})`;
  sql = `SELECT * REPLACE (${step((r, c) => reverseSql(r.permutation, 1, c))}) FROM (${sql})`;
  sql = `SELECT * REPLACE (${step((r, c) => affineSql(r.permutation, 1, c))}) FROM (${sql})`;
  sql = `SELECT * REPLACE (${step((r, c) => reverseSql(r.permutation, 2, c))}) FROM (${sql})`;
  return `SELECT * REPLACE (${step((r, c) => affineSql(r.permutation, 2, c))}) FROM (${sql})`;
}

function affineSql(p: Permutation, index: 0 | 1 | 2, x: string): string {
  const a = p.affine[index];
  return `(${x} * ${sqlValue(a.multiplier)} + ${sqlValue(a.offset)}) % ${sqlValue(p.size)}`;
}

/** Reverses the order inside every whole block of BLOCK positions whose seeded coin says so. */
function reverseSql(p: Permutation, round: number, y: string): string {
  const whole = Math.floor(p.size / BLOCK) * BLOCK;
  if (whole === 0) return y;
  const coin = `hash(${sqlValue(p.seed)}::BIGINT, ${sqlValue(p.salt)}::BIGINT, ${sqlValue(round)}::BIGINT, ${y} // ${BLOCK}) % 2 = 1`;
  return `${y} + CASE WHEN ${y} < ${sqlValue(whole)} AND ${coin} THEN ${BLOCK - 1} - 2 * (${y} % ${BLOCK}) ELSE 0 END`;
}

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

/** SplitMix64: turns a seed into well-mixed bits. */
function splitMix(x: bigint): bigint {
  const mask = (1n << 64n) - 1n;
  let z = (x + 0x9e3779b97f4a7c15n) & mask;
  z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & mask;
  z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & mask;
  return z ^ (z >> 31n);
}
