// Null masks. DuckDB keeps validity as 64-bit words with bit i set when item i is valid; read
// byte-wise on a little-endian machine that is exactly Arrow's LSB-first validity bitmap, so a
// byte-aligned run is a plain copy and only selections need bit gathering.
import duckdb from '@duckdb/node-bindings';
import type { Part } from './rows.js';

/** DuckDB's validity bytes of a vector, or null when every item is valid. */
export function validityMask(vector: duckdb.Vector, span: number): Uint8Array | null {
  if (span === 0) return null;
  const mask = duckdb.vector_get_validity(vector, Math.ceil(span / 64) * 8);
  return mask && mask.byteLength > 0 ? mask : null;
}

/** Whether item `item` is valid under `mask` (null = all valid). */
export function isValid(mask: Uint8Array | null, item: number): boolean {
  return mask === null || (((mask[item >> 3] as number) >> (item & 7)) & 1) === 1;
}

export interface ArrowNulls {
  /** Arrow validity bitmap of all rows, or undefined when no row is null. */
  nullBitmap: Uint8Array | undefined;
  nullCount: number;
  /** Each part's DuckDB mask (null = all valid), for encoders that must skip NULL items. */
  masks: (Uint8Array | null)[];
}

/** The Arrow validity bitmap and null count of `parts` (`count` rows in all). */
export function arrowNulls(parts: readonly Part[], count: number): ArrowNulls {
  const masks = parts.map((p) => validityMask(p.vector, p.rows.span));
  if (masks.every((m) => m === null) || count === 0) return { nullBitmap: undefined, nullCount: 0, masks };
  const bitmap = new Uint8Array(Math.ceil(count / 64) * 8);
  let out = 0;
  parts.forEach((part, p) => {
    const mask = masks[p] ?? null;
    const { sel, start, count: n } = part.rows;
    if (mask === null) {
      setRun(bitmap, out, n);
    } else if (sel === null && (start & 7) === 0 && (out & 7) === 0) {
      bitmap.set(mask.subarray(start >> 3, (start >> 3) + Math.ceil(n / 8)), out >> 3);
      const tail = n & 7;
      if (tail !== 0) bitmap[(out + n) >> 3] = (bitmap[(out + n) >> 3] as number) & ((1 << tail) - 1);
    } else {
      for (let i = 0; i < n; i++) {
        const item = sel === null ? start + i : (sel[i] as number);
        const o = out + i;
        if (((mask[item >> 3] as number) >> (item & 7)) & 1) bitmap[o >> 3] = (bitmap[o >> 3] as number) | (1 << (o & 7));
      }
    }
    out += n;
  });
  const nullCount = count - countSetBits(bitmap);
  return nullCount === 0 ? { nullBitmap: undefined, nullCount: 0, masks } : { nullBitmap: bitmap, nullCount, masks };
}

/** Whether Arrow row `i` is valid in a bitmap from `arrowNulls`. */
export function rowValid(nullBitmap: Uint8Array | undefined, i: number): boolean {
  return nullBitmap === undefined || (((nullBitmap[i >> 3] as number) >> (i & 7)) & 1) === 1;
}

function setRun(bitmap: Uint8Array, from: number, n: number): void {
  let i = from;
  const end = from + n;
  for (; i < end && (i & 7) !== 0; i++) bitmap[i >> 3] = (bitmap[i >> 3] as number) | (1 << (i & 7));
  for (; i + 8 <= end; i += 8) bitmap[i >> 3] = 0xff;
  for (; i < end; i++) bitmap[i >> 3] = (bitmap[i >> 3] as number) | (1 << (i & 7));
}

const BITS_IN_BYTE = new Uint8Array(256).map((_, b) => {
  let n = 0;
  for (let v = b; v !== 0; v >>= 1) n += v & 1;
  return n;
});

function countSetBits(bytes: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < bytes.length; i++) n += BITS_IN_BYTE[bytes[i] as number] as number;
  return n;
}
