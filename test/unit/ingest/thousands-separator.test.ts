// Numbers written with digit groups (`1.234,56`, `1 234,56`, `"1,234.56"`): with
// `thousands_separator` a source lands them as numbers; a separator that is also the decimal
// separator is refused at its line, in a source and in a preview; without it, a load and a preview
// say which separators would read such a text column as numbers.
import { describe, expect, it } from 'vitest';
import { detectGrouping, groupedColumns, groupedNumbersWarnings } from '../../../src/engine/ingest/file/grouped-numbers.js';
import { ingestSource } from '../../../src/engine/ingest/ingest.js';
import { previewStandalone } from '../../../src/engine/ingest/preview.js';
import { loadSource } from '../../../src/engine/ingest/sources.js';
import { ingotError, testWorkspace } from './fixture.js';

describe('thousands separators', () => {
  it('lands European amounts as numbers, counting every record', async () => {
    const t = await testWorkspace();
    try {
      await t.write('data/eu.csv', 'id;amount;units\n1;1.234,56;1.000\n2;12,5;7\n3;1.000.000,00;12.345\n');
      await t.write('sources/eu.yaml', 'path: data/eu.csv\ndelimiter: ";"\ndecimal_separator: ","\nthousands_separator: "."\n');
      const r = await ingestSource(t.ws, 'eu');
      expect(r).toMatchObject({ rowsLoaded: 3, rowsRejected: 0, recordsCounted: 3 });
      expect(r.columns).toEqual([
        { name: 'id', type: 'BIGINT' },
        { name: 'amount', type: 'DOUBLE' },
        { name: 'units', type: 'BIGINT' },
      ]);
      expect(await t.query('SELECT id, amount, units FROM bronze.eu ORDER BY id')).toEqual([
        { id: 1, amount: 1234.56, units: 1000 },
        { id: 2, amount: 12.5, units: 7 },
        { id: 3, amount: 1000000, units: 12345 },
      ]);
    } finally {
      t.close();
    }
  });

  it('reads space-grouped and quoted comma-grouped numbers, also into a declared DECIMAL', async () => {
    const t = await testWorkspace();
    try {
      await t.write('data/fr.csv', 'id;amount\n1;1 234,56\n2;999,99\n');
      await t.write('sources/fr.yaml', 'path: data/fr.csv\ndelimiter: ";"\ndecimal_separator: ","\nthousands_separator: " "\ncolumns:\n  amount: DECIMAL(12,2)\n');
      await ingestSource(t.ws, 'fr');
      expect(await t.query('SELECT id, amount::VARCHAR AS amount FROM bronze.fr ORDER BY id')).toEqual([
        { id: 1, amount: '1234.56' },
        { id: 2, amount: '999.99' },
      ]);
      await t.write('data/us.csv', 'id,amount\n1,"1,234.56"\n2,12.5\n');
      await t.write('sources/us.yaml', 'path: data/us.csv\nthousands_separator: ","\n');
      await ingestSource(t.ws, 'us');
      expect(await t.query('SELECT id, amount FROM bronze.us ORDER BY id')).toEqual([
        { id: 1, amount: 1234.56 },
        { id: 2, amount: 12.5 },
      ]);
      const preview = await previewStandalone(`${t.root}/data/us.csv`, { thousands_separator: ',' }, { displayName: 'data/us.csv' });
      expect(preview.columns.find((c) => c.name === 'amount')?.type).toBe('DOUBLE');
    } finally {
      t.close();
    }
  });

  it('refuses a thousands separator that is also the decimal separator, naming the line and what to set', async () => {
    const t = await testWorkspace();
    try {
      await t.write('data/eu.csv', 'id;amount\n1;1.234,56\n');
      await t.write('sources/eu.yaml', 'path: data/eu.csv\ndelimiter: ";"\nthousands_separator: "."\n');
      expect((await ingotError(loadSource(t.ws, 'eu'))).message).toBe(
        'sources/eu.yaml:3: thousands_separator: is ".", which is also the decimal separator; for numbers such as 1.234,56 set decimal_separator: ","',
      );
      await t.write('sources/eu.yaml', 'path: data/eu.csv\ndecimal_separator: ","\nthousands_separator: ","\n');
      expect((await ingotError(loadSource(t.ws, 'eu'))).message).toBe('sources/eu.yaml:3: thousands_separator: must differ from decimal_separator (",")');
      const refused = await ingotError(previewStandalone(`${t.root}/data/eu.csv`, { thousands_separator: '.' }, { displayName: 'data/eu.csv' }));
      expect(refused.message).toBe('Invalid preview option thousands_separator: is ".", which is also the decimal separator; for numbers such as 1.234,56 set decimal_separator: ",".');
      await t.write('data/book.json', '[{"id": 1}]');
      await t.write('sources/book.yaml', 'path: data/book.json\nthousands_separator: " "\n');
      expect((await ingotError(loadSource(t.ws, 'book'))).message).toBe('sources/book.yaml:2: thousands_separator: is not an option of json files');
    } finally {
      t.close();
    }
  });

  it('says which separators would read a text column of grouped numbers as numbers', async () => {
    const t = await testWorkspace();
    try {
      await t.write('data/eu.csv', 'id;amount;code;note\n1;1.234,56;12.345;a\n2;12,5;7;b\n3;;1.000.000;c\n');
      await t.write('sources/eu.yaml', 'path: data/eu.csv\ndelimiter: ";"\n');
      const plain = await ingestSource(t.ws, 'eu');
      expect(plain.warnings).toEqual([
        'data/eu.csv: columns "amount" (such as "1.234,56") and "code" (such as "1.000.000") hold numbers written with digit groups and load as text; to load them as numbers, set `thousands_separator: "."` and `decimal_separator: ","` in the source.',
      ]);
      await t.write('sources/eu.yaml', 'path: data/eu.csv\ndelimiter: ";"\ndecimal_separator: ","\n');
      const half = await ingestSource(t.ws, 'eu', { replace: true });
      expect(half.warnings).toEqual([
        'data/eu.csv: columns "amount" (such as "1.234,56") and "code" (such as "1.000.000") hold numbers written with digit groups and load as text; to load them as numbers, set `thousands_separator: "."` in the source.',
      ]);
      const preview = await previewStandalone(`${t.root}/data/eu.csv`, { delimiter: ';' }, { displayName: 'data/eu.csv' });
      expect(preview.warnings).toEqual(plain.warnings);
      await t.write('sources/eu.yaml', 'path: data/eu.csv\ndelimiter: ";"\ndecimal_separator: ","\nthousands_separator: "."\n');
      const right = await ingestSource(t.ws, 'eu', { replace: true });
      expect(right.warnings).toEqual([]);
      expect(await t.query('SELECT amount, code FROM bronze.eu ORDER BY id')).toEqual([
        { amount: 1234.56, code: 12345 },
        { amount: 12.5, code: 7 },
        { amount: null, code: 1000000 },
      ]);
    } finally {
      t.close();
    }
  });

  it('takes a text column for grouped numbers only when every value is one and one is grouped', () => {
    expect(detectGrouping(['1,234.56', '12.5', '-3'])).toEqual({ thousands: ',', decimal: '.' });
    expect(detectGrouping(['1 234,5', '7'])).toEqual({ thousands: ' ', decimal: ',' });
    expect(detectGrouping(["1'234.50"], '.')).toEqual({ thousands: "'", decimal: '.' });
    expect(detectGrouping(['1.234,56'], '.')).toBeUndefined();
    expect(detectGrouping(['12', '7,5'])).toBeUndefined();
    expect(detectGrouping(['1.234,56', 'n/a'])).toBeUndefined();
    expect(detectGrouping(['12.34.56'])).toBeUndefined();
    expect(detectGrouping(['', ' '])).toBeUndefined();
    // 1,250 alone could be 1.25 with a decimal comma: only a value grouped beyond doubt counts.
    expect(detectGrouping(['1,250', '1,500', '2,125'])).toBeUndefined();
    expect(detectGrouping(['1,250', '1,500', '2,125,000'])).toEqual({ thousands: ',', decimal: '.' });
    expect(detectGrouping(['1.250', '12,5'])).toBeUndefined();
    const one = groupedColumns(new Map([['price', ['1,250.00', '3.5']], ['sku', ['A-1', 'B-2']]]));
    expect(groupedNumbersWarnings('data/us.csv', one, undefined)).toEqual([
      'data/us.csv: column "price" (such as "1,250.00") holds numbers written with digit groups and loads as text; to load it as numbers, set `thousands_separator: ","` in the source.',
    ]);
  });
});
