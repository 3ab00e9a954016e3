// Pagination checkpoints in _ingot.http_checkpoints, written on a connection of their own (outside
// the batch's transaction) after pages land in the spool, so they survive a load that fails or
// dies. A checkpoint is used by the next load only if its fingerprint (the request definition
// and the cursor it started from) still matches and no committed batch has consumed it.
import type { SqlConnection } from '../../db/connection.js';
import type { LoopMemory, PageCursor } from './paginate.js';
import type { Shape } from './shape.js';

/** Where a load stands after its last complete page. */
export interface FetchProgress {
  pages: number;
  records: number;
  /** Bytes received (on the wire). */
  bytes: number;
  /** Length of the spool holding exactly these pages. */
  spoolBytes: number;
  /** What to request next; null when pagination has ended. */
  next: PageCursor | null;
  memory: LoopMemory;
  shape: Shape;
  /** The records path in use (configured or found on the first page). */
  recordsPath?: string;
  /** True when the path was found automatically. */
  foundPath: boolean;
  /** True when max_pages stopped the load while the API had more. */
  maxed: boolean;
}

export interface Checkpoint {
  runId: string;
  fingerprint: string;
  /** Workspace-relative path of the spool file. */
  spool: string;
  startedAt: Date;
  progress: FetchProgress;
}

export async function readCheckpoint(conn: SqlConnection, source: string): Promise<Checkpoint | undefined> {
  const row = await conn.one<{ runId: string; fingerprint: string; spool: string; startedAt: Date; state: string }>(
    `SELECT run_id AS "runId", fingerprint, spool, started_at AS "startedAt", state::VARCHAR AS state
     FROM _ingot.http_checkpoints WHERE source = ? ORDER BY updated_at DESC LIMIT 1`,
    [source],
  );
  if (!row) return undefined;
  return { runId: row.runId, fingerprint: row.fingerprint, spool: row.spool, startedAt: row.startedAt, progress: JSON.parse(row.state) as FetchProgress };
}

/** Replaces the checkpoint of `source` (its own small transaction); `state` is the progress as stored (redacted JSON). */
export async function writeCheckpoint(conn: SqlConnection, source: string, cp: Checkpoint, state: string): Promise<void> {
  await conn.transaction(async (tx) => {
    await tx.run(`DELETE FROM _ingot.http_checkpoints WHERE source = ?`, [source]);
    await tx.run(
      `INSERT INTO _ingot.http_checkpoints (source, run_id, fingerprint, spool, spool_bytes, pages, records, bytes_received, state, started_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::JSON, ?::TIMESTAMP, current_timestamp::TIMESTAMP)`,
      [source, cp.runId, cp.fingerprint, cp.spool, cp.progress.spoolBytes, cp.progress.pages, cp.progress.records, cp.progress.bytes, state, cp.startedAt],
    );
  });
}

export async function clearCheckpoint(conn: SqlConnection, source: string): Promise<void> {
  await conn.run(`DELETE FROM _ingot.http_checkpoints WHERE source = ?`, [source]);
}
