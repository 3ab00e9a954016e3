// The SELECTs behind customers.csv and products.ndjson: names, emails and countries for the
// customers, SKUs, names, categories and prices for the products, with a little mess to conform
// (mixed-case emails, lowercase country codes, products without a category).
import { literal, sqlValue } from '../../db/sql.js';
import { pickSql } from './macros.js';
import { withinSql as within, withRanks } from './permutation.js';
import type { ShopflowPlan } from './plan.js';

const FIRST_NAMES = ['Anna', 'Ben', 'Chloé', 'David', 'Emma', 'Felix', 'Greta', 'Hugo', 'Ines', 'Jonas', 'Klara', 'Luca',
  'Mia', 'Noah', 'Olivia', 'Paul', 'Quinn', 'Rosa', 'Sven', 'Tara', 'Uwe', 'Vera', 'Wim', 'Yara', 'Zoe', 'Liam', 'Sofia', 'Mateo', 'Léa', 'Jakub'];
const LAST_NAMES = ['Müller', 'Schmidt', 'Dubois', 'García', 'Rossi', 'Jansen', "O'Brien", 'Smith', 'Nowak', 'Andersson', 'Bauer',
  'Martin', 'López', 'Bianchi', 'de Vries', 'Kowalski', 'Nielsen', 'Weber', 'Moreau', 'Fernández', 'Russo', 'Bakker', 'Wójcik',
  'Berg', 'Fischer', 'Lefebvre', 'Romero', 'Greco', 'Visser', 'Lindqvist'];
const DOMAINS = ['example.com', 'mail.example', 'shop.example', 'post.example'];
/** Country codes, repeated to weight the mix towards the shop's home markets. */
const COUNTRIES = ['DE', 'DE', 'DE', 'DE', 'FR', 'FR', 'NL', 'NL', 'ES', 'IT', 'AT', 'BE', 'PL', 'SE', 'GB', 'US'];
const CATEGORIES = ['Electronics', 'Home', 'Garden', 'Sports', 'Books', 'Toys', 'Beauty', 'Fashion'];
/** Product nouns per category, in CATEGORIES order; every category has the same number. */
const NOUNS = [
  ['Headphones', 'Charger', 'Speaker', 'Keyboard', 'Webcam'],
  ['Lamp', 'Mug', 'Pillow', 'Vase', 'Blanket'],
  ['Hose', 'Planter', 'Shears', 'Bird Feeder', 'Seed Kit'],
  ['Yoga Mat', 'Dumbbell', 'Water Bottle', 'Jump Rope', 'Backpack'],
  ['Cookbook', 'Novel', 'Atlas', 'Notebook', 'Comic'],
  ['Puzzle', 'Robot', 'Board Game', 'Plush Bear', 'Kite'],
  ['Face Cream', 'Shampoo', 'Perfume', 'Lip Balm', 'Soap'],
  ['Scarf', 'Sneakers', 'Jacket', 'Cap', 'Belt'],
];
const ADJECTIVES = ['Classic', 'Eco', 'Pro', 'Mini', 'Ultra', 'Smart', 'Vintage', 'Deluxe', 'Compact', 'Essential'];

/** data/customers.csv */
export function customersSql(plan: ShopflowPlan): string {
  const { mixedCaseEmail, lowercaseCountry } = plan.customerMess;
  const ids = withRanks(`SELECT id AS customer_id FROM sf_ids WHERE id <= ${sqlValue(plan.customers)}`, [
    { name: 'rank', permutation: plan.customerPermutation, zeroBasedId: 'customer_id - 1' },
  ]);
  const apostrophe = literal("'");
  return `WITH c AS (
  SELECT customer_id, rank,
    ${pickSql(FIRST_NAMES, 'first_name', 'customer_id')} AS first_name,
    ${pickSql(LAST_NAMES, 'last_name', 'customer_id')} AS last_name,
    ${pickSql(DOMAINS, 'domain', 'customer_id')} AS domain,
    ${pickSql(COUNTRIES, 'country', 'customer_id')} AS country
  FROM (${ids})
)
SELECT customer_id,
  CASE WHEN ${within('rank', mixedCaseEmail)} THEN first_name || '.' || replace(last_name, ' ', '') || customer_id || '@' || upper(domain)
       ELSE lower(strip_accents(first_name || '.' || replace(replace(last_name, ' ', ''), ${apostrophe}, ''))) || customer_id || '@' || domain
  END AS email,
  first_name || ' ' || last_name AS name,
  CASE WHEN ${within('rank', lowercaseCountry)} THEN lower(country) ELSE country END AS country,
  DATE '2020-01-01' + (sf_hash('signup', customer_id) % 1461)::INTEGER AS signup_date
FROM c`;
}

/** data/products.ndjson */
export function productsSql(plan: ShopflowPlan): string {
  const ids = withRanks(`SELECT id AS product_id FROM sf_ids WHERE id <= ${sqlValue(plan.products)}`, [
    { name: 'rank', permutation: plan.productPermutation, zeroBasedId: 'product_id - 1' },
  ]);
  const category = `(1 + sf_hash('category', product_id) % ${sqlValue(CATEGORIES.length)})::INTEGER`;
  const nounsOfCategory = `split_part(${literal(NOUNS.map((n) => n.join('|')).join(';'))}, ';', ${category})`;
  const noun = `split_part(${nounsOfCategory}, '|', (1 + sf_hash('noun', product_id) % ${sqlValue(NOUNS[0]?.length ?? 1)})::INTEGER)`;
  return `SELECT product_id::INTEGER AS product_id,
  'SF-' || lpad(product_id::VARCHAR, 6, '0') AS sku,
  ${pickSql(ADJECTIVES, 'adjective', 'product_id')} || ' ' || ${noun} AS name,
  CASE WHEN ${within('rank', plan.productMess.nullCategory)} THEN NULL
       ELSE split_part(${literal(CATEGORIES.join('|'))}, '|', ${category}) END AS category,
  sf_money(sf_price_cents(product_id)) AS list_price
FROM (${ids})`;
}
