// The SELECTs behind the two orders batch files: ordered scans over order ids (no sort, no join,
// so DuckDB keeps the row order and runs on all threads). Batch 1 holds the orders dated in
// batch-1 days minus the ones withheld as late, then the re-delivered duplicates at the end of
// the export. Batch 2 holds the late orders, returns of delivered batch-1 orders, and every order
// of the new day.
import { sqlValue } from '../../db/sql.js';
import { withinSql as within, withRanks } from './permutation.js';
import type { ShopflowPlan } from './plan.js';

export const UNKNOWN_STATUSES = ['unknown', 'shipped_twice'] as const;
export const MALFORMED_DATES = ['2024-13-45', '31/02/2024', 'yesterday'] as const;
/** The total written on orders with an absurd amount. */
export const ABSURD_TOTAL = '9999999.99';
/** Status of duplicate-with-update originals, and of their re-delivered copies, by rank parity. */
const PROGRESSING = ['paid', 'shipped'] as const;
const PROGRESSED = ['shipped', 'delivered'] as const;

const pickByRank = (values: readonly string[]): string => `${sqlValue(values)}[1 + rank % ${sqlValue(values.length)}]`;

/** Batch 1 (data/orders/orders_1.csv). */
export function ordersBatch1Sql(plan: ShopflowPlan): string {
  const { roles } = plan;
  const ranked = withRanks(`SELECT id AS order_id FROM sf_ids WHERE id <= ${sqlValue(plan.mainOrders)}`, [
    { name: 'rank', permutation: plan.orderPermutation, zeroBasedId: 'order_id - 1' },
  ]);
  const deliveries = `SELECT order_id, rank, false AS redelivered FROM (${ranked}) WHERE NOT ${within('rank', roles.late)}
  UNION ALL
  SELECT order_id, rank, true FROM (${ranked}) WHERE ${within('rank', roles.duplicateExact)} OR ${within('rank', roles.duplicateUpdated)}`;
  return orderRowsSql(plan, deliveries, 1);
}

/** Batch 2 (the late batch, data/late/orders_2.csv). */
export function ordersBatch2Sql(plan: ShopflowPlan): string {
  const { roles } = plan;
  const m = sqlValue(plan.mainOrders);
  const ids = withRanks(`SELECT id AS order_id FROM sf_ids WHERE id <= ${sqlValue(plan.orders)}`, [
    { name: 'rank', permutation: plan.orderPermutation, zeroBasedId: `CASE WHEN order_id <= ${m} THEN order_id - 1 END` },
  ]);
  const deliveries = `SELECT order_id, rank, false AS redelivered FROM (${ids})
  WHERE order_id > ${m} OR ${within('rank', roles.late)} OR ${within('rank', roles.lateUpdate)}`;
  return orderRowsSql(plan, deliveries, 2);
}

/** The order columns for `deliveries` (order_id, rank, redelivered), with each rank's mess applied. */
function orderRowsSql(plan: ShopflowPlan, deliveries: string, batch: 1 | 2): string {
  const { roles } = plan;
  const status = `CASE
      WHEN ${within('rank', roles.unknownStatus)} THEN ${pickByRank(UNKNOWN_STATUSES)}
      WHEN ${within('rank', roles.duplicateUpdated)} AND redelivered THEN ${pickByRank(PROGRESSED)}
      WHEN ${within('rank', roles.duplicateUpdated)} THEN ${pickByRank(PROGRESSING)}
      WHEN ${within('rank', roles.lateUpdate)} THEN ${batch === 1 ? "'delivered'" : "'returned'"}
      ELSE sf_status(order_id) END`;
  // Seconds after the order time at which the row was last updated.
  const returned = batch === 2 ? `WHEN ${within('rank', roles.lateUpdate)} THEN 4 * 86400 + sf_hash('return', order_id) % 864000` : '';
  const updatedAfter = `CASE
      WHEN redelivered AND ${within('rank', roles.duplicateUpdated)} THEN sf_processing_seconds(order_id, status) + 86400 + sf_hash('redelivery', order_id) % 345600
      ${returned}
      ELSE sf_processing_seconds(order_id, status) END`;
  const total = [1, 2, 3, 4].map((l) => `CASE WHEN lines >= ${l} THEN sf_line_amount(h${l}) ELSE 0 END`).join(' + ');
  return `WITH deliveries AS (
  ${deliveries}
), described AS (
  SELECT order_id, rank, redelivered, ${status} AS status, sf_lines(order_id) AS lines,
    ${[1, 2, 3, 4].map((l) => `sf_line_hash(order_id, ${l}) AS h${l}`).join(', ')}
  FROM deliveries
)
SELECT
  order_id,
  CASE WHEN ${within('rank', roles.nullCustomer)} THEN NULL ELSE sf_customer(order_id) END AS customer_id,
  CASE WHEN ${within('rank', roles.malformedDate)} THEN ${pickByRank(MALFORMED_DATES)}
       ELSE sf_order_date(order_id)::VARCHAR END AS order_date,
  status,
  sf_currency(order_id) AS currency,
  CASE WHEN ${within('rank', roles.negativeTotal)} THEN -sf_money(${total})
       WHEN ${within('rank', roles.absurdTotal)} THEN ${ABSURD_TOTAL}::DECIMAL(12, 2)
       ELSE sf_money(${total}) END AS total_amount,
  sf_timestamp(sf_order_second(order_id) + ${updatedAfter}) AS updated_at
FROM described`;
}
