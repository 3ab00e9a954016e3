// Loading the same content again: a full load of an HTTP source whose records are the same as its
// last batch's lands nothing and says so (as a file loaded again does); other content without a
// primary_key is added again, with a warning; incremental loads, resumed loads and --replace
// follow their own rules.
import { describe, expect, it } from 'vitest';
import { ingotError } from '../ingest/fixture.js';
import { httpTest } from './fixture.js';
import { makeRecord, sendJson } from './test-server.js';

type Rec = ReturnType<typeof makeRecord>;

/** Two pages of `data` (page_number), each response with a timestamp around the records. */
function pagedApi(data: () => Rec[]) {
  return (req: { query: URLSearchParams }, res: Parameters<typeof sendJson>[0]) => {
    const page = Number(req.query.get('page') ?? '1');
    sendJson(res, { data: data().slice((page - 1) * 3, page * 3), generated_at: new Date().toISOString(), request_id: Math.random() });
  };
}

const PAGED = { records: 'data', pagination: { type: 'page_number', size: 3 } };

describe('an HTTP source loaded again with the same content', () => {
  it('lands nothing and says so when every page brings the same records', async () => {
    const data = [1, 2, 3, 4, 5].map(makeRecord);
    const t = await httpTest(pagedApi(() => data));
    await t.source('things', { url: `${t.server.origin}/things`, ...PAGED });
    const first = await t.ingest('things');
    expect(first).toMatchObject({ unchanged: false, rowsLoaded: 5 });
    expect(first.files[0]?.contentHash).toMatch(/^blake3:[0-9a-f]{64}$/);
    const asked = t.server.requests.length;

    for (let i = 0; i < 2; i++) {
      const again = await t.ingest('things');
      expect(again).toMatchObject({ unchanged: true, batchId: null, rowsLoaded: 0 });
      expect(again.message).toBe(`things: already loaded — ${t.server.origin}/things (5 records, as in batch ${first.batchId}) has the same content as data already in bronze.things; nothing changed.`);
    }
    // Every page was fetched each time (the content is only known once all of it is there).
    expect(t.server.requests.length).toBe(asked * 3);
    expect(await t.query('SELECT id, count(*)::INTEGER AS copies FROM bronze.things GROUP BY id ORDER BY id')).toEqual([1, 2, 3, 4, 5].map((id) => ({ id, copies: 1 })));
    expect(await t.query(`SELECT batch_id, status FROM _ingot.batches WHERE source = 'things' ORDER BY batch_id`)).toEqual([{ batch_id: first.batchId, status: 'loaded' }]);
    expect(await t.query('SELECT count(*)::INTEGER AS n FROM _ingot.http_checkpoints')).toEqual([{ n: 1 }]);
    // The checkpoint of the no-op load is used up: the next load does not resume it.
    data[4] = { ...makeRecord(5), status: 'returned' };
    const changed = await t.ingest('things');
    expect(changed.warnings.join(' ')).not.toContain('Resumed');
    expect(changed.rowsLoaded).toBe(5);
  });

  it('after the YAML changed, says changed options reach records fetched from now on, not files', async () => {
    const data = [1, 2].map(makeRecord);
    const t = await httpTest(pagedApi(() => data));
    await t.source('things', { url: `${t.server.origin}/things`, ...PAGED });
    await t.ingest('things');
    await new Promise((r) => setTimeout(r, 20));
    await t.source('things', { url: `${t.server.origin}/things`, ...PAGED, columns: { id: 'BIGINT' } });
    const again = await t.ingest('things');
    expect(again.unchanged).toBe(true);
    expect(again.warnings).toEqual([
      'sources/things.yaml was modified after bronze.things last loaded: changed options apply to records fetched from now on. To load the records already in bronze again with them, ingest it again with --replace.',
    ]);
  });

  it('adds other content again with a warning, and compares with the last batch only', async () => {
    let data = [1, 2].map(makeRecord);
    const t = await httpTest(pagedApi(() => data));
    await t.source('things', { url: `${t.server.origin}/things`, ...PAGED });
    const first = await t.ingest('things');
    expect(first.warnings).toEqual([]);

    data = [1, 2, 3].map(makeRecord);
    const second = await t.ingest('things');
    expect(second).toMatchObject({ unchanged: false, rowsLoaded: 3 });
    expect(second.warnings).toContain(
      `${t.server.origin}/things returned other content than for batch ${first.batchId}; this batch adds all its rows again next to the earlier ones. To keep one row per record, set \`primary_key:\` in sources/things.yaml; to keep only the new content, ingest with --replace.`,
    );

    // Back to the first content: new compared with the last batch, so it lands again.
    data = [1, 2].map(makeRecord);
    const third = await t.ingest('things');
    expect(third).toMatchObject({ unchanged: false, rowsLoaded: 2 });
    expect((await t.ingest('things')).unchanged).toBe(true);
    expect(await t.query('SELECT _batch_id, count(*)::INTEGER AS n FROM bronze.things GROUP BY 1 ORDER BY 1')).toEqual([
      { _batch_id: first.batchId, n: 2 },
      { _batch_id: second.batchId, n: 3 },
      { _batch_id: third.batchId, n: 2 },
    ]);
  });

  it('is a no-op with a primary_key too, and no warning when the content changes', async () => {
    let data = [1, 2].map(makeRecord);
    const t = await httpTest(pagedApi(() => data));
    await t.source('things', { url: `${t.server.origin}/things`, ...PAGED, primary_key: 'id' });
    const first = await t.ingest('things');
    expect((await t.ingest('things')).unchanged).toBe(true);
    data = [1, 2, 3].map(makeRecord);
    const changed = await t.ingest('things');
    expect(changed.warnings.join(' ')).not.toContain('adds all its rows again');
    expect(await t.query('SELECT count(*)::INTEGER AS n, count(DISTINCT id)::INTEGER AS ids FROM bronze.things')).toEqual([{ n: 3, ids: 3 }]);
    expect(first.batchId).not.toBe(changed.batchId);
  });

  it('loads again with --replace', async () => {
    const data = [1, 2, 3].map(makeRecord);
    const t = await httpTest(pagedApi(() => data));
    await t.source('things', { url: `${t.server.origin}/things`, ...PAGED });
    await t.ingest('things');
    const replaced = await t.ingest('things', { replace: true });
    expect(replaced).toMatchObject({ unchanged: false, rowsLoaded: 3 });
    expect(replaced.message).toContain('replaced with 3 rows');
    expect(await t.query('SELECT count(*)::INTEGER AS n FROM bronze.things')).toEqual([{ n: 3 }]);
    // And the replacing batch is the one the next load compares with.
    expect((await t.ingest('things')).unchanged).toBe(true);
  });

  it('does not apply to incremental loads', async () => {
    // An API that ignores the cursor and sends everything each time: the records land again.
    const t = await httpTest(pagedApi(() => [1, 2].map(makeRecord)));
    await t.source('things', { url: `${t.server.origin}/things`, ...PAGED, incremental: { cursor_field: 'updated_at', param: 'since' } });
    await t.ingest('things');
    const again = await t.ingest('things');
    expect(again).toMatchObject({ unchanged: false, rowsLoaded: 2 });
    expect(again.warnings.join(' ')).not.toContain('adds all its rows again');
  });

  it('recognises the same content when the load resumed after a failure', async () => {
    const data = [1, 2, 3, 4, 5, 6, 7].map(makeRecord);
    let failPage3 = false;
    const t = await httpTest((req, res) => {
      if (failPage3 && req.query.get('page') === '3') {
        sendJson(res, { error: 'not found' }, 404);
        return;
      }
      pagedApi(() => data)(req, res);
    });
    await t.source('things', { url: `${t.server.origin}/things`, ...PAGED });
    const first = await t.ingest('things');
    expect(first.rowsLoaded).toBe(7);
    failPage3 = true;
    await ingotError(t.ingest('things'));
    failPage3 = false;
    const resumed = await t.ingest('things');
    expect(resumed.warnings.join(' ')).toContain('Resumed an unfinished load of things after page 2');
    expect(resumed).toMatchObject({ unchanged: true, rowsLoaded: 0 });
    expect(await t.query('SELECT count(*)::INTEGER AS n FROM bronze.things')).toEqual([{ n: 7 }]);
  });
});
