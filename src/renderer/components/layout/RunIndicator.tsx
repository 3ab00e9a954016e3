// The top bar's run status: the run in progress with its model count, else the last run's outcome.
import { useRunsStore } from '../../stores/runs/store.js';
import { selectActiveRun, selectLatestRun } from '../../stores/runs/selectors.js';
import { screenHash } from '../../screens.js';
import { modelTally, runStatusLabel } from '../../format/run-status.js';
import { formatAgo } from '../../format/time.js';

export function RunIndicator() {
  const active = useRunsStore(selectActiveRun);
  const latest = useRunsStore(selectLatestRun);
  const run = active ?? latest;
  let text = 'No runs yet';
  if (active) {
    const tally = modelTally(active);
    text = `Run #${active.runId} running · ${tally.done}/${tally.total} models`;
  } else if (latest) {
    text = `Last run #${latest.runId} ${runStatusLabel(latest.status).toLowerCase()} · ${formatAgo(latest.finishedAt ?? latest.startedAt)}`;
  }
  return (
    <a className="run-indicator" data-status={run?.status ?? 'none'} href={screenHash('runs')} title="Open Runs">
      <span className="status-dot" aria-hidden="true" />
      <span role="status" aria-label="Run status">
        {text}
      </span>
    </a>
  );
}
