// Empty objects ({}) from an API: a field that is an object in one load and only ever {} in a
// later one fits bronze's STRUCT as a value with every field NULL (no drift), at any depth and in
// lists of objects; a field bronze holds as a STRUCT and that later loads widen to text keeps its
// earlier values as JSON text.
import { describe, expect, it } from 'vitest';
import { ingotError } from '../ingest/fixture.js';
import { httpTest } from './fixture.js';
import { sendJson } from './test-server.js';

/** An API answering with whatever `current.records` holds. */
async function apiOf(initial: unknown[]) {
  const current = { records: initial };
  const t = await httpTest((_req, res) => sendJson(res, current.records));
  return { t, current };
}

describe('empty objects from an HTTP API', () => {
  it('loads {} into the STRUCT an earlier batch created, as all-NULL fields', async () => {
    const { t, current } = await apiOf([
      { id: 1, meta: { color: 'red' } },
      { id: 2, meta: { color: 'blue', size: 'L' } },
    ]);
    await t.source('things', { url: `${t.server.origin}/things`, records: '$', primary_key: 'id' });
    await t.ingest('things');
    current.records = [{ id: 4, meta: {} }];
    const second = await t.ingest('things');
    expect(second).toMatchObject({ unchanged: false, rowsLoaded: 1, drift: [] });
    expect(await t.query(`SELECT data_type FROM duckdb_columns() WHERE table_name = 'things' AND column_name = 'meta'`)).toEqual([{ data_type: 'STRUCT(color VARCHAR, size VARCHAR)' }]);
    expect(await t.query('SELECT id, meta.color AS color, meta.size AS size, meta IS NULL AS gone FROM bronze.things ORDER BY id')).toEqual([
      { id: 1, color: 'red', size: null, gone: false },
      { id: 2, color: 'blue', size: 'L', gone: false },
      { id: 4, color: null, size: null, gone: false },
    ]);
  });

  it('fits {} nested in an object and inside a list of objects', async () => {
    const { t, current } = await apiOf([{ id: 1, a: { b: { x: 1 }, n: 2 }, tags: [{ k: 'x' }] }]);
    await t.source('things', { url: `${t.server.origin}/things`, records: '$' });
    await t.ingest('things');
    current.records = [{ id: 2, a: { b: {}, n: 3 }, tags: [{}, {}] }];
    const second = await t.ingest('things');
    expect(second).toMatchObject({ rowsLoaded: 1, drift: [] });
    expect(await t.query('SELECT id, a.b.x AS x, a.n AS n, len(tags)::INTEGER AS tags, tags[1].k AS k FROM bronze.things ORDER BY id')).toEqual([
      { id: 1, x: 1, n: 2, tags: 1, k: 'x' },
      { id: 2, x: null, n: 3, tags: 2, k: null },
    ]);
  });

  it('still reports an object that brings a new field, losing nothing', async () => {
    const { t, current } = await apiOf([{ id: 1, meta: { color: 'red' } }]);
    await t.source('things', { url: `${t.server.origin}/things`, records: '$' });
    await t.ingest('things');
    current.records = [{ id: 2, meta: { weight: 3 } }];
    const err = await ingotError(t.ingest('things'));
    expect(err.message).toBe(`Column "meta" changed type: bronze.things has STRUCT(color VARCHAR), but ${t.server.origin}/things has STRUCT(weight BIGINT).`);
    expect(await t.query('SELECT id FROM bronze.things')).toEqual([{ id: 1 }]);
  });

  it('writes earlier objects as JSON text when the column is widened to text', async () => {
    const { t, current } = await apiOf([
      { id: 1, meta: { color: 'red' } },
      { id: 2, meta: { color: 'blue', size: 'L' } },
    ]);
    await t.source('things', { url: `${t.server.origin}/things`, records: '$', drift: { type_change: 'widen' } });
    await t.ingest('things');
    current.records = [
      { id: 3, meta: 'unknown' },
      { id: 4, meta: null },
    ];
    const second = await t.ingest('things');
    expect(second.drift).toEqual([{ column: 'meta', change: 'type_widened', detail: `STRUCT(color VARCHAR, size VARCHAR) → VARCHAR: ${t.server.origin}/things has VARCHAR` }]);
    // A third load still brings objects: they are read into the text column as JSON text too.
    current.records = [{ id: 5, meta: { color: 'green' } }];
    await t.ingest('things');
    expect(await t.query(`SELECT id, meta, json_valid(meta) AS is_json, CASE WHEN json_valid(meta) THEN meta->>'color' END AS color FROM bronze.things ORDER BY id`)).toEqual([
      { id: 1, meta: '{"color":"red","size":null}', is_json: true, color: 'red' },
      { id: 2, meta: '{"color":"blue","size":"L"}', is_json: true, color: 'blue' },
      { id: 3, meta: 'unknown', is_json: false, color: null },
      { id: 4, meta: null, is_json: null, color: null },
      { id: 5, meta: '{"color":"green"}', is_json: true, color: 'green' },
    ]);
  });
});
