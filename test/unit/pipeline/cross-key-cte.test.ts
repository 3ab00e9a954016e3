// Incremental models that read a CTE more than once: narrowing to the touched keys replaces the
// input read inside the CTE by its new rows, so an aggregate over the CTE (a scalar subquery, a
// CROSS JOIN with a one-row aggregate, a derived table) would see only the touched keys and leave
// every other key stale. Those are rebuilt in full and the plan says why; a CTE read per key stays
// incremental.
import { describe, expect, it } from 'vitest';
import { aggregateFunctions } from '../../../src/engine/pipeline/aggregate-functions.js';
import { narrowingBlocker } from '../../../src/engine/pipeline/narrowing-blocker.js';
import { runPipeline } from '../../../src/engine/pipeline/runner.js';
import { analyzeSql } from '../../../src/engine/pipeline/sql-refs.js';
import { openWorkspace } from '../../../src/engine/workspace/workspace.js';
import { useMemoryConnection } from '../../helpers/memory-connection.js';
import { appendBatch, createWorkspace, rows, writeModel } from './helpers.js';

const connection = useMemoryConnection();

async function blocker(sql: string, keys: string[]): Promise<string | undefined> {
  const a = await analyzeSql(connection(), sql);
  if (!a.ok) throw new Error(a.message);
  return narrowingBlocker(a.tree, keys, await aggregateFunctions(connection()));
}

const PER = 'WITH per AS (SELECT customer, sum(amount) AS spend FROM silver.orders GROUP BY customer)';

/** The models of the end-to-end test, keyed by customer: SQL and the reason the plan must give (undefined: stays incremental). */
const MODELS: Record<string, [string, string | undefined]> = {
  vs_avg_scalar: [`${PER}\nSELECT per.customer, per.spend - (SELECT avg(spend) FROM per) AS vs_avg FROM per`, 'an aggregate of the CTE per in a scalar subquery'],
  vs_avg_cross: [
    `${PER}, avg_all AS (SELECT avg(spend) AS avg_spend FROM per)\nSELECT per.customer, per.spend - avg_all.avg_spend AS vs_avg FROM per CROSS JOIN avg_all`,
    'an aggregate of the CTE per in the CTE avg_all',
  ],
  vs_avg_derived: [
    `${PER}\nSELECT per.customer, per.spend - a.avg_spend AS vs_avg FROM per CROSS JOIN (SELECT avg(spend) AS avg_spend FROM per) AS a`,
    'an aggregate of the CTE per in a subquery in FROM',
  ],
  spend: [`${PER}\nSELECT customer, spend, spend * 2 AS doubled FROM per`, undefined],
};

describe('incremental models reading a CTE more than once', () => {
  it('names an aggregate, subquery or self-join over a CTE the SQL also reads per key', async () => {
    const cases: [string, string][] = [
      ...Object.values(MODELS).flatMap(([sql, why]): [string, string][] => (why ? [[sql, why]] : [])),
      [`SELECT customer, vs_avg FROM (${PER} SELECT per.customer, per.spend - (SELECT avg(spend) FROM per) AS vs_avg FROM per) AS d`, 'an aggregate of the CTE per in a scalar subquery'],
      [`${PER} SELECT a.customer, sum(b.spend) AS others FROM per AS a JOIN per AS b ON b.customer <> a.customer GROUP BY a.customer`, 'the CTE per joined with itself'],
      [`${PER} SELECT customer, spend FROM per WHERE customer IN (SELECT max(customer) FROM per)`, 'an aggregate of the CTE per in an IN or ANY subquery'],
      [`${PER} SELECT customer, spend FROM per WHERE EXISTS (SELECT 1 FROM per AS q WHERE q.customer <> per.customer)`, 'the CTE per read again in an EXISTS subquery'],
    ];
    for (const [sql, expected] of cases) expect(await blocker(sql, ['customer']), sql).toBe(expected);
  });

  it('lets a CTE read once per output SELECT, or a CTE of constants, narrow', async () => {
    const ok = [
      MODELS.spend?.[0] ?? '',
      `${PER} SELECT customer, spend, 'early' AS half FROM per WHERE customer < 'm' UNION ALL SELECT customer, spend, 'late' AS half FROM per WHERE customer >= 'm'`,
      'WITH f AS (SELECT 2 AS factor) SELECT customer, amount * (SELECT factor FROM f) AS a, amount + (SELECT factor FROM f) AS b FROM silver.orders',
      `${PER}, avg_all AS (SELECT avg(amount) AS avg_order FROM silver.orders) SELECT per.customer, per.spend - avg_all.avg_order AS vs_avg FROM per CROSS JOIN avg_all`,
    ];
    for (const sql of ok) expect(await blocker(sql, ['customer']), sql).toBeUndefined();
  });

  it('rebuilds those models in full when one new order arrives, leaving no stale key; a per-key CTE stays incremental', async () => {
    const root = await createWorkspace();
    const dedup = 'SELECT order_id, arg_max(customer, _batch_id) AS customer, arg_max(amount, _batch_id) AS amount FROM bronze.orders GROUP BY order_id';
    await writeModel(root, 'silver', 'orders', dedup, { materialization: 'incremental', unique_key: 'order_id' });
    for (const [name, [sql]] of Object.entries(MODELS)) await writeModel(root, 'gold', name, sql, { materialization: 'incremental', unique_key: 'customer' });
    const ws = await openWorkspace(root);
    try {
      await appendBatch(ws, 'orders', "SELECT * FROM (VALUES (1, 'a', 10), (2, 'b', 20), (3, 'c', 30), (4, 'c', 60)) t(order_id, customer, amount)");
      await runPipeline(ws);
      // One big order for customer a moves the average spend, so every customer's vs_avg changes.
      await appendBatch(ws, 'orders', "SELECT 5 AS order_id, 'a' AS customer, 900 AS amount");
      const run = await runPipeline(ws);
      const built = new Map(run.models.map((m) => [m.model, m]));
      expect(built.get('silver.orders')?.mode).toBe('incremental');
      for (const [name, [sql, why]] of Object.entries(MODELS)) {
        const model = built.get(`gold.${name}`);
        if (why) {
          expect(model?.mode, name).toBe('full');
          expect(model?.reasons, name).toContain(`rebuilt in full: its SQL uses ${why}, so new rows can change rows of keys they do not touch (models/gold/${name}.sql)`);
        } else {
          expect(model?.mode, name).toBe('incremental');
        }
        const diff = await rows(ws, `SELECT (SELECT count(*) FROM (FROM gold.${name} EXCEPT ALL (${sql}))) AS stale, (SELECT count(*) FROM ((${sql}) EXCEPT ALL FROM gold.${name})) AS missing`);
        expect(diff, name).toEqual([{ stale: 0, missing: 0 }]);
      }
      expect(await rows(ws, 'SELECT customer, vs_avg FROM gold.vs_avg_scalar ORDER BY customer')).toEqual([
        { customer: 'a', vs_avg: 570 },
        { customer: 'b', vs_avg: -320 },
        { customer: 'c', vs_avg: -250 },
      ]);
    } finally {
      ws.close();
    }
  });
});
