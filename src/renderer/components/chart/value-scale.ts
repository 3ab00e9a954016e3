// The value axis of a chart whose values may be negative: a domain that includes zero and every
// value, widened to round ticks, and the mapping of a value to a pixel row.
import { niceStep } from './ticks.js';

export interface ValueScale {
  low: number;
  high: number;
  ticks: number[];
  /** The pixel row of `value` in a plot `height` pixels tall whose top row is `top`. */
  y(value: number, top: number, height: number): number;
}

/** A zero-based scale with round ticks covering every finite value (nulls and NaN are skipped). */
export function valueScale(values: readonly (number | null)[], count = 4): ValueScale {
  const finite = values.filter((v): v is number => v !== null && Number.isFinite(v));
  const min = Math.min(0, ...finite);
  // All zero (or nothing): an axis from 0 to 1 rather than none.
  const max = Math.max(0, ...finite) || (min === 0 ? 1 : 0);
  const step = niceStep(max - min, count);
  const low = Math.floor(min / step + 1e-9) * step;
  const high = Math.ceil(max / step - 1e-9) * step;
  const ticks: number[] = [];
  for (let i = 0; low + i * step <= high + step * 1e-9; i++) ticks.push(Number((low + i * step).toPrecision(12)));
  return {
    low,
    high,
    ticks,
    y: (value, top, height) => top + height - ((value - low) / (high - low)) * height,
  };
}

/**
 * A scale over the span of the values only (not from zero), widened to round ticks: for values
 * such as dates, where zero (1970) means nothing and would flatten every difference.
 */
export function spanScale(values: readonly (number | null)[], count = 4, options: { wholeSteps?: boolean } = {}): ValueScale {
  const finite = values.filter((v): v is number => v !== null && Number.isFinite(v));
  if (finite.length === 0) return valueScale([], count);
  const min = Math.min(...finite);
  const max = Math.max(...finite);
  const nice = niceStep(max - min, count);
  // Whole steps (e.g. whole days for dates): at least 1, and 2.5 becomes 3.
  const step = options.wholeSteps ? Math.max(1, Math.round(nice)) : nice;
  // One value (or all equal): a step below and above it.
  const low = max === min ? min - step : Math.floor(min / step + 1e-9) * step;
  const high = max === min ? max + step : Math.ceil(max / step - 1e-9) * step;
  const ticks: number[] = [];
  for (let i = 0; low + i * step <= high + step * 1e-9; i++) ticks.push(Number((low + i * step).toPrecision(12)));
  return { low, high, ticks, y: (value, top, height) => top + height - ((value - low) / (high - low)) * height };
}
