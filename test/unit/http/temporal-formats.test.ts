// Dates and timestamps an API sends in another format than ISO (31-12-2024 10:00:00) load as the
// DATE and TIMESTAMP values DuckDB detects in them, as ISO ones do.
import { describe, expect, it } from 'vitest';
import { httpTest } from './fixture.js';
import { sendJson } from './test-server.js';

describe('an HTTP source with dates and timestamps', () => {
  it('loads non-ISO dates and timestamps as the values they name', async () => {
    const records = [
      { id: 1, at: '31-12-2024 10:00:00', day: '31-12-2024', iso: '2024-12-31T10:00:00' },
      { id: 2, at: '01-01-2025 11:30:00', day: '01-01-2025', iso: '2025-01-01T11:30:00' },
    ];
    const t = await httpTest((_req, res) => sendJson(res, records));
    await t.source('visits', { url: `${t.server.origin}/visits` });
    expect(await t.ingest('visits')).toMatchObject({ rowsLoaded: 2 });
    expect(await t.query(`SELECT id, typeof("at") AS t, strftime("at", '%Y-%m-%d %H:%M') AS "at", CAST(day AS VARCHAR) AS day, CAST(iso AS VARCHAR) AS iso FROM bronze.visits ORDER BY id`)).toEqual([
      { id: 1, t: 'TIMESTAMP', at: '2024-12-31 10:00', day: '2024-12-31', iso: '2024-12-31 10:00:00' },
      { id: 2, t: 'TIMESTAMP', at: '2025-01-01 11:30', day: '2025-01-01', iso: '2025-01-01 11:30:00' },
    ]);
  });
});
