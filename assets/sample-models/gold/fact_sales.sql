-- One row per order line of an order that arrived: what was sold, when, to whom, for how much.
-- Lines of orders that never arrived are left out (they stay in silver.stg_order_items).
SELECT
  i.order_id,
  i.line_no,
  o.order_date,
  o.customer_id,
  i.product_id,
  o.status,
  o.currency,
  i.quantity,
  i.unit_price,
  CAST(i.quantity * i.unit_price AS DECIMAL(14, 2)) AS line_amount
FROM silver.stg_order_items AS i
JOIN silver.stg_orders AS o ON o.order_id = i.order_id
