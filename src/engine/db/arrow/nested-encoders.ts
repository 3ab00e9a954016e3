// Encoders for nested types: LIST → List, MAP → Map (DuckDB keeps a map as a list of
// {key, value} structs, as Arrow does), STRUCT → Struct, ARRAY → FixedSizeList. Children are
// converted by their own encoders over the items the parent rows select.
import duckdb from '@duckdb/node-bindings';
import { Data, Field, FixedSizeList, List, Map_, Struct } from 'apache-arrow';
import { IngotError } from '../../../shared/errors.js';
import { bitmapOf, type ColumnEncoder } from './encoder.js';
import { runOf, vectorBytes, type Part, type Rows } from './rows.js';
import { arrowNulls, isValid } from './validity.js';

/** LIST: Arrow offsets from DuckDB's {offset, length} entries; the child reads exactly those items. */
export function listEncoder(child: ColumnEncoder): ColumnEncoder {
  return listLike(new List(new Field('item', child.type, true)), child);
}

/** MAP: a list whose child is the {key, value} entries struct (`entries` encodes that struct). */
export function mapEncoder(entries: ColumnEncoder): ColumnEncoder {
  return listLike(new Map_(new Field('entries', entries.type as Struct, false), false), entries);
}

function listLike(type: List | Map_, child: ColumnEncoder): ColumnEncoder {
  return {
    type,
    encode(parts: readonly Part[], count: number): Data {
      const nulls = arrowNulls(parts, count);
      const offsets = new Int32Array(count + 1);
      const childParts: Part[] = [];
      let total = 0;
      let out = 0;
      parts.forEach(({ vector, rows }, p) => {
        const mask = nulls.masks[p] ?? null;
        const entries = vectorBytes(vector, 16, rows.span);
        const words = new Uint32Array(entries.buffer, entries.byteOffset, rows.span * 4);
        const childSpan = duckdb.list_vector_get_size(vector);
        const first = total;
        // This part's children are one run when its lists sit back to back (the usual case).
        let base = -1;
        let contiguous = true;
        for (let i = 0; i < rows.count; i++) {
          const item = rows.sel === null ? rows.start + i : (rows.sel[i] as number);
          if (isValid(mask, item)) {
            const offset = entryField(words, item, 0);
            const length = entryField(words, item, 2);
            if (offset + length > childSpan) throw corrupt(offset + length, childSpan);
            if (length > 0) {
              if (base < 0) base = offset - (total - first);
              else if (offset !== base + (total - first)) contiguous = false;
              total += length;
            }
          }
          offsets[++out] = total;
        }
        const n = total - first;
        if (n === 0) return;
        let childRows: Rows;
        if (contiguous) {
          childRows = runOf(base, n, childSpan);
        } else {
          const sel = new Uint32Array(n);
          const rowsOut = out - rows.count;
          for (let i = 0; i < rows.count; i++) {
            const from = offsets[rowsOut + i] as number;
            const length = (offsets[rowsOut + i + 1] as number) - from;
            if (length === 0) continue;
            const offset = entryField(words, rows.sel === null ? rows.start + i : (rows.sel[i] as number), 0);
            for (let k = 0; k < length; k++) sel[from - first + k] = offset + k;
          }
          childRows = { count: n, sel, start: 0, span: childSpan };
        }
        childParts.push({ vector: duckdb.list_vector_get_child(vector), rows: childRows });
      });
      const childData = child.encode(childParts, total);
      return new Data(type, 0, count, nulls.nullCount, [offsets, undefined, bitmapOf(nulls)], [childData]);
    },
  };
}

/** Field `at` (0 = offset, 2 = length) of list entry `item`, each a little-endian u64. */
function entryField(words: Uint32Array, item: number, at: number): number {
  return (words[item * 4 + at] as number) + (words[item * 4 + at + 1] as number) * 0x100000000;
}

/** STRUCT: each field's child vector read over the same rows. For MAP entries the key is never NULL. */
export function structEncoder(names: readonly string[], children: readonly ColumnEncoder[], options: { mapEntries?: boolean } = {}): ColumnEncoder {
  const type = new Struct(children.map((c, k) => new Field(names[k] ?? `f${k}`, c.type, !(options.mapEntries && k === 0))));
  return {
    type,
    encode(parts: readonly Part[], count: number): Data {
      const nulls = arrowNulls(parts, count);
      const data = children.map((c, k) =>
        c.encode(
          parts.map((p) => ({ vector: duckdb.struct_vector_get_child(p.vector, k), rows: p.rows })),
          count,
        ),
      );
      return new Data(type, 0, count, nulls.nullCount, [undefined, undefined, bitmapOf(nulls)], data);
    },
  };
}

/** ARRAY(n): the child vector holds n items per row, back to back. */
export function arrayEncoder(child: ColumnEncoder, size: number): ColumnEncoder {
  const type = new FixedSizeList(size, new Field('item', child.type, true));
  return {
    type,
    encode(parts: readonly Part[], count: number): Data {
      const nulls = arrowNulls(parts, count);
      const childParts = parts.map(({ vector, rows }): Part => {
        const childVector = duckdb.array_vector_get_child(vector);
        if (rows.sel === null) return { vector: childVector, rows: runOf(rows.start * size, rows.count * size, rows.span * size) };
        const sel = new Uint32Array(rows.count * size);
        for (let i = 0; i < rows.count; i++) for (let k = 0; k < size; k++) sel[i * size + k] = (rows.sel[i] as number) * size + k;
        return { vector: childVector, rows: { count: rows.count * size, sel, start: 0, span: rows.span * size } };
      });
      const childData = child.encode(childParts, count * size);
      return new Data(type, 0, count, nulls.nullCount, [undefined, undefined, bitmapOf(nulls)], [childData]);
    },
  };
}

function corrupt(end: number, span: number): IngotError {
  return new IngotError('INTERNAL', `A list in the result points past its values (${end} > ${span}); the result cannot be converted.`);
}
