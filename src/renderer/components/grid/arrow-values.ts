// Reads Arrow columns into display values by Arrow type: numbers (and 64-bit integers, kept
// exact as strings) right-aligned, NULL marked as such, dates and timestamps as ISO 8601.
import { IntervalUnit, TimeUnit, Type, util, type DataType, type Decimal, type Dictionary, type Interval, type Time, type Timestamp, type Vector } from 'apache-arrow';

export interface CellValue {
  text: string;
  kind: 'null' | 'number' | 'text' | 'boolean' | 'temporal';
  align: 'left' | 'right';
}

export type ColumnReader = (row: number) => CellValue;

export const NULL_VALUE: CellValue = { text: 'NULL', kind: 'null', align: 'left' };

const numberValue = (text: string): CellValue => ({ text, kind: 'number', align: 'right' });
const textValue = (text: string): CellValue => ({ text, kind: 'text', align: 'left' });
const temporalValue = (text: string): CellValue => ({ text, kind: 'temporal', align: 'left' });

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** `2024-01-02` for a date given as ms since the epoch (UTC). */
export function isoDate(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 10);
}

/** ISO 8601 timestamp with as many fraction digits as the unit carries; `Z` when zoned. */
export function isoTimestamp(epochMs: number, unit: TimeUnit, zoned: boolean): string {
  const micros = Math.round(epochMs * 1000);
  const wholeMs = Math.floor(micros / 1000);
  const base = new Date(wholeMs).toISOString().slice(0, 19);
  const fraction =
    unit === TimeUnit.SECOND ? '' : unit === TimeUnit.MILLISECOND ? `.${pad(wholeMs - Math.floor(wholeMs / 1000) * 1000, 3)}` : `.${pad(micros - Math.floor(micros / 1_000_000) * 1_000_000, 6)}`;
  return `${base}${fraction}${zoned ? 'Z' : ''}`;
}

/** `13:45:07.250000` for a time of day in the given unit. */
export function isoTime(value: number | bigint, unit: TimeUnit): string {
  const perSecond = unit === TimeUnit.SECOND ? 1n : unit === TimeUnit.MILLISECOND ? 1_000n : unit === TimeUnit.MICROSECOND ? 1_000_000n : 1_000_000_000n;
  const raw = typeof value === 'bigint' ? value : BigInt(Math.round(value));
  const seconds = Number(raw / perSecond);
  const micros = Number(((raw % perSecond) * 1_000_000n) / perSecond);
  const clock = `${pad(Math.floor(seconds / 3600))}:${pad(Math.floor(seconds / 60) % 60)}:${pad(seconds % 60)}`;
  return unit === TimeUnit.SECOND ? clock : `${clock}.${pad(micros, 6)}`;
}

/** A decimal's unscaled digits with the point put back: ("-12345", 2) → "-123.45". */
export function scaleDecimal(unscaled: string, scale: number): string {
  if (scale <= 0) return unscaled + '0'.repeat(-scale);
  const negative = unscaled.startsWith('-');
  const digits = (negative ? unscaled.slice(1) : unscaled).padStart(scale + 1, '0');
  return `${negative ? '-' : ''}${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
}

function jsonText(value: unknown): string {
  const plain = typeof value === 'object' && value !== null && 'toJSON' in value ? (value as { toJSON(): unknown }).toJSON() : value;
  return JSON.stringify(plain, (_key, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)) ?? String(value);
}

function hexPreview(bytes: Uint8Array): string {
  const shown = Array.from(bytes.subarray(0, 32), (b) => b.toString(16).padStart(2, '0')).join('');
  return `\\x${shown}${bytes.length > 32 ? '…' : ''}`;
}

const plural = (n: number, unit: string): string => `${n} ${unit}${Math.abs(n) === 1 ? '' : 's'}`;

/**
 * An INTERVAL as DuckDB writes it: `1 year 2 months 3 days 04:05:06.5`. Arrow holds it as
 * months, days and nanoseconds (the last as two 32-bit halves, low first).
 */
export function intervalText(parts: Int32Array): string {
  const [months = 0, days = 0, low = 0, high = 0] = parts;
  const nanos = (BigInt(high) << 32n) | BigInt(low >>> 0);
  const out: string[] = [];
  const years = Math.trunc(months / 12);
  if (years !== 0) out.push(plural(years, 'year'));
  if (months % 12 !== 0) out.push(plural(months % 12, 'month'));
  if (days !== 0) out.push(plural(days, 'day'));
  if (nanos !== 0n || out.length === 0) {
    const negative = nanos < 0n;
    const micros = (negative ? -nanos : nanos) / 1000n;
    const seconds = Number(micros / 1_000_000n);
    const fraction = micros % 1_000_000n;
    const clock = `${pad(Math.floor(seconds / 3600))}:${pad(Math.floor(seconds / 60) % 60)}:${pad(seconds % 60)}`;
    out.push(`${negative ? '-' : ''}${clock}${fraction === 0n ? '' : `.${fraction.toString().padStart(6, '0').replace(/0+$/, '')}`}`);
  }
  return out.join(' ');
}

/** How to turn one non-null value of `type` into a display value. */
export function valueFormatter(type: DataType): (value: unknown) => CellValue {
  switch (type.typeId) {
    case Type.Int:
    case Type.Float:
      return (v) => numberValue(String(v));
    case Type.Decimal: {
      const scale = (type as Decimal).scale;
      return (v) => numberValue(scaleDecimal(util.bigNumToString(v as Parameters<typeof util.bigNumToString>[0]), scale));
    }
    case Type.Bool:
      return (v) => ({ text: v ? 'true' : 'false', kind: 'boolean', align: 'left' });
    case Type.Date:
      // Arrow JS gives both date units as ms since the epoch.
      return (v) => temporalValue(isoDate(Number(v)));
    case Type.Timestamp: {
      const t = type as Timestamp;
      return (v) => temporalValue(isoTimestamp(Number(v), t.unit, Boolean(t.timezone)));
    }
    case Type.Time:
      return (v) => temporalValue(isoTime(v as number | bigint, (type as Time).unit));
    case Type.Utf8:
    case Type.LargeUtf8:
    case Type.Utf8View:
      return (v) => textValue(String(v));
    case Type.Binary:
    case Type.LargeBinary:
    case Type.FixedSizeBinary:
    case Type.BinaryView:
      return (v) => textValue(hexPreview(v as Uint8Array));
    case Type.Dictionary:
      return valueFormatter((type as Dictionary).dictionary);
    case Type.Interval:
      if ((type as Interval).unit === IntervalUnit.MONTH_DAY_NANO) return (v) => temporalValue(intervalText(v as Int32Array));
      return (v) => textValue(jsonText(v));
    default:
      return (v) => textValue(typeof v === 'string' ? v : jsonText(v));
  }
}

/** A reader for one column of a decoded page. */
export function columnReader(vector: Vector): ColumnReader {
  const format = valueFormatter(vector.type);
  return (row) => (vector.isValid(row) ? format(vector.get(row)) : NULL_VALUE);
}
