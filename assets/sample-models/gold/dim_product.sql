-- The product dimension: one row per product with its category and price band.
SELECT
  product_id,
  sku,
  name,
  category,
  list_price,
  CASE
    WHEN list_price < 20 THEN 'under 20'
    WHEN list_price < 100 THEN '20–99'
    ELSE '100 and more'
  END AS price_band
FROM silver.stg_products
