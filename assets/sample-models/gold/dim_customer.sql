-- The customer dimension: one row per customer with the attributes reports slice by. Order
-- history comes from gold.fact_sales joined on customer_id, so this table only changes when
-- the customer list does.
SELECT
  customer_id,
  name,
  email,
  country,
  signup_date,
  CAST(date_trunc('year', signup_date) AS DATE) AS signup_year
FROM silver.stg_customers
