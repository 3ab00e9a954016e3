// The ShopFlow pipeline (assets/sample-models) on the real generated sample: the first run
// builds silver and gold, a second run is a no-op, the late batch runs incrementally and gives
// the same gold as a full refresh, and the numbers agree with the sample's manifest.
import { cp } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { literal } from '../../../src/engine/db/sql.js';
import { runPipeline } from '../../../src/engine/pipeline/runner.js';
import { createShopflowSample } from '../../../src/engine/sample/shopflow.js';
import { openWorkspace, type Workspace } from '../../../src/engine/workspace/workspace.js';
import { tempDir } from '../../helpers/temp-dir.js';
import { appendBatch, rows, tableHash } from './helpers.js';

const GOLD = ['gold.fact_sales', 'gold.daily_revenue', 'gold.dim_customer', 'gold.dim_product'];

async function load(ws: Workspace, table: string, file: string): Promise<void> {
  const path = literal(join(ws.paths.root, file));
  const reader = file.endsWith('.parquet') ? `read_parquet(${path})` : file.endsWith('.csv') ? `read_csv(${path}, all_varchar = true)` : `read_json_auto(${path})`;
  await appendBatch(ws, table, `SELECT * FROM ${reader}`);
}

describe('ShopFlow sample pipeline', () => {
  it('builds silver and gold, re-runs as a no-op, and takes the late batch incrementally', async () => {
    const root = join(await tempDir(), 'shop');
    const { manifest } = await createShopflowSample(root, { rows: 3000, threads: 1 });
    await cp(join(process.cwd(), 'assets', 'sample-models'), join(root, 'models'), { recursive: true });
    const ws = await openWorkspace(root);
    try {
      await load(ws, 'customers', 'data/customers.csv');
      await load(ws, 'products', 'data/products.ndjson');
      await load(ws, 'orders', 'data/orders/orders_1.csv');
      await load(ws, 'order_items', 'data/order_items/order_items_1.parquet');
      const first = await runPipeline(ws);
      expect(first.error).toBeNull();
      expect(first.status).toBe('success');
      expect(first.models).toHaveLength(8);
      // The sample's checks quarantine exactly the seeded bad orders; the rest publish.
      const o = manifest.orders;
      const held = o.null_customer_id + o.unknown_status.rows + o.malformed_order_date.rows + o.negative_total + o.absurd_total.rows;
      expect(await rows(ws, 'SELECT count(*) AS n FROM quarantine.silver_stg_orders')).toEqual([{ n: held }]);
      expect(await rows(ws, 'SELECT count(*) AS n FROM silver.stg_orders')).toEqual([{ n: o.batch1.distinct_orders - held }]);

      const again = await runPipeline(ws);
      expect(again.status).toBe('noop');

      await load(ws, 'orders', 'data/late/orders_2.csv');
      await load(ws, 'order_items', 'data/late/order_items_2.parquet');
      const late = await runPipeline(ws);
      expect(late.models.filter((m) => m.error).map((m) => `${m.model}: ${JSON.stringify(m.error)}`)).toEqual([]);
      expect(late.status).toBe('success');
      const modes = Object.fromEntries(late.models.map((m) => [m.model, m.status === 'unchanged' ? 'unchanged' : m.mode]));
      expect(modes).toEqual({
        'silver.stg_customers': 'unchanged',
        'silver.stg_order_items': 'incremental',
        'silver.stg_orders': 'incremental',
        'silver.stg_products': 'unchanged',
        'gold.dim_customer': 'unchanged',
        'gold.dim_product': 'unchanged',
        'gold.fact_sales': 'incremental',
        'gold.daily_revenue': 'incremental',
      });
      expect(await rows(ws, 'SELECT count(*) AS n FROM silver.stg_orders')).toEqual([{ n: manifest.orders.distinct_orders - held }]);
      const returned = await rows(ws, "SELECT count(*) AS n FROM silver.stg_orders WHERE status = 'returned' AND deliveries > 1");
      expect(Number(returned[0]?.n)).toBeGreaterThanOrEqual(manifest.orders.batch2.status_updates);
      const newDay = await rows(ws, `SELECT count(*) AS n FROM gold.daily_revenue WHERE order_date = DATE ${literal(manifest.orders.batch2.new_day)}`);
      expect(Number(newDay[0]?.n)).toBeGreaterThan(0);

      const incremental = await Promise.all(GOLD.map((t) => tableHash(ws, t)));
      const full = await runPipeline(ws, { fullRefresh: true });
      expect(full.status).toBe('success');
      expect(await Promise.all(GOLD.map((t) => tableHash(ws, t)))).toEqual(incremental);
    } finally {
      ws.close();
    }
  });
});
