// A small SVG histogram for a column profile: one bar per bin, no axes, the tallest bar full
// height. Its accessible name summarises the bins; each bar has its label and count as a title.
import { formatFull } from './number-format.js';
import { summarizeSeries } from './series-summary.js';
import './value-chart.css';

export interface MiniHistogramProps {
  /** e.g. `Histogram of revenue`. */
  title: string;
  bins: readonly { label: string; count: number }[];
}

const WIDTH = 240;
const HEIGHT = 56;

export function MiniHistogram({ title, bins }: MiniHistogramProps) {
  const top = Math.max(1, ...bins.map((b) => b.count));
  const slot = WIDTH / Math.max(1, bins.length);
  const gap = slot > 4 ? 1 : 0;
  const summary = summarizeSeries(title, bins.map((b) => ({ label: b.label, value: b.count })), formatFull);
  return (
    <svg className="mini-histogram" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} preserveAspectRatio="none" role="img" aria-label={summary}>
      <title>{title}</title>
      {bins.map((b, i) => {
        // A bin that holds rows stays visible however tall its neighbours are.
        const height = b.count === 0 ? 0 : Math.max(1.5, (b.count / top) * (HEIGHT - 2));
        return (
          <rect key={`${b.label}-${i}`} className="mini-histogram__bar" x={i * slot + gap / 2} y={HEIGHT - height} width={Math.max(0.5, slot - gap)} height={height}>
            <title>{`${b.label}: ${formatFull(b.count)}`}</title>
          </rect>
        );
      })}
      <line className="mini-histogram__base" x1={0} x2={WIDTH} y1={HEIGHT - 0.5} y2={HEIGHT - 0.5} />
    </svg>
  );
}
