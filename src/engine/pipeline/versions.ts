// Versions of a model's inputs, as short strings recorded at build time and compared later:
// a bronze table is `b:<max _batch_id>:<rows>` (ingest only appends batches, so a larger batch id
// with the rows adding up means "new batches"); a model is `v:<run id of its last publish>`.
import type { SqlConnection } from '../db/connection.js';
import { ident, qualified } from '../db/sql.js';

export const MISSING = 'missing';
export const PENDING = 'pending';

export interface BronzeVersion {
  maxBatch: number;
  rows: number;
}

/** The version strings of bronze tables `names` (lowercase table names); absent tables are MISSING. */
export async function bronzeVersions(conn: SqlConnection, names: readonly string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  if (names.length === 0) return out;
  const columns = await conn.all<{ table_name: string; has_batch: boolean }>(
    `SELECT table_name, bool_or(column_name = '_batch_id') AS has_batch
     FROM duckdb_columns() WHERE database_name = current_database() AND schema_name = 'bronze'
     GROUP BY table_name`,
  );
  const found = new Map(columns.map((c) => [c.table_name.toLowerCase(), c]));
  for (const name of names) {
    const table = found.get(name.toLowerCase());
    if (!table) {
      out.set(name, MISSING);
      continue;
    }
    const rel = qualified('bronze', table.table_name);
    if (table.has_batch) {
      const row = await conn.one<{ b: number | null; n: number }>(`SELECT max(${ident('_batch_id')}) AS b, count(*) AS n FROM ${rel}`);
      out.set(name, `b:${Number(row?.b ?? 0)}:${Number(row?.n ?? 0)}`);
    } else {
      const row = await conn.one<{ n: number }>(`SELECT count(*) AS n FROM ${rel}`);
      out.set(name, `t:${Number(row?.n ?? 0)}`);
    }
  }
  return out;
}

/** Parses `b:<max>:<rows>`; undefined for anything else. */
export function parseBronzeVersion(version: string | undefined): BronzeVersion | undefined {
  const m = /^b:(\d+):(\d+)$/.exec(version ?? '');
  return m ? { maxBatch: Number(m[1]), rows: Number(m[2]) } : undefined;
}

export function modelVersion(version: number): string {
  return `v:${version}`;
}

/** Parses `v:<n>`; undefined for anything else. */
export function parseModelVersion(version: string | undefined): number | undefined {
  const m = /^v:(\d+)$/.exec(version ?? '');
  return m ? Number(m[1]) : undefined;
}

/** Tables and views of the workspace database, as `schema.name` (lowercase) → kind. */
export async function existingRelations(conn: SqlConnection): Promise<Map<string, 'table' | 'view'>> {
  const rows = await conn.all<{ schema_name: string; name: string; kind: 'table' | 'view' }>(
    `SELECT schema_name, table_name AS name, 'table' AS kind FROM duckdb_tables() WHERE database_name = current_database()
     UNION ALL
     SELECT schema_name, view_name, 'view' FROM duckdb_views() WHERE database_name = current_database() AND NOT internal`,
  );
  return new Map(rows.map((r) => [`${r.schema_name}.${r.name}`.toLowerCase(), r.kind]));
}
