// The ShopFlow sample's data, counted with DuckDB straight from the files: every number in
// data/MANIFEST.json holds, every kind of seeded mess is there, and the sources describe the files.
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SqlConnection } from '../../../src/engine/db/connection.js';
import { openDatabase } from '../../../src/engine/db/duckdb.js';
import { literal } from '../../../src/engine/db/sql.js';
import { FileSourceSchema } from '../../../src/engine/ingest/file/file-source.js';
import { createShopflowSample, type ShopflowManifest } from '../../../src/engine/sample/shopflow.js';
import type { Database } from '../../../src/engine/db/connection.js';
import { parseYaml } from '../../../src/engine/workspace/yaml-file.js';

const ROWS = 2000;
const STATUSES = ['placed', 'paid', 'shipped', 'delivered', 'cancelled', 'returned'];

let root: string;
let manifest: ShopflowManifest;
let models: string[];
let db: Database;
let conn: SqlConnection;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'ingot-shopflow-'));
  ({ manifest, models } = await createShopflowSample(join(root, 'ws'), { rows: ROWS, seed: 11 }));
  db = await openDatabase(':memory:');
  conn = await db.connect();
  const file = (rel: string): string => literal(join(root, 'ws', rel));
  // Each file read once; orders as text, exactly as written, with their position in the file.
  await conn.run(`CREATE TABLE o1 AS SELECT row_number() OVER () AS line, * FROM read_csv(${file('data/orders/orders_1.csv')}, all_varchar = true, header = true)`);
  await conn.run(`CREATE TABLE o2 AS SELECT row_number() OVER () AS line, * FROM read_csv(${file('data/late/orders_2.csv')}, all_varchar = true, header = true)`);
  await conn.run(`CREATE TABLE i1 AS SELECT * FROM read_parquet(${file('data/order_items/order_items_1.parquet')})`);
  await conn.run(`CREATE TABLE i2 AS SELECT * FROM read_parquet(${file('data/late/order_items_2.parquet')})`);
  await conn.run(`CREATE TABLE customers AS SELECT * FROM read_csv(${file('data/customers.csv')}, all_varchar = true, header = true)`);
  await conn.run(`CREATE TABLE products AS SELECT * FROM read_json(${file('data/products.ndjson')}, format = 'newline_delimited')`);
});

afterAll(async () => {
  db.close();
  await rm(root, { recursive: true, force: true });
});

const value = async (sql: string): Promise<unknown> => Object.values((await conn.one(sql)) ?? {})[0];

