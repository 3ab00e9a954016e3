// The committed state of an HTTP source in _ingot.http_state: its incremental cursor and the fetch
// run of its last committed batch. Written inside the batch's transaction, read by the next load
// and by listings ("cursor: 2024-03-01T10:00:00Z").
import type { SqlConnection } from '../../db/connection.js';

export interface HttpState {
  cursorField: string | null;
  cursorValue: string | null;
  batchId: number | null;
  runId: string;
}

export async function readHttpState(conn: SqlConnection, source: string): Promise<HttpState | undefined> {
  return conn.one<{ cursorField: string | null; cursorValue: string | null; batchId: number | null; runId: string }>(
    `SELECT cursor_field AS "cursorField", cursor_value AS "cursorValue", batch_id AS "batchId", run_id AS "runId"
     FROM _ingot.http_state WHERE source = ? ORDER BY updated_at DESC LIMIT 1`,
    [source],
  );
}

export async function writeHttpState(conn: SqlConnection, source: string, state: HttpState): Promise<void> {
  await conn.run(`DELETE FROM _ingot.http_state WHERE source = ?`, [source]);
  await conn.run(`INSERT INTO _ingot.http_state (source, cursor_field, cursor_value, batch_id, run_id, updated_at) VALUES (?, ?, ?, ?, ?, current_timestamp::TIMESTAMP)`, [
    source,
    state.cursorField,
    state.cursorValue,
    state.batchId,
    state.runId,
  ]);
}

/** The stored incremental cursor of `source`, or null (no cursor yet, or not an HTTP source). */
export async function httpCursor(conn: SqlConnection, source: string): Promise<string | null> {
  return (await readHttpState(conn, source))?.cursorValue ?? null;
}
