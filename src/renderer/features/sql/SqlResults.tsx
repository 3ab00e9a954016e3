// The result of the latest run: how many rows and how long, then a grid that pages through the
// result the engine keeps (so a result of millions of rows stays light, and every page comes
// from the same rows); or why it failed.
import { tableFromIPC, tableToIPC } from 'apache-arrow';
import { useCallback, useMemo } from 'react';
import type { ArrowPayload } from '../../../shared/api/index.js';
import { engineConnection } from '../../api/engine.js';
import { ErrorCallout } from '../../components/feedback/ErrorCallout.js';
import { PagedGrid } from '../../components/grid/PagedGrid.js';
import type { PageFetcher } from '../../components/grid/page-cache.js';
import { formatCount, formatDuration } from '../../format/numbers.js';
import type { SqlRun } from '../../stores/sql/initial-state.js';
import { useToastsStore } from '../../stores/toasts/store.js';

export function SqlResults({ run }: { run: SqlRun }) {
  const fetchPage = useMemo<PageFetcher>(() => (run.rows ? localPages(run.rows) : keptPages(run.resultId)), [run.rows, run.resultId]);
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
  const rows = `${run.truncated ? 'first ' : ''}${formatCount(run.rowCount)} row${run.rowCount === 1 ? '' : 's'}${run.truncated ? ' (more were not kept)' : ''}`;
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

/** Pages of the result the engine keeps. */
function keptPages(resultId: number | null): PageFetcher {
  return (offset, limit, signal) => {
    if (resultId === null) return Promise.reject(new Error('no result to page'));
    return engineConnection().api.resultPage({ resultId, offset, limit }, { signal });
  };
}

/** Pages cut from rows already here (the output of EXPLAIN, PRAGMA and the like). */
function localPages(rows: ArrowPayload): PageFetcher {
  const table = tableFromIPC(rows.ipc);
  return (offset, limit) => {
    const page = table.slice(offset, offset + limit);
    // A fresh copy: its buffer is a plain ArrayBuffer, as the grid's payloads are.
    return Promise.resolve({ ipc: new Uint8Array(tableToIPC(page, 'stream')), columns: rows.columns, rowCount: page.numRows });
  };
}
