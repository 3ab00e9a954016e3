// Axis ticks a person reads easily: 0 and steps of 1, 2, 2.5 or 5 × 10^k, enough to cover the
// largest value with about `count` intervals.

const STEPS = [1, 2, 2.5, 5, 10];

/** A round step near `span / count`. */
export function niceStep(span: number, count: number): number {
  if (!(span > 0) || !Number.isFinite(span)) return 1;
  const raw = span / Math.max(1, count);
  const magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
  const step = STEPS.find((s) => s * magnitude >= raw * (1 - 1e-12)) ?? 10;
  return step * magnitude;
}

/** Ticks from 0 up to the first round value at or above `max`: [0, step, 2·step, …]. */
export function niceTicks(max: number, count = 4): number[] {
  const step = niceStep(max, count);
  const intervals = Math.max(1, Math.ceil(max / step - 1e-9));
  return Array.from({ length: intervals + 1 }, (_, i) => Number((i * step).toPrecision(12)));
}
