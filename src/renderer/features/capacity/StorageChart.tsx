// Storage held under the retention, year by year over the growth projection: a bar per year from
// the best compression (solid) to the worst (light), coloured by that year's verdict (marked when
// above one machine's disk), against what one machine's disk keeps comfortably.
import { formatByteRange, formatBytes, formatNumber, type CapacityEstimate } from '../../../shared/capacity/index.js';
import { BarChart } from '../../components/chart/BarChart.js';
import { storageBars } from './storage-bars.js';

export function StorageChart({ estimate }: { estimate: CapacityEstimate }) {
  const { projection, inputs, profile } = estimate;
  const { data, legend } = storageBars(estimate);
  // The compression swatches take the colour of the first bar, so they look like the bars they explain.
  const firstTone = data[0]?.tone ?? 'ok';
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
              <span className={`cap-legend__swatch cap-legend__swatch--${firstTone}`} /> solid: at the best compression ({formatNumber(inputs.compression.max, 2)}×)
            </li>
            <li>
              <span className={`cap-legend__swatch cap-legend__swatch--${firstTone} cap-legend__swatch--range`} /> light: up to the worst ({formatNumber(inputs.compression.min, 2)}×)
            </li>
          </>
        )}
        {legend.map((entry) => (
          <li key={entry.tone}>
            <span className={`cap-legend__swatch cap-legend__swatch--${entry.tone}`} /> {entry.label}
          </li>
        ))}
      </ul>
    </section>
  );
}
