// The Quality screen: every checked table with its score and verdict (worst first), the selected
// table's checks with sample failing rows and SQL, and its quarantine with a release. Results are
// those of the latest run or `ingot check`, and follow new runs as they finish.
import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useQualityStore } from '../../stores/quality/store.js';
import { selectConnected } from '../../stores/connection/selectors.js';
import { useConnectionStore } from '../../stores/connection/store.js';
import { selectQualityList, selectSelectedQuality } from '../../stores/quality/selectors.js';
import { selectLastFinishedRunId } from '../../stores/runs/selectors.js';
import { useRunsStore } from '../../stores/runs/store.js';
import { formatDateTime } from '../../format/time.js';
import { CheckResults } from './CheckResults.js';
import { outcomeLabel, outcomePill } from './check-labels.js';
import { QualityTableList } from './QualityTableList.js';
import { QuarantinePanel } from './QuarantinePanel.js';
import './quality.css';

export function QualityScreen() {
  const { tables, status, error, select } = useQualityStore(useShallow(selectQualityList));
  const table = useQualityStore(selectSelectedQuality);
  // Runs evaluate the checks: a finished run means new results.
  const lastFinishedRun = useRunsStore(selectLastFinishedRunId);
  const connected = useConnectionStore(selectConnected);
  useEffect(() => {
    if (connected) void useQualityStore.getState().load();
  }, [lastFinishedRun, connected]);

  return (
    <div className="screen quality">
      <div className="screen__header">
        <h1>Quality</h1>
      </div>
      {status === 'error' && tables.length === 0 ? (
        <div className="empty-state" role="alert">
          <h2>The check results could not be read</h2>
          <p>{error?.message}</p>
          {error?.hint ? <p className="hint">{error.hint}</p> : null}
        </div>
      ) : tables.length === 0 && status === 'ready' ? (
        <div className="empty-state">
          <h2>No checks have run yet</h2>
          <p>
            Declare checks in a model&apos;s sidecar (<code>models/&lt;layer&gt;/&lt;name&gt;.yaml</code>, a <code>checks:</code> list) or in a source&apos;s YAML, then run the
            pipeline on the Runs screen, or <code>ingot check</code> in a terminal.
          </p>
        </div>
      ) : (
        <>
          <QualityTableList tables={tables} selected={table ? `${table.layer}.${table.table}` : null} onSelect={select} />
          {table ? (
            <section className="quality__detail" aria-label={`Quality of ${table.layer}.${table.table}`}>
              <header className="quality__detail-header">
                <h2>
                  <span className={`layer-badge layer-badge--${table.layer}`}>{table.layer}</span> {table.table}
                </h2>
                <span className={outcomePill(table.outcome)}>{outcomeLabel(table.outcome)}</span>
                <span className="muted">
                  Score {table.score === null ? '—' : table.score.toFixed(1)} of 100
                  {table.runId !== null ? ` · run #${table.runId}` : ''}
                  {table.checkedAt ? ` · ${formatDateTime(table.checkedAt)}` : ''}
                </span>
              </header>
              <CheckResults key={`${table.layer}.${table.table}`} table={table} />
              {table.layer !== 'quarantine' ? <QuarantinePanel key={`q-${table.layer}.${table.table}`} layer={table.layer} model={table.table} runVersion={lastFinishedRun} /> : null}
            </section>
          ) : null}
        </>
      )}
    </div>
  );
}
