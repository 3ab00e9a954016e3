-- Revenue per order day and currency, from order lines of orders that were not cancelled or
-- returned. Orders without a valid order date are left out.
SELECT
  order_date,
  currency,
  count(DISTINCT order_id) AS orders,
  sum(quantity) AS units,
  sum(line_amount) AS revenue
FROM gold.fact_sales
WHERE order_date IS NOT NULL
  AND status NOT IN ('cancelled', 'returned')
GROUP BY order_date, currency
