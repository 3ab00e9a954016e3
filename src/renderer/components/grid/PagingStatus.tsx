// The line under a paged grid: which rows are on screen, and how many pages were fetched and kept.
import { formatCount } from '../../format/numbers.js';
import type { PageCacheStats } from './page-cache.js';
import type { VisibleRows } from './use-page-cache.js';

interface PagingStatusProps {
  rowCount: number;
  visible: VisibleRows;
  stats: PageCacheStats;
  pageSize: number;
  onRetry: () => void;
}

export function PagingStatus({ rowCount, visible, stats, pageSize, onRetry }: PagingStatusProps) {
  const first = rowCount === 0 ? 0 : Math.min(rowCount, visible.first + 1);
  const last = Math.min(rowCount, visible.last + 1);
  return (
    <div className="paging-status">
      <span role="status" aria-label="Visible rows">
        {rowCount === 0 ? 'No rows' : `Rows ${formatCount(first)}–${formatCount(last)} of ${formatCount(rowCount)}`}
      </span>
      <span role="status" aria-label="Pages fetched" className="paging-status__pages">
        {`${stats.fetched} ${stats.fetched === 1 ? 'page' : 'pages'} fetched · ${stats.cached} kept in memory (${formatCount(pageSize)} rows each)`}
        {stats.loading > 0 ? ' · loading…' : ''}
      </span>
      {stats.failed > 0 ? (
        <button type="button" className="button button--small" onClick={onRetry}>
          Retry failed pages
        </button>
      ) : null}
    </div>
  );
}
