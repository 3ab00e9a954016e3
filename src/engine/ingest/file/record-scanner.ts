// Counts the records of a delimited text file from its raw bytes, independently of DuckDB's
// sniffer and type inference, so a load can prove records = rows loaded + rows rejected. The scan
// itself is WebAssembly (record-scan/scan.as.ts: SIMD over 16 bytes at a time, the quote state
// machine only at newlines and quotes); this module feeds it the chunks the content hash reads.

import { RECORD_SCAN_WASM } from './record-scan/scan-wasm.js';

export interface RecordScanConfig {
  /** Byte that ends a record (\n, or \r for old Mac files). */
  newline: number;
  /** Quote byte, or -1 when fields are never quoted. */
  quote: number;
  /** Last byte of the field delimiter: a quote opens a value only at the start of a field. */
  delimiter: number;
  /** Escape byte inside quotes, or -1; equal to `quote` for the doubled-quote convention. */
  escape: number;
  /** Comment byte: lines starting with it are not records; -1 for none. */
  comment: number;
  /** Physical lines to skip before the header. */
  skipLines: number;
  /** Header records to subtract. */
  headerRecords: number;
  /** Empty lines are records only in single-column files (DuckDB reads them as NULL). */
  blankLinesAreRecords: boolean;
}

export interface RecordScanner {
  /** Where to read the next chunk: `update` with a prefix of it scans in place, without a copy. */
  readonly buffer: Uint8Array;
  update(chunk: Uint8Array): void;
  /** Data records seen; call after the last chunk. */
  finish(): number;
  /** Whether the bytes so far end inside a quoted value (a quote that never closes). */
  endsInsideQuote(): boolean;
}

interface ScanExports {
  memory: WebAssembly.Memory;
  init(newline: number, quote: number, delimiter: number, escape: number, comment: number, skipLines: number, blankLines: number, size: number): number;
  scan(length: number): void;
  finish(): number;
  endsInsideQuote(): number;
}

/** Bytes scanned per call: the chunk size of the content hash's reads. */
export const SCAN_CHUNK_BYTES = 1 << 20;

let compiled: WebAssembly.Module | undefined;

/** A scanner for one file (its own WebAssembly instance: the state lives in its globals). */
export function createRecordScanner(config: RecordScanConfig): RecordScanner {
  compiled ??= new WebAssembly.Module(Buffer.from(RECORD_SCAN_WASM, 'base64'));
  const scan = new WebAssembly.Instance(compiled, {}).exports as unknown as ScanExports;
  const byte = (b: number): number => (b >= 0 && b <= 255 ? b : -1);
  const start = scan.init(
    byte(config.newline),
    byte(config.quote),
    byte(config.delimiter),
    byte(config.escape),
    byte(config.comment),
    Math.max(0, config.skipLines),
    config.blankLinesAreRecords ? 1 : 0,
    SCAN_CHUNK_BYTES,
  );
  const buffer = new Uint8Array(scan.memory.buffer, start, SCAN_CHUNK_BYTES);
  return {
    buffer,
    update: (chunk) => {
      if (chunk.buffer === buffer.buffer && chunk.byteOffset === buffer.byteOffset) {
        scan.scan(Math.min(chunk.byteLength, SCAN_CHUNK_BYTES));
        return;
      }
      for (let offset = 0; offset < chunk.byteLength; offset += SCAN_CHUNK_BYTES) {
        const part = chunk.subarray(offset, offset + SCAN_CHUNK_BYTES);
        buffer.set(part);
        scan.scan(part.byteLength);
      }
    },
    finish: () => Math.max(0, scan.finish() - config.headerRecords),
    endsInsideQuote: () => scan.endsInsideQuote() !== 0,
  };
}
