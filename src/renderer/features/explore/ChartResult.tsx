// The drawn chart: a line for values over time in time order, bars otherwise; how many groups it
// shows of how many; its data as a table and the SQL that computed it, each on request.
import { useId, useState } from 'react';
import type { ChartData } from '../../../shared/api/index.js';
import { formatFull } from '../../components/chart/number-format.js';
import { ValueChart } from '../../components/chart/ValueChart.js';
import { formatCount } from '../../format/numbers.js';

export function ChartResult({ chart, title, xLabel }: { chart: ChartData; title: string; xLabel: string }) {
  const [showSql, setShowSql] = useState(false);
  const sqlId = useId();
  const line = chart.xKind === 'temporal' && chart.order === 'x' && chart.labels.length > 1;
  if (chart.labels.length === 0) return <p className="hint">There are no rows to chart.</p>;
  return (
    <div className="chart-result">
      <p className="muted" aria-label="Chart extent">
        {chart.truncated
          ? `The first ${formatCount(chart.shown)} of ${formatCount(chart.groups)} groups, ${chart.order === 'x' ? 'in x order' : 'largest first'}.`
          : `${formatCount(chart.groups)} ${chart.groups === 1 ? 'group' : 'groups'}.`}
      </p>
      <ValueChart title={title} labels={chart.labels} values={chart.values} mode={line ? 'line' : 'bar'} xLabel={xLabel} />
      <div className="button-row">
        <button type="button" className="button button--small" aria-expanded={showSql} aria-controls={sqlId} onClick={() => setShowSql(!showSql)}>
          {showSql ? 'Hide SQL' : 'Show SQL'}
        </button>
      </div>
      {showSql ? (
        <pre id={sqlId} className="explore__sql" aria-label="SQL of the chart">
          {chart.sql}
        </pre>
      ) : null}
      <details className="explore__sql-details">
        <summary>Data table</summary>
        <table className="data-table chart-result__data" aria-label={`Data of ${title}`}>
          <thead>
            <tr>
              <th scope="col">{xLabel}</th>
              <th scope="col">{chart.valueLabel}</th>
            </tr>
          </thead>
          <tbody>
            {chart.labels.map((label, i) => (
              <tr key={`${label}-${i}`}>
                <th scope="row">{label}</th>
                <td className="num">{formatNullable(chart.values[i])}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </div>
  );
}

function formatNullable(value: number | null | undefined): string {
  return value === null || value === undefined ? 'NULL' : formatFull(value);
}
