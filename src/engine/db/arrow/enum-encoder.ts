// ENUM → Arrow Dictionary<Utf8>: the enum's members become the dictionary (written once per
// result), the stored member indexes become the dictionary indices.
import { Data, Dictionary, Int16, Int8, Int32, Utf8, vectorFromArray, type Vector } from 'apache-arrow';
import { bitmapOf, type ColumnEncoder, type EncoderContext } from './encoder.js';
import { gatherFixed } from './fixed-width.js';
import type { Part } from './rows.js';
import { arrowNulls, rowValid } from './validity.js';

/**
 * `members` are the enum's values in order; `width` is DuckDB's index size (1, 2 or 4 bytes,
 * unsigned). Arrow prefers signed indices, so the narrowest signed type that fits is used.
 */
export function enumEncoder(members: readonly string[], width: number, context: EncoderContext): ColumnEncoder {
  const indexType = members.length <= 0x80 ? new Int8() : members.length <= 0x8000 ? new Int16() : new Int32();
  const type = new Dictionary(new Utf8(), indexType, context.dictionaryId());
  const dictionary: Vector<Utf8> = vectorFromArray([...members], new Utf8());
  return {
    type,
    encode(parts: readonly Part[], count: number): Data {
      const nulls = arrowNulls(parts, count);
      const raw = gatherFixed(parts, count, width);
      const stored = width === 1 ? raw : width === 2 ? new Uint16Array(raw.buffer) : new Uint32Array(raw.buffer);
      const indices = indexType instanceof Int8 ? new Int8Array(count) : indexType instanceof Int16 ? new Int16Array(count) : new Int32Array(count);
      indices.set(stored);
      // Slots under NULL hold whatever DuckDB left there; keep them inside the dictionary.
      if (nulls.nullBitmap) for (let i = 0; i < count; i++) if (!rowValid(nulls.nullBitmap, i)) indices[i] = 0;
      return new Data(type, 0, count, nulls.nullCount, [undefined, indices, bitmapOf(nulls)], [], dictionary);
    },
  };
}
