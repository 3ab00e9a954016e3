// CSV columns with a time zone: DuckDB's reader turns a value that is no such time into NULL
// without a reject or an error, so such a value stops the load, naming the column and the value,
// and the earlier batches stay as they were.
import { describe, expect, it } from 'vitest';
import { ingestSource } from '../../../src/engine/ingest/ingest.js';
import { ingotError, testWorkspace } from './fixture.js';

describe('CSV columns with a time zone', () => {
  it('stop the load on a value that is no time, where DuckDB would land NULL, and keep earlier batches', async () => {
    const t = await testWorkspace();
    try {
      await t.write('sources/events.yaml', 'path: data/events/*.csv\n');
      await t.write('data/events/a.csv', 'id,seen\n1,2025-01-02 10:00:00+02\n2,2025-01-03 11:30:00+01\n');
      const first = await ingestSource(t.ws, 'events');
      expect(first.columns[1]).toEqual({ name: 'seen', type: 'TIMESTAMP WITH TIME ZONE' });

      // The bad value sits after the rows DuckDB's sniffer samples, so the column still sniffs as a zoned timestamp.
      const good = Array.from({ length: 25_000 }, (_, i) => `${i + 10},2025-02-01 08:30:00+01`);
      await t.write('data/events/b.csv', ['id,seen', ...good, '99999,not yet', '100000,2025-02-02 08:30:00+01'].join('\n') + '\n');
      const err = await ingotError(ingestSource(t.ws, 'events'));
      expect(err.message).toBe(
        'Cannot load data/events/b.csv: column "seen" holds "not yet", which is not a TIMESTAMP WITH TIME ZONE; DuckDB would load it as NULL, so Ingot stops the load',
      );
      expect(err.hint).toBe('Fix the value in the file, or read the column as text: name it with type VARCHAR under `columns:` in the source.');
      expect(await t.query("SELECT count(*)::INTEGER AS n, count(seen)::INTEGER AS seen, strftime(min(seen) AT TIME ZONE 'UTC', '%H:%M') AS utc FROM bronze.events")).toEqual([
        { n: 2, seen: 2, utc: '08:00' },
      ]);

      // Read as text, as the hint says, the file loads whole.
      await t.write('sources/events.yaml', 'path: data/events/*.csv\ncolumns:\n  seen: VARCHAR\n');
      const asText = await ingestSource(t.ws, 'events', { replace: true });
      expect(asText).toMatchObject({ rowsLoaded: 25_004, rowsRejected: 0 });
    } finally {
      t.close();
    }
  });

  it('load good values with their offsets, and empty values as NULL; a declared TIMETZ is checked too', async () => {
    const t = await testWorkspace();
    try {
      await t.write('data/times.csv', 'id,seen,at\n1,2025-01-02 10:00:00+02,10:00:00+02\n2,,\n3,2025-01-02T23:15:00.5Z,23:15:00+00\n');
      await t.write('sources/times.yaml', 'path: data/times.csv\ncolumns:\n  at: TIMETZ\n');
      const r = await ingestSource(t.ws, 'times');
      expect(r.columns.slice(1)).toEqual([
        { name: 'seen', type: 'TIMESTAMP WITH TIME ZONE' },
        { name: 'at', type: 'TIME WITH TIME ZONE' },
      ]);
      expect(await t.query(`SELECT id, strftime(seen AT TIME ZONE 'UTC', '%Y-%m-%d %H:%M:%S') AS utc, "at"::VARCHAR AS "at" FROM bronze.times ORDER BY id`)).toEqual([
        { id: 1, utc: '2025-01-02 08:00:00', at: '10:00:00+02' },
        { id: 2, utc: null, at: null },
        { id: 3, utc: '2025-01-02 23:15:00', at: '23:15:00+00' },
      ]);
    } finally {
      t.close();
    }
  });

  it('stop the load on a declared TIMETZ value that is no time', async () => {
    const t = await testWorkspace();
    try {
      await t.write('data/times.csv', 'id,at\n1,10:00:00+02\n2,noon\n');
      await t.write('sources/times.yaml', 'path: data/times.csv\ncolumns:\n  at: TIMETZ\n');
      expect((await ingotError(ingestSource(t.ws, 'times'))).message).toContain('column "at" holds "noon", which is not a TIME WITH TIME ZONE;');
    } finally {
      t.close();
    }
  });
});
