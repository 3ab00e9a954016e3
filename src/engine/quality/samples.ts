// Up to 20 failing rows of a check that failed, as JSON-safe objects (DuckDB's to_json), for
// the run history and the UI. Runs only for checks that found failures.
import type { ColumnInfo, SqlConnection } from '../db/connection.js';
import { ident } from '../db/sql.js';
import { columnLookup, type CompiledCheck } from './compile.js';
import { keyTuple, keysPresent, uniqueFailuresSql } from './row-conditions.js';
import { parseDuckJsonRow } from '../db/duck-json.js';

export const SAMPLE_LIMIT = 20;

/** The query that picks a failing check's sample rows, or undefined when rows do not apply. */
export function sampleSql(check: CompiledCheck, table: string, columns: readonly ColumnInfo[]): string | undefined {
  const def = check.def;
  const json = (rows: string): string => `SELECT to_json(s)::VARCHAR AS j FROM (${rows}) AS s`;
  if (def.kind === 'unique') {
    const order = def.columns.map((c) => ident(columnLookup(columns)(c).name)).join(', ');
    return json(`${uniqueFailuresSql(def, table, columnLookup(columns), columns)}\n  ORDER BY ${order} LIMIT ${SAMPLE_LIMIT}`);
  }
  if (check.fails !== undefined) return json(`SELECT * FROM ${table} WHERE ${check.fails} LIMIT ${SAMPLE_LIMIT}`);
  if (def.kind === 'assert') return `WITH this AS (SELECT * FROM ${table})\n${json(`SELECT * FROM (${def.sql}) LIMIT ${SAMPLE_LIMIT}`)}`;
  if (check.violates !== undefined) return json(`SELECT * FROM ${table} WHERE ${check.violates} LIMIT ${SAMPLE_LIMIT}`);
  return undefined;
}

/** Runs `sampleSql`; returns [] when the check has no rows to show. */
export async function sampleRows(conn: SqlConnection, check: CompiledCheck, table: string, columns: readonly ColumnInfo[]): Promise<Record<string, unknown>[]> {
  const sql = sampleSql(check, table, columns);
  if (!sql) return [];
  const rows = await conn.all<{ j: string }>(sql);
  return rows.map((r) => parseDuckJsonRow(r.j));
}

/**
 * For a unique check failing every row of a repeated key: its exact count (`failing`) and its
 * sample rows as JSON (`samples`) from one query, so one GROUP BY over the rows serves both.
 */
export function countWithSamplesSql(check: CompiledCheck, table: string, columns: readonly ColumnInfo[]): string | undefined {
  const def = check.def;
  if (def.kind !== 'unique' || def.dedup === 'keep_latest') return undefined;
  const names = def.columns.map((c) => columnLookup(columns)(c).name);
  const keys = names.map(ident);
  const tuple = keyTuple(keys);
  return `WITH repeated AS MATERIALIZED (SELECT ${tuple} AS k, count(*) AS n FROM ${table} WHERE ${keysPresent(names)} GROUP BY ALL HAVING count(*) > 1)
SELECT (SELECT coalesce(sum(n), 0) FROM repeated) AS failing,
  (SELECT list(to_json(s)::VARCHAR ORDER BY ${keys.map((k) => `s.${k}`).join(', ')}) FROM (
    SELECT * FROM ${table} WHERE ${tuple} IN (SELECT k FROM repeated) ORDER BY ${keys.join(', ')} LIMIT ${SAMPLE_LIMIT}) AS s) AS samples`;
}

/** Samples of one check's rows that a run just moved into a quarantine table (model columns only). */
export async function quarantinedSampleRows(
  conn: SqlConnection,
  quarantine: string,
  runId: number,
  check: string,
  modelColumns: readonly string[],
): Promise<Record<string, unknown>[]> {
  const cols = modelColumns.map(ident).join(', ');
  const rows = await conn.all<{ j: string }>(
    `SELECT to_json(s)::VARCHAR AS j FROM (SELECT ${cols} FROM ${quarantine} WHERE _run_id = ? AND list_contains(_failed_checks, ?) LIMIT ${SAMPLE_LIMIT}) AS s`,
    [runId, check],
  );
  return rows.map((r) => parseDuckJsonRow(r.j));
}
