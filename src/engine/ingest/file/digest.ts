// Reads a file once to compute its content hash (SHA-256) and, when the format can, count its
// records on the same bytes. Ingest runs this alongside DuckDB's load, so the ledger's hash and
// the independent record count cost little more than the read itself.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { IngotError } from '../../../shared/errors.js';
import type { RecordScanner } from './record-scanner.js';

export interface FileStamp {
  sizeBytes: number;
  modifiedMs: number;
}

export interface FileDigest {
  contentHash: string;
  /** Records the scanner counted, or null without a scanner. */
  records: number | null;
  /** The scan ended inside a quoted value: a quote opens somewhere and never closes. */
  endsInsideQuote: boolean;
  bytesRead: number;
}

/** Size and modification time, to notice a file that changes while it loads. */
export async function stampFile(path: string, displayName: string): Promise<FileStamp> {
  try {
    const s = await stat(path);
    return { sizeBytes: s.size, modifiedMs: s.mtimeMs };
  } catch (err) {
    throw new IngotError('NOT_FOUND', `Cannot read ${displayName}: ${(err as Error).message}`, {
      hint: 'Check that the file exists and is readable; paths in a source are relative to the workspace folder.',
      detail: { file: displayName },
      cause: err,
    });
  }
}

/** Hashes (and optionally scans) the file; rejects with CANCELLED when `signal` aborts. */
export async function digestFile(path: string, options: { scanner?: RecordScanner; signal?: AbortSignal } = {}): Promise<FileDigest> {
  const hash = createHash('sha256');
  let bytesRead = 0;
  const stream = createReadStream(path, { highWaterMark: 1 << 20, ...(options.signal ? { signal: options.signal } : {}) });
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      hash.update(chunk);
      options.scanner?.update(chunk);
      bytesRead += chunk.length;
    }
  } catch (err) {
    if (options.signal?.aborted) throw new IngotError('CANCELLED', 'The load was cancelled; nothing it did was kept.', { cause: err });
    throw new IngotError('INGEST_FAILED', `Cannot read ${path}: ${(err as Error).message}`, {
      hint: 'Check that the file is readable and not being replaced while it loads.',
      detail: { file: path },
      cause: err,
    });
  }
  const records = options.scanner ? options.scanner.finish() : null;
  return { contentHash: `sha256:${hash.digest('hex')}`, records, endsInsideQuote: options.scanner?.endsInsideQuote() ?? false, bytesRead };
}
