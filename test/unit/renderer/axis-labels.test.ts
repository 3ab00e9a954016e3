// The x-axis labels a chart draws never run together: for any number of points across the plot,
// drawn neighbours are at least a label's width apart (the QA saw "2024-01-012024-01-06…" on a
// daily chart), while short labels on few points are all drawn.
import { describe, expect, it } from 'vitest';
import { axisLabelStep, labelWidth } from '../../../src/renderer/components/chart/axis-labels.js';

/** `count` consecutive days from 2024-01-01 as the chart labels them. */
function days(count: number): string[] {
  const start = Date.UTC(2024, 0, 1);
  return Array.from({ length: count }, (_, i) => new Date(start + i * 86_400_000).toISOString().slice(0, 10));
}

const PLOT_WIDTH = 640;

describe('axis label thinning', () => {
  it('keeps drawn date labels apart on a chart of any number of days', () => {
    for (let count = 1; count <= 1000; count++) {
      const labels = days(count);
      const slot = PLOT_WIDTH / count;
      const step = axisLabelStep(labels, slot);
      // Two drawn neighbours' centres are step * slot apart; each label reaches half its width to either side.
      expect(step * slot, `${count} days`).toBeGreaterThan(labelWidth(10));
    }
  });

  it('draws every label when there is room, and thins long labels by their cut length', () => {
    expect(axisLabelStep(['2022', '2023', '2024'], PLOT_WIDTH / 3)).toBe(1);
    expect(axisLabelStep(days(7), PLOT_WIDTH / 7)).toBe(1);
    const long = Array.from({ length: 40 }, (_, i) => `a rather long category name ${i}`);
    expect(axisLabelStep(long, PLOT_WIDTH / 40, 14)).toBe(axisLabelStep(long.map((l) => l.slice(0, 14)), PLOT_WIDTH / 40));
    expect(axisLabelStep([], 10)).toBe(1);
  });

  it('thins a year of days to a readable handful', () => {
    const step = axisLabelStep(days(365), PLOT_WIDTH / 365);
    const drawn = Math.ceil(365 / step);
    expect(drawn).toBeGreaterThanOrEqual(5);
    expect(drawn).toBeLessThanOrEqual(10);
  });
});
