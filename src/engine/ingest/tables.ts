// The catalog of data tables by layer (bronze, silver, gold, quarantine): row count, size (the
// shared measure of db/storage-bytes, taken once for all tables), columns, and when each was last
// loaded (bronze: the batch ledger; silver and gold: the pipeline's model state, when the
// workspace has one).
import type { TableInfo } from '../../shared/api/tables.js';
import type { SqlConnection } from '../db/connection.js';
import { literal, qualified } from '../db/sql.js';
import { isVanishedTable, tableStorage, WORKING_TABLE_PREFIX } from '../db/storage-bytes.js';

export interface TableListing extends TableInfo {
  /** Bronze only: rows rejected by the batches whose rows the table holds. */
  rowsRejected?: number;
}

const LAYERS = ['bronze', 'silver', 'gold', 'quarantine'] as const;
type Layer = (typeof LAYERS)[number];

interface CatalogRow {
  [key: string]: unknown;
  layer: Layer;
  name: string;
  kind: 'table' | 'view';
}

async function hasTable(conn: SqlConnection, schema: string, table: string): Promise<boolean> {
  const row = await conn.one<{ n: number }>(
    `SELECT count(*)::INTEGER AS n FROM duckdb_tables() WHERE database_name = current_database() AND schema_name = ? AND table_name = ?`,
    [schema, table],
  );
  return (row?.n ?? 0) > 0;
}

/** Last load per table, keyed `layer.name`. */
async function lastLoads(conn: SqlConnection): Promise<Map<string, { at: Date; rejected?: number }>> {
  const out = new Map<string, { at: Date; rejected?: number }>();
  if (await hasTable(conn, '_ingot', 'batches')) {
    const rows = await conn.all<{ source: string; at: Date; rejected: number }>(
      `SELECT source, max(finished_at) AS at, sum(rows_rejected)::BIGINT AS rejected FROM _ingot.batches WHERE status = 'loaded' GROUP BY source`,
    );
    for (const r of rows) out.set(`bronze.${r.source}`, { at: r.at, rejected: Number(r.rejected) });
  }
  if (await hasTable(conn, '_ingot', 'model_state')) {
    const rows = await conn.all<{ layer: string; name: string; at: Date }>(`SELECT layer, name, built_at AS at FROM _ingot.model_state`);
    for (const r of rows) out.set(`${r.layer}.${r.name}`, { at: r.at });
  }
  return out;
}

/**
 * Rows of `layer.name`, or undefined when another connection dropped it since it was listed (a
 * view whose table is gone still fails, naming that table).
 */
async function rowCount(conn: SqlConnection, layer: string, name: string): Promise<number | undefined> {
  try {
    return Number((await conn.one<{ n: number }>(`SELECT count(*)::BIGINT AS n FROM ${qualified(layer, name)}`))?.n ?? 0);
  } catch (err) {
    if (isVanishedTable(err, name)) return undefined;
    throw err;
  }
}

/**
 * Every table and view of the data layers, ordered by layer then name; not Ingot's working
 * tables (a run's `__stage_<name>` and the like), and not a table dropped while it is listed.
 */
export async function listTables(conn: SqlConnection): Promise<TableListing[]> {
  const layers = LAYERS.map((l) => literal(l)).join(', ');
  const working = literal(WORKING_TABLE_PREFIX);
  const catalog = await conn.all<CatalogRow>(
    `SELECT schema_name AS layer, table_name AS name, 'table' AS kind FROM duckdb_tables()
       WHERE database_name = current_database() AND NOT temporary AND schema_name IN (${layers}) AND NOT starts_with(table_name, ${working})
     UNION ALL
     SELECT schema_name, view_name, 'view' FROM duckdb_views()
       WHERE database_name = current_database() AND NOT temporary AND NOT internal AND schema_name IN (${layers}) AND NOT starts_with(view_name, ${working})`,
  );
  catalog.sort((a, b) => LAYERS.indexOf(a.layer) - LAYERS.indexOf(b.layer) || a.name.localeCompare(b.name));
  const columns = await conn.all<{ layer: string; name: string; column: string; type: string }>(
    `SELECT schema_name AS layer, table_name AS name, column_name AS "column", data_type AS type FROM duckdb_columns()
     WHERE database_name = current_database() AND schema_name IN (${layers}) ORDER BY column_index`,
  );
  const bytes = new Map((await tableStorage(conn, LAYERS)).map((t) => [`${t.schema}.${t.table}`, t.bytes]));
  const loads = await lastLoads(conn);
  const out: TableListing[] = [];
  for (const t of catalog) {
    const key = `${t.layer}.${t.name}`;
    const rows = await rowCount(conn, t.layer, t.name);
    if (rows === undefined) continue;
    const load = loads.get(key);
    out.push({
      layer: t.layer,
      name: t.name,
      kind: t.kind,
      rows,
      bytes: bytes.get(key) ?? 0,
      columns: columns.filter((c) => c.layer === t.layer && c.name === t.name).map((c) => ({ name: c.column, type: c.type })),
      lastLoadedAt: load ? load.at.toISOString() : null,
      ...(t.layer === 'bronze' ? { rowsRejected: load?.rejected ?? 0 } : {}),
    });
  }
  return out;
}
