// A field that is only ever {} in a source's first load (DuckDB would read it as a MAP, having no
// keys to build a STRUCT from) lands as JSON text: later loads' real objects fit it as JSON text
// with all their keys, under the default drift policy, at any depth, in lists, and with
// `flatten: true` (where {} also fills the parent_child columns an earlier load made); the
// preview shows the types the load uses.
import { describe, expect, it } from 'vitest';
import { previewHttp } from '../../../src/engine/ingest/http/http-preview.js';
import type { HttpSource } from '../../../src/engine/ingest/http/http-source.js';
import { loadSource } from '../../../src/engine/ingest/sources.js';
import { decodeRows } from '../../../src/engine/query/arrow-values.js';
import { httpTest, type HttpTest } from './fixture.js';
import { sendJson } from './test-server.js';

/** An API answering with whatever `current.records` holds. */
async function apiOf(initial: unknown[]) {
  const current = { records: initial };
  const t = await httpTest((_req, res) => sendJson(res, current.records));
  return { t, current };
}

async function preview(t: HttpTest, name: string) {
  const def = await loadSource(t.ws, name);
  return t.ws.db.withConnection((conn) => previewHttp({ ws: t.ws, conn, source: { name, file: def.file }, limit: 100 }, def.options as HttpSource));
}

const typesOf = (t: HttpTest) =>
  t.query(`SELECT column_name AS name, data_type AS type FROM duckdb_columns() WHERE schema_name = 'bronze' AND table_name = 'things' AND NOT starts_with(column_name, '_') ORDER BY column_index`);

