// Schema drift between batches of one source: new columns, missing columns and type changes,
// under the default policy and each configurable alternative.
import { writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { ingestSource } from '../../../src/engine/ingest/ingest.js';
import { ingotError, testWorkspace } from './fixture.js';

describe('schema drift', () => {
  it('adds new columns, loads missing ones as NULL, and reports both (default policy)', async () => {
    const t = await testWorkspace();
    const path = await t.write('data/orders.csv', 'id,amount,note\n1,10,x\n');
    await ingestSource(t.ws, 'data/orders.csv');
    await writeFile(path, 'id,amount,channel\n2,20,web\n');
    const r = await ingestSource(t.ws, 'orders');
    expect(r.drift).toEqual([
      { column: 'channel', change: 'added', detail: 'new column VARCHAR in data/orders.csv' },
      { column: 'note', change: 'missing', detail: 'not in data/orders.csv; loaded as NULL' },
    ]);
    expect(await t.query('SELECT id, amount, note, channel FROM bronze.orders ORDER BY id')).toEqual([
      { id: 1, amount: 10, note: 'x', channel: null },
      { id: 2, amount: 20, note: null, channel: 'web' },
    ]);
    const [batch] = await t.query(`SELECT drift::VARCHAR AS drift FROM _ingot.batches WHERE batch_id = ${r.batchId}`);
    expect(JSON.parse(String(batch?.drift))).toHaveLength(2);
    t.close();
  });

  it('fails an incompatible type change, naming both types and the file, and keeps earlier batches', async () => {
    const t = await testWorkspace();
    const path = await t.write('data/orders.csv', 'id,amount\n1,10\n2,20\n');
    await ingestSource(t.ws, 'data/orders.csv');
    await writeFile(path, 'id,amount\n3,lots\n');
    const err = await ingotError(ingestSource(t.ws, 'orders'));
    expect(err.code).toBe('INGEST_FAILED');
    expect(err.message).toBe('Column "amount" changed type: bronze.orders has BIGINT, but data/orders.csv has VARCHAR.');
    expect(err.detail).toMatchObject({ file: 'data/orders.csv', field: 'drift' });
    expect(await t.query('SELECT id, amount FROM bronze.orders ORDER BY id')).toEqual([
      { id: 1, amount: 10 },
      { id: 2, amount: 20 },
    ]);
    expect(await t.query(`SELECT status FROM _ingot.batches ORDER BY batch_id`)).toEqual([{ status: 'loaded' }, { status: 'failed' }]);
    t.close();
  });

  it('accepts a narrower type into a wider column without drift', async () => {
    const t = await testWorkspace();
    const path = await t.write('data/prices.csv', 'id,price\n1,1.5\n');
    await ingestSource(t.ws, 'data/prices.csv');
    await writeFile(path, 'id,price\n2,3\n');
    const r = await ingestSource(t.ws, 'prices');
    expect(r.drift).toEqual([]);
    expect(await t.query('SELECT price FROM bronze.prices ORDER BY id')).toEqual([{ price: 1.5 }, { price: 3 }]);
    t.close();
  });

  it('widens the column when the policy says so', async () => {
    const t = await testWorkspace();
    const path = await t.write('data/orders.csv', 'id,amount\n1,10\n');
    await t.write('sources/orders.yaml', 'path: data/orders.csv\ndrift:\n  type_change: widen\n');
    await ingestSource(t.ws, 'orders');
    await writeFile(path, 'id,amount\n2,2.5\n');
    const r = await ingestSource(t.ws, 'orders');
    expect(r.drift).toEqual([{ column: 'amount', change: 'type_widened', detail: 'BIGINT → DOUBLE: data/orders.csv has DOUBLE' }]);
    expect(await t.query(`SELECT amount, typeof(amount) AS t FROM bronze.orders ORDER BY id`)).toEqual([
      { amount: 10, t: 'DOUBLE' },
      { amount: 2.5, t: 'DOUBLE' },
    ]);
    t.close();
  });

  it('widens to text instead of changing loaded values: a BIGINT id beyond 2^53 as DOUBLE', async () => {
    const t = await testWorkspace();
    const path = await t.write('data/tx.csv', 'txid,amount\n9007199254740993,10\n1234567890123456789,20\n');
    await t.write('sources/tx.yaml', 'path: data/tx.csv\ndrift:\n  type_change: widen\n');
    await ingestSource(t.ws, 'tx');
    await writeFile(path, 'txid,amount\n1.5,30\n');
    const r = await ingestSource(t.ws, 'tx');
    expect(r.drift).toEqual([
      { column: 'txid', change: 'type_widened', detail: 'BIGINT → VARCHAR: data/tx.csv has DOUBLE; as DOUBLE some loaded values would change, so it becomes text' },
    ]);
    expect(await t.query('SELECT txid FROM bronze.tx ORDER BY amount')).toEqual([{ txid: '9007199254740993' }, { txid: '1234567890123456789' }, { txid: '1.5' }]);
    t.close();
  });

  it('fails on new or missing columns when the policy says so', async () => {
    const t = await testWorkspace();
    const path = await t.write('data/orders.csv', 'id,amount\n1,10\n');
    await t.write('sources/orders.yaml', 'path: data/orders.csv\ndrift:\n  new_columns: fail\n  missing_columns: fail\n');
    await ingestSource(t.ws, 'orders');
    await writeFile(path, 'id,amount,extra\n2,20,1\n');
    expect((await ingotError(ingestSource(t.ws, 'orders'))).message).toBe('data/orders.csv brings a new column "extra" (BIGINT) that bronze.orders does not have.');
    await writeFile(path, 'id\n3\n');
    expect((await ingotError(ingestSource(t.ws, 'orders'))).message).toBe('data/orders.csv lacks the column "amount" that bronze.orders has.');
    expect(await t.query('SELECT id FROM bronze.orders')).toEqual([{ id: 1 }]);
    t.close();
  });

  it('unifies the files of one batch: a column only some files have is added for all', async () => {
    const t = await testWorkspace();
    await t.write('in/a.csv', 'id,x\n1,a\n');
    await t.write('in/b.csv', 'id,x,y\n2,b,true\n');
    await t.write('sources/multi.yaml', 'path: in/*.csv\n');
    const r = await ingestSource(t.ws, 'multi');
    expect(r.drift).toEqual([{ column: 'y', change: 'added', detail: 'new column BOOLEAN in in/b.csv' }]);
    expect(await t.query('SELECT id, x, y FROM bronze.multi ORDER BY id')).toEqual([
      { id: 1, x: 'a', y: null },
      { id: 2, x: 'b', y: true },
    ]);
    t.close();
  });
});
