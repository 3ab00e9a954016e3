// Generating the ShopFlow sample: the same seed gives byte-identical files, another seed other
// data, --rows scales every source, and bad sizes or an existing workspace are refused clearly.
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createShopflowSample, writeSampleData } from '../../../src/engine/sample/shopflow.js';
import { planShopflow } from '../../../src/engine/sample/shopflow/plan.js';
import { IngotError } from '../../../src/shared/errors.js';
import { tempDir } from '../../helpers/temp-dir.js';

/** Every file under `dir` (except the database folder) → its bytes. */
async function snapshot(dir: string): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name);
    if (entry.isFile() && !relative(dir, path).startsWith('.ingot')) out.set(relative(dir, path), await readFile(path));
  }
  return out;
}

describe('generating the ShopFlow sample', () => {
  it('writes byte-identical workspaces for the same seed', async () => {
    const a = join(await tempDir(), 'a');
    const b = join(await tempDir(), 'b');
    await createShopflowSample(a, { rows: 1500, seed: 3 });
    await createShopflowSample(b, { rows: 1500, seed: 3 });
    const [left, right] = [await snapshot(a), await snapshot(b)];
    expect([...left.keys()].sort()).toEqual([...right.keys()].sort());
    expect([...left.keys()]).toEqual(expect.arrayContaining(['data/orders/orders_1.csv', 'data/late/order_items_2.parquet', 'sources/orders.yaml', 'README.md']));
    for (const [file, bytes] of left) expect(bytes.equals(right.get(file) ?? Buffer.alloc(0)), file).toBe(true);
  });

  it('writes the same bytes on one thread and on two, across several row groups', async () => {
    const plan = planShopflow(130_000, 5);
    const a = await tempDir();
    const b = await tempDir();
    const manifest = await writeSampleData(a, plan, { threads: 1 });
    await writeSampleData(b, plan, { threads: 2 });
    expect(manifest.order_items.batch1.records).toBeGreaterThan(2 * 122_880);
    const [left, right] = [await snapshot(a), await snapshot(b)];
    expect(left.size).toBe(7);
    for (const [file, bytes] of left) expect(bytes.equals(right.get(file) ?? Buffer.alloc(0)), file).toBe(true);
  });

  it('writes different data for a different seed', async () => {
    const a = await tempDir();
    const b = await tempDir();
    await writeSampleData(a, planShopflow(500, 1));
    await writeSampleData(b, planShopflow(500, 2));
    for (const file of ['data/orders/orders_1.csv', 'data/customers.csv', 'data/products.ndjson', 'data/order_items/order_items_1.parquet']) {
      expect((await readFile(join(a, file))).equals(await readFile(join(b, file))), file).toBe(false);
    }
  });

  it('scales every source with the number of orders', async () => {
    const small = await writeSampleData(await tempDir(), planShopflow(400, 42));
    const large = await writeSampleData(await tempDir(), planShopflow(4000, 42));
    expect(small.orders.distinct_orders).toBe(400);
    expect(large.orders.distinct_orders).toBe(4000);
    expect(large.customers.records).toBe(800);
    expect(large.products.records).toBe(200);
    expect(small.products.records).toBe(50);
    const lines = large.order_items.batch1.records + large.order_items.batch2.records;
    expect(lines / 4000).toBeGreaterThan(2.3);
    expect(lines / 4000).toBeLessThan(2.7);
    expect(large.orders.duplicates.exact).toBeGreaterThan(small.orders.duplicates.exact);
    expect(large.orders.batch2.late_orders).toBe(40);
    for (const m of [small, large]) {
      expect(m.orders.malformed_order_date.rows).toBeGreaterThanOrEqual(3);
      expect(m.orders.unknown_status.rows).toBeGreaterThanOrEqual(2);
      expect(m.order_items.orphan_lines.rows).toBeGreaterThanOrEqual(2);
    }
  });

  it('refuses sizes and seeds it cannot generate', () => {
    for (const [rows, seed] of [[99, 1], [100_000_001, 1], [1000.5, 1], [1000, -1], [1000, 0.5]] as const) {
      const err = (() => {
        try {
          planShopflow(rows, seed);
        } catch (e) {
          return e;
        }
        return undefined;
      })();
      expect(err, `${rows}/${seed}`).toBeInstanceOf(IngotError);
      expect((err as IngotError).code).toBe('INVALID_INPUT');
      expect((err as IngotError).hint).toMatch(/--rows|--seed/);
    }
  });

  it('stops when cancelled and says the folder is incomplete', async () => {
    const dir = join(await tempDir(), 'big');
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 300);
    const started = Date.now();
    const err = await createShopflowSample(dir, { rows: 5_000_000, signal: controller.signal }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IngotError);
    expect((err as IngotError).code).toBe('CANCELLED');
    expect((err as IngotError).hint).toContain('incomplete');
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it('does not overwrite an existing workspace', async () => {
    const dir = await tempDir();
    await createShopflowSample(dir, { rows: 100 });
    const before = await readFile(join(dir, 'data/orders/orders_1.csv'));
    const err = await createShopflowSample(dir, { rows: 200 }).catch((e: unknown) => e);
    expect((err as IngotError).code).toBe('INVALID_INPUT');
    expect((err as IngotError).message).toContain('already exists');
    expect((await readFile(join(dir, 'data/orders/orders_1.csv'))).equals(before)).toBe(true);
  });
});
