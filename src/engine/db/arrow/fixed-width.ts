// Fixed-width values (integers, floats, dates, times, timestamps, 128-bit integers) share their
// byte layout between DuckDB and Arrow, so converting them is a copy of the selected items.
import { vectorBytes, type Part } from './rows.js';

/** Copies the selected items of `parts` (`width`-byte values, `count` in all) into one fresh buffer. */
export function gatherFixed(parts: readonly Part[], count: number, width: number): Uint8Array {
  const out = new Uint8Array(count * width);
  let at = 0;
  for (const { vector, rows } of parts) {
    const source = vectorBytes(vector, width, rows.span);
    if (rows.sel === null) {
      out.set(source.subarray(rows.start * width, (rows.start + rows.count) * width), at * width);
    } else {
      gatherSelected(source, rows.sel, rows.count, rows.span, width, out, at);
    }
    at += rows.count;
  }
  return out;
}

function gatherSelected(source: Uint8Array, sel: Uint32Array, n: number, span: number, width: number, out: Uint8Array, at: number): void {
  if (width === 1) {
    for (let i = 0; i < n; i++) out[at + i] = source[sel[i] as number] as number;
    return;
  }
  const src = aligned(source);
  if (width === 2) {
    const from = new Uint16Array(src.buffer, 0, span);
    const to = new Uint16Array(out.buffer);
    for (let i = 0; i < n; i++) to[at + i] = from[sel[i] as number] as number;
    return;
  }
  const words = width / 4;
  const from = new Uint32Array(src.buffer, 0, span * words);
  const to = new Uint32Array(out.buffer);
  for (let i = 0; i < n; i++) {
    const f = (sel[i] as number) * words;
    const t = (at + i) * words;
    for (let w = 0; w < words; w++) to[t + w] = from[f + w] as number;
  }
}

/** A view starting at byte 0 of its own buffer, so typed views over it line up. */
function aligned(bytes: Uint8Array): Uint8Array {
  return bytes.byteOffset === 0 && bytes.buffer instanceof ArrayBuffer ? bytes : bytes.slice();
}
