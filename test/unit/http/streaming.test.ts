// Streaming: pages go to the spool on disk as they arrive, so the live heap stays flat while a
// load pages through far more JSON than it could hold; the spool grows page by page and is gone
// after the load.
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { ingestSource } from '../../../src/engine/ingest/ingest.js';
import { httpTest } from './fixture.js';
import { sendJson } from './test-server.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const PAGES = 80;
const PER_PAGE = 1000;
const record = (i: number) => ({ id: i, note: `record number ${i} with some text to make it longer`, value: i * 1.5, tags: ['a', 'b'], nested: { x: i % 7, y: 'why' } });

describe('streaming', () => {
  it('keeps the live heap flat while paging through many times its growth, spooling pages to disk', async () => {
    const pages = new Map<number, Buffer>();
    const t = await httpTest((req, res) => {
      const p = Number(req.query.get('page'));
      if (p > PAGES) return sendJson(res, []);
      // Four pages are rendered once and reused (ids repeat every 4 pages), so the server adds no memory.
      const body = pages.get(p % 4) ?? Buffer.from(JSON.stringify(Array.from({ length: PER_PAGE }, (_, i) => record((p % 4) * PER_PAGE + i))));
      pages.set(p % 4, body);
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length }).end(body);
    });
    await t.source('big', { url: `${t.server.origin}/big`, pagination: { type: 'page_number' } });
    const spoolDir = join(t.root, '.ingot', 'cache', 'http');
    gc();
    const baseline = process.memoryUsage().heapUsed;
    let peak = 0;
    const spoolSizes: number[] = [];
    let pagesSeen = 0;
    let pending: Promise<void> = Promise.resolve();
    const r = await ingestSource(t.ws, 'big', {
      onProgress: (p) => {
        if (p.phase !== 'loading' || p.rows === undefined || p.percentage >= 0) return;
        if (++pagesSeen % 20 !== 0) return;
        gc();
        peak = Math.max(peak, process.memoryUsage().heapUsed - baseline);
        pending = pending.then(async () => {
          const [file] = await readdir(spoolDir);
          if (file) spoolSizes.push((await stat(join(spoolDir, file))).size);
        });
      },
    });
    await pending;
    const payload = PAGES * (pages.get(1)?.length ?? 0);
    expect(r.rowsLoaded).toBe(PAGES * PER_PAGE);
    expect(payload).toBeGreaterThan(8_000_000);
    // Holding the parsed records would take several times the payload; the loop holds about a page.
    expect(peak).toBeLessThan(payload / 4);
    expect(spoolSizes.length).toBeGreaterThanOrEqual(4);
    expect(spoolSizes).toEqual([...spoolSizes].sort((a, b) => a - b));
    expect(await readdir(spoolDir)).toEqual([]);
  });
});
