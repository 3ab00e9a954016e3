// The result of the latest run: how many rows and how long, then a grid that pages through the
// rows from the engine (so a result of millions of rows stays light); or why it failed.
import { useCallback } from 'react';
import { engineConnection } from '../../api/engine.js';
import { ErrorCallout } from '../../components/feedback/ErrorCallout.js';
import { PagedGrid } from '../../components/grid/PagedGrid.js';
import type { PageFetcher } from '../../components/grid/page-cache.js';
import { formatCount, formatDuration } from '../../format/numbers.js';
import type { SqlRun } from '../../stores/sql/initial-state.js';
import { useToastsStore } from '../../stores/toasts/store.js';

export function SqlResults({ run }: { run: SqlRun }) {
  const fetchPage = useCallback<PageFetcher>((offset, limit, signal) => engineConnection().api.query({ sql: run.sql, offset, limit }, { signal }), [run.sql]);
  const onError = useCallback((error: unknown) => useToastsStore.getState().showError('Could not read rows of the result', error), []);
  if (run.status === 'running') {
    return (
      <p className="muted" role="status" aria-label="Query status">
        Running…
      </p>
    );
  }
  if (run.status === 'cancelled') {
    return (
      <p className="muted" role="status" aria-label="Query status">
        Cancelled; nothing was changed.
      </p>
    );
  }
  if (run.status === 'failed' && run.error) return <ErrorCallout error={run.error} />;
  const rows = `${formatCount(run.rowCount)}${run.countFailed ? '+' : ''} row${run.rowCount === 1 ? '' : 's'}`;
  return (
    <>
      <p className="muted" role="status" aria-label="Query status">
        {rows} · {run.columns.length} column{run.columns.length === 1 ? '' : 's'}
        {run.elapsedMs !== null ? ` · ${formatDuration(run.elapsedMs)}` : ''}
      </p>
      {run.columns.length > 0 ? (
        <PagedGrid key={run.id} label="Query result" sourceKey={`run-${run.id}`} columns={run.columns} rowCount={run.rowCount} fetchPage={fetchPage} onError={onError} />
      ) : null}
    </>
  );
}
