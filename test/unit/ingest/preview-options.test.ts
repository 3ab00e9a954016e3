// Preview refuses options the file's format does not take (the rule a source YAML follows), names
// a header-only sheet or file as such, and points at the encoding when rows are not valid UTF-8.
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { previewStandalone } from '../../../src/engine/ingest/preview.js';
import { loadSource } from '../../../src/engine/ingest/sources.js';
import { ingotError, testWorkspace } from './fixture.js';

async function workbook(path: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const wb = new ExcelJS.Workbook();
  const sales = wb.addWorksheet('Sales');
  sales.addRow(['id', 'amount']);
  sales.addRow([1, 10]);
  wb.addWorksheet('Notes').addRow(['note', 'author']);
  await wb.xlsx.writeFile(path);
}

describe('preview options and messages', () => {
  it('refuses an option the format does not take, with the words a source YAML gets', async () => {
    const t = await testWorkspace();
    try {
      const book = join(t.root, 'data/book.xlsx');
      await workbook(book);
      const skip = await ingotError(previewStandalone(book, { skip: 1 }, { displayName: 'data/book.xlsx' }));
      expect(skip.code).toBe('INVALID_INPUT');
      expect(skip.message).toBe('Cannot preview data/book.xlsx: skip: is not an option of xlsx files.');
      expect(skip.hint).toBe('Leave out skip; xlsx files take only sheet.');
      expect(skip.detail).toMatchObject({ file: 'data/book.xlsx', field: 'skip' });
      expect((await ingotError(previewStandalone(book, { delimiter: ';' }, { displayName: 'data/book.xlsx' }))).message).toBe(
        'Cannot preview data/book.xlsx: delimiter: is not an option of xlsx files.',
      );
      // The same rule, word for word, as a source definition.
      await t.write('sources/book.yaml', 'path: data/book.xlsx\nskip: 1\n');
      expect((await ingotError(loadSource(t.ws, 'book'))).message).toBe('sources/book.yaml:2: skip: is not an option of xlsx files');
      const csv = await t.write('data/a.csv', 'id;name\n1;x\n');
      expect((await ingotError(previewStandalone(csv, { sheet: 'Orders' }, { displayName: 'data/a.csv' }))).message).toBe('Cannot preview data/a.csv: sheet: is not an option of csv files.');
      const json = await t.write('data/a.json', '[{"id": 1}]');
      expect((await ingotError(previewStandalone(json, { header: true }, { displayName: 'data/a.json' }))).hint).toBe('Leave out header; json files take no format options.');
      // Options that apply still work.
      expect((await previewStandalone(book, { sheet: 'Sales' })).rows.rowCount).toBe(1);
      expect((await previewStandalone(csv, { delimiter: ';', skip: 0 })).rows.rowCount).toBe(1);
    } finally {
      t.close();
    }
  });

  it('says a sheet or file has a header row but no data rows', async () => {
    const t = await testWorkspace();
    try {
      const book = join(t.root, 'book.xlsx');
      await workbook(book);
      const sheet = await ingotError(previewStandalone(book, { sheet: 'Notes' }, { displayName: 'data/book.xlsx' }));
      expect(sheet.message).toBe('data/book.xlsx:1: sheet "Notes" has a header row but no data rows; there is nothing to load.');
      expect(sheet.detail).toMatchObject({ file: 'data/book.xlsx', line: 1, sheet: 'Notes' });
      expect((await ingotError(previewStandalone(book, { sheet: 2 }, { displayName: 'data/book.xlsx' }))).message).toMatch(/^data\/book\.xlsx:1: sheet "Notes" has a header row but no data rows/);
      const csv = await t.write('data/h.csv', 'id,name\n');
      const preview = await previewStandalone(csv, {}, { displayName: 'data/h.csv' });
      expect(preview.columns.map((c) => c.name)).toEqual(['id', 'name']);
      expect(preview.warnings).toContain('data/h.csv:1: the file has a header row but no data rows; there is nothing to load.');
    } finally {
      t.close();
    }
  });

  it('suggests --encoding latin-1 when previewed rows are not valid UTF-8', async () => {
    const t = await testWorkspace();
    try {
      const path = await t.write('data/latin.csv', Buffer.from('id,name\n1,M\xfcller\n2,Jos\xe9\n3,Ann\n', 'latin1'));
      const utf8 = await previewStandalone(path, {}, { displayName: 'data/latin.csv' });
      expect(utf8.rejects.map((r) => r.line)).toEqual([2, 3]);
      expect(utf8.warnings).toContain(
        'data/latin.csv:2: 2 previewed rows are not valid UTF-8; if the file is Latin-1 (or UTF-16), preview it with `--encoding latin-1` (or utf-16), and set `encoding:` in its source before loading it.',
      );
      const latin = await previewStandalone(path, { encoding: 'latin-1' }, { displayName: 'data/latin.csv' });
      expect(latin.rejects).toEqual([]);
      expect(latin.warnings.filter((w) => w.includes('UTF-8'))).toEqual([]);
    } finally {
      t.close();
    }
  });
});