describe('the ShopFlow sample data', () => {
  it('writes every file the manifest lists, with the record counts it states', async () => {
    const lines = async (rel: string): Promise<number> => (await readFile(join(root, 'ws', rel), 'utf8')).split('\n').filter((l) => l !== '').length;
    for (const [rel, f] of Object.entries(manifest.files)) {
      const counted = f.format === 'parquet' ? Number(await value(`SELECT count(*) FROM read_parquet(${literal(join(root, 'ws', rel))})`)) : (await lines(rel)) - (f.format === 'csv' ? 1 : 0);
      expect(counted, rel).toBe(f.records);
    }
    expect(manifest.rows).toBe(ROWS);
    expect(manifest.customers.records).toBe(ROWS / 5);
    expect(manifest.products.records).toBe(100);
  });

  it('delivers every order id 1…rows across the two batches, batch 1 in id order then the re-deliveries', async () => {
    expect(await value('SELECT count(DISTINCT order_id) FROM (SELECT order_id FROM o1 UNION ALL SELECT order_id FROM o2)')).toBe(ROWS);
    expect(await value('SELECT max(order_id::BIGINT) FROM (SELECT order_id FROM o1 UNION ALL SELECT order_id FROM o2)')).toBe(ROWS);
    expect(await value('SELECT count(DISTINCT order_id) FROM o1')).toBe(manifest.orders.batch1.distinct_orders);
    expect(await value('SELECT count(DISTINCT order_id) FROM o2')).toBe(manifest.orders.batch2.distinct_orders);
    const firsts = `SELECT line, order_id::BIGINT AS id FROM o1 QUALIFY row_number() OVER (PARTITION BY order_id ORDER BY line) = 1`;
    expect(await value(`SELECT count(*) FROM (SELECT id, lag(id) OVER (ORDER BY line) AS prev FROM (${firsts})) WHERE id <= prev`)).toBe(0);
  });

  it('re-delivers duplicates: some identical, some with a later updated_at and a new status', async () => {
    const { exact, updated } = manifest.orders.duplicates;
    expect(await value('SELECT count(*) - count(DISTINCT order_id) FROM o1')).toBe(exact + updated);
    expect(await value('SELECT count(*) FROM (SELECT * EXCLUDE (line) FROM o1 GROUP BY ALL HAVING count(*) = 2)')).toBe(exact);
    const changed = await conn.all<{ first_status: string; last_status: string; later: boolean }>(
      `SELECT arg_min(status, line) AS first_status, arg_max(status, line) AS last_status, max(updated_at) = arg_max(updated_at, line) AND min(updated_at) < max(updated_at) AS later
       FROM o1 GROUP BY order_id HAVING count(*) = 2 AND count(DISTINCT status) = 2`,
    );
    expect(changed).toHaveLength(updated);
    for (const row of changed) {
      expect(row.later).toBe(true);
      expect(STATUSES).toContain(row.last_status);
    }
  });

  it('seeds exactly the stated NULL customers, unknown statuses, malformed dates and impossible totals, all in batch 1', async () => {
    const o = manifest.orders;
    const statusList = STATUSES.map(literal).join(', ');
    expect(await value('SELECT count(*) FROM o1 WHERE customer_id IS NULL')).toBe(o.null_customer_id);
    expect(await value(`SELECT count(*) FROM o1 WHERE status NOT IN (${statusList})`)).toBe(o.unknown_status.rows);
    expect(await value(`SELECT count(*) FROM o1 WHERE status NOT IN (${statusList}) AND status NOT IN (${o.unknown_status.values.map(literal).join(', ')})`)).toBe(0);
    expect(await value(`SELECT count(*) FROM o1 WHERE try_strptime(order_date, '%Y-%m-%d') IS NULL`)).toBe(o.malformed_order_date.rows);
    expect(await value(`SELECT count(DISTINCT order_date) FROM o1 WHERE try_strptime(order_date, '%Y-%m-%d') IS NULL`)).toBe(3);
    expect(await value(`SELECT count(*) FROM o1 WHERE try_strptime(order_date, '%Y-%m-%d') IS NOT NULL`)).toBe(o.malformed_order_date.batch1_records_with_valid_date);
    expect(await value('SELECT count(*) FROM o1 WHERE total_amount::DECIMAL(12,2) < 0')).toBe(o.negative_total);
    expect(await value(`SELECT count(*) FROM o1 WHERE total_amount = ${literal(o.absurd_total.value)}`)).toBe(o.absurd_total.rows);
    expect(await value(`SELECT min(order_date) || '/' || max(order_date) FROM o1 WHERE try_strptime(order_date, '%Y-%m-%d') IS NOT NULL`)).toBe(
      `${o.batch1.first_order_date}/${o.batch1.last_order_date}`,
    );
    // The late batch is clean apart from being late.
    expect(await value(`SELECT count(*) FROM o2 WHERE customer_id IS NULL OR status NOT IN (${statusList}) OR try_strptime(order_date, '%Y-%m-%d') IS NULL OR total_amount::DECIMAL(12,2) < 0`)).toBe(0);
  });

  it('holds late orders for old days, returns of batch-1 orders, and one new day in the late batch', async () => {
    const b2 = manifest.orders.batch2;
    const late = `SELECT * FROM o2 WHERE order_id NOT IN (SELECT order_id FROM o1)`;
    expect(await value(`SELECT count(*) FROM (${late}) WHERE order_date <= ${literal(manifest.orders.batch1.last_order_date)}`)).toBe(b2.late_orders);
    expect(await value(`SELECT count(*) FROM (${late}) WHERE order_date = ${literal(b2.new_day)}`)).toBe(b2.new_day_orders);
    expect(await value('SELECT count(*) FROM o1 WHERE order_date = ' + literal(b2.new_day))).toBe(0);
    const updates = await conn.all<{ before: string; after: string; later: boolean }>(
      `SELECT o1.status AS before, o2.status AS after, o2.updated_at > o1.updated_at AS later FROM o2 JOIN o1 USING (order_id)`,
    );
    expect(updates).toHaveLength(b2.status_updates);
    for (const u of updates) expect(u).toEqual({ before: 'delivered', after: 'returned', later: true });
    expect(await value('SELECT count(*) FROM o2')).toBe(b2.late_orders + b2.status_updates + b2.new_day_orders);
  });

  it('makes each order total the sum of its lines, and lines only reference known products and customers', async () => {
    const orders = `SELECT DISTINCT order_id::BIGINT AS order_id, total_amount::DECIMAL(12,2) AS total FROM (SELECT * FROM o1 UNION ALL SELECT * FROM o2)
      WHERE total_amount::DECIMAL(12,2) BETWEEN 0 AND 100000`;
    const lines = `SELECT order_id, sum(quantity * unit_price) AS total, count(*) AS lines FROM (SELECT * FROM i1 UNION ALL SELECT * FROM i2) GROUP BY order_id`;
    expect(await value(`SELECT count(*) FROM (${orders}) o JOIN (${lines}) l USING (order_id) WHERE o.total <> l.total`)).toBe(0);
    expect(await value(`SELECT count(*) FROM (${orders}) o ANTI JOIN (${lines}) l USING (order_id)`)).toBe(0);
    const perOrder = Number(await value(`SELECT avg(lines) FROM (${lines})`));
    expect(perOrder).toBeGreaterThan(2.2);
    expect(perOrder).toBeLessThan(2.8);
    expect(await value('SELECT count(*) FROM (SELECT * FROM i1 UNION ALL SELECT * FROM i2) i ANTI JOIN products p USING (product_id)')).toBe(0);
    expect(await value('SELECT count(*) FROM (SELECT order_id, line_no FROM (FROM i1 UNION ALL FROM i2) GROUP BY ALL HAVING count(*) > 1)')).toBe(0);
    expect(await value('SELECT count(*) FROM o1 WHERE customer_id IS NOT NULL AND customer_id NOT IN (SELECT customer_id FROM customers)')).toBe(0);
  });

  it('puts orphan lines in batch 1 and the late orders’ lines in the late batch', async () => {
    const orphans = manifest.order_items.orphan_lines;
    const allOrders = 'SELECT order_id::BIGINT AS order_id FROM o1 UNION SELECT order_id::BIGINT FROM o2';
    expect(await value(`SELECT count(*) FROM i1 WHERE order_id NOT IN (${allOrders})`)).toBe(orphans.rows);
    expect(await value(`SELECT min(order_id) || '-' || max(order_id) FROM i1 WHERE order_id NOT IN (${allOrders})`)).toBe(`${orphans.first_order_id}-${orphans.last_order_id}`);
    expect(await value('SELECT count(*) FROM i2 WHERE order_id NOT IN (SELECT order_id::BIGINT FROM o2)')).toBe(0);
    expect(await value('SELECT count(*) FROM i2 WHERE order_id IN (SELECT order_id::BIGINT FROM o1)')).toBe(0);
    expect(await value(`SELECT count(*) FROM i1 WHERE order_id NOT IN (SELECT order_id::BIGINT FROM o1)`)).toBe(orphans.rows);
  });

  it('gives customers and products their own small mess', async () => {
    expect(await value('SELECT count(*) FROM customers WHERE email <> lower(email)')).toBe(manifest.customers.mixed_case_email);
    expect(await value('SELECT count(*) FROM customers WHERE country <> upper(country)')).toBe(manifest.customers.lowercase_country);
    expect(await value('SELECT count(DISTINCT lower(email)) FROM customers')).toBe(manifest.customers.records);
    expect(await value('SELECT count(*) FROM products WHERE category IS NULL')).toBe(manifest.products.null_category);
    expect(await value('SELECT count(DISTINCT sku) FROM products')).toBe(manifest.products.records);
    expect(await value('SELECT min(list_price) > 0 FROM products')).toBe(true);
  });

  it('describes each source in a sources/*.yaml that the file-source schema accepts and that finds its files', async () => {
    const expected: Record<string, string[]> = {};
    for (const [rel, f] of Object.entries(manifest.files)) if (f.batch === 1) (expected[f.source] ??= []).push(rel);
    for (const [source, files] of Object.entries(expected)) {
      const name = `sources/${source}.yaml`;
      const def = parseYaml(await readFile(join(root, 'ws', name), 'utf8'), FileSourceSchema, name);
      expect(def.description, name).toBeTruthy();
      const globbed = await conn.all<{ file: string }>(`SELECT file FROM glob(${literal(join(root, 'ws', def.path))})`);
      expect(globbed.map((g) => g.file.slice(join(root, 'ws').length + 1)), name).toEqual(files);
    }
    const orders = parseYaml(await readFile(join(root, 'ws', 'sources/orders.yaml'), 'utf8'), FileSourceSchema, 'orders.yaml');
    expect(orders.columns).toEqual({ order_date: 'VARCHAR', total_amount: 'DECIMAL(12,2)' });
  });

  it('copies the sample’s models from assets/sample-models and lists them in the README', async () => {
    const assets = join(import.meta.dirname, '../../../assets/sample-models');
    const shipped = existsSync(assets) ? (await readdir(assets, { recursive: true })).filter((f) => f.endsWith('.sql')).map((f) => `models/${f}`).sort() : [];
    expect(models).toEqual(shipped);
    const readme = await readFile(join(root, 'ws', 'README.md'), 'utf8');
    for (const model of models) {
      expect(await readFile(join(root, 'ws', model), 'utf8')).toBe(await readFile(join(assets, model.slice('models/'.length)), 'utf8'));
      expect(readme).toContain(`\`${model.split('/')[2]?.replace('.sql', '')}\``);
    }
  });

  it('writes a README with this sample’s counts and the late-batch steps', async () => {
    const readme = await readFile(join(root, 'ws', 'README.md'), 'utf8');
    expect(readme).toContain(`--rows ${ROWS} --seed 11`);
    expect(readme).toContain(`${manifest.orders.null_customer_id} orders have no \`customer_id\``);
    expect(readme).toContain('cp data/late/orders_2.csv data/orders/');
  });
});
