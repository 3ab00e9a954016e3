// `ingot export parquet` on the real ShopFlow sample: every exported table reads back from its
// Parquet files equal to the published table (rows, column names and types, data both ways), the
// partitioned incremental model is Hive-partitioned by its partition_by column, the manifest says
// what is in the lake, and exporting again is idempotent and leaves unselected tables alone.
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { literal, qualified } from '../../../src/engine/db/sql.js';
import { exportLake, type LakeManifest } from '../../../src/engine/export/index.js';
import { listModels } from '../../../src/engine/sample/shopflow/template.js';
import { openWorkspace } from '../../../src/engine/workspace/workspace.js';
import { tempDir } from '../../helpers/temp-dir.js';
import { differences, filesUnder, shopflowWorkspace, stagingLeftovers, withWorkspaceConnection } from './helpers.js';

let root: string;

beforeAll(async () => {
  root = await shopflowWorkspace();
});

async function lake(dir: string, options: Parameters<typeof exportLake>[2] = {}): ReturnType<typeof exportLake> {
  const ws = await openWorkspace(root);
  try {
    return await exportLake(ws, dir, options);
  } finally {
    ws.close();
  }
}

async function manifestOf(dir: string): Promise<LakeManifest> {
  return JSON.parse(await readFile(join(dir, 'ingot-lake.json'), 'utf8')) as LakeManifest;
}

const parquet = (dir: string, glob: string): string => `SELECT * FROM read_parquet(${literal(join(dir, glob))}, hive_partitioning = false)`;

