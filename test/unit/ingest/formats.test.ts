// File formats and CSV options: encodings, delimiter/quote/escape, skip, null strings, decimal
// separator, date formats, type overrides, Parquet, JSON arrays, NDJSON and Excel sheets.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ingestSource } from '../../../src/engine/ingest/ingest.js';
import { ingotError, testWorkspace } from './fixture.js';

const data = 'SELECT * EXCLUDE (_batch_id, _source_file, _row_number, _loaded_at)';

describe('file formats and options', () => {
  it('reads Latin-1 and UTF-16 text', async () => {
    const t = await testWorkspace();
    await t.write('data/latin.csv', Buffer.from('id,name\n1,café\n2,Müller\n', 'latin1'));
    await t.write('sources/latin.yaml', 'path: data/latin.csv\nencoding: latin-1\n');
    expect((await ingestSource(t.ws, 'latin')).recordsCounted).toBe(2);
    expect(await t.query(`${data} FROM bronze.latin ORDER BY id`)).toEqual([
      { id: 1, name: 'café' },
      { id: 2, name: 'Müller' },
    ]);
    await t.write('data/wide.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('id,name\n1,héllo\n2,wörld\n', 'utf16le')]));
    await t.write('sources/wide.yaml', 'path: data/wide.csv\nencoding: UTF-16\n');
    expect(await ingestSource(t.ws, 'wide')).toMatchObject({ rowsLoaded: 2, recordsCounted: 2 });
    expect(await t.query(`${data} FROM bronze.wide ORDER BY id`)).toEqual([
      { id: 1, name: 'héllo' },
      { id: 2, name: 'wörld' },
    ]);
    t.close();
  });

  it('reads UTF-16 text with a byte-order mark without being told, and refuses big-endian UTF-16 with what to do', async () => {
    const t = await testWorkspace();
    const text = 'id\tname\n1\tJosé\n2\tMünchen\n';
    await t.write('data/unicode.tsv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    expect(await ingestSource(t.ws, 'data/unicode.tsv')).toMatchObject({ rowsLoaded: 2, rowsRejected: 0, recordsCounted: 2 });
    expect(await t.query(`${data} FROM bronze.unicode ORDER BY id`)).toEqual([
      { id: 1, name: 'José' },
      { id: 2, name: 'München' },
    ]);
    const big = Buffer.from(text, 'utf16le').swap16();
    await t.write('data/big.csv', Buffer.concat([Buffer.from([0xfe, 0xff]), big]));
    const err = await ingotError(ingestSource(t.ws, 'data/big.csv'));
    expect(err.message).toBe('data/big.csv:1: the file is UTF-16 big-endian text, which Ingot cannot read.');
    t.close();
  });

  it('reads a gzip-compressed CSV, with its quoted values', async () => {
    const t = await testWorkspace();
    await t.write('data/orders.csv.gz', gzipSync(Buffer.from('id,note\n1,"a, b"\n2,plain\n3,"say ""hi"""\n')));
    expect(await ingestSource(t.ws, 'data/orders.csv.gz')).toMatchObject({ rowsLoaded: 3, rowsRejected: 0, recordsCounted: 3 });
    expect(await t.query(`${data} FROM bronze.orders ORDER BY id`)).toEqual([
      { id: 1, note: 'a, b' },
      { id: 2, note: 'plain' },
      { id: 3, note: 'say "hi"' },
    ]);
    t.close();
  });

  it('honours delimiter, quote, escape, skip, null strings, decimal separator and date formats', async () => {
    const t = await testWorkspace();
    const text = [
      'exported by shop v2',
      'second junk line',
      "id|label|price|day|seen",
      "1|'a|b'|1,5|03/02/2024|03/02/2024 10:30",
      "2|'it\\'s'|n/a|04/02/2024|04/02/2024 11:00",
      "3|plain|2,25|05/02/2024|05/02/2024 12:15",
    ].join('\n');
    await t.write('data/odd.txt', text + '\n');
    await t.write(
      'sources/odd.yaml',
      [
        'path: data/odd.txt',
        'format: csv',
        "delimiter: '|'",
        'quote: "\'"',
        "escape: '\\'",
        'skip: 2',
        'header: true',
        'null_strings: [n/a]',
        "decimal_separator: ','",
        "date_format: '%d/%m/%Y'",
        "timestamp_format: '%d/%m/%Y %H:%M'",
      ].join('\n') + '\n',
    );
    const r = await ingestSource(t.ws, 'odd');
    expect(r).toMatchObject({ rowsLoaded: 3, rowsRejected: 0, recordsCounted: 3 });
    expect(r.columns).toEqual([
      { name: 'id', type: 'BIGINT' },
      { name: 'label', type: 'VARCHAR' },
      { name: 'price', type: 'DOUBLE' },
      { name: 'day', type: 'DATE' },
      { name: 'seen', type: 'TIMESTAMP' },
    ]);
    expect(await t.query(`SELECT id, label, price, day::VARCHAR AS day, seen::VARCHAR AS seen, _row_number FROM bronze.odd ORDER BY id`)).toEqual([
      { id: 1, label: 'a|b', price: 1.5, day: '2024-02-03', seen: '2024-02-03 10:30:00', _row_number: 1 },
      { id: 2, label: "it's", price: null, day: '2024-02-04', seen: '2024-02-04 11:00:00', _row_number: 2 },
      { id: 3, label: 'plain', price: 2.25, day: '2024-02-05', seen: '2024-02-05 12:15:00', _row_number: 3 },
    ]);
    t.close();
  });

  it('counts quoted values that span lines as one record', async () => {
    const t = await testWorkspace();
    await t.write('data/notes.csv', 'id,note\r\n1,"first\r\nsecond"\r\n2,"say ""hi"""\r\n\r\n3,plain\r\n');
    expect(await ingestSource(t.ws, 'data/notes.csv')).toMatchObject({ rowsLoaded: 3, recordsCounted: 3 });
    expect(await t.query(`SELECT id, note, _row_number FROM bronze.notes ORDER BY id`)).toEqual([
      { id: 1, note: 'first\r\nsecond', _row_number: 1 },
      { id: 2, note: 'say "hi"', _row_number: 2 },
      { id: 3, note: 'plain', _row_number: 3 },
    ]);
    t.close();
  });

  it('reads quoted values after the sniffer\'s sample, which saw no quotes, and keeps quotes inside values', async () => {
    const t = await testWorkspace();
    const good = Array.from({ length: 30_000 }, (_, i) => `${i + 1},n${i}`).join('\n');
    await t.write('data/people.csv', `id,name\n${good}\n30001,"Smith, John"\n30002,5'10" tall\n`);
    const r = await ingestSource(t.ws, 'data/people.csv');
    expect(r).toMatchObject({ rowsLoaded: 30_002, rowsRejected: 0, recordsCounted: 30_002 });
    expect(await t.query('SELECT name FROM bronze.people WHERE id > 30000 ORDER BY id')).toEqual([{ name: 'Smith, John' }, { name: '5\'10" tall' }]);
    t.close();
  });

  it('applies column type overrides', async () => {
    const t = await testWorkspace();
    await t.write('data/codes.csv', 'zip,amount,day\n01234,10,2024-01-02\n98765,20,2024-01-03\n');
    await t.write('sources/codes.yaml', 'path: data/codes.csv\ncolumns:\n  zip: VARCHAR\n  amount: decimal(10, 2)\n  day: VARCHAR\n');
    const r = await ingestSource(t.ws, 'codes');
    expect(r.columns).toEqual([
      { name: 'zip', type: 'VARCHAR' },
      { name: 'amount', type: 'DECIMAL(10,2)' },
      { name: 'day', type: 'VARCHAR' },
    ]);
    expect(await t.query(`SELECT zip, amount::VARCHAR AS amount, day FROM bronze.codes ORDER BY zip`)).toEqual([
      { zip: '01234', amount: '10.00', day: '2024-01-02' },
      { zip: '98765', amount: '20.00', day: '2024-01-03' },
    ]);
    t.close();
  });

  it('loads Parquet with its own types, counting rows from the footer', async () => {
    const t = await testWorkspace();
    await mkdir(join(t.root, 'data'), { recursive: true });
    await t.query(`COPY (SELECT range::INTEGER AS id, DATE '2024-01-01' + range::INTEGER AS day, (range * 1.5)::DOUBLE AS v FROM range(1000)) TO '${join(t.root, 'data/p.parquet')}' (FORMAT parquet)`);
    const r = await ingestSource(t.ws, 'data/p.parquet');
    expect(r).toMatchObject({ rowsLoaded: 1000, recordsCounted: 1000 });
    expect(r.columns).toEqual([
      { name: 'id', type: 'INTEGER' },
      { name: 'day', type: 'DATE' },
      { name: 'v', type: 'DOUBLE' },
    ]);
    expect(await t.query('SELECT max(_row_number) AS n FROM bronze.p')).toEqual([{ n: 1000 }]);
    // Type overrides apply to Parquet (and JSON) columns too, through a cast.
    await t.write('sources/typed.yaml', 'path: data/p.parquet\ncolumns:\n  id: VARCHAR\n  v: DECIMAL(10,2)\n');
    expect((await ingestSource(t.ws, 'typed')).columns).toEqual([
      { name: 'id', type: 'VARCHAR' },
      { name: 'day', type: 'DATE' },
      { name: 'v', type: 'DECIMAL(10,2)' },
    ]);
    expect(await t.query('SELECT id, v::VARCHAR AS v FROM bronze.typed WHERE id = \'3\'')).toEqual([{ id: '3', v: '4.50' }]);
    t.close();
  });

  it('loads a JSON array and NDJSON', async () => {
    const t = await testWorkspace();
    await t.write('data/arr.json', JSON.stringify([{ id: 1, tags: ['a'], day: '2024-01-02' }, { id: 2, tags: [], day: '2024-01-03' }]));
    expect(await ingestSource(t.ws, 'data/arr.json')).toMatchObject({ rowsLoaded: 2, recordsCounted: 2 });
    expect(await t.query(`SELECT id, tags, day::VARCHAR AS day, _row_number FROM bronze.arr ORDER BY id`)).toEqual([
      { id: 1, tags: ['a'], day: '2024-01-02', _row_number: 1 },
      { id: 2, tags: [], day: '2024-01-03', _row_number: 2 },
    ]);
    await t.write('data/lines.ndjson', '{"id": 1, "name": "a"}\n\n{"id": 2, "name": "b"}\n');
    expect(await ingestSource(t.ws, 'data/lines.ndjson')).toMatchObject({ rowsLoaded: 2, recordsCounted: 2 });
    expect(await t.query(`${data} FROM bronze.lines ORDER BY id`)).toEqual([
      { id: 1, name: 'a' },
      { id: 2, name: 'b' },
    ]);
    t.close();
  });

  it('loads the chosen sheet of an Excel workbook (the first by default)', async () => {
    const t = await testWorkspace();
    const wb = new ExcelJS.Workbook();
    const first = wb.addWorksheet('Summary');
    first.addRow(['note']);
    first.addRow(['ignore me']);
    const sheet = wb.addWorksheet('Orders');
    sheet.addRow(['id', 'customer', 'amount', 'ordered', 'shipped']);
    sheet.addRow([1, 'Ann', 10.5, new Date(Date.UTC(2024, 0, 2)), new Date(Date.UTC(2024, 0, 4))]);
    sheet.addRow([2, { richText: [{ text: 'B' }, { text: 'ob' }] }, { formula: '1+1', result: 2 }, new Date(Date.UTC(2024, 0, 3)), new Date(Date.UTC(2024, 0, 5, 10, 30))]);
    await mkdir(join(t.root, 'data'), { recursive: true });
    await wb.xlsx.writeFile(join(t.root, 'data/book.xlsx'));
    await t.write('sources/book.yaml', 'path: data/book.xlsx\nsheet: Orders\n');
    const r = await ingestSource(t.ws, 'book');
    expect(r).toMatchObject({ rowsLoaded: 2, recordsCounted: 2, warnings: [] });
    // A date column stays DATE; a column where some date has a time of day becomes TIMESTAMP.
    expect(r.columns.slice(3)).toEqual([
      { name: 'ordered', type: 'DATE' },
      { name: 'shipped', type: 'TIMESTAMP' },
    ]);
    expect(await t.query(`SELECT id, customer, amount, ordered::VARCHAR AS ordered, shipped::VARCHAR AS shipped, _source_file, _row_number FROM bronze.book ORDER BY id`)).toEqual([
      { id: 1, customer: 'Ann', amount: 10.5, ordered: '2024-01-02', shipped: '2024-01-04 00:00:00', _source_file: 'data/book.xlsx', _row_number: 1 },
      { id: 2, customer: 'Bob', amount: 2, ordered: '2024-01-03', shipped: '2024-01-05 10:30:00', _source_file: 'data/book.xlsx', _row_number: 2 },
    ]);
    await wb.xlsx.writeFile(join(t.root, 'data/summary.xlsx'));
    const summary = await ingestSource(t.ws, 'data/summary.xlsx');
    expect(summary).toMatchObject({ source: 'summary', rowsLoaded: 1 });
    expect(summary.warnings).toEqual(['data/summary.xlsx has 2 sheets ("Summary", "Orders"); reading the first, "Summary". Set `sheet:` in the source to read another.']);
    expect(await t.query(`${data} FROM bronze.summary`)).toEqual([{ note: 'ignore me' }]);
    t.close();
  });

  it('skips an empty row in the middle of an Excel sheet, as a CSV skips a blank line', async () => {
    const t = await testWorkspace();
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('Orders');
    sheet.addRow(['id', 'customer']);
    sheet.addRow([1, 'Ann']);
    sheet.getRow(4).values = [3, 'Cem']; // row 3 stays empty
    await mkdir(join(t.root, 'data'), { recursive: true });
    await wb.xlsx.writeFile(join(t.root, 'data/gaps.xlsx'));
    const r = await ingestSource(t.ws, 'data/gaps.xlsx');
    expect(r).toMatchObject({ rowsLoaded: 2, rowsRejected: 0, recordsCounted: 2 });
    expect(await t.query('SELECT id, customer, _row_number FROM bronze.gaps ORDER BY id')).toEqual([
      { id: 1, customer: 'Ann', _row_number: 1 },
      { id: 3, customer: 'Cem', _row_number: 2 },
    ]);
    t.close();
  });
});
