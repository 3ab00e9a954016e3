// The run history: one row per run with status, start, duration and model counts (failed, and
// not published: skipped, held back or cancelled); one click shows the run's models and why.
import type { RunSummary } from '../../../shared/api/index.js';
import { formatDuration } from '../../format/numbers.js';
import { modelTally, runStatusLabel } from '../../format/run-status.js';
import { formatDateTime } from '../../format/time.js';

interface RunHistoryProps {
  runs: RunSummary[];
  selectedRunId: number | null;
  onSelect: (runId: number) => void;
}

export function RunHistory({ runs, selectedRunId, onSelect }: RunHistoryProps) {
  return (
    <table className="data-table data-table--selectable" aria-label="Run history">
      <thead>
        <tr>
          <th scope="col">Run</th>
          <th scope="col">Status</th>
          <th scope="col">Started</th>
          <th scope="col" className="num">
            Duration
          </th>
          <th scope="col" className="num">
            Models
          </th>
        </tr>
      </thead>
      <tbody>
        {runs.map((run) => {
          const tally = modelTally(run);
          const notBuilt = run.models.filter((m) => m.notBuiltReason).length;
          return (
            <tr key={run.runId} aria-selected={run.runId === selectedRunId}>
              <th scope="row">
                <button type="button" className="button--link" onClick={() => onSelect(run.runId)} aria-label={`Show run #${run.runId}`}>
                  #{run.runId}
                </button>
              </th>
              <td>
                <span className={`pill pill--${run.status}`}>{runStatusLabel(run.status)}</span>
              </td>
              <td className="nowrap">{formatDateTime(run.startedAt)}</td>
              <td className="num">{run.durationMs === null ? '—' : formatDuration(run.durationMs)}</td>
              <td className="num">
                {tally.done}/{tally.total}
                {tally.failed > 0 ? <span className="num--bad"> · {tally.failed} failed</span> : null}
                {notBuilt > 0 ? <span className="muted"> · {notBuilt} not published</span> : null}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
