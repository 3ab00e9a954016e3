// A copy of a UTF-8 file without its byte-order mark, under the workspace's cache folder, for a
// reader that refuses one (DuckDB's newline-delimited JSON; Excel and many Windows tools write
// it). Only the mark's 3 bytes go, so every line keeps its number: rejects, errors, lineage and
// the batch ledger still name the user's file, whose bytes are what ingest hashes and counts.
// A preview, which reads only the first rows, copies only the file's start (whole lines).
import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, rm, type FileHandle } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { IngotError } from '../../../shared/errors.js';
import type { RecordScanner } from './record-scanner.js';

/** The UTF-8 byte-order mark, EF BB BF. */
export const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** How much of a file a preview copies: its first rows lie well within it. */
export const PREVIEW_COPY_BYTES = 8 * 1024 * 1024;

const LF = 10;

export interface CopyWithoutBom {
  /** The copy DuckDB reads. */
  path: string;
  /** Whether the copy holds only the file's first lines (`maxBytes` cut it short). */
  partial: boolean;
  /** Removes the copy; safe to call more than once. */
  dispose(): Promise<void>;
}

/**
 * Copies `path` (which starts with a UTF-8 byte-order mark) to `cacheDir` without the mark: all of
 * it, or with `maxBytes` (for a preview) its lines that end within that many bytes; when the first
 * line alone is longer, that line.
 */
export async function copyWithoutBom(path: string, displayName: string, cacheDir: string, signal?: AbortSignal, maxBytes?: number): Promise<CopyWithoutBom> {
  await mkdir(cacheDir, { recursive: true });
  const copyPath = join(cacheDir, `bomless-${randomUUID()}${extname(path)}`);
  const dispose = (): Promise<void> => rm(copyPath, { force: true });
  let partial = false;
  try {
    if (maxBytes === undefined) await pipeline(createReadStream(path, { start: UTF8_BOM.length }), createWriteStream(copyPath), signal ? { signal } : {});
    else partial = await copyLines(path, copyPath, maxBytes, signal);
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
  return { path: copyPath, partial, dispose };
}

/** Whether the file ends at byte `position`. */
async function atEnd(file: FileHandle, position: number): Promise<boolean> {
  const { bytesRead } = await file.read(Buffer.alloc(1), 0, 1, position);
  return bytesRead === 0;
}

/**
 * Copies the lines of `path` past its mark that end within `maxBytes` bytes (at least the first
 * line) to `copyPath`; returns whether the rest of the file was left out.
 */
async function copyLines(path: string, copyPath: string, maxBytes: number, signal?: AbortSignal): Promise<boolean> {
  const input = await open(path, 'r');
  try {
    const output = await open(copyPath, 'w');
    try {
      const buffer = Buffer.alloc(1 << 20);
      let written = 0;
      /** Length of the copy up to its last complete line; -1 while it holds none. */
      let wholeLines = -1;
      for (;;) {
        signal?.throwIfAborted();
        // Within the limit: read up to it. Past it without a whole line: read on to the first line end.
        const room = written < maxBytes ? Math.min(buffer.length, maxBytes - written) : buffer.length;
        const { bytesRead } = await input.read(buffer, 0, room, UTF8_BOM.length + written);
        if (bytesRead === 0) return false;
        const chunk = buffer.subarray(0, bytesRead);
        if (written >= maxBytes) {
          const end = chunk.indexOf(LF);
          await output.write(chunk, 0, end === -1 ? chunk.length : end + 1);
          written += end === -1 ? chunk.length : end + 1;
          if (end !== -1) return !(await atEnd(input, UTF8_BOM.length + written));
          continue;
        }
        await output.write(chunk);
        const end = chunk.lastIndexOf(LF);
        if (end !== -1) wholeLines = written + end + 1;
        written += chunk.length;
        if (written < maxBytes) continue;
        // At the limit: is there more? If so, cut the copy after its last complete line.
        if (await atEnd(input, UTF8_BOM.length + written)) return false;
        if (wholeLines >= 0) {
          await output.truncate(wholeLines);
          return true;
        }
      }
    } finally {
      await output.close();
    }
  } finally {
    await input.close();
  }
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
