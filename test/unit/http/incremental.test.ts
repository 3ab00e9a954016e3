// Incremental loads: the cursor is stored with each committed batch, the next load asks only for
// newer records, and records that land twice (across pages, or again in a later load) are kept
// once per primary key, by their newest version.
import { describe, expect, it } from 'vitest';
import { httpCursor } from '../../../src/engine/ingest/http/http-state.js';
import { httpTest } from './fixture.js';
import { makeRecord, sendJson } from './test-server.js';

type Rec = ReturnType<typeof makeRecord>;

/** An API over `data` with an inclusive updated_since filter and page numbers of 4. */
function api(data: Rec[]) {
  return (req: { query: URLSearchParams }, res: Parameters<typeof sendJson>[0]) => {
    const since = req.query.get('updated_since');
    const page = Number(req.query.get('page') ?? '1');
    const rows = data.filter((r) => since === null || Date.parse(r.updated_at) >= Date.parse(since)).sort((a, b) => a.updated_at.localeCompare(b.updated_at));
    sendJson(res, { data: rows.slice((page - 1) * 4, page * 4) });
  };
}

const SOURCE = { records: 'data', primary_key: 'id', incremental: { cursor_field: 'updated_at', param: 'updated_since' }, pagination: { type: 'page_number', size: 4 } };

