// A load that dies mid-pagination resumes: the server is killed while a load pages through it
// (the load fails and keeps nothing in bronze), started again on the same port, and the next load
// continues after the last complete page, with no page asked twice, no gaps and no duplicates.
import { describe, expect, it } from 'vitest';
import { ingestSource } from '../../../src/engine/ingest/ingest.js';
import { ingotError } from '../ingest/fixture.js';
import { httpTest, type HttpTest } from './fixture.js';
import { makeRecord, sendJson } from './test-server.js';

const PAGES = 8;
const PER_PAGE = 3;
const pageRecords = (p: number) => Array.from({ length: PER_PAGE }, (_, i) => makeRecord((p - 1) * PER_PAGE + i + 1));

/** Kills the server when page `at` is asked for (once); returns the test and a way to know it happened. */
async function dyingServer(at: number, answer: (p: number) => unknown, pageOf: (q: URLSearchParams) => number): Promise<HttpTest> {
  let killed = false;
  const t: HttpTest = await httpTest(async (req, res) => {
    const p = pageOf(req.query);
    if (p === at && !killed) {
      killed = true;
      await t.server.kill();
      return;
    }
    sendJson(res, answer(p));
  });
  return t;
}

describe('resuming a load that died mid-pagination', () => {
  it('continues a cursor-paginated load after the last complete page once the server is back', async () => {
    const t = await dyingServer(5, (p) => ({ data: pageRecords(p), next: p < PAGES ? `c${p + 1}` : null }), (q) => Number((q.get('cursor') ?? 'c1').slice(1)));
    await t.source('events', { url: `${t.server.origin}/events`, records: 'data', primary_key: 'id', pagination: { type: 'cursor', cursor_path: 'next', param: 'cursor' } });
    const err = await ingotError(t.ingest('events'));
    expect(err.message).toContain('refused the connection');
    expect(await t.query(`SELECT count(*)::INTEGER AS n FROM duckdb_tables() WHERE schema_name = 'bronze'`)).toEqual([{ n: 0 }]);
    expect(await t.query('SELECT pages, records FROM _ingot.http_checkpoints')).toEqual([{ pages: 4, records: 12 }]);

    await t.server.restart();
    const before = t.server.requests.length;
    const r = await t.ingest('events');
    expect(r.warnings).toContain('Resumed an unfinished load of events after page 4 (12 records already fetched).');
    expect(t.server.requests.slice(before).map((q) => q.query.get('cursor'))).toEqual(['c5', 'c6', 'c7', 'c8']);
    expect(r).toMatchObject({ rowsLoaded: PAGES * PER_PAGE, recordsCounted: PAGES * PER_PAGE });
    expect(await t.query('SELECT count(*)::INTEGER AS n, count(DISTINCT id)::INTEGER AS ids, min(id) AS lo, max(id) AS hi FROM bronze.events')).toEqual([
      { n: 24, ids: 24, lo: 1, hi: 24 },
    ]);
    // Rows keep the order the API delivered them in across the resume.
    const order = await t.query<{ id: number }>('SELECT id FROM bronze.events ORDER BY _row_number');
    expect(order.map((o) => o.id)).toEqual(Array.from({ length: 24 }, (_, i) => i + 1));

    // The checkpoint was used up by the committed batch: the next load starts from the beginning.
    const again = await t.ingest('events');
    expect(again.warnings.join(' ')).not.toContain('Resumed');
    expect(t.server.requests.at(-PAGES)?.query.get('cursor')).toBeNull();
  });

  it('resumes page-number pagination fetched ahead, and keeps the incremental cursor until the batch commits', async () => {
    const t = await dyingServer(6, (p) => (p <= PAGES ? pageRecords(p) : []), (q) => Number(q.get('page')));
    await t.source('events', {
      url: `${t.server.origin}/events`,
      primary_key: 'id',
      incremental: { cursor_field: 'updated_at', param: 'since' },
      pagination: { type: 'page_number', size: PER_PAGE },
      rate_limit: { concurrency: 2 },
    });
    await ingotError(t.ingest('events'));
    expect(await t.query('SELECT count(*)::INTEGER AS n FROM _ingot.http_state')).toEqual([{ n: 0 }]);
    const [{ pages } = { pages: 0 }] = await t.query<{ pages: number }>('SELECT pages FROM _ingot.http_checkpoints');
    expect(pages).toBe(5);
    await t.server.restart();
    const before = t.server.requests.length;
    const r = await t.ingest('events');
    const asked = t.server.requests.slice(before).map((q) => Number(q.query.get('page')));
    expect(Math.min(...asked)).toBe(6);
    expect(r.rowsLoaded).toBe(PAGES * PER_PAGE);
    expect(await t.query('SELECT count(*)::INTEGER AS n, count(DISTINCT id)::INTEGER AS ids FROM bronze.events')).toEqual([{ n: 24, ids: 24 }]);
    expect(await t.query('SELECT cursor_value FROM _ingot.http_state')).toEqual([{ cursor_value: makeRecord(24).updated_at.replace('.000Z', 'Z') }]);
  });

  it('starts over when the source changed since the unfinished load', async () => {
    const t = await dyingServer(3, (p) => ({ data: pageRecords(p), next: p < PAGES ? `c${p + 1}` : null }), (q) => Number((q.get('cursor') ?? 'c1').slice(1)));
    await t.source('events', { url: `${t.server.origin}/events`, records: 'data', pagination: { type: 'cursor', cursor_path: 'next', param: 'cursor' } });
    await ingotError(t.ingest('events'));
    await t.server.restart();
    await t.source('events', { url: `${t.server.origin}/events`, records: 'data', params: { v: 2 }, pagination: { type: 'cursor', cursor_path: 'next', param: 'cursor' } });
    const before = t.server.requests.length;
    const r = await t.ingest('events');
    expect(r.warnings.join(' ')).not.toContain('Resumed');
    expect(t.server.requests[before]?.query.get('cursor')).toBeNull();
    expect(r.rowsLoaded).toBe(24);
  });

  it('does not call a load that failed on its first page resumed: there was nothing to resume', async () => {
    const t = await dyingServer(1, (p) => ({ data: pageRecords(p), next: p < PAGES ? `c${p + 1}` : null }), (q) => Number((q.get('cursor') ?? 'c1').slice(1)));
    await t.source('events', { url: `${t.server.origin}/events`, records: 'data', pagination: { type: 'cursor', cursor_path: 'next', param: 'cursor' } });
    await ingotError(t.ingest('events'));
    await t.server.restart();
    const r = await t.ingest('events');
    expect(r.warnings.join(' ')).not.toContain('Resumed');
    expect(r.rowsLoaded).toBe(PAGES * PER_PAGE);
  });

  it('resumes a load that was cancelled mid-pagination', async () => {
    const controller = new AbortController();
    const t = await httpTest(async (req, res) => {
      const p = Number((req.query.get('cursor') ?? 'c1').slice(1));
      if (p === 4 && !controller.signal.aborted) {
        controller.abort();
        await new Promise((r) => setTimeout(r, 50));
      }
      sendJson(res, { data: pageRecords(p), next: p < PAGES ? `c${p + 1}` : null });
    });
    await t.source('events', { url: `${t.server.origin}/events`, records: 'data', pagination: { type: 'cursor', cursor_path: 'next', param: 'cursor' } });
    const err = await ingotError(ingestSource(t.ws, 'events', { signal: controller.signal }));
    expect(err.code).toBe('CANCELLED');
    expect(await t.query('SELECT status FROM _ingot.batches')).toEqual([{ status: 'cancelled' }]);
    const r = await t.ingest('events');
    expect(r.warnings).toContain('Resumed an unfinished load of events after page 3 (9 records already fetched).');
    expect(r.rowsLoaded).toBe(24);
    expect(await t.query('SELECT count(DISTINCT id)::INTEGER AS n FROM bronze.events')).toEqual([{ n: 24 }]);
  });
});
