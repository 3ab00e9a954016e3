// Newline-delimited JSON with malformed lines: those lines go to _ingot.rejects (file line, raw
// line, error) and the others load, also past the lines DuckDB samples; a file that is mostly not
// JSON still fails; a file with a UTF-8 byte-order mark loads (read from a copy without it); an
// empty JSON array holds no rows and no columns.
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { digestFile } from '../../../src/engine/ingest/file/digest.js';
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
  it('loads a file that starts with a byte-order mark, setting its malformed line aside; everything names the file itself', async () => {
    const t = await testWorkspace();
    // Line 4 is not JSON; line 6 is blank (DuckDB skips it, the record count does too).
    const file = await t.write('data/bom.ndjson', `\uFEFF${lines(1, 3)}\nnot json\n${lines(4, 4)}\n\n${lines(5, 6)}\r\n`);
    const r = await ingestSource(t.ws, 'data/bom.ndjson');
    expect(r).toMatchObject({ unchanged: false, rowsLoaded: 6, rowsRejected: 1, recordsCounted: 7 });
    expect(r.warnings).toContain("data/bom.ndjson:4: 1 line is not valid JSON and went to the rejects (Malformed JSON: Unexpected token 'o', \"not json\" is not valid JSON); the other 6 loaded.");
    // The reject: the file's name, its line, where that line starts in the file (after the 3-byte mark).
    const lineStart = Buffer.byteLength(`\uFEFF${lines(1, 3)}\n`);
    expect(await t.query('SELECT file, line, byte_position::INTEGER AS byte_position, raw_line FROM _ingot.rejects')).toEqual([
      { file: 'data/bom.ndjson', line: 4, byte_position: lineStart, raw_line: 'not json' },
    ]);
    expect(await t.query('SELECT id::INTEGER AS id, name, _source_file, _row_number::INTEGER AS row FROM bronze.bom ORDER BY id')).toEqual(
      [1, 2, 3, 4, 5, 6].map((id) => ({ id, name: `n${id}`, _source_file: 'data/bom.ndjson', row: id < 4 ? id : id + 1 })),
    );
    // The ledger names the file and hashes its own bytes, mark included: loading it again is a no-op.
    const { contentHash } = await digestFile(file);
    expect(await t.query('SELECT path, content_hash, records_counted::INTEGER AS records, rows_loaded::INTEGER AS loaded, rows_rejected::INTEGER AS rejected FROM _ingot.batch_files')).toEqual([
      { path: 'data/bom.ndjson', content_hash: contentHash, records: 7, loaded: 6, rejected: 1 },
    ]);
    expect((await ingestSource(t.ws, 'data/bom.ndjson')).unchanged).toBe(true);
    // The copies read without the mark are gone.
    expect(await readdir(join(t.root, '.ingot/cache')).catch(() => [])).toEqual([]);
    t.close();
  });

  it('loads JSON with a byte-order mark: an array, newline-delimited objects in a .json file, a mark alone on the first line', async () => {
    const t = await testWorkspace();
    await t.write('data/array.json', `\uFEFF[\n  {"id": 1, "name": "a"},\n  {"id": 2, "name": "b"}\n]\n`);
    expect(await ingestSource(t.ws, 'data/array.json')).toMatchObject({ unchanged: false, rowsLoaded: 2, rowsRejected: 0, recordsCounted: 2 });
    await t.write('data/objects.json', `\uFEFF${lines(1, 3)}\n`);
    expect(await ingestSource(t.ws, 'data/objects.json')).toMatchObject({ unchanged: false, rowsLoaded: 3, rowsRejected: 0, recordsCounted: 3 });
    expect(await t.query('SELECT id::INTEGER AS id, name, _source_file FROM bronze.objects ORDER BY id')).toEqual([
      { id: 1, name: 'n1', _source_file: 'data/objects.json' },
      { id: 2, name: 'n2', _source_file: 'data/objects.json' },
      { id: 3, name: 'n3', _source_file: 'data/objects.json' },
    ]);
    // A mark alone on the first line: that line is blank, as DuckDB reads the copy, and counts as no record.
    await t.write('data/marked.ndjson', `\uFEFF\n${lines(1, 1)}\nnope\n${lines(2, 2)}\n`);
    expect(await ingestSource(t.ws, 'data/marked.ndjson')).toMatchObject({ unchanged: false, rowsLoaded: 2, rowsRejected: 1, recordsCounted: 3 });
    expect(await t.query("SELECT line, raw_line FROM _ingot.rejects WHERE file = 'data/marked.ndjson'")).toEqual([{ line: 3, raw_line: 'nope' }]);
    expect(await readdir(join(t.root, '.ingot/cache')).catch(() => [])).toEqual([]);
    t.close();
  });

  it('previews a file with a byte-order mark, also one with a malformed line, and leaves no copy behind', async () => {
    const t = await testWorkspace();
    const cacheDir = join(t.root, '.ingot/cache');
    const clean = await t.write('data/clean.ndjson', `\uFEFF${lines(1, 3)}\n`);
    const p = await t.ws.db.withConnection((c) => previewFile(c, clean, {}, { displayName: 'data/clean.ndjson', cacheDir }));
    expect(p.format).toBe('ndjson');
    expect(tableFromIPC(p.rows.ipc).getChild('id')?.toArray()).toEqual(new BigInt64Array([1n, 2n, 3n]));
    expect(p.rejects).toEqual([]);
    const bad = await t.write('data/bad.ndjson', `\uFEFF${lines(1, 1)}\n{"id": 2, "name": \n${lines(3, 4)}\n`);
    const q = await t.ws.db.withConnection((c) => previewFile(c, bad, {}, { displayName: 'data/bad.ndjson', cacheDir }));
    expect(tableFromIPC(q.rows.ipc).getChild('id')?.toArray()).toEqual(new BigInt64Array([1n, 3n, 4n]));
    expect(q.rejects).toEqual([{ line: 2, column: null, error: expect.stringMatching(/^Malformed JSON/) as unknown as string }]);
    expect(await readdir(cacheDir).catch(() => [])).toEqual([]);
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
