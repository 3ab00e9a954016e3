// Source names made from file names: accents transliterated, never empty, never starting with
// a digit, and the bronze table a non-ASCII file lands in; a quoted glob is named after its folder.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestSource } from '../../../src/engine/ingest/ingest.js';
import { ensureFileSource, sourceNameFor } from '../../../src/engine/ingest/sources.js';
import { ingotError, testWorkspace } from './fixture.js';

describe('source names from file names', () => {
  it('transliterates accented Latin letters instead of dropping them', () => {
    expect(sourceNameFor('data/ünï.csv')).toBe('uni');
    expect(sourceNameFor('über.csv')).toBe('uber');
    expect(sourceNameFor('données.csv')).toBe('donnees');
    expect(sourceNameFor('Ümsatz.csv')).toBe('umsatz');
    expect(sourceNameFor('Straße Großhandel.xlsx')).toBe('strasse_grosshandel');
    expect(sourceNameFor('Æble Økonomi.csv')).toBe('aeble_okonomi');
    expect(sourceNameFor('œuvre-łódź.parquet')).toBe('oeuvre_lodz');
    expect(sourceNameFor('ﬁnance ½.csv')).toBe('finance_1_2');
    expect(sourceNameFor('Orders 2024.csv')).toBe('orders_2024');
  });

  it('still gives a valid name when nothing Latin is left or it starts with a digit', () => {
    expect(sourceNameFor('данные.csv')).toBe('source');
    expect(sourceNameFor('数据.json')).toBe('source');
    expect(sourceNameFor('2024-ümsatz.csv')).toBe('s_2024_umsatz');
    expect(sourceNameFor('Ölpreis_данные.csv')).toBe('olpreis');
  });

  it('lands a non-ASCII file in a readable bronze table', async () => {
    const t = await testWorkspace();
    try {
      await t.write('data/Ümsatz.csv', 'id,betrag\n1,10\n2,20\n');
      const source = await ensureFileSource(t.ws, 'data/Ümsatz.csv');
      expect(source.name).toBe('umsatz');
      expect(source.file).toBe('sources/umsatz.yaml');
      await ingestSource(t.ws, source.name);
      expect(await t.query('SELECT count(*)::INTEGER AS n FROM bronze.umsatz')).toEqual([{ n: 2 }]);
    } finally {
      t.close();
    }
  });
  it('a quoted glob becomes a source named after its folder, with the pattern as its path; one matching nothing writes nothing', async () => {
    const t = await testWorkspace();
    await t.write('data/daily/d1.csv', 'id,v\n1,a\n');
    await t.write('data/daily/d2.csv', 'id,v\n2,b\n');
    const r = await ingestSource(t.ws, 'data/daily/*.csv');
    expect(r).toMatchObject({ source: 'daily', rowsLoaded: 2 });
    expect(await readFile(join(t.root, 'sources/daily.yaml'), 'utf8')).toContain('path: data/daily/*.csv');
    const err = await ingotError(ingestSource(t.ws, 'data/daily/*.tsv'));
    expect(err.message).toBe('No files match data/daily/*.tsv.');
    expect(await readdir(join(t.root, 'sources'))).toEqual(['daily.yaml']);
    t.close();
  });
});
