// The chart section of Explore: its settings, then the chart, a note while it is computed, or
// the engine's refusal (an aggregate that needs a number column, …) in place.
import { useShallow } from 'zustand/react/shallow';
import { ErrorCallout } from '../../components/feedback/ErrorCallout.js';
import { chartTitle, chartValueKind, xAxisLabel } from '../../stores/explore/chart-spec.js';
import { selectChartView } from '../../stores/explore/selectors.js';
import { useExploreStore } from '../../stores/explore/store.js';
import { ChartBuilder } from './ChartBuilder.js';
import { ChartResult } from './ChartResult.js';
import { useActiveFor } from './use-elapsed.js';

export function ChartPanel({ id }: { id: string }) {
  const { spec, profile, status, chart, chartSpec, error, setSpec, redraw, cancel } = useExploreStore(useShallow(selectChartView));
  const slow = useActiveFor(status === 'loading', 400);
  if (!profile) return null;
  return (
    <section className="explore__section" aria-labelledby="explore-chart-title">
      <h2 id="explore-chart-title">Chart</h2>
      <ChartBuilder key={id} spec={spec} profile={profile} onChange={setSpec} />
      <div className="explore__chart" aria-busy={status === 'loading'}>
        {slow ? (
          <p className="explore__progress" role="status" aria-label="Chart progress">
            Drawing the chart…{' '}
            <button type="button" className="button button--small" onClick={cancel}>
              Cancel
            </button>
          </p>
        ) : null}
        {status === 'error' && error ? (
          <ErrorCallout error={error} />
        ) : status === 'cancelled' ? (
          <p className="explore__progress">
            The chart was cancelled.{' '}
            <button type="button" className="button button--small" onClick={() => void redraw()}>
              Draw again
            </button>
          </p>
        ) : chart && chartSpec ? (
          <ChartResult chart={chart} title={chartTitle(chartSpec, profile)} xLabel={xAxisLabel(chartSpec, profile)} valueKind={chartValueKind(chartSpec, profile)} />
        ) : status === 'loading' ? null : (
          <p className="hint">Pick a column to group by.</p>
        )}
      </div>
    </section>
  );
}
