// A JSON, NDJSON or Excel field holding strings in some records and numbers in others lands as
// text without JSON quotes (007, not "007"), in preview as in ingest, also past a malformed line,
// after a byte-order mark and on later batches (also into a widened column); objects and arrays
// keep their STRUCT and LIST types.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ingestSource } from '../../../src/engine/ingest/ingest.js';
import { previewStandalone } from '../../../src/engine/ingest/preview.js';
import { testWorkspace } from './fixture.js';

const lines = (records: readonly object[]): string => records.map((r) => JSON.stringify(r)).join('\n') + '\n';
const mixed = [
  { id: 1, code: '007' },
  { id: 2, code: 12 },
  { id: 3, code: 'A-1' },
];
const unquoted = [
  { id: 1, code: '007', len: 3, eq: true },
  { id: 2, code: '12', len: 2, eq: false },
  { id: 3, code: 'A-1', len: 3, eq: false },
];
const codes = (table: string, where = 'true'): string => `SELECT id, code, length(code)::INTEGER AS len, code = '007' AS eq FROM bronze.${table} WHERE ${where} ORDER BY id`;

/** The preview's rows of `column`, as text. */
async function previewed(path: string, column: string, options: Record<string, unknown> = {}): Promise<(string | null)[]> {
  const p = await previewStandalone(path, options);
  return [...(tableFromIPC(p.rows.ipc).getChild(column)?.toArray() ?? [])].map((v: unknown) => (v === null ? null : String(v)));
}

