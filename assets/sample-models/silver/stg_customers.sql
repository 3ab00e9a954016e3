-- One row per customer from the CRM export: the latest delivery of each customer, with emails
-- in lower case and country codes in upper case.
SELECT
  CAST(customer_id AS BIGINT) AS customer_id,
  lower(trim(arg_max(email, (_batch_id, _row_number)))) AS email,
  trim(arg_max(name, (_batch_id, _row_number))) AS name,
  upper(trim(arg_max(country, (_batch_id, _row_number)))) AS country,
  TRY_CAST(arg_max(signup_date, (_batch_id, _row_number)) AS DATE) AS signup_date
FROM bronze.customers
GROUP BY CAST(customer_id AS BIGINT)
