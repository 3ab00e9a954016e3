// The SELECTs behind the two order_items Parquet files, each one ordered scan over order ids.
// Each order has 1–4 lines whose product, quantity and price come from one hash of (order, line),
// so an order's total in the orders file is exactly the sum of its lines here. Batch 1 ends with
// a few orphan lines whose order never exists.
import { sqlValue } from '../../db/sql.js';
import { withinSql as within, withRanks } from './permutation.js';
import type { ShopflowPlan } from './plan.js';

/** Orphan line k (0-based) references this order id, which no batch ever delivers. */
export function orphanOrderId(plan: ShopflowPlan, k: number): number {
  return plan.orders + 1000 + k;
}

/** Batch 1 (data/order_items/order_items_1.parquet): lines of every batch-1 order, then orphans. */
export function itemsBatch1Sql(plan: ShopflowPlan): string {
  const main = sqlValue(plan.mainOrders);
  const ids = withRanks(`SELECT id AS pos FROM sf_ids WHERE id <= ${sqlValue(plan.mainOrders + plan.orphanItems)}`, [
    { name: 'rank', permutation: plan.orderPermutation, zeroBasedId: `CASE WHEN pos <= ${main} THEN pos - 1 END` },
  ]);
  return linesSql(`SELECT
    CASE WHEN pos <= ${main} THEN pos ELSE ${sqlValue(orphanOrderId(plan, 0))} + pos - ${main} - 1 END AS order_id,
    CASE WHEN pos <= ${main} THEN sf_lines(pos) ELSE 1 END AS lines
  FROM (${ids})
  WHERE pos > ${main} OR NOT ${within('rank', plan.roles.late)}`);
}

/** Batch 2 (the late batch, data/late/order_items_2.parquet): lines of the late and the new day's orders. */
export function itemsBatch2Sql(plan: ShopflowPlan): string {
  const main = sqlValue(plan.mainOrders);
  const ids = withRanks(`SELECT id AS order_id FROM sf_ids WHERE id <= ${sqlValue(plan.orders)}`, [
    { name: 'rank', permutation: plan.orderPermutation, zeroBasedId: `CASE WHEN order_id <= ${main} THEN order_id - 1 END` },
  ]);
  return linesSql(`SELECT order_id, sf_lines(order_id) AS lines FROM (${ids})
  WHERE order_id > ${main} OR ${within('rank', plan.roles.late)}`);
}

/** One row per line of each order in `orders` (order_id, lines). */
function linesSql(orders: string): string {
  return `WITH orders AS (
  ${orders}
), lines AS (
  SELECT order_id, unnest(range(1, lines + 1)) AS line_no FROM orders
), hashed AS (
  SELECT order_id, line_no, sf_line_hash(order_id, line_no) AS h FROM lines
)
SELECT order_id, line_no::INTEGER AS line_no, sf_line_product(h)::INTEGER AS product_id,
  sf_line_qty(h)::INTEGER AS quantity, sf_money(sf_line_cents(h)) AS unit_price
FROM hashed`;
}
