// Which incremental models may read their input limited to the affected keys: only those where
// the parse tree proves it exact, e.g. a GROUP BY on the key or a join on the preserved side.
import { describe, expect, it } from 'vitest';
import { aggregateFunctions } from '../../../src/engine/pipeline/aggregate-functions.js';
import { findKeyPushdown } from '../../../src/engine/pipeline/key-pushdown.js';
import { uniqueByConstruction } from '../../../src/engine/pipeline/unique-by-construction.js';
import { analyzeSql } from '../../../src/engine/pipeline/sql-refs.js';
import { useMemoryConnection } from '../../helpers/memory-connection.js';
import { deserializeTree } from '../../../src/engine/pipeline/sql-rewrite.js';

const connection = useMemoryConnection();

/** The table the keys are pushed into (`schema.table`) and the key expression SQL, or undefined. */
async function pushdown(sql: string, keys: string[]): Promise<{ table: string; expressions: string[] } | undefined> {
  const a = await analyzeSql(connection(), sql);
  if (!a.ok) throw new Error(a.message);
  const found = findKeyPushdown(a.tree, keys, await aggregateFunctions(connection()));
  if (!found) return undefined;
  const ref = a.refs.find((r) => r.occurrence === found.occurrence);
  const expressions: string[] = [];
  for (const e of found.expressions) {
    const skeleton = await analyzeSql(connection(), 'SELECT 1');
    if (!skeleton.ok) throw new Error('skeleton');
    const tree = JSON.parse(skeleton.tree) as { statements: { node: { select_list: unknown[] } }[] };
    const first = tree.statements[0];
    if (first) first.node.select_list = [e];
    expressions.push((await deserializeTree(connection(), tree)).replace(/^SELECT /, ''));
  }
  return { table: `${ref?.schema}.${ref?.table}`, expressions };
}

describe('key pushdown', () => {
  it('pushes through a CTE into the table for a GROUP BY dedup, keeping the cast', async () => {
    const sql = `WITH d AS (SELECT CAST(order_id AS BIGINT) AS order_id, status, updated_at FROM bronze.orders)
      SELECT order_id, arg_max(status, updated_at) AS status FROM d GROUP BY order_id`;
    expect(await pushdown(sql, ['order_id'])).toEqual({ table: 'bronze.orders', expressions: ['CAST(t.order_id AS BIGINT)'] });
    expect(await pushdown('SELECT order_id, max(x) FROM bronze.o GROUP BY 1', ['order_id'])).toEqual({ table: 'bronze.o', expressions: ['t.order_id'] });
    expect(await pushdown('SELECT order_id, max(x) AS m FROM bronze.o GROUP BY ALL', ['order_id'])).toEqual({ table: 'bronze.o', expressions: ['t.order_id'] });
    expect(await pushdown('SELECT * FROM bronze.o WHERE amount > 0', ['order_id'])).toEqual({ table: 'bronze.o', expressions: ['t.order_id'] });
  });

  it('pushes a composite key into the preserved side of a join, and a partition key through GROUP BY', async () => {
    const fact = `SELECT i.order_id, i.line_no, o.order_date FROM silver.items AS i JOIN silver.orders AS o ON o.order_id = i.order_id`;
    expect(await pushdown(fact, ['order_id', 'line_no'])).toEqual({ table: 'silver.items', expressions: ['t.order_id', 't.line_no'] });
    const left = `SELECT o.order_id, c.name FROM silver.orders AS o LEFT JOIN silver.customers AS c ON c.id = o.customer_id`;
    expect(await pushdown(left, ['order_id'])).toEqual({ table: 'silver.orders', expressions: ['t.order_id'] });
    const daily = `SELECT order_date, currency, sum(amount) AS revenue FROM gold.facts WHERE status <> 'cancelled' GROUP BY order_date, currency`;
    expect(await pushdown(daily, ['order_date'])).toEqual({ table: 'gold.facts', expressions: ['t.order_date'] });
    const sub = `SELECT d, count(*) AS n FROM (SELECT CAST(ts AS DATE) AS d FROM bronze.events) AS e GROUP BY d`;
    expect(await pushdown(sub, ['d'])).toEqual({ table: 'bronze.events', expressions: ['CAST(t.ts AS DATE)'] });
  });

  it('refuses whenever restricting the input could change a key\'s rows', async () => {
    const refused = [
      ['SELECT order_id, x FROM bronze.o QUALIFY row_number() OVER (PARTITION BY order_id ORDER BY ts DESC) = 1', ['order_id']],
      ['SELECT order_id, rank() OVER (ORDER BY amount) AS r FROM bronze.o', ['order_id']],
      ['SELECT * FROM bronze.o ORDER BY ts LIMIT 100', ['order_id']],
      ['SELECT count(*) AS order_id FROM bronze.o', ['order_id']],
      ['SELECT customer_id, max(order_date) AS order_date FROM bronze.o GROUP BY customer_id', ['order_date']],
      ['SELECT c.id AS order_id FROM silver.orders o LEFT JOIN silver.c c ON c.id = o.id', ['order_id']],
      ['WITH d AS (SELECT * FROM bronze.o) SELECT a.order_id FROM d AS a JOIN d AS b USING (order_id)', ['order_id']],
      ['SELECT order_id FROM bronze.a UNION ALL SELECT order_id FROM bronze.b', ['order_id']],
      ['SELECT a.x + b.y AS order_id FROM bronze.a AS a JOIN bronze.b AS b ON a.id = b.id', ['order_id']],
      ['SELECT order_id, sum(x) FROM bronze.o GROUP BY ROLLUP (order_id)', ['order_id']],
      ['SELECT order_id FROM bronze.a JOIN bronze.b USING (order_id)', ['order_id']],
      ['SELECT * EXCLUDE (x) FROM bronze.o', ['x']],
    ] as const;
    for (const [sql, keys] of refused) expect(await pushdown(sql, [...keys]), sql).toBeUndefined();
  });
});

