// The columns of a table (or view) of a data layer, read from DuckDB's catalog, and the checks
// Explore makes before it builds SQL on them: the table exists (NOT_FOUND otherwise, naming the
// nearest table) and every column named by a request is one of its columns.
import { IngotError } from '../../shared/errors.js';
import type { SqlConnection } from '../db/connection.js';
import { closest } from '../quality/closest-name.js';

export interface TableColumn {
  name: string;
  type: string;
}

/** The columns of `layer.table` in table order; NOT_FOUND when there is no such table or view. */
export async function tableColumns(conn: SqlConnection, layer: string, table: string, options: { signal?: AbortSignal } = {}): Promise<TableColumn[]> {
  const run = options.signal ? { signal: options.signal } : {};
  const columns = await conn.all<{ name: string; type: string }>(
    `SELECT column_name AS name, data_type AS type FROM duckdb_columns()
     WHERE database_name = current_database() AND schema_name = ? AND table_name = ? ORDER BY column_index`,
    [layer, table],
    run,
  );
  if (columns.length > 0) return columns;
  const names = await conn.all<{ name: string }>(
    `SELECT table_name AS name FROM duckdb_tables() WHERE database_name = current_database() AND schema_name = ?
     UNION ALL SELECT view_name FROM duckdb_views() WHERE database_name = current_database() AND schema_name = ? AND NOT internal`,
    [layer, layer],
    run,
  );
  const near = closest(table, names.map((n) => n.name));
  throw new IngotError('NOT_FOUND', `There is no table ${layer}.${table} in this workspace.`, {
    hint: near
      ? `Did you mean ${layer}.${near}?`
      : layer === 'bronze'
        ? 'Load data on the Ingest screen (or `ingot ingest`) to create bronze tables.'
        : 'Run the pipeline (the Runs screen, or `ingot run`) to build silver and gold tables.',
    detail: { field: 'table' },
  });
}

/** The column named `name` (exactly), or INVALID_INPUT naming the closest column. */
export function findColumn(columns: readonly TableColumn[], name: string, where: { layer: string; table: string; field: string }): TableColumn {
  const found = columns.find((c) => c.name === name);
  if (found) return found;
  const names = columns.map((c) => c.name);
  const near = closest(name, names);
  throw new IngotError('INVALID_INPUT', `${where.layer}.${where.table} has no column "${name}".`, {
    hint: near ? `Did you mean "${near}"?` : `Its columns are ${names.map((n) => `"${n}"`).join(', ')}.`,
    detail: { field: where.field },
  });
}
