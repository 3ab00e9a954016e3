// Schema drift with nested columns (STRUCT, LIST, MAP): the same nested type on a second load is
// no drift, however the driver and the catalog spell it; a STRUCT that gains a field is.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestSource } from '../../../src/engine/ingest/ingest.js';
import { ingotError, testWorkspace } from './fixture.js';

const lines = (records: readonly object[]): string => records.map((r) => JSON.stringify(r)).join('\n') + '\n';

describe('schema drift with nested columns', () => {
  it('loads a changed NDJSON file with an object column as a new batch without drift', async () => {
    const t = await testWorkspace();
    const path = await t.write('data/events.ndjson', lines([{ id: 1, c: { a: 1 }, tags: [{ k: 'x' }], attrs: { 'my key': 2.5 } }]));
    const first = await ingestSource(t.ws, 'data/events.ndjson');
    await writeFile(path, lines([1, 2, 3].map((id) => ({ id, c: { a: id * 10 }, tags: [{ k: `t${id}` }], attrs: { 'my key': id + 0.5 } }))));
    const second = await ingestSource(t.ws, 'events');
    expect(second.batchId).not.toBe(first.batchId);
    expect(second.drift).toEqual([]);
    expect(await t.query(`SELECT id, c.a AS a, tags[1].k AS k, attrs."my key" AS mk, _batch_id = ${second.batchId} AS latest FROM bronze.events ORDER BY _batch_id, id`)).toEqual([
      { id: 1, a: 1, k: 'x', mk: 2.5, latest: false },
      { id: 1, a: 10, k: 't1', mk: 1.5, latest: true },
      { id: 2, a: 20, k: 't2', mk: 2.5, latest: true },
      { id: 3, a: 30, k: 't3', mk: 3.5, latest: true },
    ]);
    t.close();
  });

  it('reports an object gaining a field as a type change, keeping earlier batches', async () => {
    const t = await testWorkspace();
    const path = await t.write('data/events.ndjson', lines([{ id: 1, c: { a: 1 } }]));
    await ingestSource(t.ws, 'data/events.ndjson');
    await writeFile(path, lines([{ id: 2, c: { a: 2, b: 'new' } }]));
    const err = await ingotError(ingestSource(t.ws, 'events'));
    expect(err.code).toBe('INGEST_FAILED');
    expect(err.message).toBe('Column "c" changed type: bronze.events has STRUCT(a BIGINT), but data/events.ndjson has STRUCT(a BIGINT, b VARCHAR).');
    expect(err.detail).toMatchObject({ file: 'data/events.ndjson', columnName: 'c', field: 'drift' });
    expect(await t.query('SELECT id, c.a AS a FROM bronze.events')).toEqual([{ id: 1, a: 1 }]);
    t.close();
  });

  it('widens an object that gains a field when the policy says so', async () => {
    const t = await testWorkspace();
    const path = await t.write('data/events.ndjson', lines([{ id: 1, c: { a: 1 } }]));
    await t.write('sources/events.yaml', 'path: data/events.ndjson\ndrift:\n  type_change: widen\n');
    await ingestSource(t.ws, 'events');
    await writeFile(path, lines([{ id: 2, c: { a: 2, b: 'new' } }]));
    const r = await ingestSource(t.ws, 'events');
    expect(r.drift).toEqual([{ column: 'c', change: 'type_widened', detail: 'STRUCT(a BIGINT) → VARCHAR: data/events.ndjson has STRUCT(a BIGINT, b VARCHAR)' }]);
    expect(await t.query('SELECT id, c FROM bronze.events ORDER BY id')).toEqual([
      { id: 1, c: '{"a":1}' },
      { id: 2, c: '{"a":2,"b":"new"}' },
    ]);
    t.close();
  });

  it('still fails a scalar type change inside an object-bearing file', async () => {
    const t = await testWorkspace();
    const path = await t.write('data/events.ndjson', lines([{ id: 1, c: { a: 1 } }]));
    await ingestSource(t.ws, 'data/events.ndjson');
    await writeFile(path, lines([{ id: 'two', c: { a: 2 } }]));
    const err = await ingotError(ingestSource(t.ws, 'events'));
    expect(err.message).toBe('Column "id" changed type: bronze.events has BIGINT, but data/events.ndjson has VARCHAR.');
    t.close();
  });

  it('loads a Parquet file with STRUCT, LIST and DECIMAL columns twice without drift', async () => {
    const t = await testWorkspace();
    const file = join(t.root, 'data/p.parquet');
    await mkdir(join(t.root, 'data'), { recursive: true });
    const write = (n: number): Promise<unknown> =>
      t.query(
        `COPY (SELECT range::INTEGER AS id, {'a': range, 'b': 'v' || range} AS s, [range, range + 1] AS l, (range / 4)::DECIMAL(10, 2) AS d FROM range(${n})) TO '${file}' (FORMAT parquet)`,
      );
    await write(2);
    await ingestSource(t.ws, 'data/p.parquet');
    await write(3);
    const second = await ingestSource(t.ws, 'p');
    expect(second.drift).toEqual([]);
    expect(await t.query(`SELECT count(*)::INTEGER AS n, max(s.a)::INTEGER AS a, max(l[2])::INTEGER AS l, max(d)::DOUBLE AS d FROM bronze.p`)).toEqual([{ n: 5, a: 2, l: 3, d: 0.5 }]);
    t.close();
  });
});
