// An SVG chart of one series, no chart library: bars (or a line, for a series over time) on a
// value axis that includes zero and negative values, round ticks, and every point described for
// screen readers and as a hover title. The accessible name summarises the whole series.
import { axisLabelStep, labelWidth } from './axis-labels.js';
import { formatCompact, formatFull } from './number-format.js';
import { summarizeSeries } from './series-summary.js';
import { spanScale, valueScale } from './value-scale.js';
import './chart.css';
import './value-chart.css';

export interface ValueChartProps {
  /** What the chart shows, e.g. `sum(revenue) by month of order_date`. */
  title: string;
  labels: readonly string[];
  values: readonly (number | null)[];
  mode: 'bar' | 'line';
  xLabel?: string;
  formatValue?: (value: number) => string;
  /** `zero`: the value axis includes 0 (amounts); `span`: only the values' span (dates, where 0 means nothing); `whole-span`: that, in whole steps (days). */
  axis?: 'zero' | 'span' | 'whole-span';
  /** Tick labels; compact numbers by default. */
  formatTick?: (value: number) => string;
  /** Width to draw at, in CSS pixels (the width it is shown at keeps text at its own size); 720 by default. */
  width?: number;
}

const DEFAULT_WIDTH = 720;
const MIN_WIDTH = 320;
const HEIGHT = 280;
const MARGIN = { top: 16, right: 16, bottom: 48, left: 64 };
const MAX_LABEL_CHARS = 14;

export function ValueChart({ title, labels, values, mode, xLabel, formatValue = formatFull, axis = 'zero', formatTick = formatCompact, width = DEFAULT_WIDTH }: ValueChartProps) {
  const WIDTH = Math.max(MIN_WIDTH, Math.round(width));
  const scale = axis === 'zero' ? valueScale(values) : spanScale(values, 4, { wholeSteps: axis === 'whole-span' });
  // Bars grow from zero, or from the bottom of the axis when it does not include zero.
  const base = axis === 'zero' ? 0 : scale.low;
  // Room on the left for the longest tick label (dates are wider than compact numbers).
  const left = Math.max(MARGIN.left, Math.ceil(labelWidth(Math.max(0, ...scale.ticks.map((t) => formatTick(t).length))) + 14));
  const plotWidth = WIDTH - left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const y = (v: number): number => scale.y(v, MARGIN.top, plotHeight);
  const slot = plotWidth / Math.max(1, labels.length);
  const center = (i: number): number => left + slot * i + slot / 2;
  const barWidth = Math.max(1, Math.min(48, slot * 0.7));
  // Every label that fits without touching its drawn neighbours.
  const labelEvery = axisLabelStep(labels, slot, MAX_LABEL_CHARS);
  const points = labels.map((label, i) => ({ label, value: values[i] ?? null }));
  const describe = (label: string, value: number | null): string => `${label}: ${value === null ? 'no value' : formatValue(value)}`;

  return (
    <svg className="value-chart" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={summarizeSeries(title, points, formatValue)}>
      <title>{title}</title>
      {scale.ticks.map((t) => (
        <g key={t} className="bar-chart__tick" transform={`translate(0 ${y(t)})`}>
          <line x1={left} x2={WIDTH - MARGIN.right} />
          <text x={left - 8} dy="0.32em" textAnchor="end">
            {formatTick(t)}
          </text>
        </g>
      ))}
      <line className="bar-chart__axis" x1={left} x2={WIDTH - MARGIN.right} y1={y(base)} y2={y(base)} />
      {mode === 'line' ? <path className="value-chart__line" d={linePath(points.map((p, i) => (p.value === null ? null : [center(i), y(p.value)])))} /> : null}
      {points.map((p, i) => (
        <g key={`${p.label}-${i}`} className="value-chart__point">
          <title>{describe(p.label, p.value)}</title>
          {p.value === null ? null : mode === 'bar' ? (
            <rect className="value-chart__bar" x={center(i) - barWidth / 2} y={Math.min(y(p.value), y(base))} width={barWidth} height={Math.abs(y(base) - y(p.value))} />
          ) : (
            <circle className="value-chart__dot" cx={center(i)} cy={y(p.value)} r={labels.length > 60 ? 1.5 : 3} />
          )}
          {i % labelEvery === 0 ? (
            <text className="bar-chart__label" x={center(i)} y={MARGIN.top + plotHeight + 16} textAnchor="middle">
              {p.label.length > MAX_LABEL_CHARS ? `${p.label.slice(0, MAX_LABEL_CHARS - 1)}…` : p.label}
            </text>
          ) : null}
        </g>
      ))}
      {xLabel ? (
        <text className="bar-chart__x-label" x={left + plotWidth / 2} y={HEIGHT - 8} textAnchor="middle">
          {xLabel}
        </text>
      ) : null}
    </svg>
  );
}

/** An SVG path through the points; a missing point breaks the line. */
function linePath(points: readonly ([number, number] | null)[]): string {
  let path = '';
  let drawing = false;
  for (const p of points) {
    if (p === null) {
      drawing = false;
      continue;
    }
    path += `${drawing ? 'L' : 'M'}${p[0].toFixed(1)},${p[1].toFixed(1)}`;
    drawing = true;
  }
  return path;
}
