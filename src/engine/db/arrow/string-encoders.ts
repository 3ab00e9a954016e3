// Variable-length encoders: VARCHAR → Utf8 and BLOB → Binary (copying DuckDB's string bytes),
// UUID → Utf8 in canonical form, and the text rendering used for rare types Arrow lacks.
import duckdb from '@duckdb/node-bindings';
import { DuckDBVector, type DuckDBType } from '@duckdb/node-api';
import { Binary, Data, Utf8 } from 'apache-arrow';
import { IngotError } from '../../../shared/errors.js';
import { bitmapOf, type ColumnEncoder } from './encoder.js';
import { gatherFixed } from './fixed-width.js';
import { vectorBytes, type Part } from './rows.js';
import { arrowNulls, isValid, rowValid } from './validity.js';

/** Arrow's 32-bit offsets cap one array's bytes. */
const MAX_BYTES = 0x7fffffff;

/** VARCHAR (`binary` false) or BLOB (`binary` true): DuckDB string_t values copied byte for byte. */
export function stringEncoder(binary: boolean): ColumnEncoder {
  const type = binary ? new Binary() : new Utf8();
  return {
    type,
    encode(parts: readonly Part[], count: number): Data {
      const nulls = arrowNulls(parts, count);
      // string_t: u32 length, then 12 inline bytes (length <= 12) or a 4-byte prefix and a pointer.
      const sources = parts.map((p) => vectorBytes(p.vector, 16, p.rows.span));
      const offsets = new Int32Array(count + 1);
      let total = 0;
      let out = 0;
      parts.forEach(({ rows }, p) => {
        const source = sources[p] as Uint8Array;
        const lengths = new Uint32Array(source.buffer, source.byteOffset, rows.span * 4);
        const mask = nulls.masks[p] ?? null;
        for (let i = 0; i < rows.count; i++) {
          const item = rows.sel === null ? rows.start + i : (rows.sel[i] as number);
          if (isValid(mask, item)) total += lengths[item * 4] as number;
          if (total > MAX_BYTES) throw tooLarge();
          offsets[++out] = total;
        }
      });
      const data = new Uint8Array(total);
      out = 0;
      parts.forEach(({ rows }, p) => {
        const source = sources[p] as Uint8Array;
        for (let i = 0; i < rows.count; i++, out++) {
          const start = offsets[out] as number;
          const length = (offsets[out + 1] as number) - start;
          if (length === 0) continue;
          const at = (rows.sel === null ? rows.start + i : (rows.sel[i] as number)) * 16;
          if (length <= 12) {
            for (let b = 0; b < length; b++) data[start + b] = source[at + 4 + b] as number;
          } else {
            data.set(duckdb.get_data_from_pointer(source.buffer as ArrayBuffer, source.byteOffset + at + 8, length), start);
          }
        }
      });
      return new Data(type, 0, count, nulls.nullCount, [offsets, data, bitmapOf(nulls)]);
    },
  };
}

const HEX = new TextEncoder().encode('0123456789abcdef');
/** Where each of the 32 hex digits of a UUID goes in its 36-character canonical form. */
const UUID_SLOTS = Array.from({ length: 32 }, (_, d) => d + (d >= 8 ? 1 : 0) + (d >= 12 ? 1 : 0) + (d >= 16 ? 1 : 0) + (d >= 20 ? 1 : 0));

/**
 * UUID → Utf8 'xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx' (lowercase, as DuckDB prints it). DuckDB stores a
 * UUID as a 128-bit integer with the top bit flipped (so it sorts as unsigned); undo that and print.
 */
export function uuidEncoder(): ColumnEncoder {
  const type = new Utf8();
  return {
    type,
    encode(parts: readonly Part[], count: number): Data {
      const nulls = arrowNulls(parts, count);
      const words = new Uint32Array(gatherFixed(parts, count, 16).buffer);
      const offsets = new Int32Array(count + 1);
      let total = 0;
      for (let i = 0; i < count; i++) {
        if (rowValid(nulls.nullBitmap, i)) total += 36;
        offsets[i + 1] = total;
      }
      const data = new Uint8Array(total).fill(45); // '-'
      for (let i = 0; i < count; i++) {
        if (!rowValid(nulls.nullBitmap, i)) continue;
        const out = offsets[i] as number;
        // Most significant word first: word 3 (top bit flipped back), then 2, 1, 0.
        for (let w = 0; w < 4; w++) {
          let word = words[i * 4 + 3 - w] as number;
          if (w === 0) word = (word ^ 0x80000000) >>> 0;
          for (let n = 0; n < 8; n++) data[out + (UUID_SLOTS[w * 8 + n] as number)] = HEX[(word >>> (28 - 4 * n)) & 0xf] as number;
        }
      }
      return new Data(type, 0, count, nulls.nullCount, [offsets, data, bitmapOf(nulls)]);
    },
  };
}

/**
 * Types Arrow has no counterpart for (TIMETZ, BIT, BIGNUM, UNION, VARIANT, GEOMETRY): Utf8 holding
 * DuckDB's own text form of each value, so nothing is dropped. Reads value by value; these are rare.
 */
export function textEncoder(duckType: DuckDBType): ColumnEncoder {
  const type = new Utf8();
  const encoder = new TextEncoder();
  return {
    type,
    encode(parts: readonly Part[], count: number): Data {
      const nulls = arrowNulls(parts, count);
      const pieces: Uint8Array[] = [];
      const offsets = new Int32Array(count + 1);
      let total = 0;
      let out = 0;
      for (const { vector, rows } of parts) {
        const values = DuckDBVector.create(vector, rows.span, duckType);
        for (let i = 0; i < rows.count; i++) {
          const value = values.getItem(rows.sel === null ? rows.start + i : (rows.sel[i] as number));
          if (value !== null) {
            const bytes = encoder.encode(String(value));
            pieces.push(bytes);
            total += bytes.byteLength;
            if (total > MAX_BYTES) throw tooLarge();
          }
          offsets[++out] = total;
        }
      }
      const data = new Uint8Array(total);
      let at = 0;
      for (const piece of pieces) {
        data.set(piece, at);
        at += piece.byteLength;
      }
      return new Data(type, 0, count, nulls.nullCount, [offsets, data, bitmapOf(nulls)]);
    },
  };
}

function tooLarge(): IngotError {
  return new IngotError('SQL_ERROR', 'One column of the result holds more than 2 GB of text in a single batch, more than Arrow can carry at once.', {
    hint: 'Select fewer or shorter values (e.g. substr(col, 1, 1000)), or export the result with `ingot sql --format parquet --out FILE`.',
  });
}
