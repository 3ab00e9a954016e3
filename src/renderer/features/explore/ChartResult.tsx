// The drawn chart, as wide as its panel (drawn at the width it is shown at, redrawn on resize): a
// line for values over time in time order, bars otherwise; how many groups it shows of how many;
// its data as a table and the SQL that computed it, each on request. Values that are dates (min
// or max of a date column) are drawn on a date axis and labelled as dates.
import { useId, useState } from 'react';
import type { ChartData } from '../../../shared/api/index.js';
import { epochMsToDays, formatEpochDay, formatEpochTimestamp } from '../../components/chart/date-values.js';
import { formatFull } from '../../components/chart/number-format.js';
import { ValueChart } from '../../components/chart/ValueChart.js';
import { countOf, formatCount } from '../../format/numbers.js';
import { useElementWidth } from './use-element-width.js';

interface ChartResultProps {
  chart: ChartData;
  title: string;
  xLabel: string;
  /** What the values are: numbers, or dates and timestamps sent as epoch milliseconds. */
  valueKind?: 'number' | 'date' | 'timestamp';
}

export function ChartResult({ chart, title, xLabel, valueKind = 'number' }: ChartResultProps) {
  const [showSql, setShowSql] = useState(false);
  const temporal = valueKind !== 'number';
  const values = temporal ? chart.values.map(epochMsToDays) : chart.values;
  const formatValue = valueKind === 'date' ? formatEpochDay : valueKind === 'timestamp' ? formatEpochTimestamp : formatFull;
  const sqlId = useId();
  const [plot, plotWidth] = useElementWidth<HTMLDivElement>();
  const line = chart.xKind === 'temporal' && chart.order === 'x' && chart.labels.length > 1;
  if (chart.labels.length === 0) return <p className="hint">There are no rows to chart.</p>;
  return (
    <div className="chart-result">
      <p className="muted" aria-label="Chart extent">
        {chart.truncated
          ? `The first ${formatCount(chart.shown)} of ${countOf(chart.groups, 'group')}, ${chart.order === 'x' ? 'in x order' : 'largest first'}.`
          : `${countOf(chart.groups, 'group')}.`}
      </p>
      <div className="chart-result__plot" ref={plot}>
        <ValueChart
          width={plotWidth}
          title={title}
          labels={chart.labels}
          values={values}
          mode={line ? 'line' : 'bar'}
          xLabel={xLabel}
          formatValue={formatValue}
          {...(temporal ? { axis: valueKind === 'date' ? ('whole-span' as const) : ('span' as const), formatTick: valueKind === 'date' ? formatEpochDay : formatEpochTimestamp } : {})}
        />
      </div>
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
                <td className="num">{formatNullable(values[i], formatValue)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </div>
  );
}

function formatNullable(value: number | null | undefined, format: (n: number) => string): string {
  return value === null || value === undefined ? 'NULL' : format(value);
}
