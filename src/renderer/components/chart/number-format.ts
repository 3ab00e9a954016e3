// Numbers in charts and profiles: compact on axes (`1.2M`), full with separators in tables and
// descriptions (`1,234,567.89`), never more digits than a person reads.

const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });
const full = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
const small = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 3 });

/** `950`, `12.5K`, `3.4M` — for axis ticks. */
export function formatCompact(n: number): string {
  return Math.abs(n) < 1000 ? formatFull(n) : compact.format(n);
}

/** `1,234,567.89`; values below 1 keep three significant digits (`0.00123`). */
export function formatFull(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  return n !== 0 && Math.abs(n) < 1 ? small.format(n) : full.format(n);
}

/** A value that may be missing: `—` for null. */
export function formatMaybe(n: number | null): string {
  return n === null ? '—' : formatFull(n);
}
