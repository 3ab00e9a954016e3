// Number formatting for the capacity estimator's worked math: decimal units (1 KB = 1000 B),
// thousands separators, and the rounding a back-of-the-envelope estimate shows.

const BYTE_UNITS = ['B', 'KB', 'MB', 'GB', 'TB', 'PB', 'EB'] as const;

/** Removes binary floating-point noise (182.49999999999997 → 182.5) before rounding for display. */
function clean(value: number): number {
  return Number(value.toPrecision(12));
}

/** Rounds to `decimals` places, drops trailing zeros (unless `keepZeros`), groups thousands with commas. */
export function formatNumber(value: number, decimals = 0, keepZeros = false): string {
  const fixed = clean(value).toFixed(decimals);
  const [whole = '0', fraction] = fixed.split('.');
  const sign = whole.startsWith('-') ? '-' : '';
  const digits = sign ? whole.slice(1) : whole;
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const trimmed = fraction === undefined ? '' : keepZeros ? fraction : fraction.replace(/0+$/, '');
  return `${sign}${grouped}${trimmed ? '.' + trimmed : ''}`;
}

/** A count or rate: whole numbers from 100 up (5,787), one decimal below (4.6). */
export function formatQuantity(value: number): string {
  if (Math.abs(value) >= 100) return formatNumber(value, 0);
  if (Math.abs(value) >= 0.1 || value === 0) return formatNumber(value, 1);
  return clean(value).toPrecision(2);
}

/** The decimal unit that keeps a byte count between 1 and 1000, and the scaled value. */
export function byteScale(bytes: number): { value: number; unit: string; divisor: number } {
  let index = 0;
  let divisor = 1;
  // From 999.95 the one-decimal rounding would print "1000 GB": use the next unit instead.
  while (index < BYTE_UNITS.length - 1 && Math.abs(bytes / divisor) >= 999.95) {
    index++;
    divisor *= 1000;
  }
  return { value: bytes / divisor, unit: BYTE_UNITS[index] ?? 'B', divisor };
}

/** Bytes in decimal units with one decimal: 5e11 → "500 GB", 1.825e14 → "182.5 TB". */
export function formatBytes(bytes: number): string {
  const { value, unit } = byteScale(bytes);
  return `${formatNumber(value, unit === 'B' ? 0 : 1)} ${unit}`;
}

/** A byte range in the unit of its upper end: "18.3–36.5 TB". */
export function formatByteRange(min: number, max: number): string {
  const { unit, divisor } = byteScale(max);
  const digits = unit === 'B' ? 0 : 1;
  if (clean(min) === clean(max)) return formatBytes(max);
  return `${formatNumber(min / divisor, digits)}–${formatNumber(max / divisor, digits)} ${unit}`;
}

/** Money with two decimals below 100 and whole amounts above: "$0.40", "$1,259". */
export function formatMoney(amount: number): string {
  return Math.abs(amount) >= 100 ? `$${formatNumber(amount, 0)}` : `$${formatNumber(amount, 2, true)}`;
}

/** A money range: "$0.34–$0.67". */
export function formatMoneyRange(min: number, max: number): string {
  return clean(min) === clean(max) ? formatMoney(max) : `${formatMoney(min)}–${formatMoney(max)}`;
}

/** Seconds as the largest sensible unit: 12 ms, 45 s, 12.5 min, 24 h, 2.5 days. */
export function formatDuration(seconds: number): string {
  if (seconds < 1) return `${formatQuantity(seconds * 1000)} ms`;
  if (seconds < 60) return `${formatQuantity(seconds)} s`;
  if (seconds < 3600) return `${formatNumber(seconds / 60, 1)} min`;
  if (seconds < 172_800) return `${formatNumber(seconds / 3600, 1)} h`;
  return `${formatNumber(seconds / 86_400, 1)} days`;
}
