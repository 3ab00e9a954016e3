// Date formats across the files of one source: DuckDB sniffs each CSV on its own and reads an
// ambiguous 01/05/2025 day-first, so later files keep the format the source's first files were
// read with (values that do not fit it are rejected with their line), one load's files share
// one format, a format set in the YAML wins, and --replace sniffs afresh.
import { describe, expect, it } from 'vitest';
import { ingestSource } from '../../../src/engine/ingest/ingest.js';
import { sourceKind } from '../../../src/engine/ingest/kinds.js';
import { loadSource } from '../../../src/engine/ingest/sources.js';
import { decodeRows } from '../../../src/engine/query/arrow-values.js';
import { testWorkspace, type TestWorkspace } from './fixture.js';

const SOURCE = 'path: data/us/*.csv\n';

async function days(t: TestWorkspace, column = 'sold_on'): Promise<{ id: number; day: string }[]> {
  return t.query<{ id: number; day: string }>(`SELECT id, "${column}"::VARCHAR AS day FROM bronze.us ORDER BY id`);
}

describe('date formats kept across the files of a source', () => {
  it('reads an ambiguous later file month-first when the first file was month-first, and says so', async () => {
    const t = await testWorkspace();
    await t.write('sources/us.yaml', SOURCE);
    await t.write('data/us/us_1.csv', 'id,amount,sold_on\n1,10,12/30/2024\n2,20,12/31/2024\n');
    await ingestSource(t.ws, 'us');
    await t.write('data/us/us_2.csv', 'id,amount,sold_on\n3,30,01/05/2025\n4,40,01/07/2025\n');
    const second = await ingestSource(t.ws, 'us');
    expect(second).toMatchObject({ rowsLoaded: 2, rowsRejected: 0, recordsCounted: 2 });
    expect(second.warnings).toEqual([
      'data/us/us_2.csv: read dates as %m/%d/%Y, as earlier files of this source (on its own it looks like %d/%m/%Y); set `date_format:` in sources/us.yaml to change it.',
    ]);
    expect(await days(t)).toEqual([
      { id: 1, day: '2024-12-30' },
      { id: 2, day: '2024-12-31' },
      { id: 3, day: '2025-01-05' },
      { id: 4, day: '2025-01-07' },
    ]);
    expect(await t.query('SELECT path, date_format FROM _ingot.batch_files ORDER BY path')).toEqual([
      { path: 'data/us/us_1.csv', date_format: '%m/%d/%Y' },
      { path: 'data/us/us_2.csv', date_format: '%m/%d/%Y' },
    ]);
    t.close();
  });

  it('keeps day-first for later files of a day-first source: ambiguous ones, and ones the sniffer would read month-first', async () => {
    const t = await testWorkspace();
    await t.write('sources/us.yaml', SOURCE);
    await t.write('data/us/us_1.csv', 'id,amount,sold_on\n1,10,30/12/2024\n2,20,31/12/2024\n');
    await ingestSource(t.ws, 'us');
    await t.write('data/us/us_2.csv', 'id,amount,sold_on\n3,30,01/05/2025\n4,40,01/07/2025\n');
    expect((await ingestSource(t.ws, 'us')).warnings).toEqual([]);
    // Alone, this file is month-first (12/30 fits nothing else): under the source's day-first format 12/30 is rejected.
    await t.write('data/us/us_3.csv', 'id,amount,sold_on\n5,50,02/03/2025\n6,60,12/30/2025\n');
    const third = await ingestSource(t.ws, 'us');
    expect(third).toMatchObject({ rowsLoaded: 1, rowsRejected: 1, recordsCounted: 2 });
    expect(third.warnings[0]).toBe(
      'data/us/us_3.csv: read dates as %d/%m/%Y, as earlier files of this source (on its own it looks like %m/%d/%Y); set `date_format:` in sources/us.yaml to change it.',
    );
    expect(await days(t)).toEqual([
      { id: 1, day: '2024-12-30' },
      { id: 2, day: '2024-12-31' },
      { id: 3, day: '2025-05-01' },
      { id: 4, day: '2025-07-01' },
      { id: 5, day: '2025-03-02' },
    ]);
    expect(await t.query(`SELECT file, line, column_name FROM _ingot.rejects`)).toEqual([{ file: 'data/us/us_3.csv', line: 3, column_name: 'sold_on' }]);
    t.close();
  });

  it('rejects a later value impossible in the kept format, with its line, and loads the others', async () => {
    const t = await testWorkspace();
    await t.write('sources/us.yaml', SOURCE);
    await t.write('data/us/us_1.csv', 'id,amount,sold_on\n1,10,12/30/2024\n');
    await ingestSource(t.ws, 'us');
    await t.write('data/us/us_2.csv', 'id,amount,sold_on\n2,20,01/05/2025\n3,30,31/12/2025\n4,40,01/07/2025\n');
    const second = await ingestSource(t.ws, 'us');
    expect(second).toMatchObject({ rowsLoaded: 2, rowsRejected: 1, recordsCounted: 3 });
    expect(await days(t)).toEqual([
      { id: 1, day: '2024-12-30' },
      { id: 2, day: '2025-01-05' },
      { id: 4, day: '2025-01-07' },
    ]);
    const rejects = await t.query(`SELECT file, line, column_name, raw_line FROM _ingot.rejects`);
    expect(rejects).toEqual([{ file: 'data/us/us_2.csv', line: 3, column_name: 'sold_on', raw_line: '3,30,31/12/2025' }]);
    t.close();
  });

  it('rejects a value that fits no date format, with its line, instead of failing the load as a type change', async () => {
    const t = await testWorkspace();
    await t.write('sources/us.yaml', SOURCE);
    await t.write('data/us/us_1.csv', 'id,amount,sold_on\n1,10,12/30/2024\n');
    await ingestSource(t.ws, 'us');
    // On its own this file's sold_on is text: 13/31/2025 fits neither month-first nor day-first.
    const rows = Array.from({ length: 20 }, (_, i) => `${i + 2},${i},01/${String(i + 5).padStart(2, '0')}/2025`);
    await t.write('data/us/us_2.csv', ['id,amount,sold_on', ...rows.slice(0, 10), '99,5,13/31/2025', ...rows.slice(10)].join('\n') + '\n');
    const second = await ingestSource(t.ws, 'us');
    expect(second).toMatchObject({ rowsLoaded: 20, rowsRejected: 1, recordsCounted: 21, drift: [] });
    expect(second.warnings).toEqual([
      'data/us/us_2.csv: column "sold_on" holds values that are not %m/%d/%Y dates (such as "13/31/2025"); it is read as DATE in %m/%d/%Y, as earlier files of this source, and rows whose value does not fit are rejected with their lines.',
    ]);
    expect(await t.query(`SELECT file, line, column_name FROM _ingot.rejects`)).toEqual([{ file: 'data/us/us_2.csv', line: 12, column_name: 'sold_on' }]);
    expect((await days(t)).slice(0, 2)).toEqual([
      { id: 1, day: '2024-12-30' },
      { id: 2, day: '2025-01-05' },
    ]);
    // A column that is mostly not dates any more is a type change, as before: counted over the
    // whole file, also when its first 12,000 rows are dates.
    await t.write('data/us/us_3.csv', 'id,amount,sold_on\n30,1,soon\n31,2,later\n32,3,01/05/2025\n');
    await expect(ingestSource(t.ws, 'us')).rejects.toThrow(/sold_on/);
    await t.write('data/us/us_3.csv', ['id,amount,sold_on', ...Array.from({ length: 32_000 }, (_, i) => `${100 + i},1,${i < 12_000 ? '02/03/2025' : 'pending review'}`)].join('\n') + '\n');
    await expect(ingestSource(t.ws, 'us')).rejects.toThrow(/sold_on/);
    expect(await t.query('SELECT count(*)::INTEGER AS n FROM bronze.us')).toEqual([{ n: 21 }]);
    t.close();
  });

  it('keeps the timestamp format too', async () => {
    const t = await testWorkspace();
    await t.write('sources/us.yaml', SOURCE);
    await t.write('data/us/us_1.csv', 'id,sold_at\n1,30/12/2024 10:00:00\n');
    await ingestSource(t.ws, 'us');
    // Alone, this file is month-first with AM/PM (the only such format DuckDB tries): it does not fit the source's.
    await t.write('data/us/us_2.csv', 'id,sold_at\n2,02/01/2025 09:00:00 AM\n');
    const second = await ingestSource(t.ws, 'us');
    expect(second).toMatchObject({ rowsLoaded: 0, rowsRejected: 1, recordsCounted: 1 });
    expect(second.warnings[0]).toBe(
      'data/us/us_2.csv: read timestamps as %d/%m/%Y %H:%M:%S, as earlier files of this source (on its own it looks like %m/%d/%Y %I:%M:%S %p); set `timestamp_format:` in sources/us.yaml to change it.',
    );
    expect(await days(t, 'sold_at')).toEqual([{ id: 1, day: '2024-12-30 10:00:00' }]);
    expect(await t.query(`SELECT file, line FROM _ingot.rejects`)).toEqual([{ file: 'data/us/us_2.csv', line: 2 }]);
    t.close();
  });

  it('keeps ISO timestamps, which DuckDB reads without naming a format', async () => {
    const t = await testWorkspace();
    await t.write('sources/us.yaml', SOURCE);
    await t.write('data/us/us_1.csv', 'id,sold_at\n1,2024-12-30 10:00:00\n');
    await ingestSource(t.ws, 'us');
    await t.write('data/us/us_2.csv', 'id,sold_at\n2,01/05/2025 09:00:00 AM\n');
    const second = await ingestSource(t.ws, 'us');
    expect(second).toMatchObject({ rowsLoaded: 0, rowsRejected: 1, recordsCounted: 1 });
    expect(second.warnings[0]).toContain('data/us/us_2.csv: read timestamps as %Y-%m-%d %H:%M:%S, as earlier files of this source (on its own it looks like %m/%d/%Y %I:%M:%S %p)');
    await t.write('data/us/us_3.csv', 'id,sold_at\n3,2025-01-07T08:15:00\n');
    expect(await ingestSource(t.ws, 'us')).toMatchObject({ rowsLoaded: 1, rowsRejected: 0, warnings: [] });
    expect(await days(t, 'sold_at')).toEqual([
      { id: 1, day: '2024-12-30 10:00:00' },
      { id: 3, day: '2025-01-07 08:15:00' },
    ]);
    t.close();
  });

  it('reads every file of one folder load with one format: the first file’s', async () => {
    const t = await testWorkspace();
    await t.write('sources/us.yaml', SOURCE);
    await t.write('data/us/us_1.csv', 'id,amount,sold_on\n1,10,12/30/2024\n');
    await t.write('data/us/us_2.csv', 'id,amount,sold_on\n2,20,01/05/2025\n');
    const r = await ingestSource(t.ws, 'us');
    expect(r).toMatchObject({ rowsLoaded: 2, rowsRejected: 0 });
    expect(r.warnings).toHaveLength(1);
    expect(await days(t)).toEqual([
      { id: 1, day: '2024-12-30' },
      { id: 2, day: '2025-01-05' },
    ]);
    t.close();
  });

  it('lets a date_format set in the source win over the kept one, and --replace sniff afresh', async () => {
    const t = await testWorkspace();
    await t.write('sources/us.yaml', SOURCE);
    await t.write('data/us/us_1.csv', 'id,amount,sold_on\n1,10,12/30/2024\n');
    await ingestSource(t.ws, 'us');
    await t.write('sources/us.yaml', `${SOURCE}date_format: "%d/%m/%Y"\n`);
    await t.write('data/us/us_2.csv', 'id,amount,sold_on\n2,20,01/05/2025\n');
    const explicit = await ingestSource(t.ws, 'us');
    expect(explicit.warnings).toEqual([]);
    expect(await days(t)).toEqual([
      { id: 1, day: '2024-12-30' },
      { id: 2, day: '2025-05-01' },
    ]);

    // Back to sniffing, from scratch: the month-first first file of bronze no longer binds the new ones.
    await t.write('sources/us.yaml', SOURCE);
    await t.write('data/us/us_1.csv', 'id,amount,sold_on\n1,10,01/05/2025\n');
    await t.write('data/us/us_2.csv', 'id,amount,sold_on\n2,20,01/07/2025\n');
    const replaced = await ingestSource(t.ws, 'us', { replace: true });
    expect(replaced.warnings).toEqual([]);
    expect(await days(t)).toEqual([
      { id: 1, day: '2025-05-01' },
      { id: 2, day: '2025-07-01' },
    ]);
    t.close();
  });

  it('previews a source as its next load would read it: with the kept format', async () => {
    const t = await testWorkspace();
    await t.write('sources/us.yaml', SOURCE);
    await t.write('data/us/us_1.csv', 'id,amount,sold_on\n1,10,12/30/2024\n');
    await ingestSource(t.ws, 'us');
    // A new file that sorts first: the source's preview shows it.
    await t.write('data/us/us_0.csv', 'id,amount,sold_on\n0,5,01/05/2025\n');
    const def = await loadSource(t.ws, 'us');
    const preview = await t.ws.db.withConnection((conn) => sourceKind(def.kind).preview({ ws: t.ws, conn, source: { name: def.name, file: def.file }, limit: 10 }, def.options));
    expect(preview.dialect?.dateFormat).toBe('%m/%d/%Y');
    expect(preview.warnings[0]).toContain('data/us/us_0.csv: read dates as %m/%d/%Y, as earlier files of this source');
    expect(String(decodeRows(preview.rows.ipc).rows[0]?.[2])).toContain('2025-01-05');
    t.close();
  });
});
