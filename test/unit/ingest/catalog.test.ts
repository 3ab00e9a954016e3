// Source definitions (validation errors with file, line and field), preview without loading,
// and the table listing by layer.
import { describe, expect, it } from 'vitest';
import { ingestSource } from '../../../src/engine/ingest/ingest.js';
import { previewFile } from '../../../src/engine/ingest/preview.js';
import { COLUMN_TYPE_NAMES, unknownTypeReason } from '../../../src/engine/ingest/column-type-names.js';
import { sourceKindNames } from '../../../src/engine/ingest/kinds.js';
import { listSources, loadSource } from '../../../src/engine/ingest/sources.js';
import { listTables } from '../../../src/engine/ingest/tables.js';
import { tableStorage } from '../../../src/engine/db/storage-bytes.js';
import { decodeRows } from '../../../src/engine/query/arrow-values.js';
import { ingotError, testWorkspace } from './fixture.js';

describe('sources, preview and tables', () => {
  it('validates source definitions and names file, line and field', async () => {
    const t = await testWorkspace();
    await t.write('sources/good.yaml', 'path: data/a.csv\nchecks:\n  - not_null: id\n');
    await t.write('sources/bad.yaml', 'kind: file\npath: data/a.csv\ndelimiter: ","\nsheet: Orders\n');
    await t.write('sources/typo.yaml', 'path: data/a.csv\ncolumns:\n  amount: "DROP TABLE x;"\n');
    await t.write('sources/what.yaml', 'kind: ftp\npath: x\n');
    const good = await loadSource(t.ws, 'good');
    expect(good).toMatchObject({ name: 'good', file: 'sources/good.yaml', kind: 'file', options: { path: 'data/a.csv', drift: { new_columns: 'add', missing_columns: 'null', type_change: 'fail' } } });
    expect(good.options.checks).toEqual([{ not_null: 'id' }]);
    expect((await ingotError(loadSource(t.ws, 'bad'))).message).toBe('sources/bad.yaml:4: sheet: is not an option of csv files');
    const typo = await ingotError(loadSource(t.ws, 'typo'));
    expect(typo.message).toMatch(/^sources\/typo\.yaml:3: columns\.amount: must be a DuckDB type/);
    expect(typo.detail).toMatchObject({ file: 'sources/typo.yaml', line: 3, field: 'columns.amount' });
    expect((await ingotError(loadSource(t.ws, 'what'))).message).toBe(`sources/what.yaml:1: kind: must be one of: ${sourceKindNames().join(', ')}`);
    await t.write('sources/typo.yaml', 'path: data/a.csv\ncolumns:\n  id: BIGINT\n  amount: INTEGR\n');
    expect((await ingotError(loadSource(t.ws, 'typo'))).message).toMatch(/^sources\/typo\.yaml:4: columns\.amount: "INTEGR" is not a DuckDB type; did you mean INTEGER\?/);
    expect((await ingotError(loadSource(t.ws, 'missing'))).hint).toBe('Sources in this workspace: bad, good, typo, what.');
    await expect(listSources(t.ws)).rejects.toThrow('sources/bad.yaml:4');
    t.close();
  });

  it('refuses an unknown field at its line, suggesting the nearest one', async () => {
    const t = await testWorkspace();
    await t.write('sources/typo.yaml', 'path: data/a.csv\ndelimter: ";"\n');
    const err = await ingotError(loadSource(t.ws, 'typo'));
    expect(err.message).toBe('sources/typo.yaml:2: delimter: unknown field; did you mean "delimiter"?');
    expect(err.detail).toMatchObject({ file: 'sources/typo.yaml', line: 2, field: 'delimter' });
    t.close();
  });

  it('knows only type names DuckDB knows', async () => {
    const t = await testWorkspace();
    const casts = COLUMN_TYPE_NAMES.map((name, i) => `NULL::${name} AS c${i}`).join(', ');
    expect(await t.query(`SELECT count(*)::INTEGER AS n FROM (SELECT ${casts})`)).toEqual([{ n: 1 }]);
    expect(await t.query(`SELECT count(*)::INTEGER AS n FROM (SELECT NULL::DECIMAL(18,2)[] AS a)`)).toEqual([{ n: 1 }]);
    expect(unknownTypeReason('DECIMAL(18,2)')).toBeUndefined();
    expect(unknownTypeReason('VARCHAR[]')).toBeUndefined();
    expect(unknownTypeReason('TIMESTAMP WITH TIME ZONE')).toBeUndefined();
    expect(unknownTypeReason('DATETIME2')).toMatch(/^"DATETIME2" is not a DuckDB type; did you mean DATETIME\?/);
    t.close();
  });

  it('previews dialect, types and the first rows without creating a table', async () => {
    const t = await testWorkspace();
    const lines = ['id;when;note'];
    for (let i = 1; i <= 150; i++) lines.push(`${i};2024-01-${String((i % 28) + 1).padStart(2, '0')};n${i}`);
    const path = await t.write('data/p.csv', lines.join('\n') + '\n');
    const result = await t.ws.db.withConnection((c) => previewFile(c, path, {}, { displayName: 'data/p.csv' }));
    expect(result.format).toBe('csv');
    expect(result.dialect).toMatchObject({ delimiter: ';', header: true, skipRows: 0, encoding: 'utf-8' });
    expect(result.columns).toEqual([
      { name: 'id', type: 'BIGINT' },
      { name: 'when', type: 'DATE' },
      { name: 'note', type: 'VARCHAR' },
    ]);
    expect(result.rows.rowCount).toBe(100);
    expect(decodeRows(result.rows.ipc, 2).rows).toEqual([
      [1, '2024-01-02', 'n1'],
      [2, '2024-01-03', 'n2'],
    ]);
    // Rows of a fully read preview that do not parse are listed with their line.
    const small = await t.write('data/s.csv', 'id;note\n1;a\n2\n3;c\n');
    const smallResult = await t.ws.db.withConnection((c) => previewFile(c, small, {}));
    expect(smallResult.rows.rowCount).toBe(2);
    expect(smallResult.rejects).toEqual([{ line: 3, column: 'note', error: 'Expected Number of Columns: 2 Found: 1' }]);
    expect(await listTables(await t.ws.db.connect())).toEqual([]);
    t.close();
  });

  it('lists tables by layer with rows, size, rejects and last load', async () => {
    const t = await testWorkspace();
    await t.write('data/orders.csv', 'id,v\n1,a\n2,b\n3\n');
    const r = await ingestSource(t.ws, 'data/orders.csv');
    await t.query('CREATE TABLE gold.kpis AS SELECT 1 AS x');
    await t.query('CREATE VIEW silver.orders_v AS SELECT * FROM bronze.orders');
    const tables = await t.ws.db.withConnection(listTables);
    expect(tables.map((x) => [x.layer, x.name, x.kind, x.rows])).toEqual([
      ['bronze', 'orders', 'table', 2],
      ['silver', 'orders_v', 'view', 2],
      ['gold', 'kpis', 'table', 1],
    ]);
    const bronze = tables[0];
    expect(bronze?.rowsRejected).toBe(1);
    expect(bronze?.bytes).toBeGreaterThan(0);
    expect(bronze?.lastLoadedAt).not.toBeNull();
    expect(bronze?.columns.map((c) => c.name)).toEqual(['id', 'v', '_batch_id', '_source_file', '_row_number', '_loaded_at']);
    expect(r.rowsRejected).toBe(1);
    t.close();
  });

  it('sizes a small table near its real data, not in whole blocks, before and after a checkpoint', async () => {
    const t = await testWorkspace();
    // 1,000 rows × (8 B random double + a 10-character string): about 18 KB of data.
    await t.query(`CREATE TABLE gold.small AS SELECT random() AS r, printf('row %06d', range) AS label FROM range(1000)`);
    await t.query("CREATE TABLE silver.tiny AS SELECT * FROM (VALUES (1, 'a'), (2, 'b')) v(x, y)");
    const sizeOf = async (name: string): Promise<number | undefined> => (await t.ws.db.withConnection(listTables)).find((x) => x.name === name)?.bytes;
    const unsaved = await sizeOf('small');
    expect(unsaved).toBeGreaterThan(8_000);
    expect(unsaved).toBeLessThan(40_000);
    await t.ws.db.checkpoint();
    const tables = await t.ws.db.withConnection(listTables);
    const small = tables.find((x) => x.name === 'small')!.bytes;
    const tiny = tables.find((x) => x.name === 'tiny')!.bytes;
    expect(small).toBeGreaterThan(8_000);
    expect(small).toBeLessThan(40_000);
    expect(tiny).toBeGreaterThan(0);
    expect(tiny).toBeLessThan(1_000);
    // The listing and capacity measure a table the same way.
    const measured = await t.ws.db.withConnection((c) => tableStorage(c, ['gold', 'silver']));
    expect(measured.map((m) => [m.table, m.bytes])).toEqual([
      ['small', small],
      ['tiny', tiny],
    ]);
    t.close();
  });
});