describe('unique by construction', () => {
  const KEYS: Record<string, string[]> = { 'silver.items': ['order_id', 'line_no'], 'silver.orders': ['order_id'], 'silver.products': ['product_id'] };
  async function unique(sql: string, keys: string[]): Promise<boolean> {
    const a = await analyzeSql(connection(), sql);
    if (!a.ok) throw new Error(a.message);
    return uniqueByConstruction(a.tree, keys, (schema, table) => KEYS[`${schema}.${table}`]);
  }

  it('trusts GROUP BY and DISTINCT ON exactly the key, nothing else', async () => {
    expect(await unique('SELECT order_id, max(x) AS x FROM bronze.o GROUP BY order_id', ['order_id'])).toBe(true);
    expect(await unique('SELECT CAST(id AS BIGINT) AS order_id, max(x) FROM bronze.o GROUP BY 1', ['order_id'])).toBe(true);
    expect(await unique('SELECT a, b, count(*) FROM bronze.o GROUP BY b, a', ['a', 'b'])).toBe(true);
    expect(await unique('SELECT DISTINCT ON (order_id) * FROM bronze.o ORDER BY order_id, ts DESC', ['order_id'])).toBe(true);
    expect(await unique('SELECT a, b, count(*) FROM bronze.o GROUP BY a, b', ['a'])).toBe(false);
    expect(await unique('SELECT order_id, x FROM bronze.o', ['order_id'])).toBe(false);
    expect(await unique('SELECT order_id, unnest(list(x)) FROM bronze.o GROUP BY order_id', ['order_id'])).toBe(false);
    expect(await unique('SELECT order_id FROM bronze.a GROUP BY order_id UNION ALL SELECT order_id FROM bronze.b GROUP BY order_id', ['order_id'])).toBe(false);
    expect(await unique('SELECT order_id, sum(x) FROM bronze.o GROUP BY ROLLUP (order_id)', ['order_id'])).toBe(false);
  });

  it('trusts a join that keeps one keyed input\'s key and matches every other input on its key', async () => {
    const fact = 'SELECT i.order_id, i.line_no, o.order_date FROM silver.items AS i JOIN silver.orders AS o ON o.order_id = i.order_id';
    expect(await unique(fact, ['order_id', 'line_no'])).toBe(true);
    expect(await unique(`${fact} LEFT JOIN silver.products AS p ON p.product_id = i.product_id WHERE o.status <> 'x'`, ['order_id', 'line_no'])).toBe(true);
    expect(await unique('SELECT i.order_id, i.line_no FROM silver.items AS i JOIN silver.orders AS o USING (order_id)', ['order_id', 'line_no'])).toBe(true);
    // The key does not cover the input's unique key, or a partner can match more than once.
    expect(await unique(fact, ['order_id'])).toBe(false);
    expect(await unique('SELECT o.order_id FROM silver.orders AS o JOIN silver.items AS i ON i.order_id = o.order_id', ['order_id'])).toBe(false);
    expect(await unique('SELECT i.order_id, i.line_no FROM silver.items AS i JOIN bronze.orders AS o ON o.order_id = i.order_id', ['order_id', 'line_no'])).toBe(false);
    expect(await unique('SELECT i.order_id, i.line_no FROM silver.items AS i JOIN silver.orders AS o ON o.order_id > i.order_id', ['order_id', 'line_no'])).toBe(false);
    expect(await unique('SELECT p.product_id FROM silver.items AS i LEFT JOIN silver.products AS p ON p.product_id = i.product_id', ['product_id'])).toBe(false);
  });
});
