// Finds the records inside a response that already parsed as JSON and cuts them out as
// newline-delimited JSON, so a page goes to the spool as the bytes the API sent instead of being
// serialized again. Follows a path of object keys (the last duplicate key wins, as in
// JSON.parse); indices, wildcards and pretty-printed bodies (raw line breaks) are not cut, and
// the caller serializes those records instead.
import type { RecordsPath } from './records-path.js';

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

function skipWs(b: Uint8Array, i: number): number {
  let c = b[i];
  while (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) c = b[++i];
  return i;
}

/** Past the string starting at `i`: the next quote not escaped by an odd run of backslashes. */
function skipString(b: Uint8Array, i: number): number {
  for (let from = i + 1; ; ) {
    const q = b.indexOf(QUOTE, from);
    if (q < 0) return b.length;
    let slashes = 0;
    while (b[q - 1 - slashes] === BACKSLASH) slashes++;
    if (slashes % 2 === 0) return q + 1;
    from = q + 1;
  }
}

function skipValue(b: Uint8Array, i: number): number {
  const first = b[i];
  if (first === QUOTE) return skipString(b, i);
  if (first !== 0x7b && first !== 0x5b) {
    while (i < b.length && b[i] !== 0x2c && b[i] !== 0x7d && b[i] !== 0x5d && b[i] !== 0x20 && b[i] !== 0x0a && b[i] !== 0x0d && b[i] !== 0x09) i++;
    return i;
  }
  let depth = 0;
  while (i < b.length) {
    const c = b[i];
    if (c === QUOTE) {
      i = skipString(b, i);
      continue;
    }
    if (c === 0x7b || c === 0x5b) depth++;
    else if ((c === 0x7d || c === 0x5d) && --depth === 0) return i + 1;
    i++;
  }
  return i;
}

function sameKey(b: Uint8Array, start: number, end: number, key: Buffer): boolean {
  const raw = b.subarray(start, end);
  if (raw.includes(BACKSLASH)) return (JSON.parse(`"${Buffer.from(raw).toString('utf8')}"`) as string) === key.toString('utf8');
  return key.equals(raw);
}

/** The span of the value of `key` in the object at `i`, or undefined. */
function member(b: Uint8Array, i: number, key: Buffer): { start: number; end: number } | undefined {
  if (b[i] !== 0x7b) return undefined;
  let found: { start: number; end: number } | undefined;
  i = skipWs(b, i + 1);
  while (b[i] === QUOTE) {
    const keyEnd = skipString(b, i);
    const matches = sameKey(b, i + 1, keyEnd - 1, key);
    i = skipWs(b, skipWs(b, keyEnd) + 1);
    const end = skipValue(b, i);
    if (matches) found = { start: i, end };
    i = skipWs(b, end);
    if (b[i] !== 0x2c) break;
    i = skipWs(b, i + 1);
  }
  return found;
}

/** The bytes between the brackets of the records array `path` points at, or undefined. */
export function recordsSpan(body: Uint8Array, path: RecordsPath): { start: number; end: number } | undefined {
  let at = { start: skipWs(body, 0), end: body.length };
  for (const step of path.steps) {
    if (!('key' in step)) return undefined;
    const next = member(body, at.start, Buffer.from(step.key));
    if (!next) return undefined;
    at = next;
  }
  if (body[at.start] !== 0x5b) return undefined;
  let end = at.end - 1;
  while (end > at.start && body[end] !== 0x5d) end--;
  return { start: at.start + 1, end };
}

/** The records of `body` at `path` as NDJSON bytes (one record per line), or undefined. */
export function recordLines(body: Buffer, path: RecordsPath, count: number): Buffer | undefined {
  const span = recordsSpan(body, path);
  if (!span) return undefined;
  const inner = body.subarray(span.start, span.end);
  if (inner.includes(0x0a) || inner.includes(0x0d)) return undefined;
  const out = Buffer.allocUnsafe(inner.length + count);
  let size = 0;
  let seen = 0;
  let i = skipWs(inner, 0);
  while (i < inner.length) {
    const end = skipValue(inner, i);
    size += inner.copy(out, size, i, end);
    out[size++] = 0x0a;
    seen++;
    i = skipWs(inner, end);
    if (inner[i] !== 0x2c) break;
    i = skipWs(inner, i + 1);
  }
  return seen === count ? out.subarray(0, size) : undefined;
}
