// Rejected CSV records name the file line they start on (not their record number, which differs
// once a quoted value spans lines), and a record DuckDB could not decode keeps its raw text with
// every delimiter, as the source's encoding reads it; row numbers still count records.
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ingestSource } from '../../../src/engine/ingest/ingest.js';
import { previewStandalone } from '../../../src/engine/ingest/preview.js';
import { testWorkspace } from './fixture.js';

describe('rejected record lines', () => {
  it('names the file line after quoted values that span lines (LF and CRLF, blank lines between)', async () => {
    const t = await testWorkspace();
    await t.write('data/ml.csv', 'id,note,amount\n1,"a\nb\nc",5\n2,ok,6\n3,"x\ny",7\n4,ok,8,9\n5,ok,10\n');
    const r = await ingestSource(t.ws, 'data/ml.csv');
    expect(r).toMatchObject({ rowsLoaded: 4, rowsRejected: 1 });
    expect(await t.query('SELECT line, record, raw_line FROM _ingot.rejects')).toEqual([{ line: 8, record: 4, raw_line: '4,ok,8,9' }]);
    expect(await t.query('SELECT id, _row_number FROM bronze.ml ORDER BY id')).toEqual([
      { id: 1, _row_number: 1 },
      { id: 2, _row_number: 2 },
      { id: 3, _row_number: 3 },
      { id: 5, _row_number: 5 },
    ]);

    await t.write('data/crlf.csv', 'id,note,amount\r\n1,"a\r\nb",5\r\n\r\n2,ok,x\r\n3,"c\r\n\r\nd",6\r\n4,ok,8,9\r\n');
    await t.write('sources/crlf.yaml', 'path: data/crlf.csv\ncolumns:\n  amount: BIGINT\n');
    await ingestSource(t.ws, 'crlf');
    expect(await t.query(`SELECT line, raw_line FROM _ingot.rejects WHERE source = 'crlf' ORDER BY line`)).toEqual([
      { line: 5, raw_line: '2,ok,x' },
      { line: 9, raw_line: '4,ok,8,9' },
    ]);
    t.close();
  });

  it('names the same file line in a preview as in the load', async () => {
    const t = await testWorkspace();
    const path = await t.write('data/ml.csv', 'id,note,amount\n1,"a\nb\nc",5\n2,ok,6\n3,"x\ny",7\n4,ok,8,9\n5,ok,10\n');
    const preview = await previewStandalone(path, {}, { displayName: 'data/ml.csv' });
    expect(preview.rejects.map((r) => r.line)).toEqual([8]);
    t.close();
  });

  it('counts the lines of a Latin-1 file as DuckDB reads it (its UTF-8 copy)', async () => {
    const t = await testWorkspace();
    await t.write('data/l1.csv', Buffer.from('id,name\n1,"Jos\xe9\nM\xfcller"\n2,Ren\xe9e,x\n3,\xe9\n', 'latin1'));
    await t.write('sources/l1.yaml', 'path: data/l1.csv\nencoding: latin-1\n');
    expect(await ingestSource(t.ws, 'l1')).toMatchObject({ rowsLoaded: 2, rowsRejected: 1 });
    expect(await t.query('SELECT line, raw_line FROM _ingot.rejects')).toEqual([{ line: 4, raw_line: '2,Renée,x' }]);
    t.close();
  });

  it('keeps every byte the source encoding can read of a row that is not valid UTF-8', async () => {
    const t = await testWorkspace();
    await t.write('data/latin1.csv', Buffer.from('id,name,city\n1,"a\nb",ok\n2,Jos\xe9,M\xfcnchen\n', 'latin1'));
    const r = await ingestSource(t.ws, 'data/latin1.csv');
    expect(r).toMatchObject({ rowsLoaded: 1, rowsRejected: 1 });
    expect(r.warnings[0]).toMatch(/^data\/latin1\.csv:4: 1 row is not valid UTF-8/);
    expect(await t.query('SELECT DISTINCT line, raw_line FROM _ingot.rejects')).toEqual([{ line: 4, raw_line: '2,Jos\uFFFD,M\uFFFDnchen' }]);
    t.close();
  });

  it('names the file line in a gzip file and in UTF-16 text, as in a plain UTF-8 file', async () => {
    const t = await testWorkspace();
    const text = 'id,note,amount\n1,"a\nb\nc",5\n2,ok,6\n3,"x\ny",7\n4,ök,8,9\n5,ok,10\n';
    await t.write('data/zipped.csv.gz', gzipSync(Buffer.from(text, 'utf8')));
    expect(await ingestSource(t.ws, 'data/zipped.csv.gz')).toMatchObject({ rowsLoaded: 4, rowsRejected: 1 });
    await t.write('data/wide.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    expect(await ingestSource(t.ws, 'data/wide.csv')).toMatchObject({ rowsLoaded: 4, rowsRejected: 1 });
    expect(await t.query('SELECT source, line, raw_line FROM _ingot.rejects ORDER BY source')).toEqual([
      { source: 'wide', line: 8, raw_line: '4,ök,8,9' },
      { source: 'zipped', line: 8, raw_line: '4,ök,8,9' },
    ]);
    t.close();
  });
});
