// Binds a PageCache to a Glide grid: asks for the pages of the visible rows, redraws those
// cells when a page arrives, and publishes paging figures for the status line.
import type { DataEditorRef, Item, Rectangle } from '@glideapps/glide-data-grid';
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { PageCache, type PageCacheStats, type PageFetcher } from './page-cache.js';

export interface VisibleRows {
  first: number;
  last: number;
}

export interface PageCacheBinding {
  /** Null until the cache for the current source exists. */
  cache: PageCache | null;
  stats: PageCacheStats;
  visible: VisibleRows;
  onVisibleRegionChanged: (range: Rectangle) => void;
  retry: () => void;
}

const INITIAL_ROWS = 60;
const NO_STATS: PageCacheStats = { fetched: 0, cached: 0, loading: 0, failed: 0 };

/** Cells of `region`, for redrawing after a page arrives. */
function cellsOf(region: Rectangle): { cell: Item }[] {
  const cells: { cell: Item }[] = [];
  for (let row = region.y; row < region.y + region.height; row++) {
    for (let col = region.x; col < region.x + region.width; col++) cells.push({ cell: [col, row] });
  }
  return cells;
}

/** A fresh cache whenever `sourceKey` or `rowCount` changes (another table, another sort). */
export function usePageCache(
  sourceKey: string,
  rowCount: number,
  fetchPage: PageFetcher,
  gridRef: RefObject<DataEditorRef>,
  onError: (error: unknown) => void,
): PageCacheBinding {
  const region = useRef<Rectangle>({ x: 0, y: 0, width: 1, height: INITIAL_ROWS });
  const [cache, setCache] = useState<PageCache | null>(null);
  const [stats, setStats] = useState<PageCacheStats>(NO_STATS);
  const [visible, setVisible] = useState<VisibleRows>({ first: 0, last: Math.min(rowCount, INITIAL_ROWS) - 1 });
  const latest = useRef({ fetchPage, onError });
  useLayoutEffect(() => {
    latest.current = { fetchPage, onError };
  });

  useEffect(() => {
    const created: PageCache = new PageCache({
      rowCount,
      fetchPage: (offset, limit, signal) => latest.current.fetchPage(offset, limit, signal),
      onPage: () => {
        gridRef.current?.updateCells(cellsOf(region.current));
        setStats(created.stats());
      },
      onError: (error) => {
        setStats(created.stats());
        latest.current.onError(error);
      },
    });
    setCache(created);
    created.want(region.current.y, region.current.y + region.current.height - 1);
    setStats(created.stats());
    return () => created.dispose();
  }, [sourceKey, rowCount, gridRef]);

  const onVisibleRegionChanged = useCallback(
    (range: Rectangle) => {
      region.current = range;
      cache?.want(range.y, range.y + range.height - 1);
      setVisible({ first: range.y, last: Math.min(rowCount - 1, range.y + range.height - 1) });
      if (cache) setStats(cache.stats());
    },
    [cache, rowCount],
  );

  const retry = useCallback(() => {
    if (!cache) return;
    cache.retryFailed();
    cache.want(region.current.y, region.current.y + region.current.height - 1);
    setStats(cache.stats());
  }, [cache]);

  return { cache, stats, visible, onVisibleRegionChanged, retry };
}
