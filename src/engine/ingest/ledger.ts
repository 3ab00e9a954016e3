// The batch ledger in _ingot: what each load read (files, sizes, content hashes), what it
// counted, loaded and rejected, its drift and its outcome. Batches whose rows are in bronze have
// status 'loaded'; a --replace marks the ones it swapped out 'replaced'.
import { toErrorData } from '../../shared/errors.js';
import type { ColumnInfo, SqlConnection } from '../db/connection.js';
import type { PresentFile } from './land-context.js';
import type { BatchFile, DriftChange } from './types.js';

export type BatchStatus = 'loaded' | 'replaced' | 'failed' | 'cancelled';

export interface BatchRecord {
  batchId: number;
  source: string;
  kind: string;
  location: string;
  status: BatchStatus;
  replace: boolean;
  files: BatchFile[];
  recordsCounted: number | null;
  rowsLoaded: number;
  rowsRejected: number;
  drift: DriftChange[];
  columns: ColumnInfo[];
  message: string;
  error?: unknown;
  startedAt: Date;
  finishedAt: Date;
}

/** A fresh batch id (taken outside the load's transaction so failures keep theirs). */
export async function nextBatchId(conn: SqlConnection): Promise<number> {
  const row = await conn.one<{ id: number }>(`SELECT nextval('_ingot.batch_seq')::BIGINT AS id`);
  return Number(row?.id);
}

/** Files whose rows are in bronze for `source`. */
export async function presentFiles(conn: SqlConnection, source: string): Promise<PresentFile[]> {
  return conn.all<{ path: string; sizeBytes: number; contentHash: string }>(
    `SELECT f.path, f.size_bytes AS "sizeBytes", f.content_hash AS "contentHash"
     FROM _ingot.batch_files f JOIN _ingot.batches b USING (batch_id)
     WHERE b.source = ? AND b.status = 'loaded'`,
    [source],
  );
}

/** The date and timestamp formats a source's files in bronze were read with: the earliest batch's (undefined: none recorded). */
export interface ReadDateFormats {
  date?: string;
  timestamp?: string;
}

/** The formats the earliest loaded files of `source` were read with, which its later files keep. */
export async function readDateFormats(conn: SqlConnection, source: string): Promise<ReadDateFormats> {
  const row = await conn.one<{ date: string | null; timestamp: string | null }>(
    `SELECT arg_min(f.date_format, f.batch_id) FILTER (WHERE f.date_format IS NOT NULL) AS date,
            arg_min(f.timestamp_format, f.batch_id) FILTER (WHERE f.timestamp_format IS NOT NULL) AS timestamp
     FROM _ingot.batch_files f JOIN _ingot.batches b USING (batch_id)
     WHERE b.source = ? AND b.status = 'loaded'`,
    [source],
  );
  return { ...(row?.date ? { date: row.date } : {}), ...(row?.timestamp ? { timestamp: row.timestamp } : {}) };
}

/** The newest batch of `source` whose rows are in bronze, with its content hash (null when it has none). */
export async function lastLoadedBatch(conn: SqlConnection, source: string): Promise<{ batchId: number; contentHash: string | null } | null> {
  const row = await conn.one<{ batchId: number; contentHash: string | null }>(
    `SELECT batch_id AS "batchId", content_hash AS "contentHash" FROM _ingot.batches WHERE source = ? AND status = 'loaded' ORDER BY batch_id DESC LIMIT 1`,
    [source],
  );
  return row ? { batchId: Number(row.batchId), contentHash: row.contentHash } : null;
}

/** The combined hash of a batch: its files' hashes in path order. */
function batchHash(files: readonly BatchFile[]): string | null {
  if (files.length === 0) return null;
  if (files.length === 1) return files[0]?.contentHash ?? null;
  return [...files].sort((a, b) => a.path.localeCompare(b.path)).map((f) => f.contentHash).join(',');
}

/** Records the batch and its files; files in `unnumbered` (path → line offset) await their row numbers. */
export async function recordBatch(conn: SqlConnection, batch: BatchRecord, unnumbered: ReadonlyMap<string, number | null> = new Map()): Promise<void> {
  const size = batch.files.reduce((n, f) => n + f.sizeBytes, 0);
  await conn.run(
    `INSERT INTO _ingot.batches (batch_id, source, kind, location, status, replace, file_count, size_bytes, content_hash,
       records_counted, rows_loaded, rows_rejected, drift, columns, message, error, started_at, finished_at, duration_ms)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::JSON, ?::JSON, ?, ?::JSON, ?::TIMESTAMP, ?::TIMESTAMP, ?)`,
    [
      batch.batchId,
      batch.source,
      batch.kind,
      batch.location,
      batch.status,
      batch.replace,
      batch.files.length,
      size,
      batchHash(batch.files),
      batch.recordsCounted,
      batch.rowsLoaded,
      batch.rowsRejected,
      JSON.stringify(batch.drift),
      JSON.stringify(batch.columns),
      batch.message,
      batch.error === undefined ? null : JSON.stringify(toErrorData(batch.error)),
      batch.startedAt,
      batch.finishedAt,
      batch.finishedAt.getTime() - batch.startedAt.getTime(),
    ],
  );
  for (const f of batch.files) {
    await conn.run(
      `INSERT INTO _ingot.batch_files (batch_id, source, path, size_bytes, modified_at, content_hash, records_counted, rows_loaded, rows_rejected, rows_numbered, line_offset,
         date_format, timestamp_format)
       VALUES (?, ?, ?, ?, ?::TIMESTAMP, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        batch.batchId,
        batch.source,
        f.path,
        f.sizeBytes,
        f.modifiedAt,
        f.contentHash,
        f.recordsCounted,
        f.rowsLoaded,
        f.rowsRejected,
        !unnumbered.has(f.path),
        unnumbered.get(f.path) ?? null,
        f.dateFormat ?? null,
        f.timestampFormat ?? null,
      ],
    );
  }
}

/** Marks every loaded batch of `source` except `keep` as replaced (inside the replacing load). */
export async function markReplaced(conn: SqlConnection, source: string, keep: number): Promise<void> {
  await conn.run(`UPDATE _ingot.batches SET status = 'replaced' WHERE source = ? AND status = 'loaded' AND batch_id <> ?`, [source, keep]);
}

export interface LastBatch {
  batchId: number;
  loadedAt: string;
  rowsLoaded: number;
  rowsRejected: number;
  status: string;
  message: string | null;
}

/** The newest batch of `source`, loaded or not. */
export async function lastBatch(conn: SqlConnection, source: string): Promise<LastBatch | null> {
  const row = await conn.one<{ batchId: number; loadedAt: Date; rowsLoaded: number; rowsRejected: number; status: string; message: string | null }>(
    `SELECT batch_id AS "batchId", coalesce(finished_at, started_at) AS "loadedAt", rows_loaded AS "rowsLoaded",
            rows_rejected AS "rowsRejected", status, message
     FROM _ingot.batches WHERE source = ? ORDER BY batch_id DESC LIMIT 1`,
    [source],
  );
  return row ? { ...row, loadedAt: row.loadedAt.toISOString() } : null;
}
