// A copy of a UTF-8 file without its byte-order mark, under the workspace's cache folder, for a
// reader that refuses one (DuckDB's newline-delimited JSON; Excel and many Windows tools write
// it). Only the mark's 3 bytes go, so every line keeps its number: rejects, errors, lineage and
// the batch ledger still name the user's file, whose bytes are what ingest hashes and counts.
import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { IngotError } from '../../../shared/errors.js';
import type { RecordScanner } from './record-scanner.js';

/** The UTF-8 byte-order mark, EF BB BF. */
export const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

export interface CopyWithoutBom {
  /** The copy DuckDB reads. */
  path: string;
  /** Removes the copy; safe to call more than once. */
  dispose(): Promise<void>;
}

/** Copies `path` (which starts with a UTF-8 byte-order mark) to `cacheDir` without the mark. */
export async function copyWithoutBom(path: string, displayName: string, cacheDir: string, signal?: AbortSignal): Promise<CopyWithoutBom> {
  await mkdir(cacheDir, { recursive: true });
  const copyPath = join(cacheDir, `bomless-${randomUUID()}${extname(path)}`);
  const dispose = (): Promise<void> => rm(copyPath, { force: true });
  try {
    await pipeline(createReadStream(path, { start: UTF8_BOM.length }), createWriteStream(copyPath), signal ? { signal } : {});
  } catch (err) {
    await dispose();
    if (signal?.aborted) throw new IngotError('CANCELLED', 'The load was cancelled; nothing it did was kept.', { cause: err });
    const reason = err instanceof Error ? err.message : String(err);
    throw new IngotError('INGEST_FAILED', `Cannot read ${displayName}: it starts with a byte-order mark (BOM), and copying it without one to ${cacheDir} failed: ${reason}`, {
      hint: 'Check free disk space and that the workspace folder .ingot/cache is writable, then ingest again (or save the file as UTF-8 without a BOM).',
      detail: { file: displayName },
      cause: err,
    });
  }
  return { path: copyPath, dispose };
}

/**
 * Counts the records of the user's file as DuckDB reads its copy: the mark is not scanned, so a
 * first line holding only the mark is blank in both.
 */
export function skippingBom(scanner: RecordScanner): RecordScanner {
  let toSkip = UTF8_BOM.length;
  return {
    buffer: scanner.buffer,
    update(chunk) {
      const skipped = Math.min(toSkip, chunk.byteLength);
      toSkip -= skipped;
      if (chunk.byteLength > skipped) scanner.update(skipped === 0 ? chunk : chunk.subarray(skipped));
    },
    finish: () => scanner.finish(),
    endsInsideQuote: () => scanner.endsInsideQuote(),
  };
}
