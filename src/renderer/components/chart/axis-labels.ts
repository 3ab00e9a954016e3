// Which x-axis labels a chart draws so that no two run together: every `step`-th one, the step
// chosen from the room a label needs (its characters at the axis font size) and the room between
// neighbouring points, so 365 daily dates show as a readable handful instead of one long smear.

/** The axis labels' font size in the chart's own units (see chart.css). */
export const AXIS_FONT_SIZE = 11;
/** A generous average character width of the UI font (digits are about 0.64 em). */
const CHAR_WIDTH = AXIS_FONT_SIZE * 0.66;
/** Space kept between two drawn labels. */
const LABEL_GAP = 10;

/** The width, in chart units, a label of `chars` characters takes. */
export function labelWidth(chars: number): number {
  return chars * CHAR_WIDTH;
}

/**
 * The smallest step such that labels drawn at every `step`-th point, centred on points `slot`
 * units apart, never overlap: drawn neighbours are at least their width plus a gap apart.
 * Labels longer than `maxChars` are cut to that many (with an ellipsis) before drawing.
 */
export function axisLabelStep(labels: readonly string[], slot: number, maxChars = Infinity): number {
  if (labels.length === 0) return 1;
  const widest = Math.max(...labels.map((l) => Math.min(l.length, maxChars)));
  return Math.max(1, Math.ceil((labelWidth(widest) + LABEL_GAP) / Math.max(slot, 1e-6)));
}
