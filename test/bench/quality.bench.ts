// Benchmark: ten checks on one staged model. (1) Ingot's one-pass evaluation (every check a
// FILTER, bitmap or scalar subquery of ONE aggregate SELECT, plus the key-range read before it
// and the exact recount of a unique check that found repeats) against the same ten checks run as
// ten separate queries, the way dbt tests and Great Expectations run them (unique as GROUP BY …
// HAVING count(*) > 1): target ≥ 4× faster in total, and ≤ 2× the single slowest check alone —
// for the issue's mixed set (its keys repeat), the same set on keys that do not repeat (the usual,
// passing case), and ten light, scan-bound checks. (2) The quarantine split: staging + gate with
// quarantine checks (about 1% of rows moved) + publish, against staging + publish with no checks.
// (3) The same rebuild with 1,000 held rows fixed and released: the cost of keeping fixes in place.
// Run: npx tsx test/bench/quality.bench.ts [--rows 10000000] [--threads N] [--repeat 3]
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SqlConnection } from '../../src/engine/db/connection.js';
import { openDatabase } from '../../src/engine/db/duckdb.js';
import { migrate } from '../../src/engine/db/migrations/index.js';
import { countChecks, parseChecks, runQualityGate } from '../../src/engine/quality/index.js';

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const ROWS = arg('rows', 10_000_000);
const THREADS = arg('threads', 0);
const REPEAT = arg('repeat', 3);
const STAGE = '"silver"."__stage_orders"';
const STATUSES = ['placed', 'paid', 'shipped', 'delivered', 'cancelled', 'returned'];

/** A ShopFlow-like orders result with ~0.1–0.5% mess per kind. */
async function makeOrders(conn: SqlConnection, table: string): Promise<void> {
  await conn.run(`CREATE OR REPLACE TABLE ${table} AS
    SELECT
      CASE WHEN range % 1000 = 999 THEN range - 1 ELSE range END::BIGINT AS order_id,
      CASE WHEN range % 200 = 7 THEN NULL ELSE (hash(range, 'c') % 100000)::BIGINT END AS customer_id,
      CASE WHEN range % 500 = 3 THEN 'unknown' ELSE ${'[' + STATUSES.map((s) => `'${s}'`).join(', ') + ']'}[1 + (range % 6)::INTEGER] END AS status,
      CASE WHEN range % 1000 = 11 THEN -1.00 ELSE ((hash(range, 't') % 50000) / 100.0) END::DECIMAL(12, 2) AS total_amount,
      CASE WHEN range % 1000 = 13 THEN '2024-13-45' ELSE strftime(DATE '2024-01-01' + (range % 365)::INTEGER, '%Y-%m-%d') END AS order_date,
      range::BIGINT AS line_id,
      'user' || (range % 100000) || CASE WHEN range % 1000 = 17 THEN '-at-example.com' ELSE '@example.com' END AS email,
      (TIMESTAMP '2024-01-01' + to_seconds(range % 31536000))::TIMESTAMP AS updated_at
    FROM range(${ROWS})`);
}

/** The issue's mix: cheap per-row tests plus the expensive kinds (duplicate keys, regex, lookups). */
const TEN_MIXED: unknown[] = [
  { kind: 'not_null', column: 'customer_id', severity: 'warn' },
  { kind: 'unique', column: 'order_id', severity: 'warn' },
  { kind: 'accepted_values', column: 'status', values: STATUSES, severity: 'warn' },
  { kind: 'range', column: 'total_amount', min: 0, max: 100000, severity: 'warn' },
  { kind: 'pattern', column: 'email', regex: '^[^@]+@[^@]+$', severity: 'warn' },
  { kind: 'relationships', column: 'customer_id', to: 'silver.customers', severity: 'warn' },
  { kind: 'expression', name: 'valid_order_date', expression: "try_strptime(order_date, '%Y-%m-%d') IS NOT NULL", severity: 'warn' },
  { kind: 'row_count', min: 1 },
  { kind: 'freshness', column: 'updated_at', max_age: '10000d' },
  { kind: 'anomaly', metrics: { total_amount: ['sum', 'null_rate'] } },
];

