// Which incremental models may be narrowed to the keys their new rows touch: the dedups, joins
// and GROUP BYs on the key that ShopFlow uses may; negation, HAVING, LIMIT, windows across keys and
// aggregates used in conditions may not (their new rows change rows of other keys).
import { describe, expect, it } from 'vitest';
import { aggregateFunctions } from '../../../src/engine/pipeline/aggregate-functions.js';
import { narrowingBlocker } from '../../../src/engine/pipeline/narrowing-blocker.js';
import { analyzeSql } from '../../../src/engine/pipeline/sql-refs.js';
import { useMemoryConnection } from '../../helpers/memory-connection.js';

const connection = useMemoryConnection();

async function blocker(sql: string, keys: string[]): Promise<string | undefined> {
  const a = await analyzeSql(connection(), sql);
  if (!a.ok) throw new Error(a.message);
  return narrowingBlocker(a.tree, keys, await aggregateFunctions(connection()));
}

describe('narrowing blocker', () => {
  it('lets key-local SQL narrow: filters, joins, semi joins, UNION, GROUP BY and windows on the key', async () => {
    const ok = [
      'SELECT * FROM bronze.o WHERE amount > 0 AND status NOT IN (\'x\', \'y\')',
      'SELECT order_id, arg_max(status, updated_at) AS status, max(updated_at) AS updated_at FROM bronze.o GROUP BY order_id',
      'SELECT CAST(order_id AS BIGINT) AS order_id, count(*) AS n FROM bronze.o GROUP BY CAST(order_id AS BIGINT)',
      'SELECT order_id, max(x) FROM bronze.o GROUP BY 1',
      'SELECT i.order_id, i.line_no, o.status FROM silver.i AS i JOIN silver.o AS o ON o.order_id = i.order_id',
      'SELECT o.order_id, c.name FROM silver.o AS o LEFT JOIN silver.c AS c ON c.id = o.customer_id',
      'SELECT order_id FROM silver.o WHERE EXISTS (SELECT 1 FROM silver.r WHERE r.order_id = o.order_id)',
      'SELECT order_id FROM silver.o WHERE customer_id IN (SELECT id FROM silver.c WHERE vip)',
      'SELECT order_id FROM silver.a UNION ALL SELECT order_id FROM silver.b',
      'SELECT * FROM bronze.o QUALIFY row_number() OVER (PARTITION BY order_id ORDER BY updated_at DESC) = 1',
      'SELECT order_id, amount / (SELECT sum(amount) FROM silver.o) AS share FROM silver.o',
      'SELECT order_date, currency, count(DISTINCT order_id) AS orders, sum(x) AS revenue FROM gold.f GROUP BY order_date, currency',
      'WITH d AS (SELECT CAST(order_id AS BIGINT) AS order_id, status FROM bronze.o) SELECT order_id, arg_max(status, 1) AS s FROM d GROUP BY order_id',
    ];
    for (const sql of ok) expect(await blocker(sql, sql.includes('order_date, currency') ? ['order_date'] : ['order_id']), sql).toBeUndefined();
  });

  it('names what prevents narrowing', async () => {
    const cases: [string, string[], string][] = [
      ['SELECT o.order_id FROM silver.o AS o WHERE NOT EXISTS (SELECT 1 FROM silver.r AS r WHERE r.order_id = o.order_id)', ['order_id'], 'NOT EXISTS or NOT IN on a subquery'],
      ['SELECT order_id FROM silver.o WHERE order_id NOT IN (SELECT order_id FROM silver.r)', ['order_id'], 'NOT EXISTS or NOT IN on a subquery'],
      ['SELECT order_id FROM silver.o WHERE amount > ALL (SELECT amount FROM silver.r)', ['order_id'], 'NOT EXISTS or NOT IN on a subquery'],
      ['SELECT o.order_id FROM silver.o AS o ANTI JOIN silver.r AS r ON r.order_id = o.order_id', ['order_id'], 'an ANTI JOIN'],
      ['SELECT order_id FROM silver.o EXCEPT SELECT order_id FROM silver.r', ['order_id'], 'EXCEPT'],
      ['SELECT customer, sum(amount) AS total FROM silver.o GROUP BY customer HAVING sum(amount) > 15', ['customer'], 'HAVING'],
      ['SELECT order_id FROM silver.o ORDER BY amount DESC LIMIT 10', ['order_id'], 'LIMIT'],
      ['SELECT order_id, row_number() OVER (PARTITION BY customer ORDER BY amount DESC) AS r FROM silver.o', ['order_id'], 'the window function row_number() not partitioned by the key order_id'],
      ['SELECT DISTINCT ON (customer) order_id, customer FROM silver.o ORDER BY customer, amount DESC', ['order_id'], 'DISTINCT ON without the key order_id'],
      ['SELECT order_id FROM silver.o WHERE amount > (SELECT avg(amount) FROM silver.o)', ['order_id'], 'a scalar subquery in a condition'],
      [
        'SELECT o.order_id FROM silver.o AS o JOIN (SELECT customer, max(amount) AS top FROM silver.o GROUP BY customer) AS t ON t.customer = o.customer AND o.amount = t.top',
        ['order_id'],
        'the aggregate top of a subquery in a condition or grouping',
      ],
      ['SELECT n, count(*) AS customers FROM (SELECT customer, count(*) AS n FROM silver.o GROUP BY customer) GROUP BY n', ['n'], 'the aggregate n of a subquery in a condition or grouping'],
      ['SELECT max(order_id) AS order_id, customer FROM silver.o GROUP BY customer', ['order_id'], 'GROUP BY without the key order_id'],
      ['SELECT order_id FROM silver.o USING SAMPLE 10%', ['order_id'], 'USING SAMPLE'],
    ];
    for (const [sql, keys, expected] of cases) expect(await blocker(sql, keys), sql).toBe(expected);
  });
});
