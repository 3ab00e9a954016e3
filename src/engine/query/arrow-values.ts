// Decodes Arrow IPC from the engine into plain JS rows for printing and JSON: exact decimals,
// full-precision dates and times as text, 64-bit integers as numbers when they fit (else bigint),
// lists as arrays, structs and maps as objects. Used by `ingot sql`; the grid reads Arrow itself.
import { DataType, DateUnit, tableFromIPC, TimeUnit, type Data, type Decimal, type Field } from 'apache-arrow';
import { dateText, intervalText, timestampText, timeText } from './temporal-text.js';

export interface DecodedRows {
  columns: string[];
  rows: unknown[][];
}

type Reader = (data: Data, index: number) => unknown;

/** The first `maxRows` rows of an Arrow IPC stream as plain values (NULL → null). */
export function decodeRows(ipc: Uint8Array, maxRows = Number.POSITIVE_INFINITY): DecodedRows {
  const table = tableFromIPC(ipc);
  const fields = table.schema.fields;
  const readers = fields.map((f: Field) => readerFor(f.type));
  const rows: unknown[][] = [];
  for (const batch of table.batches) {
    for (let i = 0; i < batch.numRows && rows.length < maxRows; i++) {
      rows.push(readers.map((read, c) => read(batch.data.children[c] as Data, i)));
    }
    if (rows.length >= maxRows) break;
  }
  return { columns: fields.map((f) => f.name), rows };
}

const UNITS_PER_SECOND: Record<TimeUnit, bigint> = {
  [TimeUnit.SECOND]: 1n,
  [TimeUnit.MILLISECOND]: 1_000n,
  [TimeUnit.MICROSECOND]: 1_000_000n,
  [TimeUnit.NANOSECOND]: 1_000_000_000n,
};

function readerFor(type: DataType): Reader {
  const read = valueReader(type);
  return (data, i) => (data.getValid(i) ? read(data, i) : null);
}

function valueReader(type: DataType): Reader {
  if (DataType.isInt(type)) return (d, i) => plainNumber(d.values[i] as number | bigint);
  if (DataType.isFloat(type)) return (d, i) => finite(d.values[i] as number);
  if (DataType.isDecimal(type)) return (d, i) => decimalText(d.values as Uint32Array, i, type as Decimal);
  if (DataType.isDate(type)) {
    const days = type.unit === DateUnit.DAY;
    return (d, i) => dateText(days ? (d.values[i] as number) : Math.floor(Number(d.values[i]) / 86_400_000));
  }
  if (DataType.isTime(type)) return (d, i) => timeText(BigInt(d.values[i] as number | bigint), UNITS_PER_SECOND[type.unit as TimeUnit]);
  if (DataType.isTimestamp(type)) return (d, i) => timestampText(BigInt(d.values[i] as number | bigint), UNITS_PER_SECOND[type.unit as TimeUnit], Boolean(type.timezone));
  if (DataType.isInterval(type)) return intervalReader;
  if (DataType.isDictionary(type)) return (d, i) => d.dictionary?.get(d.values[i] as number) ?? null;
  if (DataType.isList(type)) return listReader(readerFor((type.children[0] as Field).type));
  if (DataType.isFixedSizeList(type)) return fixedListReader(readerFor((type.children[0] as Field).type), type.listSize);
  if (DataType.isStruct(type)) return structReader(type.children);
  if (DataType.isMap(type)) return mapReader(type.children[0] as Field);
  if (DataType.isBinary(type)) return (d, i) => d.values.slice(d.valueOffsets[i] as number, d.valueOffsets[i + 1] as number);
  if (DataType.isUtf8(type)) return utf8Reader();
  if (DataType.isBool(type)) return (d, i) => ((d.values[(d.offset + i) >> 3] as number) >> ((d.offset + i) & 7)) & 1 ? true : false;
  return () => null;
}

function utf8Reader(): Reader {
  const decoder = new TextDecoder();
  return (d, i) => decoder.decode((d.values as Uint8Array).subarray(d.valueOffsets[i] as number, d.valueOffsets[i + 1] as number));
}

/** Arrow MonthDayNano: int32 months, int32 days, int64 nanoseconds per value. */
const intervalReader: Reader = (d, i) => {
  const ints = d.values as Int32Array;
  const nanos = new BigInt64Array(ints.buffer, ints.byteOffset + i * 16 + 8, 1)[0] as bigint;
  return intervalText(ints[i * 4] as number, ints[i * 4 + 1] as number, nanos);
};

function listReader(child: Reader): Reader {
  return (d, i) => {
    const items = d.children[0] as Data;
    const out: unknown[] = [];
    for (let j = d.valueOffsets[i] as number; j < (d.valueOffsets[i + 1] as number); j++) out.push(child(items, j));
    return out;
  };
}

function fixedListReader(child: Reader, size: number): Reader {
  return (d, i) => Array.from({ length: size }, (_, k) => child(d.children[0] as Data, i * size + k));
}

function structReader(fields: readonly Field[]): Reader {
  const readers = fields.map((f) => readerFor(f.type));
  return (d, i) => Object.fromEntries(fields.map((f, k) => [f.name, (readers[k] as Reader)(d.children[k] as Data, i)]));
}

function mapReader(entries: Field): Reader {
  const [keyField, valueField] = entries.type.children as Field[];
  const readKey = readerFor((keyField as Field).type);
  const readValue = readerFor((valueField as Field).type);
  return (d, i) => {
    const entryData = d.children[0] as Data;
    const out: Record<string, unknown> = {};
    for (let j = d.valueOffsets[i] as number; j < (d.valueOffsets[i + 1] as number); j++) {
      out[String(readKey(entryData.children[0] as Data, j))] = readValue(entryData.children[1] as Data, j);
    }
    return out;
  };
}

/** A decimal's exact text from its little-endian two's-complement words. */
function decimalText(words: Uint32Array, i: number, type: Decimal): string {
  const n = type.bitWidth / 32;
  let v = 0n;
  for (let w = n - 1; w >= 0; w--) v = (v << 32n) | BigInt(words[i * n + w] as number);
  if (v >> BigInt(type.bitWidth - 1)) v -= 1n << BigInt(type.bitWidth);
  const negative = v < 0n;
  const digits = (negative ? -v : v).toString().padStart(type.scale + 1, '0');
  const text = type.scale > 0 ? `${digits.slice(0, -type.scale)}.${digits.slice(-type.scale)}` : digits;
  return negative ? `-${text}` : text;
}

function plainNumber(v: number | bigint): number | bigint {
  if (typeof v === 'number') return v;
  return v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v;
}

/** NaN and ±Infinity as text, since JSON has no way to say them. */
function finite(v: number): number | string {
  return Number.isFinite(v) ? v : String(v);
}
