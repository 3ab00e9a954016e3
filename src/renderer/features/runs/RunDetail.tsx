// One run in detail: what was selected, how long it took, and each model's status (with why it
// was not built, when it was not), rows, duration and error (message, where, hint), updating
// live while the run is in progress.
import type { RunSummary } from '../../../shared/api/index.js';
import { notBuiltLabel } from '../../../shared/format/not-built-reason.js';
import { formatCount, formatDuration } from '../../format/numbers.js';
import { modelPillClass, modelStatusLabel, modelTally, runStatusLabel } from '../../format/run-status.js';
import { formatDateTime } from '../../format/time.js';
import { progressKey, type RunProgress } from '../../stores/runs/apply-run-event.js';
import { modelError } from './model-error.js';

export function RunDetail({ run, progress }: { run: RunSummary; progress: RunProgress }) {
  const tally = modelTally(run);
  const count = (n: number | null): string => (n === null ? '—' : formatCount(n));
  return (
    <section className="run-detail" aria-label={`Run #${run.runId}`}>
      <header className="run-detail__header">
        <h2>
          Run #{run.runId} <span className={`pill pill--${run.status}`} role="status" aria-label={`Run #${run.runId} status`}>{runStatusLabel(run.status)}</span>
        </h2>
        <dl className="facts">
          <div>
            <dt>Selection</dt>
            <dd>{run.selection === '' ? 'all models' : <code>{run.selection}</code>}</dd>
          </div>
          <div>
            <dt>Trigger</dt>
            <dd>{run.trigger}</dd>
          </div>
          <div>
            <dt>Started</dt>
            <dd>{formatDateTime(run.startedAt)}</dd>
          </div>
          <div>
            <dt>Duration</dt>
            <dd>{run.durationMs === null ? (run.status === 'running' ? 'running…' : '—') : formatDuration(run.durationMs)}</dd>
          </div>
        </dl>
        {run.message ? <p className="run-detail__message">{run.message}</p> : null}
        {run.status === 'running' ? (
          <progress className="progress" max={Math.max(1, tally.total)} value={tally.done} aria-label={`Models finished: ${tally.done} of ${tally.total}`} />
        ) : null}
      </header>
      {run.models.length === 0 ? (
        <p className="empty-line">{run.status === 'noop' || run.status === 'success' ? 'Everything was up to date: no model needed building.' : run.status === 'running' ? 'Planning which models to build…' : 'No model was built.'}</p>
      ) : (
        <table className="data-table" aria-label={`Models of run #${run.runId}`}>
          <thead>
            <tr>
              <th scope="col">Model</th>
              <th scope="col">Status</th>
              <th scope="col" className="num">
                Rows in
              </th>
              <th scope="col" className="num">
                Rows out
              </th>
              <th scope="col" className="num">
                Duration
              </th>
              <th scope="col">Error</th>
            </tr>
          </thead>
          <tbody>
            {run.models.map((m) => {
              const error = modelError(m);
              const percentage = progress[progressKey(run.runId, m.model)];
              return (
                <tr key={m.model}>
                  <th scope="row">{m.model}</th>
                  <td>
                    <span className={modelPillClass(m.status)}>{modelStatusLabel(m.status)}</span>
                    {m.notBuiltReason ? <span className="muted"> · {notBuiltLabel(m.notBuiltReason)}</span> : null}
                    {m.status === 'running' && percentage !== undefined && percentage >= 0 ? <span className="percent"> {Math.round(percentage)}%</span> : null}
                  </td>
                  <td className="num">{count(m.rowsIn)}</td>
                  <td className="num">{count(m.rowsOut)}</td>
                  <td className="num">{m.durationMs === null ? '—' : formatDuration(m.durationMs)}</td>
                  <td className="error-cell">
                    {error ? (
                      <>
                        <span className="error-cell__message">{error.message}</span>
                        {error.where ? <span className="error-cell__where">{error.where}</span> : null}
                        {error.hint ? <span className="error-cell__hint">{error.hint}</span> : null}
                      </>
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
