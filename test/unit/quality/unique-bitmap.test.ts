// Unique keys counted with a bitmap: a key of integer columns with modest ranges is counted
// inside the one-pass aggregate (bitstring_agg), others by GROUP BY; both give the same exact
// counts, including every row of a repeated key, NULL keys, edge integer types and a one pass
// that breaks at run time.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { countChecks, evaluateChecks, parseChecks } from '../../../src/engine/quality/index.js';
import { MAX_BITMAP_KEYS } from '../../../src/engine/db/key-bitmap.js';
import { openTestDb, type TestDb } from './quality-db.js';

const TABLE = '"silver"."keys"';

describe('unique checks on integer keys', () => {
  let t: TestDb;
  beforeEach(async () => {
    t = await openTestDb();
  });
  afterEach(() => t.close());

  /** Stages `keys` (SQL literals, 'NULL' allowed) as column k of `type`, with a label, the row's place and its parity. */
  const stage = async (type: string, keys: readonly string[]): Promise<void> => {
    const rows = keys.map((k, i) => `(CAST(${k} AS ${type}), 'row ${i}', ${i}, ${i % 2})`).join(', ');
    await t.conn.run(`CREATE OR REPLACE TABLE ${TABLE} AS SELECT * FROM (VALUES ${rows}) AS v(k, label, seq, part)`);
  };

  const evaluate = async (checks: unknown[]) => {
    const defs = parseChecks(checks, { file: 'models/silver/keys.yaml', layer: 'silver', model: 'keys' });
    const evaluation = await evaluateChecks({ conn: t.conn, table: TABLE, layer: 'silver', model: 'keys', checks: defs });
    const failing = Object.fromEntries(evaluation.results.map((r) => [r.name, r.status === 'error' ? r.message : r.failingRows]));
    const samples = Object.fromEntries(evaluation.results.map((r) => [r.name, r.samples.map((row) => row.k)]));
    return { failing, samples, sql: evaluation.compiled.sql };
  };

  const UNIQUE_BOTH: unknown[] = [
    { kind: 'unique', name: 'all_rows', column: 'k', severity: 'warn' },
    { kind: 'unique', name: 'older_copies', column: 'k', dedup: 'keep_latest', order_by: 'seq' },
  ];
  // Keys 1 ×3, 2 ×2, 3 once and two NULLs: 5 rows share a key; 3 are copies beyond the first.
  const REPEATED = ['1', '1', '1', '2', '2', '3', 'NULL', 'NULL'];

  it('counts repeated integer keys with a bitmap in the one pass, exactly', async () => {
    await stage('BIGINT', REPEATED);
    const { failing, samples, sql } = await evaluate(UNIQUE_BOTH);
    expect(failing).toEqual({ all_rows: 5, older_copies: 3 });
    expect(samples.all_rows).toEqual([1, 1, 1, 2, 2]);
    expect(samples.older_copies).toEqual([1, 1, 2]);
    // The recount brings the sample rows of every repeated key in the same query.
    const columns = await t.conn.describe(`SELECT * FROM ${TABLE}`);
    const defs = parseChecks(UNIQUE_BOTH, { file: 'models/silver/keys.yaml', layer: 'silver', model: 'keys' });
    const counts = await countChecks({ conn: t.conn, table: TABLE, target: 'silver.keys', columns, checks: defs, wantsSamples: () => true });
    expect([...counts.samples.keys()]).toEqual(['all_rows']);
    expect(counts.samples.get('all_rows')?.map((r) => r.label)).toEqual(['row 0', 'row 1', 'row 2', 'row 3', 'row 4']);
    expect(sql).toContain('bitstring_agg(CAST("k" - CAST(\'1\' AS BIGINT) AS BIGINT), 0, 2)');
    expect(sql).not.toContain('GROUP BY');
  });

  it('packs a key of several integer columns into one bitmap', async () => {
    await stage('INTEGER', REPEATED); // (k, part): (1,0) twice, the rest once
    const { failing, samples, sql } = await evaluate([{ kind: 'unique', name: 'pair', columns: ['k', 'part'], severity: 'warn' }]);
    expect(failing).toEqual({ pair: 2 });
    expect(samples.pair).toEqual([1, 1]);
    expect(sql).toContain('bitstring_agg(CASE WHEN "part" < CAST(\'0\' AS INTEGER) OR "part" > CAST(\'1\' AS INTEGER) THEN -1 ELSE (CAST("k" AS BIGINT) - CAST(\'1\' AS BIGINT)) * 2 + (CAST("part" AS BIGINT) - CAST(\'0\' AS BIGINT)) END, 0, 5)');
  });

  it('gives the same counts by GROUP BY for text keys and for integer keys spread too wide', async () => {
    await stage('VARCHAR', REPEATED);
    const text = await evaluate(UNIQUE_BOTH);
    expect(text.failing).toEqual({ all_rows: 5, older_copies: 3 });
    expect(text.samples.all_rows).toEqual(['1', '1', '1', '2', '2']);
    expect(text.sql).not.toContain('bitstring_agg');

    const wide = (MAX_BITMAP_KEYS + 1n).toString();
    await stage('BIGINT', ['0', '0', wide, wide, wide, '7', 'NULL']);
    const sparse = await evaluate(UNIQUE_BOTH);
    expect(sparse.failing).toEqual({ all_rows: 5, older_copies: 3 });
    expect(sparse.sql).not.toContain('bitstring_agg');
  });

  it('handles negative, unsigned, very large and missing keys', async () => {
    const expectBitmap = async (type: string, keys: string[]): Promise<void> => {
      await stage(type, keys);
      const { failing, sql } = await evaluate(UNIQUE_BOTH);
      expect({ type, failing }).toEqual({ type, failing: { all_rows: 2, older_copies: 1 } });
      expect(sql).toContain('bitstring_agg');
    };
    await expectBitmap('TINYINT', ['-128', '-128', '127', '0']);
    await expectBitmap('UBIGINT', ['18446744073709551615', '18446744073709551615', '18446744073709551600']);
    await expectBitmap('HUGEINT', ['170141183460469231731687303715884105727', '170141183460469231731687303715884105727']);
    await expectBitmap('HUGEINT', ['-170141183460469231731687303715884105728', '-170141183460469231731687303715884105728', '-170141183460469231731687303715884105723']);
    await stage('INTEGER', ['NULL', 'NULL']);
    expect((await evaluate(UNIQUE_BOTH)).failing).toEqual({ all_rows: 0, older_copies: 0 });
    await stage('INTEGER', ['4', '5', '6']);
    expect((await evaluate(UNIQUE_BOTH)).failing).toEqual({ all_rows: 0, older_copies: 0 });
  });

  it('counts a contract primary key with the bitmap too', async () => {
    await stage('INTEGER', REPEATED);
    const contract = { kind: 'contract', columns: [{ name: 'k', type: 'INTEGER' }], primary_key: ['k'], severity: 'warn' };
    const defs = parseChecks([contract], { file: 'models/silver/keys.yaml', layer: 'silver', model: 'keys' });
    const evaluation = await evaluateChecks({ conn: t.conn, table: TABLE, layer: 'silver', model: 'keys', checks: defs });
    expect(evaluation.compiled.sql).toContain('bitstring_agg');
    expect(evaluation.results[0]?.message).toContain('primary key k repeats in 3 rows');
    expect(evaluation.results[0]?.message).toContain('primary key k is NULL in 2 rows');
  });

  it('judges the other checks when a key column cannot even be read for its range', async () => {
    await stage('BIGINT', REPEATED);
    const VIEW = '"silver"."keys_view"';
    await t.conn.run(`CREATE VIEW ${VIEW} AS SELECT CAST(label AS INTEGER) AS k, seq FROM ${TABLE}`); // 'row 0' is no number
    const defs = parseChecks([{ kind: 'unique', column: 'k', severity: 'warn' }, { kind: 'row_count', min: 1 }], { file: 'models/silver/keys_view.yaml', layer: 'silver', model: 'keys_view' });
    const evaluation = await evaluateChecks({ conn: t.conn, table: VIEW, layer: 'silver', model: 'keys_view', checks: defs });
    expect(evaluation.results.map((r) => [r.name, r.status])).toEqual([
      ['unique(k)', 'error'],
      ['row_count', 'pass'],
    ]);
    expect(evaluation.results[0]?.message).toMatch(/could not be judged: .*Could not convert string 'row 0'/);
  });

  it('still counts exactly when the one pass breaks at run time and checks run alone', async () => {
    await stage('BIGINT', REPEATED);
    const broken = { kind: 'expression', name: 'label_is_number', expression: 'CAST(label AS INTEGER) > 0', severity: 'warn' };
    const { failing } = await evaluate([...UNIQUE_BOTH, broken]);
    expect(failing.all_rows).toBe(5);
    expect(failing.older_copies).toBe(3);
    expect(String(failing.label_is_number)).toMatch(/could not be judged: .*Could not convert string 'row 0'/);
  });
});
