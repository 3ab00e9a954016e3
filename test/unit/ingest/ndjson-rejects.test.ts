// Newline-delimited JSON with malformed lines: those lines go to _ingot.rejects (file line, raw
// line, error) and the others load, also past the lines DuckDB samples; a file that is mostly not
// JSON still fails; an empty JSON array holds no rows and no columns.
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { ingestSource } from '../../../src/engine/ingest/ingest.js';
import { previewFile } from '../../../src/engine/ingest/preview.js';
import { ingotError, testWorkspace } from './fixture.js';

const lines = (from: number, to: number): string => Array.from({ length: to - from + 1 }, (_, i) => `{"id": ${from + i}, "name": "n${from + i}"}`).join('\n');

describe('NDJSON malformed lines', () => {
  it('rejects malformed lines after the sample, loads the rest, keeps the earlier batch and numbers rows past the rejects', async () => {
    const t = await testWorkspace();
    await t.write('data/events.ndjson', `${lines(1, 3)}\n`);
    await t.write('sources/events.yaml', 'path: data/events.ndjson\n');
    await ingestSource(t.ws, 'events');
    // Lines 25001 and 29001 are broken: both lie past the 20,480 records DuckDB infers types from.
    await t.write('data/events.ndjson', `${lines(4, 25_003)}\n{"id": 25004, "name": "cut\n${lines(25_005, 29_003)}\n{"id": 29004 "name": "x"}\r\n${lines(29_005, 30_000)}\n`);
    const r = await ingestSource(t.ws, 'events');
    expect(r).toMatchObject({ rowsLoaded: 29_995, rowsRejected: 2, recordsCounted: 29_997 });
    expect(r.warnings).toContain(
      'data/events.ndjson:25001: 2 lines are not valid JSON and went to the rejects (Malformed JSON: Unterminated string at column 27); the other 29,995 loaded.',
    );
    expect(await t.query(`SELECT line, error_type, raw_line, error FROM _ingot.rejects WHERE batch_id = ${String(r.batchId)} ORDER BY line`)).toEqual([
      { line: 25_001, error_type: 'MALFORMED JSON', raw_line: '{"id": 25004, "name": "cut', error: 'Malformed JSON: Unterminated string at column 27.' },
      { line: 29_001, error_type: 'MALFORMED JSON', raw_line: '{"id": 29004 "name": "x"}', error: "Malformed JSON: Expected ',' or '}' after property value at column 14." },
    ]);
    // The earlier batch is intact; the row after each rejected line keeps its record number.
    expect(await t.query('SELECT count(*)::INTEGER AS n, min(id)::INTEGER AS lo, max(id)::INTEGER AS hi FROM bronze.events')).toEqual([{ n: 29_998, lo: 1, hi: 30_000 }]);
    expect(await t.query(`SELECT id, _row_number FROM bronze.events WHERE id IN (25003, 25005, 29005) ORDER BY id`)).toEqual([
      { id: 25_003, _row_number: 25_000 },
      { id: 25_005, _row_number: 25_002 },
      { id: 29_005, _row_number: 29_002 },
    ]);
    // The copy the load read is gone.
    expect((await readdir(join(t.root, '.ingot/cache')).catch(() => [])).filter((n) => n.startsWith('ndjson-'))).toEqual([]);
    t.close();
  });

  it('names the file line of a later load error when the file was read without its malformed lines', async () => {
    const t = await testWorkspace();
    await t.write('data/late.ndjson', `{"id": 1\n${lines(2, 25_002)}\n{"id": "abc"}\n`);
    const err = await ingotError(ingestSource(t.ws, 'data/late.ndjson'));
    expect(err.message).toBe('Cannot load data/late.ndjson:25003: JSON transform error: Failed to cast value to numerical: "abc"');
    expect(err.detail).toMatchObject({ file: 'data/late.ndjson', line: 25_003 });
    expect(err.detail?.malformedLine).toBeUndefined();
    t.close();
  });

  it('a file in a folder source: the other files load too', async () => {
    const t = await testWorkspace();
    await t.write('data/feed/a.ndjson', `${lines(1, 2)}\n`);
    await t.write('data/feed/b.ndjson', `${lines(3, 4)}\nnot json\n${lines(5, 5)}\n`);
    await t.write('sources/feed.yaml', 'path: data/feed\n');
    const r = await ingestSource(t.ws, 'feed');
    expect(r).toMatchObject({ rowsLoaded: 5, rowsRejected: 1, recordsCounted: 6 });
    expect(r.warnings).toEqual(["data/feed/b.ndjson:3: 1 line is not valid JSON and went to the rejects (Malformed JSON: Unexpected token 'o', \"not json\" is not valid JSON); the other 3 loaded."]);
    expect(await t.query('SELECT file, line, raw_line FROM _ingot.rejects')).toEqual([{ file: 'data/feed/b.ndjson', line: 3, raw_line: 'not json' }]);
    expect(await t.query(`SELECT count(*)::INTEGER AS n FROM _ingot.batches WHERE status = 'loaded'`)).toEqual([{ n: 1 }]);
    t.close();
  });

  it('a file that is mostly not JSON lines still fails, naming the line; the earlier batch stays', async () => {
    const t = await testWorkspace();
    await t.write('data/events.ndjson', `${lines(1, 2)}\n`);
    await ingestSource(t.ws, 'data/events.ndjson');
    await t.write('data/events.ndjson', '{\n  "id": 3,\n  "name": "c"\n}\n');
    const err = await ingotError(ingestSource(t.ws, 'events'));
    expect(err.message).toBe('Cannot read the JSON file data/events.ndjson:1: Malformed JSON at byte 2: unexpected end of data. Try auto-detecting the JSON format');
    expect(err.detail?.malformedLine).toBeUndefined();
    // Most lines bad, but past the sample: the first bad line is named.
    await t.write('data/events.ndjson', `${lines(1, 21_000)}\n${Array.from({ length: 21_001 }, () => 'x').join('\n')}\n`);
    const late = await ingotError(ingestSource(t.ws, 'events'));
    expect(late.message).toBe('Cannot read the JSON file data/events.ndjson:21001: Malformed JSON: Unexpected token \'x\', "x" is not valid JSON; 21,001 of its 42,001 lines are not JSON.');
    expect(await t.query('SELECT id FROM bronze.events ORDER BY id')).toEqual([{ id: 1 }, { id: 2 }]);
    t.close();
  });
  it('a byte-order mark is not a malformed first line: the file fails, saying so', async () => {
    const t = await testWorkspace();
    await t.write('data/bom.ndjson', `\uFEFF${lines(1, 3)}\nnot json\n`);
    const err = await ingotError(ingestSource(t.ws, 'data/bom.ndjson'));
    expect(err.message).toBe('data/bom.ndjson:1: the file starts with a byte-order mark (BOM), which newline-delimited JSON cannot have.');
    expect(err.hint).toBe('Save the file as UTF-8 without a byte-order mark (BOM), then ingest it again.');
    t.close();
  });

  it('preview shows the lines that parse and lists a malformed line with its file line', async () => {
    const t = await testWorkspace();
    const file = await t.write('data/preview.ndjson', `${lines(1, 1)}\n{"id": 2, "name": \n${lines(3, 4)}\n`);
    const p = await t.ws.db.withConnection((c) => previewFile(c, file, {}, { displayName: 'data/preview.ndjson', cacheDir: join(t.root, '.ingot/cache') }));
    expect(p.format).toBe('ndjson');
    expect(tableFromIPC(p.rows.ipc).getChild('id')?.toArray()).toEqual(new BigInt64Array([1n, 3n, 4n]));
    expect(p.rejects).toEqual([{ line: 2, column: null, error: expect.stringMatching(/^Malformed JSON/) as unknown as string }]);
    expect(p.warnings[0]).toMatch(/^data\/preview\.ndjson:2: 1 line is not valid JSON/);
    expect((await readdir(join(t.root, '.ingot/cache')).catch(() => [])).filter((n) => n.startsWith('ndjson-'))).toEqual([]);
    t.close();
  });
});

describe('an empty JSON array', () => {
  it('alone is an error; in a folder it is skipped with a warning and adds no column', async () => {
    const t = await testWorkspace();
    await t.write('data/empty.json', ' [ ]\n');
    const err = await ingotError(ingestSource(t.ws, 'data/empty.json'));
    expect(err.message).toBe('data/empty.json:1: the file holds an empty JSON array ([]): no rows and no columns, so there is nothing to load.');
    expect(err.detail).toMatchObject({ file: 'data/empty.json', line: 1 });

    await t.write('data/days/d1.json', '[{"id": 1}]');
    await t.write('data/days/d2.json', '[]');
    await t.write('sources/days.yaml', 'path: data/days\n');
    const r = await ingestSource(t.ws, 'days');
    expect(r).toMatchObject({ rowsLoaded: 1, drift: [] });
    expect(r.warnings).toContain('data/days/d2.json holds an empty JSON array; it was skipped.');
    await t.write('data/days/d3.json', '[{"id": 3}]');
    const next = await ingestSource(t.ws, 'days');
    expect(next).toMatchObject({ rowsLoaded: 1, drift: [] });
    expect(next.columns.map((c) => c.name)).toEqual(['id']);
    t.close();
  });
});
