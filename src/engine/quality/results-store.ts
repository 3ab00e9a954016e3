// Stores check results in the run history (_ingot.check_runs / _ingot.check_results) and reads
// them back: per run and table, and the latest evaluation (with its score) of every table.
import type { SqlConnection } from '../db/connection.js';
import type { CheckResult } from './gate.js';

export type CheckMode = 'gate' | 'published' | 'ingest';

export interface CheckRunRecord {
  runId: number;
  mode: CheckMode;
  layer: string;
  model: string;
  outcome: 'pass' | 'warn' | 'error';
  rowsChecked: number;
  quarantined: number;
  released: number;
  score: number | null;
  file?: string;
  sql?: string;
}

/** A fresh id for evaluations outside a pipeline run (`ingot check`, ingest drift). */
export async function nextCheckRunId(conn: SqlConnection): Promise<number> {
  const row = await conn.one<{ id: number }>("SELECT nextval('_ingot.check_run_seq') AS id");
  return Number(row?.id);
}

/** Writes (or rewrites, for a retried run) one table's evaluation. */
export async function recordCheckRun(conn: SqlConnection, run: CheckRunRecord, results: readonly CheckResult[]): Promise<void> {
  await conn.transaction(async (tx) => {
    const key = [run.runId, run.mode, run.layer, run.model];
    await tx.run('DELETE FROM _ingot.check_results WHERE run_id = ? AND mode = ? AND layer = ? AND model = ?', key);
    await tx.run('DELETE FROM _ingot.check_runs WHERE run_id = ? AND mode = ? AND layer = ? AND model = ?', key);
    await tx.run(
      `INSERT INTO _ingot.check_runs (run_id, mode, layer, model, outcome, rows_checked, quarantined, released, score, file, sql)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [...key, run.outcome, run.rowsChecked, run.quarantined, run.released, run.score, run.file ?? null, run.sql ?? null],
    );
    for (const [position, r] of results.entries()) {
      await tx.run(
        `INSERT INTO _ingot.check_results (run_id, mode, layer, model, check_name, position, kind, severity, status, failing_rows, total_rows, message, samples, sql, details, line)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::JSON, ?, ?::JSON, ?)`,
        [...key, r.name, position, r.kind, r.severity, r.status, r.failingRows, r.totalRows, r.message, JSON.stringify(r.samples, jsonSafe), r.sql, r.details ? JSON.stringify(r.details, jsonSafe) : null, r.line ?? null],
      );
    }
  });
}

function jsonSafe(_key: string, v: unknown): unknown {
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'number' && !Number.isFinite(v)) return null;
  return v;
}

export interface StoredCheckRun extends CheckRunRecord {
  checkedAt: Date;
}

interface RunRow extends Record<string, unknown> {
  run_id: number;
  mode: CheckMode;
  layer: string;
  model: string;
  outcome: CheckRunRecord['outcome'];
  rows_checked: number;
  quarantined: number;
  released: number;
  score: number | null;
  file: string | null;
  sql: string | null;
  checked_at: Date;
}

const toRun = (r: RunRow): StoredCheckRun => ({
  runId: r.run_id,
  mode: r.mode,
  layer: r.layer,
  model: r.model,
  outcome: r.outcome,
  rowsChecked: r.rows_checked,
  quarantined: r.quarantined,
  released: r.released,
  score: r.score,
  ...(r.file !== null ? { file: r.file } : {}),
  ...(r.sql !== null ? { sql: r.sql } : {}),
  checkedAt: r.checked_at,
});

/** The latest evaluation of every table (by gate, `ingot check` or ingest), with its score. */
export async function latestCheckRuns(conn: SqlConnection): Promise<StoredCheckRun[]> {
  const rows = await conn.all<RunRow>(
    `SELECT * FROM _ingot.check_runs
     QUALIFY row_number() OVER (PARTITION BY layer, model ORDER BY checked_at DESC, run_id DESC) = 1
     ORDER BY layer, model`,
  );
  return rows.map(toRun);
}

/** The stored results of one table's evaluation, in declaration order. */
export async function storedCheckResults(conn: SqlConnection, key: { runId: number; mode: CheckMode; layer: string; model: string }): Promise<CheckResult[]> {
  const rows = await conn.all<Record<string, unknown>>(
    `SELECT check_name, kind, severity, status, failing_rows, total_rows, message, samples::VARCHAR AS samples, sql, details::VARCHAR AS details, line
     FROM _ingot.check_results WHERE run_id = ? AND mode = ? AND layer = ? AND model = ? ORDER BY position`,
    [key.runId, key.mode, key.layer, key.model],
  );
  return rows.map((r) => ({
    name: String(r.check_name),
    kind: String(r.kind),
    severity: r.severity as CheckResult['severity'],
    status: r.status as CheckResult['status'],
    failingRows: Number(r.failing_rows),
    totalRows: Number(r.total_rows),
    message: String(r.message),
    samples: JSON.parse(String(r.samples)) as Record<string, unknown>[],
    sql: String(r.sql),
    ...(r.details !== null ? { details: JSON.parse(String(r.details)) as Record<string, unknown> } : {}),
    ...(r.line !== null ? { line: Number(r.line) } : {}),
  }));
}
