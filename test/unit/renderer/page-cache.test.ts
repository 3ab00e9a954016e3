// The grid's page cache over a real Arrow IPC source: it fetches only the pages on screen (plus
// one ahead), never past the end, keeps a bounded number, cancels what scrolled away, and
// remembers failures until asked to retry.
import { Int32, Table, tableToIPC, vectorFromArray } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { PageCache, type PageFetcher } from '../../../src/renderer/components/grid/page-cache.js';

const ROWS = 10_000;

interface Source {
  fetch: PageFetcher;
  calls: { offset: number; limit: number; signal: AbortSignal }[];
}

/** Rows 0…ROWS-1 whose only column holds row × 10, served as Arrow IPC pages. */
function source(options: { failAt?: number; hold?: boolean } = {}): Source {
  const calls: Source['calls'] = [];
  const fetch: PageFetcher = async (offset, limit, signal) => {
    calls.push({ offset, limit, signal });
    if (options.hold) await new Promise((resolve) => signal.addEventListener('abort', resolve));
    if (offset === options.failAt) throw new Error('engine unavailable');
    const count = Math.max(0, Math.min(limit, ROWS - offset));
    const values = Array.from({ length: count }, (_, i) => (offset + i) * 10);
    const ipc = new Uint8Array(tableToIPC(new Table({ v: vectorFromArray(values, new Int32()) })));
    return { ipc, columns: [{ name: 'v', type: 'INTEGER' }], rowCount: count };
  };
  return { fetch, calls };
}

const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

describe('PageCache', () => {
  it('loads the pages of the visible rows and the next one, and reads cells from them', async () => {
    const src = source();
    const loaded: number[] = [];
    const cache = new PageCache({ fetchPage: src.fetch, rowCount: ROWS, pageSize: 100, onPage: (p) => loaded.push(p) });
    expect(cache.cell(5, 0)).toBeUndefined();
    cache.want(0, 40);
    await settle();
    expect(src.calls.map((c) => c.offset)).toEqual([0, 100]);
    expect(loaded.sort()).toEqual([0, 1]);
    expect(cache.cell(5, 0)?.text).toBe('50');
    expect(cache.cell(150, 0)?.text).toBe('1500');
    expect(cache.cell(250, 0)).toBeUndefined();
    cache.want(10, 50);
    await settle();
    expect(src.calls).toHaveLength(2);
  });

  it('keeps at most maxPages pages, evicting the least recently used', async () => {
    const src = source();
    const cache = new PageCache({ fetchPage: src.fetch, rowCount: ROWS, pageSize: 100, maxPages: 3 });
    for (const first of [0, 1000, 2000, 3000]) {
      cache.want(first, first + 30);
      await settle();
    }
    expect(cache.stats().cached).toBeLessThanOrEqual(3);
    expect(cache.stats().fetched).toBe(8);
    expect(cache.cell(3005, 0)?.text).toBe('30050');
    expect(cache.cell(5, 0)).toBeUndefined();
  });

  it('never asks for a page past the end of the table', async () => {
    const src = source();
    const cache = new PageCache({ fetchPage: src.fetch, rowCount: 250, pageSize: 100 });
    cache.want(200, 260);
    await settle();
    expect(src.calls.map((c) => c.offset)).toEqual([200]);
    const empty = new PageCache({ fetchPage: src.fetch, rowCount: 0, pageSize: 100 });
    empty.want(0, 40);
    expect(src.calls).toHaveLength(1);
  });

  it('cancels fetches of pages that scrolled out of view', async () => {
    const src = source({ hold: true });
    const cache = new PageCache({ fetchPage: src.fetch, rowCount: ROWS, pageSize: 100 });
    cache.want(0, 40);
    cache.want(5000, 5040);
    await settle();
    const [first, second] = src.calls;
    expect(first?.signal.aborted).toBe(true);
    expect(second?.signal.aborted).toBe(true);
    expect(src.calls.slice(2).every((c) => !c.signal.aborted)).toBe(true);
    cache.dispose();
    expect(src.calls.every((c) => c.signal.aborted)).toBe(true);
  });

  it('remembers a failed page until retryFailed, and reports the error once', async () => {
    const src = source({ failAt: 0 });
    const errors: unknown[] = [];
    const cache = new PageCache({ fetchPage: src.fetch, rowCount: ROWS, pageSize: 100, onError: (e) => errors.push(e) });
    cache.want(0, 40);
    await settle();
    expect(cache.hasFailed(10)).toBe(true);
    expect(errors).toHaveLength(1);
    cache.want(0, 40);
    await settle();
    expect(src.calls.filter((c) => c.offset === 0)).toHaveLength(1);
    cache.retryFailed();
    cache.want(0, 40);
    await settle();
    expect(src.calls.filter((c) => c.offset === 0)).toHaveLength(2);
  });
});

describe('PageCache stats', () => {
  it('counts a page as loaded, not loading, by the time onPage is called', async () => {
    const src = source();
    const seen: number[] = [];
    const cache: PageCache = new PageCache({ fetchPage: src.fetch, rowCount: ROWS, pageSize: 100, onPage: () => seen.push(cache.stats().loading) });
    cache.want(0, 40);
    await settle();
    expect(seen).toEqual([1, 0]);
    expect(cache.stats()).toEqual({ fetched: 2, cached: 2, loading: 0, failed: 0 });
  });
});
