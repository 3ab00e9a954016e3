// Labels of equal-width bins of numbers, short enough for an axis: `10–15`, `0.125–0.25`, `1.5M–2M`.

const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumSignificantDigits: 4 });

/** A bound as a short number: whole numbers as they are below a million, else at most 4 significant digits. */
export function formatBound(n: number): string {
  if (Math.abs(n) >= 1e6) return compact.format(n);
  return Number.isInteger(n) ? String(n) : String(Number(n.toPrecision(4)));
}

/** `from–to`. */
export function binLabel(from: number, to: number): string {
  return `${formatBound(from)}–${formatBound(to)}`;
}
