// A bounded cache of table pages for the grid: fetches the pages covering the visible rows (and
// one ahead) as Arrow IPC, decodes them, cancels fetches that scrolled out of view, and drops the
// least recently used pages beyond a small limit, so the renderer only ever holds small windows.
import { tableFromIPC } from 'apache-arrow';
import type { ArrowPayload } from '../../../shared/api/index.js';
import { columnReader, type CellValue, type ColumnReader } from './arrow-values.js';

export type PageFetcher = (offset: number, limit: number, signal: AbortSignal) => Promise<ArrowPayload>;

export interface PageCacheOptions {
  fetchPage: PageFetcher;
  /** Rows in the whole table; no page past the end is fetched. */
  rowCount: number;
  /** Rows per page. */
  pageSize?: number;
  /** Most pages kept decoded at once. */
  maxPages?: number;
  /** Called when a page arrives (to redraw its cells). */
  onPage?: (pageIndex: number) => void;
  /** Called when a page fails (not when it was cancelled). */
  onError?: (error: unknown, pageIndex: number) => void;
}

export interface PageCacheStats {
  /** Pages fetched from the engine since the cache was made. */
  fetched: number;
  cached: number;
  loading: number;
  failed: number;
}

interface Page {
  rowCount: number;
  columns: ColumnReader[];
}

export class PageCache {
  readonly pageSize: number;
  private readonly maxPages: number;
  /** Map order is recency: a page is re-inserted when used. */
  private readonly pages = new Map<number, Page>();
  private readonly loading = new Map<number, AbortController>();
  private readonly failed = new Set<number>();
  /** Pages of the rows last asked for; never evicted. */
  private wanted = new Set<number>();
  private fetchedCount = 0;
  private disposed = false;

  constructor(private readonly options: PageCacheOptions) {
    this.pageSize = options.pageSize ?? 500;
    this.maxPages = Math.max(2, options.maxPages ?? 8);
  }

  pageOf(row: number): number {
    return Math.floor(row / this.pageSize);
  }

  /** The value at (row, column), or undefined while its page is not loaded. */
  cell(row: number, column: number): CellValue | undefined {
    const page = this.pages.get(this.pageOf(row));
    return page?.columns[column]?.(row - this.pageOf(row) * this.pageSize);
  }

  /** True when the page holding `row` failed to load. */
  hasFailed(row: number): boolean {
    return this.failed.has(this.pageOf(row));
  }

  /**
   * Rows `first`…`last` are on screen: loads their pages and the next one, cancels loads of
   * pages no longer wanted, and evicts the least recently used pages beyond the limit.
   */
  want(first: number, last: number): void {
    if (this.disposed) return;
    if (this.options.rowCount <= 0) return;
    const lastPage = this.pageOf(this.options.rowCount - 1);
    const from = Math.min(lastPage, this.pageOf(Math.max(0, first)));
    const to = Math.min(lastPage, this.pageOf(Math.max(first, last)) + 1);
    const wanted = new Set<number>();
    for (let p = from; p <= to && wanted.size < this.maxPages; p++) wanted.add(p);
    for (const [p, controller] of this.loading) {
      if (!wanted.has(p)) {
        controller.abort();
        this.loading.delete(p);
      }
    }
    for (const p of wanted) {
      const page = this.pages.get(p);
      if (page) {
        this.pages.delete(p);
        this.pages.set(p, page);
      } else if (!this.loading.has(p) && !this.failed.has(p)) {
        void this.load(p);
      }
    }
    this.wanted = wanted;
    this.evict();
  }

  /** Forgets failures so the next `want` fetches those pages again. */
  retryFailed(): void {
    this.failed.clear();
  }

  stats(): PageCacheStats {
    return { fetched: this.fetchedCount, cached: this.pages.size, loading: this.loading.size, failed: this.failed.size };
  }

  /** Cancels every fetch and drops every page. */
  dispose(): void {
    this.disposed = true;
    for (const controller of this.loading.values()) controller.abort();
    this.loading.clear();
    this.pages.clear();
  }

  /** Drops least recently used pages, except wanted ones, until at most maxPages remain. */
  private evict(): void {
    for (const p of this.pages.keys()) {
      if (this.pages.size <= this.maxPages) break;
      if (!this.wanted.has(p)) this.pages.delete(p);
    }
  }

  private async load(pageIndex: number): Promise<void> {
    const controller = new AbortController();
    this.loading.set(pageIndex, controller);
    const settle = (): boolean => {
      const current = this.loading.get(pageIndex) === controller;
      if (current) this.loading.delete(pageIndex);
      return current && !controller.signal.aborted && !this.disposed;
    };
    let page: Page;
    try {
      const payload = await this.options.fetchPage(pageIndex * this.pageSize, this.pageSize, controller.signal);
      if (controller.signal.aborted || this.disposed) return void settle();
      const table = tableFromIPC(payload.ipc);
      const columns = table.schema.fields.map((_field, i) => {
        const vector = table.getChildAt(i);
        if (vector === null) throw new Error(`page ${pageIndex} has no column ${i}`);
        return columnReader(vector);
      });
      page = { rowCount: table.numRows, columns };
    } catch (err) {
      if (!settle()) return;
      this.failed.add(pageIndex);
      this.options.onError?.(err, pageIndex);
      return;
    }
    if (!settle()) return;
    this.fetchedCount++;
    this.pages.set(pageIndex, page);
    this.evict();
    this.options.onPage?.(pageIndex);
  }
}
