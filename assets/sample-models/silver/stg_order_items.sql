-- One row per order line (order_id, line_no), typed; a line delivered twice keeps its latest
-- delivery. Lines whose order never arrives stay here and drop out of gold.fact_sales.
WITH lines AS (
  SELECT
    CAST(order_id AS BIGINT) AS order_id,
    CAST(line_no AS INTEGER) AS line_no,
    CAST(product_id AS INTEGER) AS product_id,
    CAST(quantity AS INTEGER) AS quantity,
    CAST(unit_price AS DECIMAL(12, 2)) AS unit_price,
    _batch_id,
    _row_number
  FROM bronze.order_items
)
SELECT
  order_id,
  line_no,
  arg_max(product_id, (_batch_id, _row_number)) AS product_id,
  arg_max(quantity, (_batch_id, _row_number)) AS quantity,
  arg_max(unit_price, (_batch_id, _row_number)) AS unit_price
FROM lines
GROUP BY order_id, line_no
