// Widening a nested column (STRUCT, MAP, LIST) to text under `drift: { type_change: widen }`: the
// values already loaded are rewritten as JSON text, and nested values of later files read into the
// text column are JSON text too, so json_valid accepts them and `col->>'field'` reads them.
import { writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { ingestSource } from '../../../src/engine/ingest/ingest.js';
import { testWorkspace } from './fixture.js';

const lines = (records: readonly object[]): string => records.map((r) => JSON.stringify(r)).join('\n') + '\n';

describe('widening nested columns to text', () => {
  it('keeps loaded objects and lists as JSON text, and reads later ones as JSON text', async () => {
    const t = await testWorkspace();
    const path = await t.write('data/events.ndjson', lines([{ id: 1, c: { a: 1, s: 'x' }, tags: ['red', 'big'] }]));
    await t.write('sources/events.yaml', 'path: data/events.ndjson\ndrift:\n  type_change: widen\n');
    await ingestSource(t.ws, 'events');
    await writeFile(path, lines([{ id: 2, c: 'plain', tags: 'none' }]));
    const widened = await ingestSource(t.ws, 'events');
    expect(widened.drift.map((d) => `${d.column}: ${d.detail}`)).toEqual([
      'c: STRUCT(a BIGINT, s VARCHAR) → VARCHAR: data/events.ndjson has VARCHAR',
      'tags: VARCHAR[] → VARCHAR: data/events.ndjson has VARCHAR',
    ]);
    await writeFile(path, lines([{ id: 3, c: { a: 3, s: 'z' }, tags: ['small'] }]));
    await ingestSource(t.ws, 'events');
    expect(
      await t.query(
        `SELECT id, c, json_valid(c) AS c_json, CASE WHEN json_valid(c) THEN c->>'s' END AS s, tags, json_valid(tags) AS tags_json FROM bronze.events ORDER BY id`,
      ),
    ).toEqual([
      { id: 1, c: '{"a":1,"s":"x"}', c_json: true, s: 'x', tags: '["red","big"]', tags_json: true },
      { id: 2, c: 'plain', c_json: false, s: null, tags: 'none', tags_json: false },
      { id: 3, c: '{"a":3,"s":"z"}', c_json: true, s: 'z', tags: '["small"]', tags_json: true },
    ]);
    t.close();
  });
});