describe('fields that are only ever {} in the first load', () => {
  it('land as JSON text that later objects fit with all their keys', async () => {
    const { t, current } = await apiOf([
      { id: 1, seen_at: '31-12-2024 10:00:00', meta: {} },
      { id: 2, seen_at: '01-01-2025 08:30:00', meta: {} },
    ]);
    await t.source('things', { url: `${t.server.origin}/things`, records: '$', primary_key: 'id' });
    const first = await t.ingest('things');
    expect(first.columns).toEqual([
      { name: 'id', type: 'BIGINT' },
      { name: 'seen_at', type: 'TIMESTAMP' },
      { name: 'meta', type: 'VARCHAR' },
    ]);
    current.records = [
      { id: 3, seen_at: '02-01-2025 09:00:00', meta: { color: 'red' } },
      { id: 4, seen_at: '03-01-2025 09:00:00', meta: { size: 'L', dims: { w: 2 } } },
    ];
    const second = await t.ingest('things');
    expect(second).toMatchObject({ rowsLoaded: 2, drift: [] });
    current.records = [{ id: 5, seen_at: '04-01-2025 09:00:00', meta: {} }];
    expect(await t.ingest('things')).toMatchObject({ rowsLoaded: 1, drift: [] });
    expect(await typesOf(t)).toEqual([
      { name: 'id', type: 'BIGINT' },
      { name: 'seen_at', type: 'TIMESTAMP' },
      { name: 'meta', type: 'VARCHAR' },
    ]);
    expect(await t.query(`SELECT id, strftime(seen_at, '%Y-%m-%d') AS day, meta, meta->>'color' AS color, meta->'dims'->>'w' AS w FROM bronze.things ORDER BY id`)).toEqual([
      { id: 1, day: '2024-12-31', meta: '{}', color: null, w: null },
      { id: 2, day: '2025-01-01', meta: '{}', color: null, w: null },
      // As in a column widened to text, the load's objects share one set of keys (absent ones null).
      { id: 3, day: '2025-01-02', meta: '{"color":"red","size":null,"dims":null}', color: 'red', w: null },
      { id: 4, day: '2025-01-03', meta: '{"color":null,"size":"L","dims":{"w":2}}', color: null, w: '2' },
      { id: 5, day: '2025-01-04', meta: '{}', color: null, w: null },
    ]);
  });

  it('land as JSON text nested in an object and in a list, which later objects fit', async () => {
    const { t, current } = await apiOf([{ id: 1, a: { b: {}, n: 1 }, tags: [{}, {}] }]);
    await t.source('things', { url: `${t.server.origin}/things`, records: '$' });
    await t.ingest('things');
    expect(await typesOf(t)).toEqual([
      { name: 'id', type: 'BIGINT' },
      { name: 'a', type: 'STRUCT(b VARCHAR, n BIGINT)' },
      { name: 'tags', type: 'VARCHAR[]' },
    ]);
    current.records = [{ id: 2, a: { b: { q: 1 }, n: 2 }, tags: [{ k: 'x' }] }];
    expect(await t.ingest('things')).toMatchObject({ rowsLoaded: 1, drift: [] });
    expect(await t.query('SELECT id, a.b AS b, a.n AS n, tags FROM bronze.things ORDER BY id')).toEqual([
      { id: 1, b: '{}', n: 1, tags: ['{}', '{}'] },
      { id: 2, b: '{"q":1}', n: 2, tags: ['{"k":"x"}'] },
    ]);
  });

  it('show in the preview as the type the first load lands', async () => {
    const { t } = await apiOf([
      { id: 1, meta: {} },
      { id: 2, meta: null },
    ]);
    await t.source('things', { url: `${t.server.origin}/things`, records: '$' });
    const p = await preview(t, 'things');
    expect(p.columns).toEqual([
      { name: 'id', type: 'BIGINT' },
      { name: 'meta', type: 'VARCHAR' },
    ]);
    expect(decodeRows(p.rows.ipc).rows).toEqual([
      [1, '{}'],
      [2, null],
    ]);
    expect((await t.ingest('things')).columns).toEqual(p.columns);
  });

  it('show in the preview of a loaded source as the next load reads them', async () => {
    const { t, current } = await apiOf([{ id: 1, meta: {}, a: { color: 'red' } }]);
    await t.source('things', { url: `${t.server.origin}/things`, records: '$' });
    await t.ingest('things');
    current.records = [{ id: 2, meta: { color: 'blue' }, a: {} }];
    const p = await preview(t, 'things');
    expect(p.columns).toEqual([
      { name: 'id', type: 'BIGINT' },
      { name: 'meta', type: 'VARCHAR' },
      { name: 'a', type: 'STRUCT(color VARCHAR)' },
    ]);
    expect(decodeRows(p.rows.ipc).rows).toEqual([[2, '{"color":"blue"}', { color: null }]]);
    const second = await t.ingest('things');
    expect(second).toMatchObject({ rowsLoaded: 1, drift: [] });
    expect(await typesOf(t)).toEqual(p.columns);
  });

  it('with flatten: true, land as a JSON text column that later objects fit', async () => {
    const { t, current } = await apiOf([{ id: 1, meta: {}, a: { b: {}, n: 1 } }]);
    await t.source('things', { url: `${t.server.origin}/things`, records: '$', flatten: true });
    const p = await preview(t, 'things');
    const first = await t.ingest('things');
    expect(first.columns).toEqual([
      { name: 'id', type: 'BIGINT' },
      { name: 'meta', type: 'VARCHAR' },
      { name: 'a_b', type: 'VARCHAR' },
      { name: 'a_n', type: 'BIGINT' },
    ]);
    expect(p.columns).toEqual(first.columns);
    current.records = [{ id: 2, meta: { color: 'red', dims: { w: 2 } }, a: { b: { q: 1 }, n: 2 } }];
    expect(await t.ingest('things')).toMatchObject({ rowsLoaded: 1, drift: [] });
    expect(await typesOf(t)).toEqual(first.columns);
    expect(await t.query('SELECT id, meta, a_b, a_n FROM bronze.things ORDER BY id')).toEqual([
      { id: 1, meta: '{}', a_b: '{}', a_n: 1 },
      { id: 2, meta: '{"color":"red","dims":{"w":2}}', a_b: '{"q":1}', a_n: 2 },
    ]);
  });

  it('with flatten: true, fill the parent_child columns an earlier load created with NULL', async () => {
    const { t, current } = await apiOf([{ id: 1, meta_x: 'x', meta: { color: 'red', dims: { w: 2 } } }]);
    await t.source('things', { url: `${t.server.origin}/things`, records: '$', flatten: true, drift: { missing_columns: 'fail' } });
    await t.ingest('things');
    current.records = [{ id: 2, meta_x: 'y', meta: {} }];
    expect(await t.ingest('things')).toMatchObject({ rowsLoaded: 1, drift: [] });
    expect(await t.query('SELECT id, meta_x, meta_color, meta_dims_w FROM bronze.things ORDER BY id')).toEqual([
      { id: 1, meta_x: 'x', meta_color: 'red', meta_dims_w: 2 },
      { id: 2, meta_x: 'y', meta_color: null, meta_dims_w: null },
    ]);
    expect((await typesOf(t)).map((c) => c.name)).toEqual(['id', 'meta_x', 'meta_color', 'meta_dims_w']);
  });
});
