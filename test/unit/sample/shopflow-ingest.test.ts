// The ShopFlow sample through the real ingest: every source lands in bronze without a reject,
// with the manifest's counts, and the late batch, once copied in, adds only the new files.
import { copyFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestSource } from '../../../src/engine/ingest/ingest.js';
import { createShopflowSample } from '../../../src/engine/sample/shopflow.js';
import { openWorkspace } from '../../../src/engine/workspace/workspace.js';
import { tempDir } from '../../helpers/temp-dir.js';

describe('ingesting the ShopFlow sample', () => {
  it('loads every source with the manifest counts, then the late batch as new batches', async () => {
    const root = await tempDir();
    const { manifest } = await createShopflowSample(root, { rows: 1200, seed: 8 });
    const ws = await openWorkspace(root);
    try {
      const expected = { orders: manifest.orders.batch1.records, order_items: manifest.order_items.batch1.records, customers: manifest.customers.records, products: manifest.products.records };
      for (const [source, records] of Object.entries(expected)) {
        const result = await ingestSource(ws, source);
        expect({ source, loaded: result.rowsLoaded, rejected: result.rowsRejected }).toEqual({ source, loaded: records, rejected: 0 });
      }
      const count = async (sql: string): Promise<unknown> => ws.db.withConnection(async (c) => Object.values((await c.one(sql)) ?? {})[0]);
      expect(await count("SELECT count(*) FROM bronze.orders WHERE try_strptime(order_date, '%Y-%m-%d') IS NULL")).toBe(manifest.orders.malformed_order_date.rows);
      expect(await count('SELECT count(*) FROM bronze.orders WHERE customer_id IS NULL')).toBe(manifest.orders.null_customer_id);
      expect(await count('SELECT count(*) FROM bronze.orders WHERE total_amount < 0')).toBe(manifest.orders.negative_total);

      await copyFile(join(root, 'data/late/orders_2.csv'), join(root, 'data/orders/orders_2.csv'));
      await copyFile(join(root, 'data/late/order_items_2.parquet'), join(root, 'data/order_items/order_items_2.parquet'));
      const late = await ingestSource(ws, 'orders');
      expect(late.rowsLoaded).toBe(manifest.orders.batch2.records);
      expect(late.skippedFiles).toEqual(['data/orders/orders_1.csv']);
      expect((await ingestSource(ws, 'order_items')).rowsLoaded).toBe(manifest.order_items.batch2.records);
      expect(await count('SELECT count(DISTINCT order_id) FROM bronze.orders')).toBe(manifest.orders.distinct_orders);
    } finally {
      ws.close();
    }
  });
});
