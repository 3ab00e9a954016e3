// Names of the pipeline's working tables and the statements that swap them in. A model is built
// under `<layer>.__stage_<name>` and renamed over the published table in one transaction, so a
// reader sees either the old table or the new one, never a half-written one.
import type { SqlConnection } from '../db/connection.js';
import { ident, literal, qualified } from '../db/sql.js';
import { LAYERS } from './model.js';

export const STAGE_PREFIX = '__stage_';
export const AFFECTED_PREFIX = '__affected_';
export const OLD_ROWS_PREFIX = '__old_';

export function stageName(name: string): string {
  return `${STAGE_PREFIX}${name}`;
}

export function affectedName(name: string): string {
  return `${AFFECTED_PREFIX}${name}`;
}

/** The published rows an incremental build replaces, kept for the change log of its readers. */
export function oldRowsName(name: string): string {
  return `${OLD_ROWS_PREFIX}${name}`;
}

/** The change log of an incremental model: its changed rows per version, for incremental readers. */
export function changeLog(layer: string, name: string): string {
  return qualified('_ingot', `changes__${layer}__${name}`);
}

/** The kind of `schema.name` in the database, or undefined when it does not exist. */
export async function relationKind(conn: SqlConnection, schema: string, name: string): Promise<'table' | 'view' | undefined> {
  const row = await conn.one<{ kind: 'table' | 'view' }>(
    `SELECT 'table' AS kind FROM duckdb_tables() WHERE database_name = current_database() AND schema_name = ? AND lower(table_name) = lower(?)
     UNION ALL
     SELECT 'view' FROM duckdb_views() WHERE database_name = current_database() AND NOT internal AND schema_name = ? AND lower(view_name) = lower(?)`,
    [schema, name, schema, name],
  );
  return row?.kind;
}

/** Drops `schema.name` whatever it is (table or view); no-op when absent. */
export async function dropRelation(conn: SqlConnection, schema: string, name: string): Promise<void> {
  const kind = await relationKind(conn, schema, name);
  if (kind === 'table') await conn.run(`DROP TABLE ${qualified(schema, name)}`);
  if (kind === 'view') await conn.run(`DROP VIEW ${qualified(schema, name)}`);
}

/** Replaces the published `layer.name` with its staged table; call inside the publish transaction. */
export async function swapInStaged(tx: SqlConnection, layer: string, name: string, beforeRename?: () => Promise<void>): Promise<void> {
  await dropRelation(tx, layer, name);
  if (beforeRename) await beforeRename();
  await tx.run(`ALTER TABLE ${qualified(layer, stageName(name))} RENAME TO ${ident(name)}`);
}

/** Drops working tables a crashed or cancelled run left behind. Call only while no run is active. */
export async function dropLeftoverStaging(conn: SqlConnection): Promise<number> {
  const layers = LAYERS.map(literal).join(', ');
  const rows = await conn.all<{ schema_name: string; name: string; kind: string }>(
    `SELECT schema_name, table_name AS name, 'table' AS kind FROM duckdb_tables()
       WHERE database_name = current_database() AND schema_name IN (${layers})
         AND (starts_with(table_name, ?) OR starts_with(table_name, ?) OR starts_with(table_name, ?))
     UNION ALL
     SELECT schema_name, view_name, 'view' FROM duckdb_views()
       WHERE database_name = current_database() AND NOT internal AND schema_name IN (${layers}) AND starts_with(view_name, ?)`,
    [STAGE_PREFIX, AFFECTED_PREFIX, OLD_ROWS_PREFIX, STAGE_PREFIX],
  );
  for (const r of rows) await conn.run(`DROP ${r.kind === 'view' ? 'VIEW' : 'TABLE'} IF EXISTS ${qualified(r.schema_name, r.name)}`);
  return rows.length;
}