describe('fields mixing strings and numbers', () => {
  it('land from NDJSON as unquoted VARCHAR text, as the preview shows them', async () => {
    const t = await testWorkspace();
    const path = await t.write('data/mixed.ndjson', lines(mixed));
    const r = await ingestSource(t.ws, 'data/mixed.ndjson');
    expect(r.columns).toEqual([
      { name: 'id', type: 'BIGINT' },
      { name: 'code', type: 'VARCHAR' },
    ]);
    // The preview shows what bronze holds.
    expect({ bronze: await t.query(codes('mixed')), preview: await previewed(path, 'code') }).toEqual({ bronze: unquoted, preview: ['007', '12', 'A-1'] });
    t.close();
  });

  it('land from a JSON array as unquoted text', async () => {
    const t = await testWorkspace();
    const path = await t.write('data/arr.json', JSON.stringify(mixed));
    await ingestSource(t.ws, 'data/arr.json');
    expect({ bronze: await t.query(codes('arr')), preview: await previewed(path, 'code') }).toEqual({ bronze: unquoted, preview: ['007', '12', 'A-1'] });
    t.close();
  });

  it('land unquoted past a malformed line and after a byte-order mark', async () => {
    const t = await testWorkspace();
    await t.write('data/broken.ndjson', `${lines(mixed.slice(0, 2))}{"id": 9, "code": \n${lines(mixed.slice(2))}`);
    const r = await ingestSource(t.ws, 'data/broken.ndjson');
    expect(r).toMatchObject({ rowsLoaded: 3, rowsRejected: 1 });
    expect(await t.query(codes('broken'))).toEqual(unquoted);
    await t.write('data/marked.ndjson', `\uFEFF${lines(mixed)}`);
    await ingestSource(t.ws, 'data/marked.ndjson');
    expect(await t.query(codes('marked'))).toEqual(unquoted);
    t.close();
  });

  it('keep objects and arrays nested, with mixed values inside them as unquoted text', async () => {
    const t = await testWorkspace();
    const path = await t.write(
      'data/nested.ndjson',
      lines([
        { id: 1, obj: { a: 1, s: 'x' }, s: { c: '007' }, tags: [1, 'a'], any: { x: 1 }, day: '31-12-2024 10:00:00' },
        { id: 2, obj: { a: 2, s: 'y' }, s: { c: 12 }, tags: ['b', { k: 2 }], any: 'str', day: '01-01-2025 11:00:00' },
      ]),
    );
    const r = await ingestSource(t.ws, 'data/nested.ndjson');
    expect(r.columns.map((c) => c.type)).toEqual(['BIGINT', 'STRUCT(a BIGINT, s VARCHAR)', 'STRUCT(c VARCHAR)', 'VARCHAR[]', 'VARCHAR', 'TIMESTAMP']);
    expect(await t.query('SELECT id, obj.a AS a, obj.s AS os, s.c AS c, tags, "any", day::VARCHAR AS day FROM bronze.nested ORDER BY id')).toEqual([
      { id: 1, a: 1, os: 'x', c: '007', tags: ['1', 'a'], any: '{"x":1}', day: '2024-12-31 10:00:00' },
      { id: 2, a: 2, os: 'y', c: '12', tags: ['b', '{"k":2}'], any: 'str', day: '2025-01-01 11:00:00' },
    ]);
    expect(await previewed(path, 'any')).toEqual(['{"x":1}', 'str']);
    t.close();
  });

  it('land from an Excel column of text and number cells as unquoted text, as the preview shows them', async () => {
    const t = await testWorkspace();
    const wb = new ExcelJS.Workbook();
    const summary = wb.addWorksheet('Summary');
    summary.addRows([['Quarterly report'], [], ['region', 'total'], ['North', 100], ['South', 200.5]]);
    const orders = wb.addWorksheet('Orders');
    orders.addRow(['order_id', 'amount', 'code', 'price']);
    orders.addRow([1, 12.5, '007', { formula: 'B2*2', result: 25 }]);
    orders.addRow([2, 'n/a', '010', { formula: 'B3*2', result: { error: '#VALUE!' } }]);
    orders.addRow([3, 7, 12, { formula: 'B4*2', result: 14 }]);
    await mkdir(join(t.root, 'data'), { recursive: true });
    const path = join(t.root, 'data/book.xlsx');
    await wb.xlsx.writeFile(path);
    await t.write('sources/book.yaml', 'path: data/book.xlsx\nsheet: Orders\n');
    await ingestSource(t.ws, 'book');
    expect({
      bronze: await t.query("SELECT order_id, amount, code, price, code = '007' AS eq FROM bronze.book ORDER BY order_id"),
      preview: await previewed(path, 'code', { sheet: 'Orders' }),
    }).toEqual({
      bronze: [
        { order_id: 1, amount: '12.5', code: '007', price: '25', eq: true },
        { order_id: 2, amount: 'n/a', code: '010', price: '#VALUE!', eq: false },
        { order_id: 3, amount: '7', code: '12', price: '14', eq: false },
      ],
      preview: ['007', '010', '12'],
    });
    await t.write('sources/summary.yaml', 'path: data/book.xlsx\nsheet: Summary\n');
    await ingestSource(t.ws, 'summary');
    expect(await t.query('SELECT column1 FROM bronze.summary WHERE column1 IS NOT NULL ORDER BY _row_number')).toEqual([{ column1: 'total' }, { column1: '100' }, { column1: '200.5' }]);
    t.close();
  });

  it('keep their VARCHAR column and unquoted text when a second batch mixes what the first held as strings', async () => {
    const t = await testWorkspace();
    const path = await t.write('data/codes.ndjson', lines([{ id: 1, code: '007' }]));
    await ingestSource(t.ws, 'data/codes.ndjson');
    await t.write('data/codes.ndjson', lines(mixed.slice(1)));
    const second = await ingestSource(t.ws, 'codes');
    expect(second.drift).toEqual([]);
    expect(second.columns.find((c) => c.name === 'code')).toEqual({ name: 'code', type: 'VARCHAR' });
    expect(await t.query(codes('codes'))).toEqual(unquoted);
    expect(await previewed(path, 'code')).toEqual(['12', 'A-1']);
    t.close();
  });

  it('land unquoted in a number column widened to VARCHAR by a later mixed batch', async () => {
    const t = await testWorkspace();
    await t.write('data/codes.ndjson', lines([{ id: 0, code: 5 }]));
    await t.write('sources/codes.yaml', 'path: data/codes.ndjson\ndrift:\n  type_change: widen\n');
    await ingestSource(t.ws, 'codes');
    await t.write('data/codes.ndjson', lines(mixed));
    const second = await ingestSource(t.ws, 'codes');
    expect(second.drift).toEqual([{ column: 'code', change: 'type_widened', detail: 'BIGINT → VARCHAR: data/codes.ndjson has VARCHAR' }]);
    expect(await t.query(codes('codes', 'id > 0'))).toEqual(unquoted);
    t.close();
  });
});