describe('ingot export parquet', () => {
  it('writes every silver and gold table so that it reads back equal to the published table', async () => {
    const dir = join(await tempDir(), 'lake');
    const result = await lake(dir, { layers: ['silver', 'gold'] });
    // Every sample model, silver before gold, by name.
    const models = (await listModels(root)).map((file) => file.replace(/^models\/(\w+)\/(\w+)\.sql$/, '$1.$2'));
    expect(models.length).toBeGreaterThan(0);
    expect(result.tables.map((t) => `${t.layer}.${t.name}`)).toEqual([...models.filter((m) => m.startsWith('silver.')), ...models.filter((m) => m.startsWith('gold.'))]);
    await withWorkspaceConnection(root, async (conn) => {
      // The manifest's query reads a table back with its exact types, from the lake folder.
      await conn.run(`SET file_search_path = ${literal(dir)}`);
      for (const t of result.tables) {
        const published = `SELECT * FROM ${qualified(t.layer, t.name)}`;
        const rows = Number((await conn.one<{ n: number }>(`SELECT count(*) AS n FROM (${published})`))?.n);
        expect(t.rowCount, t.name).toBe(rows);
        expect(Number((await conn.one<{ n: number }>(`SELECT count(*) AS n FROM (${t.select})`))?.n), t.name).toBe(rows);
        expect(await conn.describe(t.select), t.name).toEqual(await conn.describe(published));
        expect(await differences(conn, published, t.select), t.name).toEqual({ onlyLeft: 0, onlyRight: 0 });
        // Read plainly, each column has its own type, or the Parquet type the manifest names.
        const plain = await conn.describe(parquet(dir, t.glob));
        expect(plain, t.name).toEqual(t.columns.map((c) => ({ name: c.name, type: c.parquetType ?? c.type })));
      }
    });
    // Parquet has no HUGEINT: sum() of integers is written as an exact DECIMAL(38,0), not a DOUBLE.
    const revenue = result.tables.find((t) => t.name === 'daily_revenue');
    expect(revenue?.columns.find((c) => c.name === 'units')).toEqual({ name: 'units', type: 'HUGEINT', parquetType: 'DECIMAL(38,0)' });
    expect(revenue?.select).toBe(`SELECT * REPLACE (CAST("units" AS HUGEINT) AS "units") FROM read_parquet('gold/daily_revenue/**/*.parquet', hive_partitioning = false)`);
    expect(await stagingLeftovers(dir)).toEqual([]);
  });

  it('Hive-partitions an incremental model by its partition_by column, keeping the column and its type', async () => {
    const dir = join(await tempDir(), 'lake');
    const [revenue] = (await lake(dir, { selection: 'daily_revenue' })).tables;
    expect(revenue?.partitionBy).toBe('order_date');
    expect(revenue?.glob).toBe('gold/daily_revenue/**/*.parquet');
    await withWorkspaceConnection(root, async (conn) => {
      const days = await conn.all<{ day: string }>('SELECT DISTINCT strftime(order_date, \'%Y-%m-%d\') AS day FROM gold.daily_revenue ORDER BY day');
      const folders = [...new Set((revenue?.files ?? []).map((f) => f.path.split('/')[2]))].sort();
      expect(folders).toEqual(days.map((d) => `order_date=${d.day}`));
      // Each file holds the rows of its own folder's day, read from inside the file (no Hive columns).
      const misplaced = await conn.one<{ n: number }>(
        `SELECT count(*) AS n FROM read_parquet(${literal(join(dir, 'gold/daily_revenue/**/*.parquet'))}, hive_partitioning = false, filename = true)
         WHERE filename NOT LIKE '%order_date=' || strftime(order_date, '%Y-%m-%d') || '/%'`,
      );
      expect(Number(misplaced?.n)).toBe(0);
      const types = await conn.describe(parquet(dir, revenue?.glob ?? ''));
      expect(types.find((c) => c.name === 'order_date')?.type).toBe('DATE');
    });
  });

  it('describes the lake in ingot-lake.json: layer, columns, rows, files, run and export time', async () => {
    const dir = join(await tempDir(), 'lake');
    const before = Date.now();
    await lake(dir, { layers: ['gold', 'bronze'], selection: 'dim_product orders' });
    const manifest = await manifestOf(dir);
    expect([manifest.format, manifest.version, manifest.workspace]).toEqual(['ingot-lake', 1, 'shopflow']);
    expect(Date.parse(manifest.exportedAt)).toBeGreaterThanOrEqual(before - 1000);
    expect(manifest.tables.map((t) => [t.layer, t.name, t.path])).toEqual([
      ['bronze', 'orders', 'bronze/orders'],
      ['gold', 'dim_product', 'gold/dim_product'],
    ]);
    await withWorkspaceConnection(root, async (conn) => {
      const run = await conn.one<{ id: number }>("SELECT max(run_id) AS id FROM _ingot.runs WHERE status = 'success'");
      const batch = await conn.one<{ id: number }>("SELECT max(batch_id) AS id FROM _ingot.batches WHERE source = 'orders' AND status = 'loaded'");
      const [orders, product] = manifest.tables;
      expect([orders?.runId, orders?.batchId]).toEqual([null, Number(batch?.id)]);
      expect([product?.runId, product?.batchId]).toEqual([Number(run?.id), null]);
      expect(product?.columns).toEqual(await conn.describe('SELECT * FROM gold.dim_product'));
      expect(product?.select).toBe(`SELECT * FROM read_parquet('gold/dim_product/**/*.parquet', hive_partitioning = false)`);
      expect(orders?.columns.map((c) => c.name)).toContain('_batch_id');
    });
    for (const t of manifest.tables) {
      expect(t.exportedAt).toBe(manifest.exportedAt);
      expect(t.files.length).toBeGreaterThan(0);
      for (const f of t.files) expect((await stat(join(dir, f.path))).size).toBe(f.bytes);
    }
    expect((await filesUnder(dir)).filter((f) => f !== 'ingot-lake.json').sort()).toEqual(manifest.tables.flatMap((t) => t.files.map((f) => f.path)).sort());
    // Paths in the manifest are relative: the lake can move to another machine.
    expect(JSON.stringify(manifest)).not.toContain(root);
    expect(JSON.stringify(manifest)).not.toContain(dir);
  });

  it('exports unchanged tables again to the same data, and leaves the tables it does not export alone', async () => {
    const dir = join(await tempDir(), 'lake');
    await lake(dir);
    const first = await manifestOf(dir);
    await lake(dir);
    const second = await manifestOf(dir);
    const withoutTimes = (m: LakeManifest): unknown => m.tables.map(({ exportedAt: _at, ...t }) => t);
    expect(withoutTimes(second)).toEqual(withoutTimes(first));
    await withWorkspaceConnection(root, async (conn) => {
      await conn.run(`SET file_search_path = ${literal(dir)}`);
      for (const t of second.tables) expect(await differences(conn, `SELECT * FROM ${qualified(t.layer, t.name)}`, t.select)).toEqual({ onlyLeft: 0, onlyRight: 0 });
    });

    const goldFile = join(dir, second.tables[0]?.files[0]?.path ?? '');
    const goldModified = (await stat(goldFile)).mtimeMs;
    await lake(dir, { layers: ['silver'], selection: 'stg_orders' });
    const third = await manifestOf(dir);
    expect(third.tables.map((t) => `${t.layer}.${t.name}`)).toEqual(['silver.stg_orders', ...second.tables.map((t) => `${t.layer}.${t.name}`)]);
    expect(third.tables.filter((t) => t.layer === 'gold')).toEqual(second.tables);
    expect((await stat(goldFile)).mtimeMs).toBe(goldModified);
    expect(await stagingLeftovers(dir)).toEqual([]);
  });
});
