// The shape every DuckDB-to-Arrow column converter has, and the helper that wraps a
// fixed-width buffer plus nulls into Arrow data.
import { Data, type DataType } from 'apache-arrow';
import type { Part } from './rows.js';
import type { ArrowNulls } from './validity.js';

/** Converts one DuckDB column (of one type) to Arrow, a record batch at a time. */
export interface ColumnEncoder {
  /** The Arrow type every batch of this column gets. */
  readonly type: DataType;
  /** Converts the selected items of `parts` (`count` rows in all) to one Arrow array. */
  encode(parts: readonly Part[], count: number): Data;
}

/** Hands out dictionary ids, unique within one result's schema. */
export class EncoderContext {
  private nextId = 0;

  dictionaryId(): number {
    return this.nextId++;
  }
}

/** Arrow data for a fixed-width type from its value buffer (reinterpreted as the type's array). */
export function flatData(type: DataType, length: number, nulls: ArrowNulls, bytes: Uint8Array): Data {
  const ArrayType = type.ArrayType as { new (buffer: ArrayBufferLike, byteOffset: number, length: number): ArrayBufferView; BYTES_PER_ELEMENT: number };
  const values = new ArrayType(bytes.buffer, bytes.byteOffset, bytes.byteLength / ArrayType.BYTES_PER_ELEMENT);
  return new Data(type, 0, length, nulls.nullCount, [undefined, values, bitmapOf(nulls)]);
}

/** The validity buffer Arrow expects: empty when nothing is null. */
export function bitmapOf(nulls: ArrowNulls): Uint8Array {
  return nulls.nullBitmap ?? new Uint8Array(0);
}
