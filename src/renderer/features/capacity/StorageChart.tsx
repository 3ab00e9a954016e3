// Storage held under the retention, year by year over the growth projection: a bar per year from
// the best compression (solid) to the worst (light), coloured by that year's verdict, against
// what one machine's disk keeps comfortably.
import { formatByteRange, formatBytes, formatNumber, type CapacityEstimate } from '../../../shared/capacity/index.js';
import { BarChart, type BarDatum } from '../../components/chart/BarChart.js';
import { VERDICT_SHORT, VERDICT_TONE } from './verdict-labels.js';

export function StorageChart({ estimate }: { estimate: CapacityEstimate }) {
  const { projection, inputs, profile } = estimate;
  const data: BarDatum[] = projection.map((y) => ({
    label: y.year === 0 ? 'now' : `year ${y.year}`,
    value: y.retainedBytes.max,
    low: y.retainedBytes.min,
    tone: VERDICT_TONE[y.verdict],
    description: `${y.year === 0 ? 'Now' : `Year ${y.year}`}: ${formatByteRange(y.retainedBytes.min, y.retainedBytes.max)} held, ${VERDICT_SHORT[y.verdict]}.`,
  }));
  const first = projection[0];
  const last = projection[projection.length - 1];
  return (
    <section className="cap-card" aria-labelledby="capacity-chart-title">
      <h2 id="capacity-chart-title" className="cap-card__title">
        Storage over the years
      </h2>
      {first && last ? (
        <p className="cap-card__note">
          With {formatNumber(inputs.yearlyGrowthPercent, 2)}%/year growth and a {formatNumber(inputs.retentionDays)}-day retention, the data held grows from{' '}
          {formatByteRange(first.retainedBytes.min, first.retainedBytes.max)} now to {formatByteRange(last.retainedBytes.min, last.retainedBytes.max)} in year {last.year}.
        </p>
      ) : null}
      <BarChart
        title="Storage held over the years"
        data={data}
        formatValue={formatBytes}
        reference={{ value: profile.localDiskBytes.value, label: `one machine's disk: ${formatBytes(profile.localDiskBytes.value)}` }}
      />
      <ul className="cap-legend" aria-label="Chart legend">
        {inputs.compression.min === inputs.compression.max ? null : (
          <>
            <li>
              <span className="cap-legend__swatch cap-legend__swatch--solid" /> at the best compression ({formatNumber(inputs.compression.max, 2)}×)
            </li>
            <li>
              <span className="cap-legend__swatch cap-legend__swatch--range" /> up to the worst ({formatNumber(inputs.compression.min, 2)}×)
            </li>
          </>
        )}
        {(['single-machine', 'streaming-buffer', 'distributed'] as const).map((kind) => (
          <li key={kind}>
            <span className={`cap-legend__swatch cap-legend__swatch--${VERDICT_TONE[kind]}`} /> {VERDICT_SHORT[kind]}
          </li>
        ))}
      </ul>
    </section>
  );
}