describe('incremental loads', () => {
  it('stores the cursor and asks only for newer records next time', async () => {
    const data = Array.from({ length: 10 }, (_, i) => makeRecord(i + 1));
    const t = await httpTest(api(data));
    await t.source('events', { url: `${t.server.origin}/events`, ...SOURCE });
    const first = await t.ingest('events');
    expect(first.rowsLoaded).toBe(10);
    const cursor = await t.ws.db.withConnection((c) => httpCursor(c, 'events'));
    expect(cursor).toBe(makeRecord(10).updated_at.replace('.000Z', 'Z'));
    expect(t.server.requests[0]?.query.get('updated_since')).toBeNull();

    // Nothing new: the API re-sends the boundary record (inclusive filter), which bronze already has.
    const again = await t.ingest('events');
    expect(again).toMatchObject({ unchanged: true, rowsLoaded: 0 });
    expect(again.message).toContain('already in bronze');
    expect(t.server.requests.at(-1)?.query.get('updated_since')).toBe(cursor);

    data.push(makeRecord(11), makeRecord(12));
    const more = await t.ingest('events');
    expect(more).toMatchObject({ unchanged: false, rowsLoaded: 2, recordsCounted: 3 });
    expect(more.warnings.join(' ')).toContain('1 record(s) were already in bronze');
    expect(await t.query('SELECT count(*)::INTEGER AS n, count(DISTINCT id)::INTEGER AS ids FROM bronze.events')).toEqual([{ n: 12, ids: 12 }]);
    expect(await t.query('SELECT _batch_id, count(*)::INTEGER AS n FROM bronze.events GROUP BY 1 ORDER BY 1')).toEqual([
      { _batch_id: first.batchId, n: 10 },
      { _batch_id: more.batchId, n: 2 },
    ]);
  });

  it('keeps the newest version of a record delivered twice across pages', async () => {
    const t = await httpTest((req, res) => {
      const page = Number(req.query.get('page') ?? '1');
      const older = { ...makeRecord(3), status: 'placed' };
      const newer = { ...makeRecord(3), status: 'paid', updated_at: '2024-03-02T00:00:00.000Z' };
      const pages = [[makeRecord(1), makeRecord(2), newer], [older, makeRecord(4), makeRecord(2)], []];
      sendJson(res, { data: pages[page - 1] ?? [] });
    });
    await t.source('events', { url: `${t.server.origin}/events`, records: 'data', primary_key: 'id', incremental: { cursor_field: 'updated_at', param: 'since' }, pagination: { type: 'page_number' } });
    const r = await t.ingest('events');
    expect(r).toMatchObject({ rowsLoaded: 4, recordsCounted: 6 });
    expect(r.warnings.join(' ')).toContain('2 record(s) delivered more than once in this load were kept once (newest version) on id');
    expect(await t.query('SELECT id, status, _row_number FROM bronze.events ORDER BY id')).toEqual([
      { id: 1, status: 'paid', _row_number: 1 },
      { id: 2, status: 'shipped', _row_number: 6 },
      { id: 3, status: 'paid', _row_number: 3 },
      { id: 4, status: 'placed', _row_number: 5 },
    ]);
  });

  it('replaces the row of an earlier batch when a record comes back in a newer version', async () => {
    const data = [makeRecord(1), makeRecord(2), makeRecord(3)];
    const t = await httpTest(api(data));
    await t.source('events', { url: `${t.server.origin}/events`, ...SOURCE });
    const first = await t.ingest('events');
    data[1] = { ...makeRecord(2), status: 'cancelled', updated_at: '2024-04-01T00:00:00.000Z' };
    const second = await t.ingest('events');
    expect(second.rowsLoaded).toBe(1);
    expect(second.warnings.join(' ')).toContain('1 older row(s) of earlier batches were replaced by their newer version');
    expect(await t.query('SELECT id, status, _batch_id FROM bronze.events ORDER BY id')).toEqual([
      { id: 1, status: 'paid', _batch_id: first.batchId },
      { id: 2, status: 'cancelled', _batch_id: second.batchId },
      { id: 3, status: 'cancelled', _batch_id: first.batchId },
    ]);
    expect(await t.ws.db.withConnection((c) => httpCursor(c, 'events'))).toBe('2024-04-01T00:00:00Z');
  });

  it('uses a numeric cursor in the url template, and --replace starts over from incremental.start', async () => {
    const data = Array.from({ length: 6 }, (_, i) => makeRecord(i + 1));
    const t = await httpTest((req, res) => {
      const after = Number(req.query.get('after_id') ?? '0');
      sendJson(res, data.filter((r) => r.id > after));
    });
    await t.source('events', { url: `${t.server.origin}/events?after_id={{cursor}}`, primary_key: 'id', incremental: { cursor_field: 'id', start: 2 } });
    expect((await t.ingest('events')).rowsLoaded).toBe(4);
    expect(t.server.requests[0]?.query.get('after_id')).toBe('2');
    data.push(makeRecord(7));
    expect((await t.ingest('events')).rowsLoaded).toBe(1);
    expect(t.server.requests[1]?.query.get('after_id')).toBe('6');
    const replaced = await t.ingest('events', { replace: true });
    expect(replaced.rowsLoaded).toBe(5);
    expect(t.server.requests[2]?.query.get('after_id')).toBe('2');
    expect(await t.query('SELECT count(*)::INTEGER AS n FROM bronze.events')).toEqual([{ n: 5 }]);
    expect(await t.ws.db.withConnection((c) => httpCursor(c, 'events'))).toBe('7');
  });

  it('sends the cursor and page through a templated POST body and headers', async () => {
    const data = Array.from({ length: 7 }, (_, i) => makeRecord(i + 1));
    const t = await httpTest((req, res) => {
      const body = JSON.parse(req.body) as { filter: { updated_after: string }; page: string };
      if (req.method !== 'POST' || req.headers['content-type'] !== 'application/json' || req.headers['x-page'] !== body.page) return sendJson(res, { error: 'bad request' }, 400);
      const after = body.filter.updated_after;
      const rows = data.filter((r) => after === '' || Date.parse(r.updated_at) > Date.parse(after));
      sendJson(res, { rows: rows.slice((Number(body.page) - 1) * 3, Number(body.page) * 3) });
    });
    await t.source('events', {
      url: `${t.server.origin}/search`,
      method: 'POST',
      headers: { 'X-Page': '{{page}}' },
      body: { filter: { updated_after: '{{cursor}}' }, page: '{{page}}' },
      records: 'rows',
      primary_key: 'id',
      incremental: { cursor_field: 'updated_at' },
      pagination: { type: 'page_number', size: 3 },
    });
    expect((await t.ingest('events')).rowsLoaded).toBe(7);
    data.push(makeRecord(8));
    expect((await t.ingest('events')).rowsLoaded).toBe(1);
    expect(JSON.parse(t.server.requests.at(-1)?.body ?? '{}')).toEqual({ filter: { updated_after: makeRecord(7).updated_at.replace('.000Z', 'Z') }, page: '1' });
  });
});
