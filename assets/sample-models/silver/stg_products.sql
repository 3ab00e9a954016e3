-- One row per product from the catalogue: the latest delivery of each product; a product
-- without a category is filed under "Uncategorized".
SELECT
  CAST(product_id AS INTEGER) AS product_id,
  arg_max(sku, (_batch_id, _row_number)) AS sku,
  arg_max(name, (_batch_id, _row_number)) AS name,
  coalesce(arg_max(category, (_batch_id, _row_number)), 'Uncategorized') AS category,
  CAST(arg_max(list_price, (_batch_id, _row_number)) AS DECIMAL(12, 2)) AS list_price
FROM bronze.products
GROUP BY CAST(product_id AS INTEGER)
