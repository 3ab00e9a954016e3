// Points a model's table references at other relations — a staged table, or a temporary view of
// only the new rows — by editing DuckDB's parse tree and turning it back into SQL with
// json_deserialize_sql. No text substitution: the parser decides what is a table reference.
import type { SqlConnection } from '../db/connection.js';
import { walkTableRefs } from './sql-refs.js';

export interface RelationName {
  catalog: string;
  schema: string;
  table: string;
}

/**
 * Returns SQL equal to the analysed statement `tree` (from `analyzeSql`) with each reference for
 * which `replace(schema, table, occurrence)` returns a relation read from that relation instead.
 * The original table name stays as the alias, so `orders.col` still binds.
 */
export async function rewriteRefs(
  conn: SqlConnection,
  tree: string,
  replace: (schema: string, table: string, occurrence: number) => RelationName | undefined,
): Promise<string> {
  const parsed = JSON.parse(tree) as Parameters<typeof walkTableRefs>[0];
  walkTableRefs(parsed, (node, occurrence) => {
    const target = replace(String(node.schema_name ?? ''), String(node.table_name), occurrence);
    if (!target) return;
    if (typeof node.alias !== 'string' || node.alias === '') node.alias = String(node.table_name);
    node.catalog_name = target.catalog;
    node.schema_name = target.schema;
    node.table_name = target.table;
  });
  return deserializeTree(conn, parsed);
}

/** Turns a (possibly edited) parse tree back into SQL text with DuckDB's json_deserialize_sql. */
export async function deserializeTree(conn: SqlConnection, tree: unknown): Promise<string> {
  dropUnsetLocations(tree);
  const row = await conn.one<{ sql: string }>('SELECT json_deserialize_sql(?::JSON) AS sql', [JSON.stringify(tree)]);
  return row?.sql ?? '';
}

/** "No location" is 2^64-1, which JSON numbers in JS cannot carry; the field is optional. */
function dropUnsetLocations(node: unknown): void {
  if (Array.isArray(node)) {
    for (const child of node) dropUnsetLocations(child);
    return;
  }
  if (node === null || typeof node !== 'object') return;
  const obj = node as Record<string, unknown>;
  if (typeof obj.query_location === 'number' && obj.query_location > Number.MAX_SAFE_INTEGER) delete obj.query_location;
  for (const value of Object.values(obj)) dropUnsetLocations(value);
}

/** A temporary view on the current connection, as a relation name. */
export function tempRelation(name: string): RelationName {
  return { catalog: 'temp', schema: 'main', table: name };
}
