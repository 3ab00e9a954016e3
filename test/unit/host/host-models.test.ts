// The designer's model calls over RPC: a model's SQL, saving it and adding a model. A bad edit —
// a syntax error, an unknown table, a cycle, a taken or unusable name — is refused with where it
// went wrong, and the files on disk stay exactly as they were.
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { IngotError } from '../../../src/shared/errors.js';
import { connectedHost, type Connected } from './host-helpers.js';

let connected: Connected | undefined;
afterEach(async () => {
  await connected?.close();
  connected = undefined;
});

const STG = 'SELECT id, amount FROM bronze.orders WHERE amount > 3\n';
const REVENUE = 'SELECT sum(amount) AS total FROM silver.stg_orders\n';

async function shop(): Promise<Connected> {
  connected = await connectedHost('shop');
  await connected.host.workspace.db.withConnection((c) => c.run('CREATE TABLE bronze.orders AS SELECT range AS id, range * 2 AS amount FROM range(10)'));
  const files: Record<string, string> = {
    'silver/stg_orders.sql': STG,
    'silver/stg_orders.yaml': 'description: Orders worth more than 3\nchecks:\n  - kind: not_null\n    column: id\n  - kind: unique\n    column: id\n',
    'gold/revenue.sql': REVENUE,
  };
  for (const [file, text] of Object.entries(files)) {
    await mkdir(join(connected.root, 'models', file, '..'), { recursive: true });
    await writeFile(join(connected.root, 'models', file), text);
  }
  return connected;
}

const modelFile = (c: Connected, file: string): Promise<string> => readFile(join(c.root, 'models', file), 'utf8');
const failure = (p: Promise<unknown>): Promise<IngotError> => p.then(() => expect.fail('the call should have failed'), (e: unknown) => e as IngotError);

/** Every file under models/, with its text: what a refused edit must leave alone. */
async function snapshot(c: Connected): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const layer of await readdir(join(c.root, 'models'))) {
    for (const file of await readdir(join(c.root, 'models', layer))) out[`${layer}/${file}`] = await modelFile(c, `${layer}/${file}`);
  }
  return out;
}

