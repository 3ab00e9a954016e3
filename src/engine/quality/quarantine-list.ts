// Reads a model's quarantine: how many rows are held, released and re-processed, which checks
// put them there, and a window of the rows themselves with their reasons.
import type { ColumnInfo, SqlConnection } from '../db/connection.js';
import { QUARANTINE_READABLE_COLUMNS, quarantineExists, quarantineTable, quarantineTableName } from './quarantine-table.js';
import { parseDuckJsonRow } from '../db/duck-json.js';

export interface QuarantineListing {
  /** e.g. `quarantine.silver_orders`. */
  table: string;
  exists: boolean;
  /** Rows waiting for a fix or a release. */
  held: number;
  /** Released rows not taken back by a run yet. */
  released: number;
  /** Released rows a later run took back in. */
  reprocessed: number;
  /** Held rows per failed check (a row failing two checks counts for both). */
  reasons: { check: string; rows: number }[];
  columns: ColumnInfo[];
  /** Newest first: held rows (and, with `includeReleased`, released ones), with `_failed_checks`. */
  rows: Record<string, unknown>[];
}

export interface ListOptions {
  /** Rows to return (default 100). */
  limit?: number;
  includeReleased?: boolean;
}

export type QuarantineCounts = Pick<QuarantineListing, 'held' | 'released' | 'reprocessed'>;

/** How many rows of `layer.model`'s quarantine are held, released and re-processed (all 0 without a quarantine table). */
export async function quarantineCounts(conn: SqlConnection, layer: string, model: string): Promise<QuarantineCounts> {
  return (await quarantineExists(conn, layer, model)) ? countsOf(conn, quarantineTable(layer, model)) : { held: 0, released: 0, reprocessed: 0 };
}

/** The counts of an existing quarantine table. */
async function countsOf(conn: SqlConnection, table: string): Promise<QuarantineCounts> {
  const counts = await conn.one<{ held: number; released: number; reprocessed: number }>(
    `SELECT count(*) FILTER (WHERE _released_at IS NULL) AS held,
            count(*) FILTER (WHERE _released_at IS NOT NULL AND _reprocessed_run_id IS NULL) AS released,
            count(*) FILTER (WHERE _reprocessed_run_id IS NOT NULL) AS reprocessed
     FROM ${table}`,
  );
  return { held: Number(counts?.held ?? 0), released: Number(counts?.released ?? 0), reprocessed: Number(counts?.reprocessed ?? 0) };
}

/** Lists the quarantine of `layer.model` with its reasons. */
export async function listQuarantine(conn: SqlConnection, layer: string, model: string, options: ListOptions = {}): Promise<QuarantineListing> {
  const name = `quarantine.${quarantineTableName(layer, model)}`;
  if (!(await quarantineExists(conn, layer, model))) {
    return { table: name, exists: false, held: 0, released: 0, reprocessed: 0, reasons: [], columns: [], rows: [] };
  }
  const table = quarantineTable(layer, model);
  const counts = await countsOf(conn, table);
  const reasons = await conn.all<{ check: string; rows: number }>(
    `SELECT c AS "check", count(*) AS rows FROM (SELECT unnest(_failed_checks) AS c FROM ${table} WHERE _released_at IS NULL)
     GROUP BY c ORDER BY rows DESC, c`,
  );
  const where = options.includeReleased ? '' : 'WHERE _released_at IS NULL';
  const rows = await conn.all<{ j: string }>(
    `SELECT to_json(q)::VARCHAR AS j FROM (SELECT ${QUARANTINE_READABLE_COLUMNS} FROM ${table} ${where} ORDER BY _quarantined_at DESC, _run_id DESC LIMIT ?) AS q`,
    [options.limit ?? 100],
  );
  return {
    table: name,
    exists: true,
    ...counts,
    reasons,
    columns: await conn.describe(`SELECT ${QUARANTINE_READABLE_COLUMNS} FROM ${table}`),
    rows: rows.map((r) => parseDuckJsonRow(r.j)),
  };
}
