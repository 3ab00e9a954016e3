// The WebAssembly record scan against a plain byte-by-byte statement of the same rules, on
// seeded random text with quotes, escapes, spaces, comments and blank lines, fed in random chunk
// sizes; and the committed WebAssembly against a fresh compile of its AssemblyScript source.
import { describe, expect, it } from 'vitest';
import { compileRecordScan, moduleText } from '../../../scripts/build-wasm.js';
import { RECORD_SCAN_WASM } from '../../../src/engine/ingest/file/record-scan/scan-wasm.js';
import { createRecordScanner, SCAN_CHUNK_BYTES, type RecordScanConfig } from '../../../src/engine/ingest/file/record-scanner.js';

const CSV: RecordScanConfig = { newline: 10, quote: 34, delimiter: 44, escape: 34, comment: -1, skipLines: 0, headerRecords: 1, blankLinesAreRecords: false };

/** The rules, one byte at a time. */
function reference(bytes: Uint8Array, c: RecordScanConfig): { records: number; insideQuote: boolean } {
  const escape = c.escape === c.quote ? -1 : c.escape;
  let records = 0;
  let skip = c.skipLines;
  let inQuotes = false;
  let lineStart = 0;
  let closedAt = -2;
  const commentAt = (i: number): boolean => c.comment >= 0 && skip === 0 && bytes[i] === c.comment;
  let isComment = commentAt(0);
  const endLine = (end: number): void => {
    const length = end - lineStart;
    if (skip > 0) skip--;
    else if (!isComment && (length > 1 || (length === 1 && bytes[end - 1] !== 13) || c.blankLinesAreRecords)) records++;
  };
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (inQuotes) {
      if (b === c.quote && !(escape >= 0 && bytes[i - 1] === escape)) {
        inQuotes = false;
        closedAt = i;
      }
    } else if (b === c.newline) {
      endLine(i);
      lineStart = i + 1;
      isComment = commentAt(i + 1);
    } else if (b === c.quote && skip === 0 && !isComment) {
      let j = i - 1;
      while (j >= 0 && bytes[j] === 32) j--;
      if (i === closedAt + 1 || j < 0 || bytes[j] === c.newline || bytes[j] === c.delimiter) inQuotes = true;
    }
  }
  if (bytes.length > lineStart) endLine(bytes.length);
  return { records: Math.max(0, records - c.headerRecords), insideQuote: inQuotes };
}

/** A deterministic pseudo-random generator (mulberry32). */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function text(next: () => number, length: number, alphabet: string): Uint8Array {
  const out = new Uint8Array(length);
  for (let i = 0; i < length; i++) out[i] = alphabet.charCodeAt(Math.floor(next() * alphabet.length));
  return out;
}

function scan(bytes: Uint8Array, config: RecordScanConfig, chunkSizes: () => number): { records: number; insideQuote: boolean } {
  const scanner = createRecordScanner(config);
  for (let i = 0; i < bytes.length; ) {
    const size = chunkSizes();
    scanner.update(bytes.subarray(i, i + size));
    i += size;
  }
  return { records: scanner.finish(), insideQuote: scanner.endsInsideQuote() };
}

const configs: Record<string, RecordScanConfig> = {
  csv: CSV,
  'backslash escape': { ...CSV, escape: 92 },
  'comments and skipped lines': { ...CSV, comment: 35, skipLines: 2 },
  'old-Mac newlines': { ...CSV, newline: 13 },
  'blank lines are records': { ...CSV, blankLinesAreRecords: true, headerRecords: 0 },
  'no quotes, tab-separated': { ...CSV, quote: -1, delimiter: 9 },
};

describe('WebAssembly record scan', () => {
  for (const [name, config] of Object.entries(configs)) {
    it(`matches the byte-by-byte rules at any chunking: ${name}`, () => {
      const next = random(name.length * 7919);
      for (let round = 0; round < 300; round++) {
        // Mostly plain text with the bytes that matter sprinkled in, so long runs and dense runs both occur.
        const alphabet = round % 3 === 0 ? 'ab,"\n \r\\#\t' : 'abcdefgh,,,"\n   abcdefgh\r\\#\t';
        const bytes = text(next, 1 + Math.floor(next() * 400), alphabet);
        const expected = reference(bytes, config);
        expect(scan(bytes, config, () => bytes.length)).toEqual(expected);
        expect(scan(bytes, config, () => 1 + Math.floor(next() * 40))).toEqual(expected);
      }
    });
  }

  it('splits input larger than its buffer and counts the same as in buffer-sized reads', () => {
    const next = random(42);
    const bytes = text(next, SCAN_CHUNK_BYTES * 2 + 12345, 'abcdefgh,,"\n  \r');
    const expected = reference(bytes, CSV);
    expect(scan(bytes, CSV, () => bytes.length)).toEqual(expected);
    const scanner = createRecordScanner(CSV);
    for (let i = 0; i < bytes.length; i += SCAN_CHUNK_BYTES) {
      const part = bytes.subarray(i, i + SCAN_CHUNK_BYTES);
      scanner.buffer.set(part);
      scanner.update(scanner.buffer.subarray(0, part.length));
    }
    expect({ records: scanner.finish(), insideQuote: scanner.endsInsideQuote() }).toEqual(expected);
  });

  it('is the compiled form of its AssemblyScript source (npm run build:wasm)', async () => {
    const wasm = await compileRecordScan();
    expect(moduleText(wasm)).toContain(`'${RECORD_SCAN_WASM}'`);
  }, 30_000);
});
