// Bronze landing: lineage columns, the batch ledger, no-op reloads, new batches for changed
// files, atomic replace, rejects with their lines, and the record count that proves nothing was
// dropped by sample-based type inference.
import { createHash } from 'node:crypto';
import { appendFile, writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { ingestSource } from '../../../src/engine/ingest/ingest.js';
import { testWorkspace } from './fixture.js';

describe('bronze landing', () => {
  it('lands a file with lineage columns and records the batch', async () => {
    const t = await testWorkspace();
    await t.write('data/orders.csv', 'id,name\n1,a\n2,b\n3,c\n');
    const r = await ingestSource(t.ws, 'data/orders.csv');
    expect(r).toMatchObject({ source: 'orders', table: 'bronze.orders', unchanged: false, rowsLoaded: 3, rowsRejected: 0, recordsCounted: 3 });
    const rows = await t.query('SELECT id, name, _batch_id, _source_file, _row_number, _loaded_at IS NOT NULL AS has_time FROM bronze.orders ORDER BY id');
    expect(rows).toEqual([
      { id: 1, name: 'a', _batch_id: r.batchId, _source_file: 'data/orders.csv', _row_number: 1, has_time: true },
      { id: 2, name: 'b', _batch_id: r.batchId, _source_file: 'data/orders.csv', _row_number: 2, has_time: true },
      { id: 3, name: 'c', _batch_id: r.batchId, _source_file: 'data/orders.csv', _row_number: 3, has_time: true },
    ]);
    const [batch] = await t.query(`SELECT source, location, status, file_count, size_bytes, content_hash, records_counted, rows_loaded, rows_rejected, duration_ms >= 0 AS timed FROM _ingot.batches`);
    expect(batch).toMatchObject({ source: 'orders', location: 'data/orders.csv', status: 'loaded', file_count: 1, size_bytes: 20, records_counted: 3, rows_loaded: 3, rows_rejected: 0, timed: true });
    expect(String(batch?.content_hash)).toMatch(/^blake3:[0-9a-f]{64}$/);
    t.close();
  });

  it('a no-op load after the source YAML changed says new options reach new files only, and how to reload', async () => {
    const t = await testWorkspace();
    await t.write('data/people.csv', 'id,name\n1,José\n');
    await t.write('sources/people.yaml', 'path: data/people.csv\n');
    await ingestSource(t.ws, 'people');
    const untouched = await ingestSource(t.ws, 'people');
    expect(untouched.warnings).toEqual([]);
    await t.write('sources/people.yaml', 'path: data/people.csv\nencoding: latin-1\n');
    const again = await ingestSource(t.ws, 'people');
    expect(again.unchanged).toBe(true);
    expect(again.warnings).toEqual([
      'sources/people.yaml was modified after bronze.people last loaded: changed options (encoding, columns, delimiter, …) apply to new files only. To read the loaded files again with them, ingest it again with --replace.',
    ]);
    t.close();
  });

  it('treats the same content again as a no-op, and a changed file as a new batch', async () => {
    const t = await testWorkspace();
    const path = await t.write('data/orders.csv', 'id,name\n1,a\n2,b\n');
    const first = await ingestSource(t.ws, 'data/orders.csv');
    const again = await ingestSource(t.ws, 'orders');
    expect(again).toMatchObject({ unchanged: true, batchId: null, rowsLoaded: 0 });
    expect(again.message).toContain('already loaded');
    await appendFile(path, '3,c\n');
    const changed = await ingestSource(t.ws, 'orders');
    expect(changed).toMatchObject({ unchanged: false, rowsLoaded: 3 });
    expect(changed.warnings).toEqual([
      'data/orders.csv was loaded before with other content; this batch adds all its rows again next to the earlier ones. To keep only the new content, ingest with --replace.',
    ]);
    expect(changed.batchId).toBeGreaterThan(first.batchId ?? 0);
    expect(await t.query('SELECT _batch_id, count(*)::INTEGER AS n FROM bronze.orders GROUP BY 1 ORDER BY 1')).toEqual([
      { _batch_id: first.batchId, n: 2 },
      { _batch_id: changed.batchId, n: 3 },
    ]);
    expect(await t.query('SELECT count(*)::INTEGER AS n FROM _ingot.batches')).toEqual([{ n: 2 }]);
    t.close();
  });

  it('still recognises content that a ledger from before BLAKE3 recorded with a SHA-256 hash', async () => {
    const t = await testWorkspace();
    const content = 'id,name\n1,a\n2,b\n';
    await t.write('data/orders.csv', content);
    await ingestSource(t.ws, 'data/orders.csv');
    const sha256 = `sha256:${createHash('sha256').update(content).digest('hex')}`;
    await t.query(`UPDATE _ingot.batch_files SET content_hash = '${sha256}'`);
    expect(await ingestSource(t.ws, 'orders')).toMatchObject({ unchanged: true, rowsLoaded: 0 });
    // Other content of the same size is not mistaken for it.
    await t.write('data/orders.csv', content.replace('a', 'z'));
    expect(await ingestSource(t.ws, 'orders')).toMatchObject({ unchanged: false, rowsLoaded: 2 });
    t.close();
  });

  it('loads afresh when the bronze table was dropped by hand, instead of calling it already loaded', async () => {
    const t = await testWorkspace();
    await t.write('data/orders.csv', 'id,name\n1,a\n2,b\n');
    const first = await ingestSource(t.ws, 'data/orders.csv');
    await t.query('DROP TABLE bronze.orders');
    const again = await ingestSource(t.ws, 'orders');
    expect(again).toMatchObject({ unchanged: false, rowsLoaded: 2 });
    expect(await t.query('SELECT count(*)::INTEGER AS n FROM bronze.orders')).toEqual([{ n: 2 }]);
    expect(await t.query('SELECT batch_id, status FROM _ingot.batches ORDER BY 1')).toEqual([
      { batch_id: first.batchId, status: 'replaced' },
      { batch_id: again.batchId, status: 'loaded' },
    ]);
    t.close();
  });

  it('keeps everything of a batch out when one of its files fails, and a failed --replace keeps the old data', async () => {
    const t = await testWorkspace();
    await t.write('data/orders/day1.csv', 'id,v\n1,a\n');
    await t.write('sources/orders.yaml', 'path: data/orders/*.csv\n');
    const first = await ingestSource(t.ws, 'orders');
    await t.write('data/orders/day2.csv', 'id,v\n2,b\n3,c\n');
    // day3.csv fails only after every file was inserted: its last quote, beyond the sniffer's sample, never closes.
    const rows = Array.from({ length: 30_000 }, (_, i) => `${i + 4},x`).join('\n');
    await t.write('data/orders/day3.csv', `id,v\n${rows}\n40000,"never closed\n`);
    const failed = await ingestSource(t.ws, 'orders').catch((e: unknown) => e);
    expect(String(failed)).toContain('data/orders/day3.csv:30002: a quoted value opens here');
    const replaced = await ingestSource(t.ws, 'orders', { replace: true }).catch((e: unknown) => e);
    expect(String(replaced)).toContain('data/orders/day3.csv:30002');
    // Neither the rows inserted before the failure nor the replace's new table are visible.
    expect(await t.query('SELECT id, _batch_id FROM bronze.orders')).toEqual([{ id: 1, _batch_id: first.batchId }]);
    expect(await t.query(`SELECT status FROM _ingot.batches ORDER BY batch_id`)).toEqual([{ status: 'loaded' }, { status: 'failed' }, { status: 'failed' }]);
    expect(await t.query('SELECT count(*)::INTEGER AS n FROM _ingot.rejects')).toEqual([{ n: 0 }]);
    t.close();
  });

  it('replaces a source atomically with --replace', async () => {
    const t = await testWorkspace();
    const path = await t.write('data/orders.csv', 'id,name\n1,a\n2,b\n');
    const first = await ingestSource(t.ws, 'data/orders.csv');
    await writeFile(path, 'id,name,extra\n7,x,1\n');
    const replaced = await ingestSource(t.ws, 'orders', { replace: true });
    expect(replaced).toMatchObject({ rowsLoaded: 1, drift: [] });
    expect(await t.query('SELECT id, name, extra, _batch_id FROM bronze.orders')).toEqual([{ id: 7, name: 'x', extra: 1, _batch_id: replaced.batchId }]);
    expect(await t.query('SELECT batch_id, status FROM _ingot.batches ORDER BY 1')).toEqual([
      { batch_id: first.batchId, status: 'replaced' },
      { batch_id: replaced.batchId, status: 'loaded' },
    ]);
    // With the old batch replaced, its content is no longer "already loaded".
    await writeFile(path, 'id,name\n1,a\n2,b\n');
    expect((await ingestSource(t.ws, 'orders', { replace: true })).rowsLoaded).toBe(2);
    t.close();
  });

  it('stores unparseable rows as rejects and numbers loaded rows by their record in the file', async () => {
    const t = await testWorkspace();
    const lines = ['id,qty'];
    for (let i = 1; i <= 50; i++) lines.push(`${i},${i}`);
    lines[10] = '10,ten'; // record 10 (line 11): text where the source pins qty to BIGINT
    lines[11] = '11,12,13'; // record 11: one field too many
    lines[30] = '30'; // record 30: one field too few
    await t.write('data/items.csv', lines.join('\n') + '\n');
    await t.write('sources/items.yaml', 'path: data/items.csv\ncolumns:\n  qty: bigint\n');
    const r = await ingestSource(t.ws, 'items');
    expect(r).toMatchObject({ rowsLoaded: 47, rowsRejected: 3, recordsCounted: 50 });
    const rejects = await t.query('SELECT file, line, column_name, error_type, raw_line FROM _ingot.rejects ORDER BY line');
    expect(rejects).toEqual([
      { file: 'data/items.csv', line: 11, column_name: 'qty', error_type: 'CAST', raw_line: '10,ten' },
      { file: 'data/items.csv', line: 12, column_name: null, error_type: 'TOO MANY COLUMNS', raw_line: '11,12,13' },
      { file: 'data/items.csv', line: 31, column_name: 'qty', error_type: 'MISSING COLUMNS', raw_line: '30' },
    ]);
    // Every loaded row's number is its record number, skipping the rejected ones: id = record here.
    expect(await t.query('SELECT count(*)::INTEGER AS n FROM bronze.items WHERE _row_number <> id')).toEqual([{ n: 0 }]);
    expect(await t.query('SELECT min(_row_number) AS lo, max(_row_number) AS hi FROM bronze.items')).toEqual([{ lo: 1, hi: 50 }]);
    t.close();
  });

  it('counts records independently of the sniffer: bad values after its sample are rejected, not dropped', async () => {
    const t = await testWorkspace();
    const good = Array.from({ length: 30_000 }, (_, i) => `${i + 1},${i * 3}`).join('\n');
    await t.write('data/big.csv', `id,amount\n${good}\n30001,n/a\n30002,7\n30003,unknown\n`);
    const r = await ingestSource(t.ws, 'data/big.csv');
    expect(r.columns).toContainEqual({ name: 'amount', type: 'BIGINT' });
    expect(r.recordsCounted).toBe(30_003);
    expect(r.rowsLoaded + r.rowsRejected).toBe(r.recordsCounted);
    expect(r).toMatchObject({ rowsLoaded: 30_001, rowsRejected: 2 });
    expect(await t.query('SELECT line, raw_line FROM _ingot.rejects ORDER BY line')).toEqual([
      { line: 30_002, raw_line: '30001,n/a' },
      { line: 30_004, raw_line: '30003,unknown' },
    ]);
    expect(await t.query('SELECT _row_number FROM bronze.big WHERE id = 30002')).toEqual([{ _row_number: 30_002 }]);
    t.close();
  });

  it('loads a glob as one batch with per-file lineage, and later only the new files', async () => {
    const t = await testWorkspace();
    await t.write('data/orders/day1.csv', 'id,v\n1,a\n2,b\n');
    await t.write('data/orders/day2.csv', 'id,v\n3,c\n');
    await t.write('sources/orders.yaml', 'kind: file\npath: data/orders/*.csv\n');
    const first = await ingestSource(t.ws, 'orders');
    expect(first).toMatchObject({ rowsLoaded: 3, recordsCounted: 3 });
    expect(first.files.map((f) => [f.path, f.rowsLoaded])).toEqual([
      ['data/orders/day1.csv', 2],
      ['data/orders/day2.csv', 1],
    ]);
    expect(await t.query('SELECT _source_file, _row_number, id FROM bronze.orders ORDER BY id')).toEqual([
      { _source_file: 'data/orders/day1.csv', _row_number: 1, id: 1 },
      { _source_file: 'data/orders/day1.csv', _row_number: 2, id: 2 },
      { _source_file: 'data/orders/day2.csv', _row_number: 1, id: 3 },
    ]);
    await t.write('data/orders/day3.csv', 'id,v\n4,d\n');
    const late = await ingestSource(t.ws, 'orders');
    expect(late).toMatchObject({ rowsLoaded: 1, skippedFiles: ['data/orders/day1.csv', 'data/orders/day2.csv'] });
    expect((await ingestSource(t.ws, 'orders')).unchanged).toBe(true);
    t.close();
  });

  it('loads every data file of a folder', async () => {
    const t = await testWorkspace();
    await t.write('drop/a.csv', 'id\n1\n');
    await t.write('drop/sub/b.csv', 'id\n2\n');
    await t.write('drop/readme.md', 'not data');
    await t.write('sources/drop.yaml', 'path: drop\nformat: csv\n');
    const r = await ingestSource(t.ws, 'drop');
    expect(r.files.map((f) => f.path)).toEqual(['drop/a.csv', 'drop/sub/b.csv']);
    expect(await t.query('SELECT id FROM bronze.drop ORDER BY id')).toEqual([{ id: 1 }, { id: 2 }]);
    t.close();
  });
});
