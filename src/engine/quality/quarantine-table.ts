// The quarantine table of a model: `quarantine.<layer>_<model>` holds the model's columns plus
//   _run_id             the run that quarantined the row
//   _failed_checks      every row-level check the row failed (VARCHAR[])
//   _quarantined_at     when
//   _released_at        set by releaseQuarantined: the row goes back into the next run
//   _release_id         which release (see _ingot.quarantine_releases)
//   _reprocessed_run_id the run that took the released row back in
//   _original_hash      fingerprint of the row as the model produced it (quarantine-fixes.ts)
import type { ColumnInfo, SqlConnection } from '../db/connection.js';
import { ident, literal, qualified } from '../db/sql.js';
import { isLineageColumn } from '../ingest/lineage.js';

export const QUARANTINE_SCHEMA = 'quarantine';

/** Bookkeeping columns, in table order. */
export const QUARANTINE_COLUMNS: readonly ColumnInfo[] = [
  { name: '_run_id', type: 'BIGINT' },
  { name: '_failed_checks', type: 'VARCHAR[]' },
  { name: '_quarantined_at', type: 'TIMESTAMP' },
  { name: '_released_at', type: 'TIMESTAMP' },
  { name: '_release_id', type: 'BIGINT' },
  { name: '_reprocessed_run_id', type: 'BIGINT' },
  { name: '_original_hash', type: 'VARCHAR' },
];
const BOOKKEEPING = new Set(QUARANTINE_COLUMNS.map((c) => c.name));

/** The select list of a quarantine table for people: every column but the fingerprint, which is Ingot's bookkeeping. */
export const QUARANTINE_READABLE_COLUMNS = "COLUMNS(c -> c <> '_original_hash')";

export function quarantineTableName(layer: string, model: string): string {
  return `${layer}_${model}`;
}

/** Quoted `quarantine."<layer>_<model>"`. */
export function quarantineTable(layer: string, model: string): string {
  return qualified(QUARANTINE_SCHEMA, quarantineTableName(layer, model));
}

export async function quarantineExists(conn: SqlConnection, layer: string, model: string): Promise<boolean> {
  const row = await conn.one<{ n: number }>(
    'SELECT count(*) AS n FROM information_schema.tables WHERE table_schema = ? AND lower(table_name) = lower(?)',
    [QUARANTINE_SCHEMA, quarantineTableName(layer, model)],
  );
  return (row?.n ?? 0) > 0;
}

/** The model columns of a quarantine table (bookkeeping columns left out). */
export async function quarantineModelColumns(conn: SqlConnection, layer: string, model: string): Promise<ColumnInfo[]> {
  const cols = await conn.describe(`SELECT * FROM ${quarantineTable(layer, model)}`);
  return cols.filter((c) => !BOOKKEEPING.has(c.name));
}

/**
 * SQL for a fingerprint of a row's values in `columns` (by name, so column order does not matter;
 * bronze lineage columns left out, so the same row delivered again has the same fingerprint): the
 * same values give the same text in any DuckDB session, unlike `hash()`.
 */
export function rowFingerprintSql(alias: string, columns: readonly ColumnInfo[]): string {
  const fields = columns
    .filter((c) => !isLineageColumn(c.name))
    .sort((a, b) => (a.name.toLowerCase() < b.name.toLowerCase() ? -1 : 1))
    .map((c) => `${literal(c.name.toLowerCase())}: ${alias}.${ident(c.name)}`);
  return fields.length === 0 ? `md5('{}')` : `md5(to_json({${fields.join(', ')}})::VARCHAR)`;
}

/** Creates the quarantine table shaped like `columns`, or adds the columns it lacks. */
export async function ensureQuarantineTable(conn: SqlConnection, layer: string, model: string, columns: readonly ColumnInfo[]): Promise<void> {
  await conn.run(`CREATE SCHEMA IF NOT EXISTS ${ident(QUARANTINE_SCHEMA)}`);
  const table = quarantineTable(layer, model);
  if (!(await quarantineExists(conn, layer, model))) {
    const defs = [...columns, ...QUARANTINE_COLUMNS].map((c) => `${ident(c.name)} ${c.type}`);
    await conn.run(`CREATE TABLE ${table} (${defs.join(', ')})`);
    return;
  }
  const have = new Set((await conn.describe(`SELECT * FROM ${table}`)).map((c) => c.name.toLowerCase()));
  // Tables from before a bookkeeping column existed get it too (NULL for their rows).
  for (const c of [...columns, ...QUARANTINE_COLUMNS]) {
    if (!have.has(c.name.toLowerCase())) await conn.run(`ALTER TABLE ${table} ADD COLUMN ${ident(c.name)} ${c.type}`);
  }
  // Rows still held hold their original values: their fingerprint can be taken now, so a fix of
  // them lasts. Released rows may have been edited already; theirs stays unknown.
  if (!have.has('_original_hash')) {
    await conn.run(`UPDATE ${table} SET _original_hash = ${rowFingerprintSql(table, columns)} WHERE _released_at IS NULL`);
  }
}

/** Records what one run did to a quarantine table (moved in, replaced, taken back after release). */
export async function logQuarantine(
  conn: SqlConnection,
  entry: { runId: number; layer: string; model: string; quarantined: number; superseded: number; reprocessed: number },
): Promise<void> {
  await conn.run(
    `INSERT OR REPLACE INTO _ingot.quarantine_log (run_id, layer, model, quarantine_table, quarantined, superseded, reprocessed)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
    [entry.runId, entry.layer, entry.model, `quarantine.${quarantineTableName(entry.layer, entry.model)}`, entry.quarantined, entry.superseded, entry.reprocessed],
  );
}