describe('engine host: editing models', () => {
  it('lists models with their sidecar and number of checks, and returns a model\'s SQL', async () => {
    const { api } = await shop();
    const { models } = await api.listModels({});
    expect(models.map((m) => [`${m.layer}.${m.name}`, m.dependsOn, m.sidecarFile, m.checks])).toEqual([
      ['silver.stg_orders', ['bronze.orders'], 'models/silver/stg_orders.yaml', 2],
      ['gold.revenue', ['silver.stg_orders'], null, 0],
    ]);
    expect(await api.getModelSql({ model: 'gold.revenue' })).toEqual({ sql: REVENUE, file: 'models/gold/revenue.sql' });
    expect((await failure(api.getModelSql({ model: 'gold.nope' }))).code).toBe('NOT_FOUND');
    for (const model of ['silver.stg_orders.x', '../gold/revenue', 'gold/revenue', 'gold.', 'platinum.revenue']) {
      expect((await failure(api.getModelSql({ model }))).code).toBe('INVALID_INPUT');
    }
  });

  it('reads a model\'s SQL even while another model file does not parse', async () => {
    const c = await shop();
    await writeFile(join(c.root, 'models/gold/revenue.sql'), 'SELECT sum(amount FROM silver.stg_orders\n');
    expect((await c.api.getModelSql({ model: 'silver.stg_orders' })).sql).toBe(STG);
    expect((await c.api.getModelSql({ model: 'gold.revenue' })).sql).toContain('sum(amount FROM');
    // Fixing the broken one from the designer works.
    await c.api.saveModelSql({ model: 'gold.revenue', sql: REVENUE });
    expect((await c.api.listModels({})).models).toHaveLength(2);
  });

  it('refuses to overwrite a file that changed on disk since the edit began', async () => {
    const c = await shop();
    const external = 'SELECT id FROM bronze.orders -- edited in another editor\n';
    await writeFile(join(c.root, 'models/silver/stg_orders.sql'), external);
    const err = await failure(c.api.saveModelSql({ model: 'silver.stg_orders', sql: 'SELECT 1 AS id FROM bronze.orders', baseSql: STG }));
    expect(err.message).toContain('changed on disk');
    expect(await modelFile(c, 'silver/stg_orders.sql')).toBe(external);
    const saved = await c.api.saveModelSql({ model: 'silver.stg_orders', sql: 'SELECT id FROM bronze.orders', baseSql: external });
    expect(saved.sql).toBe('SELECT id FROM bronze.orders\n');
    expect(await modelFile(c, 'silver/stg_orders.sql')).toBe(saved.sql);
  });

  it('applies edits one at a time: two saves that together would make a cycle leave a workspace that still loads', async () => {
    const c = await shop();
    const results = await Promise.allSettled([
      c.api.saveModelSql({ model: 'silver.stg_orders', sql: 'SELECT id, amount FROM gold.revenue, bronze.orders' }),
      c.api.saveModelSql({ model: 'gold.revenue', sql: 'SELECT * FROM silver.stg_orders' }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect((await c.api.listModels({})).models).toHaveLength(2);

    const creates = await Promise.allSettled([
      c.api.createModel({ layer: 'silver', name: 'twin', sql: 'SELECT 1 AS x' }),
      c.api.createModel({ layer: 'gold', name: 'Twin', sql: 'SELECT 2 AS x' }),
    ]);
    expect(creates.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect((await c.api.listModels({})).models).toHaveLength(3);
  });

  it('saves new SQL: the file changes and the model reads what the new SQL reads', async () => {
    const c = await shop();
    const sql = 'SELECT o.id, o.amount FROM bronze.orders AS o\n';
    const result = await c.api.saveModelSql({ model: 'silver.stg_orders', sql });
    expect(result.model.dependsOn).toEqual(['bronze.orders']);
    expect(result.warnings).toEqual([]);
    expect(await modelFile(c, 'silver/stg_orders.sql')).toBe(sql);
    const run = await c.api.plan({ select: 'stg_orders' });
    expect(run.items.map((i) => i.model)).toEqual(['silver.stg_orders']);
    expect(Object.keys(await snapshot(c)).sort()).toEqual(['gold/revenue.sql', 'silver/stg_orders.sql', 'silver/stg_orders.yaml']);
  });

  it('refuses a syntax error with its line and column, and keeps the file as it was', async () => {
    const c = await shop();
    const before = await snapshot(c);
    const err = await failure(c.api.saveModelSql({ model: 'silver.stg_orders', sql: 'SELECT id,\n  amount\nFROM bronze.orders WHERE' }));
    expect(err.code).toBe('MODEL_INVALID');
    expect(err.detail).toMatchObject({ file: 'models/silver/stg_orders.sql', line: 3 });
    expect(typeof err.detail?.column).toBe('number');
    expect(await snapshot(c)).toEqual(before);
  });

  it('refuses an unknown table, a statement that is not a SELECT, and a cycle, changing nothing', async () => {
    const c = await shop();
    const before = await snapshot(c);
    const unknown = await failure(c.api.saveModelSql({ model: 'gold.revenue', sql: 'SELECT sum(amount) FROM silver.stg_ordrs' }));
    expect(unknown.message).toContain('silver.stg_ordrs');
    const notSelect = await failure(c.api.saveModelSql({ model: 'gold.revenue', sql: 'DROP TABLE silver.stg_orders' }));
    expect(notSelect.code).toBe('MODEL_INVALID');
    const cycle = await failure(c.api.saveModelSql({ model: 'silver.stg_orders', sql: 'SELECT * FROM gold.revenue' }));
    expect(cycle.message.toLowerCase()).toContain('cycle');
    expect(await snapshot(c)).toEqual(before);
  });

  it('adds a model that the model list then shows, and refuses taken or unusable names', async () => {
    const c = await shop();
    const created = await c.api.createModel({ layer: 'gold', name: 'big_orders', sql: 'SELECT id FROM silver.stg_orders WHERE amount > 10' });
    expect(created.model).toMatchObject({ name: 'big_orders', layer: 'gold', file: 'models/gold/big_orders.sql', dependsOn: ['silver.stg_orders'] });
    expect(await modelFile(c, 'gold/big_orders.sql')).toBe('SELECT id FROM silver.stg_orders WHERE amount > 10\n');
    expect((await c.api.listModels({})).models.map((m) => m.name)).toContain('big_orders');

    const before = await snapshot(c);
    const taken = await failure(c.api.createModel({ layer: 'silver', name: 'Revenue', sql: 'SELECT 1 AS x' }));
    expect(taken.message).toBe('A model named "revenue" already exists: models/gold/revenue.sql. Nothing was written.');
    expect(taken.hint).toMatch(/^Choose another name for the new model/);
    const sameLayer = await failure(c.api.createModel({ layer: 'silver', name: 'stg_orders', sql: 'SELECT 1 AS x' }));
    expect(sameLayer.message).toBe('A model named "stg_orders" already exists: models/silver/stg_orders.sql. Nothing was written.');
    expect(sameLayer.hint).not.toContain('rename');
    const unusable = await failure(c.api.createModel({ layer: 'gold', name: 'big orders', sql: 'SELECT 1 AS x' }));
    expect(unusable.message).toContain('cannot name a model');
    const badSql = await failure(c.api.createModel({ layer: 'gold', name: 'broken', sql: 'SELEC 1' }));
    expect(badSql.code).toBe('MODEL_INVALID');
    expect(await snapshot(c)).toEqual(before);
  });

  it('saves SQL that breaks the layer rule, and says so', async () => {
    const c = await shop();
    const result = await c.api.saveModelSql({ model: 'gold.revenue', sql: 'SELECT sum(amount) AS total FROM bronze.orders' });
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]).toContain('bronze.orders');
  });
});