/** The same mix, its unique check on a key that does not repeat. */
const TEN_MIXED_PASSING = TEN_MIXED.map((c) => ((c as { kind: string }).kind === 'unique' ? { kind: 'unique', column: 'line_id', severity: 'warn' } : c));

/** Ten cheap checks, the kind most sidecars hold: here reading the data dominates, not computing. */
const TEN_LIGHT: unknown[] = [
  { kind: 'not_null', column: 'order_id', severity: 'warn' },
  { kind: 'not_null', column: 'customer_id', severity: 'warn' },
  { kind: 'not_null', column: 'updated_at', severity: 'warn' },
  { kind: 'accepted_values', column: 'status', values: STATUSES, severity: 'warn' },
  { kind: 'range', column: 'total_amount', min: 0, max: 100000, severity: 'warn' },
  { kind: 'range', column: 'updated_at', min: '2020-01-01', max: '2030-01-01', severity: 'warn' },
  { kind: 'expression', name: 'positive_id', expression: 'order_id >= 0', severity: 'warn' },
  { kind: 'expression', name: 'valid_order_date', expression: "try_strptime(order_date, '%Y-%m-%d') IS NOT NULL", severity: 'warn' },
  { kind: 'row_count', min: 1 },
  { kind: 'freshness', column: 'updated_at', max_age: '10000d' },
];

const QUARANTINE_CHECKS: unknown[] = [
  { kind: 'unique', column: 'order_id', dedup: 'keep_latest', order_by: 'updated_at' },
  { kind: 'not_null', column: 'customer_id', severity: 'quarantine' },
  { kind: 'accepted_values', column: 'status', values: STATUSES, severity: 'quarantine' },
  { kind: 'expression', name: 'valid_order_date', expression: "try_strptime(order_date, '%Y-%m-%d') IS NOT NULL", severity: 'quarantine' },
  { kind: 'range', column: 'total_amount', min: 0, severity: 'warn' },
];

