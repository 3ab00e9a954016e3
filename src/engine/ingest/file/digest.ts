// Reads a file once to compute its content hash and, when the format can, count its records on
// the same bytes. Ingest runs this alongside DuckDB's load, so the ledger's hash and the
// independent record count cost little more than the read itself: the bytes are read straight
// into the record scanner's memory, and the hash is BLAKE3 (native, SIMD; about a third of what
// SHA-256 cost per byte here).
import { Blake3Hasher } from '@napi-rs/blake-hash';
import { createHash } from 'node:crypto';
import { open, stat } from 'node:fs/promises';
import { IngotError } from '../../../shared/errors.js';
import { SCAN_CHUNK_BYTES, type RecordScanner } from './record-scanner.js';

/**
 * How a content hash was made; the ledger stores it as a prefix (`blake3:…`). Batches loaded
 * before Ingot hashed with BLAKE3 hold `sha256:` hashes: a file of the same size is hashed both
 * ways, so content loaded then is still recognised.
 */
export type HashAlgorithm = 'blake3' | 'sha256';

/** The algorithm of every new content hash. */
export const CONTENT_HASH: HashAlgorithm = 'blake3';

export interface FileStamp {
  sizeBytes: number;
  modifiedMs: number;
}

export interface FileDigest {
  /** The hash of the first algorithm asked for (by default CONTENT_HASH). */
  contentHash: string;
  /** One hash per algorithm asked for, in that order. */
  hashes: string[];
  /** Records the scanner counted, or null without a scanner. */
  records: number | null;
  /** The scan ended inside a quoted value: a quote opens somewhere and never closes. */
  endsInsideQuote: boolean;
  bytesRead: number;
}

interface Hasher {
  update(bytes: Uint8Array): void;
  digest(): string;
}

function hasher(algorithm: HashAlgorithm): Hasher {
  if (algorithm === 'blake3') {
    const h = new Blake3Hasher();
    return { update: (bytes) => void h.update(bytes), digest: () => `blake3:${h.digest('hex')}` };
  }
  const h = createHash('sha256');
  return { update: (bytes) => void h.update(bytes), digest: () => `sha256:${h.digest('hex')}` };
}

/** The algorithm a stored content hash was made with, or null for one Ingot does not make. */
export function hashAlgorithmOf(contentHash: string): HashAlgorithm | null {
  const prefix = contentHash.slice(0, contentHash.indexOf(':'));
  return prefix === 'blake3' || prefix === 'sha256' ? prefix : null;
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

const cancelled = (cause?: unknown): IngotError => new IngotError('CANCELLED', 'The load was cancelled; nothing it did was kept.', cause === undefined ? {} : { cause });

/** Hashes (and optionally scans) the file; rejects with CANCELLED when `signal` aborts. */
export async function digestFile(
  path: string,
  options: { scanner?: RecordScanner; signal?: AbortSignal; algorithms?: readonly HashAlgorithm[] } = {},
): Promise<FileDigest> {
  const { scanner, signal } = options;
  const hashers = (options.algorithms ?? [CONTENT_HASH]).map(hasher);
  const buffer = scanner?.buffer ?? new Uint8Array(SCAN_CHUNK_BYTES);
  let bytesRead = 0;
  try {
    const file = await open(path, 'r');
    try {
      for (;;) {
        if (signal?.aborted) throw cancelled();
        const { bytesRead: n } = await file.read(buffer, 0, buffer.byteLength, null);
        if (n === 0) break;
        const chunk = buffer.subarray(0, n);
        for (const h of hashers) h.update(chunk);
        scanner?.update(chunk);
        bytesRead += n;
      }
    } finally {
      await file.close();
    }
  } catch (err) {
    if (err instanceof IngotError) throw err;
    if (signal?.aborted) throw cancelled(err);
    throw new IngotError('INGEST_FAILED', `Cannot read ${path}: ${(err as Error).message}`, {
      hint: 'Check that the file is readable and not being replaced while it loads.',
      detail: { file: path },
      cause: err,
    });
  }
  const hashes = hashers.map((h) => h.digest());
  return {
    contentHash: hashes[0] as string,
    hashes,
    records: scanner ? scanner.finish() : null,
    endsInsideQuote: scanner?.endsInsideQuote() ?? false,
    bytesRead,
  };
}
