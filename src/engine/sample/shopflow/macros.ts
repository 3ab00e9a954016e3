// The pseudo-random building blocks of the ShopFlow generator, as DuckDB macros on the scratch
// database. Every value is a pure function of (seed, salt, key) through DuckDB's hash(), so any
// row can be computed on its own, in parallel, in any order, and the same seed gives the same data.
// The sf_ids table holds the ids 1…n every generator scans: unlike range(), a table scan runs on
// all threads and keeps its order.
import type { SqlConnection } from '../../db/connection.js';
import { literal, sqlValue } from '../../db/sql.js';
import { BATCH1_DAYS, FIRST_DAY, type ShopflowPlan } from './plan.js';

/** 2^53: hash bits shifted right by 11 and divided by this give a uniform double in [0, 1). */
const TWO_POW_53 = '9007199254740992.0';
/** Seconds from 1970-01-01 to FIRST_DAY. */
const FIRST_DAY_EPOCH = Date.parse(`${FIRST_DAY}T00:00:00Z`) / 1000;

/** SQL picking one of `values` (none may contain '|') by the seeded hash of (salt, key). */
export function pickSql(values: readonly string[], salt: string, key: string): string {
  return `split_part(${literal(values.join('|'))}, '|', (1 + sf_hash(${literal(salt)}, ${key}) % ${sqlValue(values.length)})::INTEGER)`;
}

/** Creates the sf_* macros and the sf_ids table for one plan on `conn`. */
export async function prepareGenerator(conn: SqlConnection, plan: ShopflowPlan): Promise<void> {
  const seed = `${sqlValue(plan.seed)}::BIGINT`;
  const main = sqlValue(plan.mainOrders);
  const batch1Seconds = sqlValue(BATCH1_DAYS * 86_400);
  const macros = [
    `sf_hash(salt, a) AS hash(${seed}, salt, a::BIGINT)`,
    `sf_unit(salt, a) AS (sf_hash(salt, a) >> 11)::DOUBLE / ${TWO_POW_53}`,
    `sf_square(x) AS x * x`,
    `sf_money(cents) AS (cents::DOUBLE / 100)::DECIMAL(12, 2)`,
    // Products: list price 1.99 … 499.99.
    `sf_price_cents(p) AS 199 + (sf_hash('price', p) % 49801)::BIGINT`,
    // Order lines: 1–4 per order (2.5 on average). One hash per line decides product
    // (popular products more often), quantity (1–3) and a 10% discount on every tenth line.
    `sf_lines(o) AS 1 + (sf_hash('lines', o) % 4)::BIGINT`,
    `sf_line_hash(o, l) AS hash(${seed}, 'line', o::BIGINT, l::BIGINT)`,
    `sf_line_product(h) AS 1 + floor(${sqlValue(plan.products)} * sf_square((h >> 11)::DOUBLE / ${TWO_POW_53}))::BIGINT`,
    `sf_line_qty(h) AS CASE WHEN h % 10 < 7 THEN 1 WHEN h % 10 < 9 THEN 2 ELSE 3 END`,
    `sf_line_cents(h) AS (sf_price_cents(sf_line_product(h)) * CASE WHEN (h // 10) % 10 = 0 THEN 9 ELSE 10 END + 5) // 10`,
    `sf_line_amount(h) AS sf_line_qty(h) * sf_line_cents(h)`,
    // Orders: ids 1…main spread evenly over the batch-1 days, the rest over the new day.
    `sf_order_second(o) AS ${sqlValue(FIRST_DAY_EPOCH)} + CASE WHEN o <= ${main}
       THEN (o - 1) * ${batch1Seconds} // ${main}
       ELSE ${batch1Seconds} + (o - ${main} - 1) * 86400 // ${sqlValue(plan.newDayOrders)} END`,
    `sf_timestamp(second) AS make_timestamp(second::BIGINT * 1000000)`,
    `sf_order_date(o) AS DATE ${literal(FIRST_DAY)} + ((sf_order_second(o) - ${sqlValue(FIRST_DAY_EPOCH)}) // 86400)::INTEGER`,
    `sf_customer(o) AS 1 + floor(${sqlValue(plan.customers)} * sf_square(sf_unit('customer', o)))::BIGINT`,
    `sf_status_of(bucket) AS CASE WHEN bucket < 5 THEN 'placed' WHEN bucket < 13 THEN 'paid' WHEN bucket < 23 THEN 'shipped'
       WHEN bucket < 83 THEN 'delivered' WHEN bucket < 93 THEN 'cancelled' ELSE 'returned' END`,
    `sf_status(o) AS sf_status_of(sf_hash('status', o) % 100)`,
    `sf_currency_of(bucket) AS CASE WHEN bucket < 80 THEN 'EUR' WHEN bucket < 92 THEN 'USD' ELSE 'GBP' END`,
    `sf_currency(o) AS sf_currency_of(sf_hash('currency', o) % 100)`,
    // Placed orders were never touched again; the others were updated within three days.
    `sf_processing_seconds(o, status) AS CASE WHEN status = 'placed' THEN 0 ELSE 60 + sf_hash('updated', o) % 259140 END`,
  ];
  for (const m of macros) await conn.run(`CREATE OR REPLACE TEMP MACRO ${m}`);
  const ids = Math.max(plan.orders, plan.mainOrders + plan.orphanItems, plan.customers, plan.products);
  await conn.run(`CREATE OR REPLACE TEMP TABLE sf_ids AS SELECT range AS id FROM range(1, ${sqlValue(ids + 1)})`);
}
