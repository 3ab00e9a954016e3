// Exact text for dates, times, timestamps and intervals as DuckDB prints them, computed from the
// raw integers Arrow carries (JS Date would drop micro- and nanoseconds and cannot reach DuckDB's range).

const INT64_MAX = 9223372036854775807n;
const INT32_MAX = 2147483647;

/** Days since 1970-01-01 → 'YYYY-MM-DD' (years before 1 as 'YYYY-MM-DD (BC)'); DuckDB's sentinels → ±infinity. */
export function dateText(days: number): string {
  if (days >= INT32_MAX) return 'infinity';
  if (days <= -INT32_MAX) return '-infinity';
  const [y, m, d] = civilFromDays(days);
  const bc = y <= 0;
  const text = `${pad(bc ? 1 - y : y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
  return bc ? `${text} (BC)` : text;
}

/** A count of `unitsPerSecond` units since 00:00 → 'HH:MM:SS[.fraction]'. */
export function timeText(value: bigint, unitsPerSecond: bigint): string {
  const seconds = Number(value / unitsPerSecond);
  return `${clock(seconds)}${fraction(value % unitsPerSecond, unitsPerSecond)}`;
}

/** A count of `unitsPerSecond` units since the epoch → 'YYYY-MM-DD HH:MM:SS[.fraction]' (UTC: '+00'). */
export function timestampText(value: bigint, unitsPerSecond: bigint, utc: boolean): string {
  if (value >= INT64_MAX) return 'infinity';
  if (value <= -INT64_MAX) return '-infinity';
  let seconds = value / unitsPerSecond;
  let rest = value % unitsPerSecond;
  if (rest < 0n) {
    rest += unitsPerSecond;
    seconds -= 1n;
  }
  let days = seconds / 86400n;
  let ofDay = seconds % 86400n;
  if (ofDay < 0n) {
    ofDay += 86400n;
    days -= 1n;
  }
  const date = dateText(Number(days));
  const text = date.endsWith(' (BC)') ? date.slice(0, -5) : date;
  const suffix = date.endsWith(' (BC)') ? ' (BC)' : '';
  return `${text} ${clock(Number(ofDay))}${fraction(rest, unitsPerSecond)}${utc ? '+00' : ''}${suffix}`;
}

/** An interval as DuckDB prints it: '1 year 2 months 3 days 04:05:06.000007'. */
export function intervalText(months: number, days: number, nanos: bigint): string {
  const parts: string[] = [];
  const years = Math.trunc(months / 12);
  const restMonths = months % 12;
  if (years !== 0) parts.push(unit(years, 'year'));
  if (restMonths !== 0) parts.push(unit(restMonths, 'month'));
  if (days !== 0) parts.push(unit(days, 'day'));
  const micros = nanos / 1000n;
  if (micros !== 0n || parts.length === 0) {
    const negative = micros < 0n;
    const abs = negative ? -micros : micros;
    const seconds = abs / 1_000_000n;
    const hours = seconds / 3600n;
    const clockText = `${pad(Number(hours), 2)}:${pad(Number((seconds / 60n) % 60n), 2)}:${pad(Number(seconds % 60n), 2)}`;
    parts.push(`${negative ? '-' : ''}${clockText}${fraction(abs % 1_000_000n, 1_000_000n)}`);
  }
  return parts.join(' ');
}

function unit(n: number, name: string): string {
  return `${n} ${name}${Math.abs(n) === 1 ? '' : 's'}`;
}

function clock(seconds: number): string {
  return `${pad(Math.floor(seconds / 3600), 2)}:${pad(Math.floor(seconds / 60) % 60, 2)}:${pad(seconds % 60, 2)}`;
}

/** '.123' for a sub-second part, trailing zeros dropped; '' when zero. */
function fraction(rest: bigint, unitsPerSecond: bigint): string {
  if (rest === 0n) return '';
  const digits = unitsPerSecond.toString().length - 1;
  return `.${rest.toString().padStart(digits, '0').replace(/0+$/, '')}`;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** Proleptic Gregorian year, month, day of a day count since 1970-01-01 (H. Hinnant's algorithm). */
function civilFromDays(days: number): [number, number, number] {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}
