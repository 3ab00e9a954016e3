// Every kind of bad input from issue 2: each fails (or rejects rows) with a message naming the
// file and, where there is one, the line; and each leaves the earlier batch of the source intact.
import { appendFileSync, existsSync } from 'node:fs';
import { chmod, mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { holdDatabase } from '../../helpers/lock-holder.js';
import { ingestSource } from '../../../src/engine/ingest/ingest.js';
import { openWorkspace } from '../../../src/engine/workspace/workspace.js';
import { ingotError, testWorkspace, type TestWorkspace } from './fixture.js';

const GOOD = 'id,name\n1,a\n2,b\n';

/** A workspace whose source `orders` (data/orders.<ext>) already holds one good batch. */
async function withEarlierBatch(ext = 'csv'): Promise<TestWorkspace & { path: string }> {
  const t = await testWorkspace();
  const path = await t.write(`data/orders.${ext}`, GOOD);
  await t.write('sources/orders.yaml', `path: data/orders.${ext}\nformat: csv\n`);
  await ingestSource(t.ws, 'orders');
  return { ...t, path };
}

async function expectIntact(t: TestWorkspace): Promise<void> {
  expect(await t.query('SELECT id, name FROM bronze.orders ORDER BY id')).toEqual([
    { id: 1, name: 'a' },
    { id: 2, name: 'b' },
  ]);
  expect(await t.query(`SELECT count(*)::INTEGER AS n FROM _ingot.batches WHERE status = 'loaded'`)).toEqual([{ n: 1 }]);
}

describe('bad input', () => {
  it('missing file', async () => {
    const t = await withEarlierBatch();
    await rm(t.path);
    const err = await ingotError(ingestSource(t.ws, 'orders'));
    expect(err.code).toBe('NOT_FOUND');
    expect(err.message).toBe('File not found: data/orders.csv.');
    expect(err.detail).toMatchObject({ file: 'sources/orders.yaml', field: 'path' });
    await expectIntact(t);
    expect((await ingotError(ingestSource(t.ws, 'data/nope.csv'))).message).toBe('File not found: data/nope.csv.');
    t.close();
  });

  it('a badly declared check in the source fails the load before reading (file:line of the field), e.g. quarantine on bronze', async () => {
    const t = await withEarlierBatch();
    await writeFile(t.path, `${GOOD}3,c\n`);
    await t.write('sources/orders.yaml', 'path: data/orders.csv\nformat: csv\nchecks:\n  - kind: not_null\n    column: name\n    severity: quarantine\n');
    const err = await ingotError(ingestSource(t.ws, 'orders'));
    expect(err.code).toBe('MODEL_INVALID');
    expect(err.message).toBe("sources/orders.yaml:6: check not_null(name): a source's rows stay in bronze.orders as they were loaded, so its checks cannot quarantine rows");
    expect(err.hint).toContain('silver model that reads bronze.orders');
    await expectIntact(t);
    t.close();
  });

  it('unreadable file (a folder where the file should be; chmod 000 when not running as root)', async () => {
    const t = await withEarlierBatch();
    await rm(t.path);
    await mkdir(t.path);
    const err = await ingotError(ingestSource(t.ws, 'orders'));
    expect(err.message).toBe('Cannot read data/orders.csv: it is a folder, not a file.');
    await expectIntact(t);
    if (process.getuid?.() !== 0) {
      await rm(t.path, { recursive: true });
      await writeFile(t.path, 'id,name\n3,c\n');
      await chmod(t.path, 0o000);
      expect((await ingotError(ingestSource(t.ws, 'orders'))).message).toBe('Cannot read data/orders.csv: permission denied.');
      await expectIntact(t);
    }
    t.close();
  });

  it('empty file', async () => {
    const t = await withEarlierBatch();
    await writeFile(t.path, '');
    const err = await ingotError(ingestSource(t.ws, 'orders'));
    expect(err.message).toBe('data/orders.csv is empty (0 bytes): there is nothing to load.');
    expect(err.detail?.file).toBe('data/orders.csv');
    await expectIntact(t);
    t.close();
  });

  it('header-only file', async () => {
    const t = await withEarlierBatch();
    await writeFile(t.path, 'id,name\n');
    const err = await ingotError(ingestSource(t.ws, 'orders'));
    expect(err.message).toBe('data/orders.csv:1: the file has a header but no data rows; there is nothing to load.');
    expect(err.detail).toMatchObject({ file: 'data/orders.csv', line: 1 });
    await expectIntact(t);
    t.close();
  });

  it('a header-only file in a folder source is skipped with a warning; the other files load', async () => {
    const t = await testWorkspace();
    await t.write('data/daily/d1.csv', 'id,amt\n1,5\n2,6\n');
    await t.write('data/daily/d2.csv', 'id,amt\n');
    await t.write('sources/daily.yaml', 'path: data/daily\n');
    const first = await ingestSource(t.ws, 'daily');
    expect(first).toMatchObject({ rowsLoaded: 2, recordsCounted: 2 });
    expect(first.warnings).toContain('data/daily/d2.csv has a header but no data rows; it was skipped.');
    // Only the quiet day is new: nothing to load, and nothing fails.
    const again = await ingestSource(t.ws, 'daily');
    expect(again.unchanged).toBe(true);
    expect(again.warnings).toContain('data/daily/d2.csv has a header but no data rows; it was skipped.');
    await t.write('data/daily/d3.csv', 'id,amt\n3,7\n');
    expect(await ingestSource(t.ws, 'daily')).toMatchObject({ rowsLoaded: 1 });
    expect(await t.query('SELECT id FROM bronze.daily ORDER BY id')).toEqual([{ id: 1 }, { id: 2 }, { id: 3 }]);
    t.close();
  });

  it('binary data named .csv', async () => {
    const t = await withEarlierBatch();
    const bytes = Buffer.alloc(4096);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919) % 256;
    await writeFile(t.path, bytes);
    const err = await ingotError(ingestSource(t.ws, 'orders'));
    expect(err.message).toMatch(/^data\/orders\.csv:1: this is binary data, not delimited text/);
    await expectIntact(t);
    t.close();
  });

  it('wrong delimiter guess: the result says which delimiter to set, and setting it fixes the load', async () => {
    const t = await testWorkspace();
    await t.write('data/eu.csv', 'id;name;price\n1;a;1,5\n2;b;2,5\n');
    await t.write('sources/eu.yaml', 'path: data/eu.csv\ndelimiter: ","\n');
    const wrong = await ingestSource(t.ws, 'eu', { replace: true });
    expect(wrong.columns.map((c) => c.name)).toEqual(['id;name;price']);
    expect(wrong).toMatchObject({ rowsLoaded: 0, rowsRejected: 2, recordsCounted: 2 });
    expect(wrong.warnings).toEqual([
      'data/eu.csv:1: only one column was found, but its header "id;name;price" contains ";"; if that is the delimiter, set `delimiter: ";"` in the source.',
    ]);
    await t.write('sources/eu.yaml', 'path: data/eu.csv\ndelimiter: ";"\ndecimal_separator: ","\n');
    const right = await ingestSource(t.ws, 'eu', { replace: true });
    expect(right.warnings).toEqual([]);
    expect(await t.query('SELECT id, name, price FROM bronze.eu ORDER BY id')).toEqual([
      { id: 1, name: 'a', price: 1.5 },
      { id: 2, name: 'b', price: 2.5 },
    ]);
    t.close();
  });

  it('unterminated quote', async () => {
    const t = await withEarlierBatch();
    await writeFile(t.path, 'id,name\n3,"c"\n4,"never closed\n5,"e"\n');
    await t.write('sources/orders.yaml', 'path: data/orders.csv\nquote: \'"\'\ndelimiter: ","\n');
    const err = await ingotError(ingestSource(t.ws, 'orders'));
    expect(err.message).toBe('data/orders.csv:3: a quoted value opens here (") and is never closed.');
    expect(err.detail).toMatchObject({ file: 'data/orders.csv', line: 3 });
    await expectIntact(t);
    t.close();
  });

  it('unterminated quote after the sniffer\'s sample, and quotes that enclose nothing', async () => {
    const t = await withEarlierBatch();
    const good = Array.from({ length: 30_000 }, (_, i) => `${i + 3},n${i}`).join('\n');
    await writeFile(t.path, `id,name\n${good}\n40000,"never closed\n40001,x\n`);
    await t.write('sources/orders.yaml', 'path: data/orders.csv\n');
    const err = await ingotError(ingestSource(t.ws, 'orders'));
    expect(err.message).toBe('data/orders.csv:30002: a quoted value opens here (") and is never closed.');
    expect(err.detail).toMatchObject({ file: 'data/orders.csv', line: 30_002 });
    await expectIntact(t);
    // Quotes in the sniffer's sample that do not enclose values stay text, with a warning naming the line.
    await writeFile(t.path, 'id,name\n3,"c\n4,d\n');
    const r = await ingestSource(t.ws, 'orders');
    expect(r).toMatchObject({ rowsLoaded: 2, rowsRejected: 0 });
    expect(r.warnings).toContain(
      'data/orders.csv:2: quote characters (") here do not enclose whole values, so the file is read without quoting and they stay part of the values; fix the quotes, or set `quote: ""` in the source to confirm.',
    );
    expect(await t.query(`SELECT name FROM bronze.orders WHERE _batch_id = ${r.batchId} ORDER BY id`)).toEqual([{ name: '"c' }, { name: 'd' }]);
    // But where the other values are properly quoted, one quote that never closes is an error at its line.
    const quoted = Array.from({ length: 50 }, (_, i) => `${i + 10},"Smith, J ${i}"`);
    quoted.splice(30, 0, '99,"Broken, never closed');
    await writeFile(t.path, `id,name\n${quoted.join('\n')}\n`);
    const broken = await ingotError(ingestSource(t.ws, 'orders'));
    expect(broken.message).toBe('data/orders.csv:32: a quoted value opens here (") and is never closed.');
    t.close();
  });

  it('ragged rows go to rejects with their lines; the rest loads', async () => {
    const t = await withEarlierBatch();
    await writeFile(t.path, 'id,name\n3,c\n4\n5,e,extra\n6,f\n');
    const r = await ingestSource(t.ws, 'orders');
    expect(r).toMatchObject({ rowsLoaded: 2, rowsRejected: 2, recordsCounted: 4 });
    expect(await t.query(`SELECT file, line, error FROM _ingot.rejects ORDER BY line`)).toEqual([
      { file: 'data/orders.csv', line: 3, error: 'Expected Number of Columns: 2 Found: 1' },
      { file: 'data/orders.csv', line: 4, error: 'Expected Number of Columns: 2 Found: 3' },
    ]);
    expect(await t.query('SELECT id, _row_number FROM bronze.orders WHERE _batch_id = ' + String(r.batchId) + ' ORDER BY id')).toEqual([
      { id: 3, _row_number: 1 },
      { id: 6, _row_number: 4 },
    ]);
    t.close();
  });

  it('duplicate header names are loaded under distinct names with a warning naming the line', async () => {
    const t = await testWorkspace();
    await t.write('data/dup.csv', 'id,name,ID\n1,a,2\n');
    const r = await ingestSource(t.ws, 'data/dup.csv');
    expect(r.warnings).toEqual(['data/dup.csv:1: the header name "ID" repeats (columns 1 and 3); it is loaded as "ID_1".']);
    expect(await t.query('SELECT * EXCLUDE (_batch_id, _source_file, _row_number, _loaded_at) FROM bronze.dup')).toEqual([{ id: 1, name: 'a', ID_1: 2 }]);
    t.close();
  });

  it('invalid UTF-8 rows are rejected with their line', async () => {
    const t = await withEarlierBatch();
    // Row 4 has two undecodable fields: it is still one row.
    await writeFile(t.path, Buffer.concat([Buffer.from('id,name,city\n3,c,x\n4,caf'), Buffer.from([0xe9]), Buffer.from(',M'), Buffer.from([0xfc]), Buffer.from('nchen\n5,e,y\n')]));
    const r = await ingestSource(t.ws, 'orders');
    expect(r).toMatchObject({ rowsLoaded: 2, rowsRejected: 1, recordsCounted: 3 });
    expect(await t.query(`SELECT DISTINCT line, error_type FROM _ingot.rejects`)).toEqual([{ line: 3, error_type: 'INVALID ENCODING' }]);
    expect(r.warnings).toContain(
      'data/orders.csv:3: 1 row is not valid UTF-8 and went to the rejects; if the file is Latin-1 (or UTF-16), set `encoding:` in the source and load it again replacing this data (Replace on the Ingest screen, or `ingot ingest orders --replace`).',
    );
    t.close();
  });

  it('a line over the maximum line size', async () => {
    const t = await withEarlierBatch();
    await writeFile(t.path, `id,name\n3,c\n4,${'x'.repeat(2_100_000)}\n5,e\n`);
    const err = await ingotError(ingestSource(t.ws, 'orders'));
    expect(err.message).toBe('data/orders.csv:3: the line is longer than 2,000,000 bytes, the most a CSV line may have.');
    await expectIntact(t);
    t.close();
  });

  it('a JSON file that is not JSON', async () => {
    const t = await testWorkspace();
    const path = await t.write('data/events.json', '[{"id": 1}, {"id": 2}]');
    await ingestSource(t.ws, 'data/events.json');
    await writeFile(path, 'id,name\n1,a\n');
    expect((await ingotError(ingestSource(t.ws, 'events'))).message).toBe('data/events.json:1: this is not JSON (it starts with "i", not "[" or "{").');
    await writeFile(path, '[{"id": 3}, {"id": }]');
    const broken = await ingotError(ingestSource(t.ws, 'events'));
    expect(broken.message).toMatch(/^Cannot read the JSON file data\/events\.json/);
    expect(broken.detail?.file).toBe('data/events.json');
    expect(await t.query('SELECT id FROM bronze.events ORDER BY id')).toEqual([{ id: 1 }, { id: 2 }]);
    // A malformed line of newline-delimited JSON goes to the rejects; the other lines load.
    await t.write('data/lines.ndjson', '{"id": 1}\n{"id": 2}\n{"id": }\n');
    expect(await ingestSource(t.ws, 'data/lines.ndjson')).toMatchObject({ rowsLoaded: 2, rowsRejected: 1, recordsCounted: 3 });
    expect(await t.query(`SELECT line, raw_line FROM _ingot.rejects WHERE file = 'data/lines.ndjson'`)).toEqual([{ line: 3, raw_line: '{"id": }' }]);
    // A value after the records DuckDB infers types from fails the load at its line (a value of the wrong type is no reject).
    const records = Array.from({ length: 25_000 }, (_, i) => `{"id": ${i}}`).join('\n');
    await t.write('data/late.ndjson', `${records}\n{"id": "abc"}\n`);
    const late = await ingotError(ingestSource(t.ws, 'data/late.ndjson'));
    expect(late.message).toBe('Cannot load data/late.ndjson:25001: JSON transform error: Failed to cast value to numerical: "abc"');
    expect(late.hint).toContain('pin the column\'s type under `columns:`');
    t.close();
  });

  it('a truncated Parquet file', async () => {
    const t = await testWorkspace();
    const path = join(t.root, 'data/items.parquet');
    await mkdir(join(t.root, 'data'), { recursive: true });
    await t.query(`COPY (SELECT range AS id, 'item ' || range AS name FROM range(5000)) TO '${path}' (FORMAT parquet)`);
    await ingestSource(t.ws, 'data/items.parquet');
    const full = await import('node:fs/promises').then((fs) => fs.readFile(path));
    await writeFile(path, full.subarray(0, Math.floor(full.length / 2)));
    const err = await ingotError(ingestSource(t.ws, 'items'));
    expect(err.message).toMatch(/^Cannot read the Parquet file data\/items\.parquet: /);
    expect(err.detail?.file).toBe('data/items.parquet');
    expect(await t.query('SELECT count(*)::INTEGER AS n FROM bronze.items')).toEqual([{ n: 5000 }]);
    t.close();
  });

  it('an Excel file with merged header cells', async () => {
    const t = await testWorkspace();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Orders');
    ws.addRow(['Customer', '', 'Amount']);
    ws.addRow(['Ann', 'Lee', 10]);
    ws.mergeCells('A1:B1');
    await mkdir(join(t.root, 'data'), { recursive: true });
    await wb.xlsx.writeFile(join(t.root, 'data/merged.xlsx'));
    const err = await ingotError(ingestSource(t.ws, 'data/merged.xlsx'));
    expect(err.message).toBe('data/merged.xlsx:1: sheet "Orders" has merged header cells (A1:B1); each column needs its own header.');
    t.close();
  });

  it('a file that changes while it loads fails the batch', async () => {
    const t = await withEarlierBatch();
    await writeFile(t.path, 'id,name\n3,c\n4,d\n');
    const err = await ingotError(
      ingestSource(t.ws, 'orders', {
        onProgress: (p) => {
          if (p.phase === 'loading') appendFileSync(t.path, '5,e\n');
        },
      }),
    );
    expect(err.message).toMatch(/^data\/orders\.csv changed while it was loading \(its size went from 16 to \d+ bytes\); nothing of this batch was kept\.$/);
    await expectIntact(t);
    t.close();
  });

  it('a cancelled load keeps nothing', async () => {
    const t = await withEarlierBatch();
    await writeFile(t.path, 'id,name\n3,c\n');
    const controller = new AbortController();
    const err = await ingotError(ingestSource(t.ws, 'orders', { signal: controller.signal, onProgress: (p) => p.phase === 'loading' && controller.abort() }));
    expect(err.code).toBe('CANCELLED');
    await expectIntact(t);
    expect(await t.query(`SELECT status FROM _ingot.batches ORDER BY batch_id DESC LIMIT 1`)).toEqual([{ status: 'cancelled' }]);
    // A cancel that arrives once every row has landed, just before the commit, still keeps nothing.
    const late = new AbortController();
    const lateErr = await ingotError(ingestSource(t.ws, 'orders', { signal: late.signal, onProgress: (p) => p.phase === 'committing' && late.abort() }));
    expect(lateErr.code).toBe('CANCELLED');
    await expectIntact(t);
    t.close();
  });

  it('a workspace already open read-write in another process names that process', async () => {
    const t = await testWorkspace();
    const dbPath = t.ws.paths.database;
    t.close();
    const holder = await holdDatabase(dbPath);
    try {
      const err = await ingotError(openWorkspace(t.root));
      expect(err.code).toBe('WORKSPACE_LOCKED');
      expect(err.message).toContain(`(PID ${holder.pid})`);
    } finally {
      holder.release();
    }
  });

  it.runIf(existsSync('/proc/self/cmdline'))('a workspace held by ingot serve says so, and that the app it serves is the way in', async () => {
    const t = await testWorkspace();
    const dbPath = t.ws.paths.database;
    t.close();
    const holder = await holdDatabase(dbPath, ['/opt/ingot/bin/ingot.mjs', 'serve', '--port', '4815']);
    try {
      const err = await ingotError(openWorkspace(t.root));
      expect(err.message).toBe(`The workspace database is open in another process: ingot serve --port 4815 (PID ${holder.pid}).`);
      expect(err.hint).toMatch(/^Use the app it serves, or stop it/);
    } finally {
      holder.release();
    }
  });
});
