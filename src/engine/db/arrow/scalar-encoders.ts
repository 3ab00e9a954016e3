// Encoders for scalar DuckDB types: booleans, integers, floats, dates, times, timestamps,
// decimals, 128-bit integers and intervals. Most are a straight copy of DuckDB's memory.
import { Bool, Data, Decimal, IntervalMonthDayNano, type DataType } from 'apache-arrow';
import { IngotError } from '../../../shared/errors.js';
import { bitmapOf, flatData, type ColumnEncoder } from './encoder.js';
import { gatherFixed } from './fixed-width.js';
import type { Part } from './rows.js';
import { arrowNulls, rowValid } from './validity.js';

/** A type whose DuckDB and Arrow layouts are identical, `width` bytes per value. */
export function copyEncoder(type: DataType, width: number): ColumnEncoder {
  return {
    type,
    encode(parts: readonly Part[], count: number): Data {
      return flatData(type, count, arrowNulls(parts, count), gatherFixed(parts, count, width));
    },
  };
}

/** BOOLEAN: DuckDB stores a byte per value, Arrow a bit. */
export function boolEncoder(): ColumnEncoder {
  const type = new Bool();
  return {
    type,
    encode(parts: readonly Part[], count: number): Data {
      const bytes = gatherFixed(parts, count, 1);
      const bits = new Uint8Array(Math.ceil(count / 64) * 8);
      for (let i = 0; i < count; i++) if (bytes[i] !== 0) bits[i >> 3] = (bits[i >> 3] as number) | (1 << (i & 7));
      const nulls = arrowNulls(parts, count);
      return new Data(type, 0, count, nulls.nullCount, [undefined, bits, bitmapOf(nulls)]);
    },
  };
}

/**
 * A signed integer of `width` bytes (2, 4, 8 or 16: DECIMAL storage, HUGEINT) or an unsigned
 * 16-byte one (UHUGEINT) as an Arrow decimal of `bitWidth` bits: sign- or zero-extended, exact.
 */
export function decimalEncoder(precision: number, scale: number, width: number, bitWidth: 128 | 256, unsigned = false): ColumnEncoder {
  const type = new Decimal(scale, precision, bitWidth);
  const outWords = bitWidth / 32;
  return {
    type,
    encode(parts: readonly Part[], count: number): Data {
      const nulls = arrowNulls(parts, count);
      const narrow = gatherFixed(parts, count, width);
      if (width === 16 && outWords === 4) return flatData(type, count, nulls, narrow);
      const out = new Uint32Array(count * outWords);
      if (width === 2 || width === 4) {
        const values = width === 2 ? new Int16Array(narrow.buffer) : new Int32Array(narrow.buffer);
        for (let i = 0; i < count; i++) {
          const v = values[i] as number;
          const fill = v < 0 ? 0xffffffff : 0;
          out[i * outWords] = v >>> 0;
          for (let w = 1; w < outWords; w++) out[i * outWords + w] = fill;
        }
      } else {
        const inWords = width / 4;
        const words = new Uint32Array(narrow.buffer);
        for (let i = 0; i < count; i++) {
          for (let w = 0; w < inWords; w++) out[i * outWords + w] = words[i * inWords + w] as number;
          const fill = !unsigned && ((words[i * inWords + inWords - 1] as number) & 0x80000000) !== 0 ? 0xffffffff : 0;
          for (let w = inWords; w < outWords; w++) out[i * outWords + w] = fill;
        }
      }
      return flatData(type, count, nulls, new Uint8Array(out.buffer));
    },
  };
}

/** The largest |microseconds| whose nanoseconds still fit a signed 64-bit integer. */
const MAX_INTERVAL_MICROS = 9223372036854775n;

/**
 * INTERVAL: DuckDB keeps {months, days, micros}; Arrow's MonthDayNano is {months, days, nanos}
 * with the same layout, so only the third field is scaled (exactly, with a range check).
 */
export function intervalEncoder(): ColumnEncoder {
  const type = new IntervalMonthDayNano();
  return {
    type,
    encode(parts: readonly Part[], count: number): Data {
      const nulls = arrowNulls(parts, count);
      const bytes = gatherFixed(parts, count, 16);
      const wide = new BigInt64Array(bytes.buffer);
      for (let i = 0; i < count; i++) {
        if (!rowValid(nulls.nullBitmap, i)) {
          wide[2 * i] = 0n;
          wide[2 * i + 1] = 0n;
          continue;
        }
        const micros = wide[2 * i + 1] as bigint;
        if (micros > MAX_INTERVAL_MICROS || micros < -MAX_INTERVAL_MICROS) {
          throw new IngotError('SQL_ERROR', `An INTERVAL of ${micros} microseconds is too large to send as Arrow nanoseconds.`, {
            hint: 'Express such long spans in days or months (e.g. INTERVAL 300 YEAR), or cast the column to VARCHAR.',
          });
        }
        wide[2 * i + 1] = micros * 1000n;
      }
      return flatData(type, count, nulls, bytes);
    },
  };
}