async function time(fn: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

const best = (xs: number[]): number => Math.min(...xs);
const ms = (x: number): string => `${x.toFixed(0)} ms`;

/** Times the one-pass query against each check run alone, interleaved, best of REPEAT. */
async function compareOnePass(conn: SqlConnection, label: string, checks: unknown[]): Promise<void> {
  const columns = await conn.describe('SELECT * FROM silver.orders_source');
  const defs = parseChecks(checks, { file: 'bench.yaml', layer: 'silver', model: 'orders' });
  const count = () => countChecks({ conn, table: 'silver.orders_source', target: 'silver.orders', columns, checks: defs });
  const { compiled } = await count(); // also warms the buffer pool
  const separate = compiled.checks.map((c) => ({ name: c.def.name, sql: c.sql, runs: [] as number[] }));
  const onePass: number[] = [];
  for (let r = 0; r < REPEAT; r++) {
    onePass.push(await time(count));
    for (const s of separate) s.runs.push(await time(() => conn.all(s.sql)));
  }
  const onePassMs = best(onePass);
  const separateTotal = separate.reduce((sum, s) => sum + best(s.runs), 0);
  const slowest = separate.reduce((a, b) => (best(b.runs) > best(a.runs) ? b : a));
  console.log(`\n${label}`);
  for (const s of separate) console.log(`  alone: ${s.name.padEnd(48)} ${ms(best(s.runs))}`);
  console.log(`  one pass, ten checks:        ${ms(onePassMs)}`);
  console.log(`  ten separate queries (sum):  ${ms(separateTotal)}   speed-up ${(separateTotal / onePassMs).toFixed(2)}× (target ≥ 4×)`);
  console.log(`  slowest check alone:         ${ms(best(slowest.runs))} (${slowest.name})   one pass / slowest = ${(onePassMs / best(slowest.runs)).toFixed(2)} (target ≤ 2)`);
}

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'ingot-quality-bench-'));
  const db = await openDatabase(join(dir, 'bench.duckdb'), { tempDirectory: join(dir, 'tmp'), ...(THREADS > 0 ? { threads: THREADS } : {}) });
  const conn = await db.connect();
  try {
    await migrate(conn);
    console.log(`quality benchmark: ${ROWS.toLocaleString('en')} rows, best of ${REPEAT}`);
    await conn.run('CREATE TABLE silver.customers AS SELECT range::BIGINT AS customer_id FROM range(99000)');
    await makeOrders(conn, 'silver.orders_source');
    await conn.run('CHECKPOINT');

    // (1) One pass versus ten separate queries, on the same table.
    await compareOnePass(conn, 'ten mixed checks (the issue\'s set; 10,000 keys repeat)', TEN_MIXED);
    await compareOnePass(conn, 'ten mixed checks, unique on a key that does not repeat', TEN_MIXED_PASSING);
    await compareOnePass(conn, 'ten light checks (scan-bound)', TEN_LIGHT);

    // (2) Quarantine split overhead: stage + gate + publish versus stage + publish.
    const plain: number[] = [];
    const gated: number[] = [];
    let quarantined = 0;
    for (let r = 0; r < REPEAT; r++) {
      plain.push(
        await time(async () => {
          await conn.run(`CREATE OR REPLACE TABLE ${STAGE} AS SELECT * FROM silver.orders_source`);
          await conn.run(`CREATE OR REPLACE TABLE silver.orders AS SELECT * FROM ${STAGE}`);
        }),
      );
      await conn.run('DROP TABLE IF EXISTS quarantine.silver_orders');
      gated.push(
        await time(async () => {
          await conn.run(`CREATE OR REPLACE TABLE ${STAGE} AS SELECT * FROM silver.orders_source`);
          const result = await runQualityGate({ conn, runId: r + 1, layer: 'silver', model: 'orders', stagingTable: STAGE, checks: QUARANTINE_CHECKS, file: 'bench.yaml' });
          quarantined = result.quarantined;
          await conn.run(`CREATE OR REPLACE TABLE silver.orders AS SELECT * FROM ${STAGE}`);
        }),
      );
    }
    const published = Number((await conn.one<{ n: number }>('SELECT count(*) AS n FROM silver.orders'))?.n);
    console.log('\nquarantine split (unique keep_latest + 3 quarantine checks + 1 warn check)');
    console.log(`  stage + publish, no checks:  ${ms(best(plain))}`);
    console.log(`  stage + gate + publish:      ${ms(best(gated))}   overhead ${(best(gated) / best(plain)).toFixed(2)}× (${quarantined.toLocaleString('en')} rows quarantined, ${published.toLocaleString('en')} published)`);

    // (3) Lasting fixes: 1,000 held rows fixed and released; every rebuild puts the fixes in place
    // of their originals before the checks (the stage's failing rows fingerprinted).
    await conn.run("UPDATE quarantine.silver_orders SET customer_id = 1 WHERE customer_id IS NULL AND status <> 'unknown' AND rowid IN (SELECT rowid FROM quarantine.silver_orders WHERE customer_id IS NULL LIMIT 1000)");
    await conn.run('UPDATE quarantine.silver_orders SET _released_at = now()::TIMESTAMP, _release_id = 1 WHERE customer_id = 1 AND _released_at IS NULL');
    const refixed: number[] = [];
    let reapplied = 0;
    for (let r = 0; r < REPEAT; r++) {
      refixed.push(
        await time(async () => {
          await conn.run(`CREATE OR REPLACE TABLE ${STAGE} AS SELECT * FROM silver.orders_source`);
          const result = await runQualityGate({ conn, runId: 100 + r, layer: 'silver', model: 'orders', stagingTable: STAGE, checks: QUARANTINE_CHECKS, file: 'bench.yaml', reapplyFixes: { keyColumns: [] } });
          reapplied = result.released;
          await conn.run(`CREATE OR REPLACE TABLE silver.orders AS SELECT * FROM ${STAGE}`);
        }),
      );
    }
    console.log(`  … with 1,000 lasting fixes:  ${ms(best(refixed))}   against the gate without fixes ${(best(refixed) / best(gated)).toFixed(2)}× (${reapplied.toLocaleString('en')} fixed rows put in place of their originals)`);
  } finally {
    conn.close();
    db.close();
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
