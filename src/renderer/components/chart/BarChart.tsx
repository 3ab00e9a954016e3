// A small SVG bar chart, no chart library: one bar per datum on a zero-based axis with round
// ticks. A bar may show a range (solid up to `low`, lighter up to `value`), a tone, and a dashed
// reference line (a limit to compare against). Each bar carries its description for screen
// readers and as a hover title.
import { axisLabelStep } from './axis-labels.js';
import { niceTicks } from './ticks.js';
import './chart.css';

/** A bar's colour: ok, warn and bad as the tones of the app; over: ok, but above the reference line. */
export type BarTone = 'ok' | 'over' | 'warn' | 'bad';

export interface BarDatum {
  label: string;
  /** The bar's top. */
  value: number;
  /** When set, the bar is solid up to `low` and lighter from `low` to `value`. */
  low?: number;
  tone?: BarTone;
  /** One sentence read by screen readers and shown on hover. */
  description: string;
}

export interface ReferenceLine {
  value: number;
  label: string;
}

export interface BarChartProps {
  /** The chart's accessible name. */
  title: string;
  data: readonly BarDatum[];
  formatValue: (value: number) => string;
  /** Drawn when it lies within 4× of the tallest bar, so it never flattens the bars. */
  reference?: ReferenceLine;
  xLabel?: string;
}

const WIDTH = 640;
const HEIGHT = 250;
const MARGIN = { top: 18, right: 16, bottom: 42, left: 70 };
const MAX_VALUE_LABELS = 12;

export function BarChart({ title, data, formatValue, reference, xLabel }: BarChartProps) {
  const dataMax = Math.max(0, ...data.map((d) => d.value));
  const showReference = reference !== undefined && reference.value > 0 && (dataMax === 0 || reference.value <= dataMax * 4);
  const ticks = niceTicks(Math.max(dataMax, showReference ? reference.value : 0) || 1);
  const top = ticks[ticks.length - 1] ?? 1;
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const y = (v: number): number => MARGIN.top + plotHeight - (v / top) * plotHeight;
  const slot = plotWidth / Math.max(1, data.length);
  const barWidth = Math.min(56, slot * 0.62);
  const labelEvery = axisLabelStep(
    data.map((d) => d.label),
    slot,
  );

  return (
    <svg className="bar-chart" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={title}>
      <title>{title}</title>
      <desc>{data.map((d) => d.description).join(' ')}</desc>
      {ticks.map((t) => (
        <g key={t} className="bar-chart__tick">
          <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y(t)} y2={y(t)} />
          <text x={MARGIN.left - 8} y={y(t)} dy="0.32em" textAnchor="end">
            {formatValue(t)}
          </text>
        </g>
      ))}
      {data.map((d, i) => {
        const x = MARGIN.left + slot * i + (slot - barWidth) / 2;
        const low = d.low === undefined ? d.value : Math.min(d.low, d.value);
        return (
          <g key={`${d.label}-${i}`} className={`bar-chart__bar bar-chart__bar--${d.tone ?? 'ok'}`}>
            <title>{d.description}</title>
            <rect className="bar-chart__range" x={x} y={y(d.value)} width={barWidth} height={Math.max(0, y(low) - y(d.value))} />
            <rect className="bar-chart__solid" x={x} y={y(low)} width={barWidth} height={Math.max(0, y(0) - y(low))} />
            {data.length <= MAX_VALUE_LABELS ? (
              <text className="bar-chart__value" x={x + barWidth / 2} y={y(d.value) - 5} textAnchor="middle">
                {formatValue(d.value)}
              </text>
            ) : null}
            {i % labelEvery === 0 ? (
              <text className="bar-chart__label" x={x + barWidth / 2} y={MARGIN.top + plotHeight + 16} textAnchor="middle">
                {d.label}
              </text>
            ) : null}
          </g>
        );
      })}
      <line className="bar-chart__axis" x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y(0)} y2={y(0)} />
      {showReference ? (
        <g className="bar-chart__reference">
          <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y(reference.value)} y2={y(reference.value)} />
          <text x={WIDTH - MARGIN.right} y={y(reference.value) - 5} textAnchor="end">
            {reference.label}
          </text>
        </g>
      ) : null}
      {xLabel ? (
        <text className="bar-chart__x-label" x={MARGIN.left + plotWidth / 2} y={HEIGHT - 6} textAnchor="middle">
          {xLabel}
        </text>
      ) : null}
    </svg>
  );
}
