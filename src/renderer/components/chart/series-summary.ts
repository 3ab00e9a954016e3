// One sentence describing a series for screen readers and as a chart's accessible name: how many
// points, the first and last label, and where the highest and lowest values are.

export interface SeriesPoint {
  label: string;
  value: number | null;
}

/** e.g. `sum(revenue) by month of order_date: 12 points from 2024-01 to 2024-12; highest 2024-11 (9,870), lowest 2024-02 (1,020).` */
export function summarizeSeries(title: string, points: readonly SeriesPoint[], format: (n: number) => string): string {
  if (points.length === 0) return `${title}: no data.`;
  const first = points[0]?.label ?? '';
  const last = points[points.length - 1]?.label ?? '';
  const count = `${points.length} ${points.length === 1 ? 'point' : 'points'}`;
  const span = points.length === 1 ? `${count}, ${first}` : `${count} from ${first} to ${last}`;
  const valued = points.filter((p): p is { label: string; value: number } => p.value !== null && Number.isFinite(p.value));
  if (valued.length === 0) return `${title}: ${span}; no values.`;
  const highest = valued.reduce((a, b) => (b.value > a.value ? b : a));
  const lowest = valued.reduce((a, b) => (b.value < a.value ? b : a));
  const extremes = valued.length === 1 ? `value ${format(highest.value)}` : `highest ${highest.label} (${format(highest.value)}), lowest ${lowest.label} (${format(lowest.value)})`;
  return `${title}: ${span}; ${extremes}.`;
}
