// Finds the tables a model reads by asking DuckDB's own parser (json_serialize_sql) and walking
// the statement tree: every BASE_TABLE reference counts, except names that a WITH clause in scope
// defines. CTEs, subqueries, joins, set operations and quoted names resolve the way DuckDB
// resolves them, because it is DuckDB's parse tree.
import type { SqlConnection } from '../db/connection.js';

export interface TableRef {
  catalog: string;
  schema: string;
  table: string;
  /** Zero-based character offset of the reference in the SQL, when DuckDB reports it. */
  position: number | undefined;
  /** Index of this reference in walk order; the rewriter uses it to replace one occurrence. */
  occurrence: number;
}

export type SqlAnalysis =
  | { ok: true; refs: TableRef[]; tree: string }
  | { ok: false; problem: 'syntax' | 'not_select' | 'several_statements' | 'empty'; message: string; position: number | undefined };

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Parses `sql` with DuckDB and lists the tables it reads. */
export async function analyzeSql(conn: SqlConnection, sql: string): Promise<SqlAnalysis> {
  const row = await conn.one<{ tree: string }>('SELECT json_serialize_sql(?::VARCHAR)::VARCHAR AS tree', [sql]);
  const tree = JSON.parse(row?.tree ?? '{}') as { [key: string]: Json };
  if (tree.error === true) {
    const message = typeof tree.error_message === 'string' ? tree.error_message : 'the SQL cannot be parsed';
    if (/Only SELECT statements/i.test(message)) return { ok: false, problem: 'not_select', message, position: undefined };
    const raw = typeof tree.position === 'string' || typeof tree.position === 'number' ? Number(tree.position) : NaN;
    return { ok: false, problem: 'syntax', message, position: Number.isFinite(raw) ? charOffset(sql, raw) : undefined };
  }
  const statements = Array.isArray(tree.statements) ? tree.statements : [];
  if (statements.length === 0) return { ok: false, problem: 'empty', message: 'the file holds no statement', position: undefined };
  if (statements.length > 1) return { ok: false, problem: 'several_statements', message: `the file holds ${statements.length} statements`, position: undefined };
  return { ok: true, refs: collectRefs(tree, sql), tree: row?.tree ?? '{}' };
}

/** Walks a parse tree and calls `visit` on every BASE_TABLE node that is not a CTE name in scope. */
export function walkTableRefs(tree: Json, visit: (node: { [key: string]: Json }, occurrence: number) => void): void {
  let occurrence = 0;
  const walk = (node: Json, ctes: ReadonlySet<string>): void => {
    if (Array.isArray(node)) {
      for (const child of node) walk(child, ctes);
      return;
    }
    if (node === null || typeof node !== 'object') return;
    const scope = withCtes(node, ctes);
    if (node.type === 'BASE_TABLE' && typeof node.table_name === 'string') {
      const schema = typeof node.schema_name === 'string' ? node.schema_name : '';
      const catalog = typeof node.catalog_name === 'string' ? node.catalog_name : '';
      const isCte = schema === '' && catalog === '' && scope.has(node.table_name.toLowerCase());
      if (!isCte) visit(node, occurrence++);
    }
    for (const value of Object.values(node)) walk(value, scope);
  };
  walk(tree, new Set());
}

function collectRefs(tree: Json, sql: string): TableRef[] {
  const refs: TableRef[] = [];
  walkTableRefs(tree, (node, occurrence) => {
    const loc = typeof node.query_location === 'number' && node.query_location < Number.MAX_SAFE_INTEGER ? node.query_location : undefined;
    refs.push({
      catalog: String(node.catalog_name ?? ''),
      schema: String(node.schema_name ?? ''),
      table: String(node.table_name),
      position: loc === undefined ? undefined : charOffset(sql, loc),
      occurrence,
    });
  });
  return refs;
}

/** The CTE names visible inside `node`: the outer ones plus the ones its WITH clause defines. */
function withCtes(node: { [key: string]: Json }, outer: ReadonlySet<string>): ReadonlySet<string> {
  const cteMap = node.cte_map;
  if (cteMap === null || typeof cteMap !== 'object' || Array.isArray(cteMap) || !Array.isArray(cteMap.map) || cteMap.map.length === 0) return outer;
  const names = new Set(outer);
  for (const entry of cteMap.map) {
    if (entry && typeof entry === 'object' && !Array.isArray(entry) && typeof entry.key === 'string') names.add(entry.key.toLowerCase());
  }
  return names;
}

/** DuckDB reports UTF-8 byte offsets; convert to a JS string offset. */
export function charOffset(sql: string, byteOffset: number): number {
  const bytes = Buffer.from(sql, 'utf8');
  if (byteOffset >= bytes.length) return sql.length;
  return bytes.subarray(0, byteOffset).toString('utf8').length;
}
