-- One row per order: the latest delivery of each order (latest updated_at; ties go to the later
-- batch and row), with typed, conformed columns. An order_date that is not a date stays NULL here
-- (a quality check can report those rows); status is lower case, currency upper case.
WITH deliveries AS (
  SELECT
    CAST(order_id AS BIGINT) AS order_id,
    TRY_CAST(customer_id AS BIGINT) AS customer_id,
    TRY_CAST(order_date AS DATE) AS order_date,
    lower(trim(CAST(status AS VARCHAR))) AS status,
    upper(trim(CAST(currency AS VARCHAR))) AS currency,
    TRY_CAST(total_amount AS DECIMAL(12, 2)) AS total_amount,
    TRY_CAST(updated_at AS TIMESTAMP) AS updated_at,
    _batch_id,
    _row_number
  FROM bronze.orders
)
SELECT
  order_id,
  arg_max(customer_id, (updated_at, _batch_id, _row_number)) AS customer_id,
  arg_max(order_date, (updated_at, _batch_id, _row_number)) AS order_date,
  arg_max(status, (updated_at, _batch_id, _row_number)) AS status,
  arg_max(currency, (updated_at, _batch_id, _row_number)) AS currency,
  arg_max(total_amount, (updated_at, _batch_id, _row_number)) AS total_amount,
  max(updated_at) AS updated_at,
  count(*) AS deliveries
FROM deliveries
GROUP BY order_id
