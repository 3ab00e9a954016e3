// The catalog and the exports over RPC after a real run: each table's documentation, columns,
// lineage and score; a model not built yet; a Parquet lake and a dbt project written into folders
// named relative to the workspace, and a folder holding the user's own files refused.
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { IngotError } from '../../../src/shared/errors.js';
import { connectedHost, runToEnd, type Connected } from './host-helpers.js';

let connected: Connected | undefined;
afterEach(async () => {
  await connected?.close();
  connected = undefined;
});

const SIDECAR = `description: Orders, one row each
owner: sales team
tags: [sales]
columns:
  - name: order_id
    description: The shop's order number
    tags: [key]
  - name: ammount
    description: A typo of a column name
checks:
  - kind: not_null
    column: order_id
`;

async function documentedShop(): Promise<Connected> {
  const c = (connected = await connectedHost('shop'));
  await c.host.workspace.db.withConnection((conn) => conn.run('CREATE TABLE bronze.orders AS SELECT range AS order_id, range * 10 AS amount FROM range(5)'));
  await mkdir(join(c.root, 'sources'), { recursive: true });
  await writeFile(join(c.root, 'sources/orders.yaml'), 'kind: file\npath: data/orders.csv\ndescription: Orders as the shop exports them\n');
  await mkdir(join(c.root, 'models/silver'), { recursive: true });
  await mkdir(join(c.root, 'models/gold'), { recursive: true });
  await writeFile(join(c.root, 'models/silver/orders.sql'), 'SELECT order_id, amount FROM bronze.orders\n');
  await writeFile(join(c.root, 'models/silver/orders.yaml'), SIDECAR);
  await writeFile(join(c.root, 'models/gold/revenue.sql'), 'SELECT sum(amount) AS revenue FROM silver.orders\n');
  expect(await runToEnd(c)).toMatchObject({ status: 'success' });
  return c;
}

describe('engine host: catalog and exports', () => {
  it('documents every table with its columns, lineage and score, and lists models not built yet', async () => {
    const c = await documentedShop();
    await writeFile(join(c.root, 'models/gold/later.sql'), 'SELECT order_id FROM silver.orders\n');
    const { tables } = await c.api.catalog({});
    const entry = (id: string) => tables.find((t) => `${t.layer}.${t.name}` === id);
    expect(entry('silver.orders')).toMatchObject({
      kind: 'model',
      materialization: 'table',
      description: 'Orders, one row each',
      owner: 'sales team',
      tags: ['sales'],
      file: 'models/silver/orders.sql',
      published: true,
      rows: 5,
      reads: ['bronze.orders'],
      upstream: ['bronze.orders'],
      readBy: ['gold.later', 'gold.revenue'],
      downstream: ['gold.later', 'gold.revenue'],
      score: 100,
    });
    expect(entry('silver.orders')?.columns[0]).toEqual({ name: 'order_id', type: 'BIGINT', description: "The shop's order number", tags: ['key'] });
    // A documented column the table does not have is pointed out, so a typo does not hide.
    expect(entry('silver.orders')?.unknownDocumentedColumns).toEqual(['ammount']);
    expect(entry('gold.revenue')?.unknownDocumentedColumns).toEqual([]);
    expect(entry('bronze.orders')).toMatchObject({ kind: 'source', description: 'Orders as the shop exports them', file: 'sources/orders.yaml', downstream: ['silver.orders', 'gold.later', 'gold.revenue'] });
    expect(entry('gold.revenue')).toMatchObject({ upstream: ['silver.orders', 'bronze.orders'], score: null });
    expect(entry('gold.later')).toMatchObject({ published: false, rows: null, columns: [] });
  });

  it('exports a Parquet lake and a dbt project into folders relative to the workspace', async () => {
    const c = await documentedShop();
    const lake = await c.api.exportLake({ dir: 'exports/lake', layers: ['silver', 'gold'] });
    expect(lake.dir).toBe(join(c.root, 'exports/lake'));
    expect(lake.tables.map((t) => [t.table, t.rows])).toEqual([
      ['silver.orders', 5],
      ['gold.revenue', 1],
    ]);
    expect(lake.tables.every((t) => t.files > 0 && t.bytes > 0)).toBe(true);
    expect(existsSync(join(c.root, 'exports/lake/ingot-lake.json'))).toBe(true);

    const dbt = await c.api.exportDbt({ dir: 'exports/dbt', projectName: 'shop' });
    expect(dbt).toMatchObject({ dir: join(c.root, 'exports/dbt'), projectName: 'shop', models: 2, sources: 1 });
    expect(dbt.tests).toBeGreaterThan(0);
    expect(existsSync(join(c.root, 'exports/dbt/models/silver/orders.sql'))).toBe(true);

    await mkdir(join(c.root, 'mine'), { recursive: true });
    await writeFile(join(c.root, 'mine/notes.txt'), 'my notes');
    const refused = (await c.api.exportLake({ dir: 'mine' }).catch((e: unknown) => e)) as IngotError;
    expect(refused.code).toBe('INVALID_INPUT');
    expect(refused.message).toContain('not empty');
  });
});
