// Turns SQL that names tables as `layer.table` into dbt SQL: each table reference DuckDB's parser
// finds (pipeline/sql-refs.ts) is replaced, at the position the parser reports, by a Jinja
// expression such as `{{ ref('stg_orders') }}` or `{{ source('bronze', 'orders') }}`. Everything
// else stays as written (comments and layout included), escaped so Jinja prints it unchanged.
import type { SqlConnection } from '../../db/connection.js';
import type { PipelineGraph } from '../../pipeline/graph.js';
import { tableKey } from '../../pipeline/model.js';
import { analyzeSql } from '../../pipeline/sql-refs.js';
import { escapeJinja, jinjaString, nameAt, withoutTrailingSemicolon } from './sql-text.js';

/** Why a piece of SQL cannot become dbt SQL; the message completes "… because …". */
export class NotTranslatable extends Error {}

/** The dbt relation (a Jinja expression without braces) for `schema.table`, or undefined for a table dbt does not know. */
export type RelationResolver = (schema: string, table: string) => string | undefined;

/** Resolves the workspace's models to `ref('name')` and its bronze sources to `source('bronze', 'name')`. */
export function workspaceRelations(graph: PipelineGraph): RelationResolver {
  return (schema, table) => {
    const key = tableKey(schema, table);
    const model = graph.nodes.get(key)?.def;
    if (model) return `ref(${jinjaString(model.name)})`;
    const source = graph.sources.get(key);
    return source ? `source('bronze', ${jinjaString(source.name)})` : undefined;
  };
}

/** `sql` (one SELECT) with every table reference written as a dbt relation; throws NotTranslatable. */
export async function toJinjaSql(conn: SqlConnection, sql: string, relation: RelationResolver): Promise<string> {
  const text = withoutTrailingSemicolon(sql);
  const analysis = await analyzeSql(conn, text);
  if (!analysis.ok) throw new NotTranslatable(`DuckDB cannot parse it as one SELECT: ${analysis.message}`);
  const refs = [...analysis.refs].sort((a, b) => (a.position ?? -1) - (b.position ?? -1));
  let out = '';
  let done = 0;
  for (const ref of refs) {
    const written = [ref.catalog, ref.schema, ref.table].filter((p) => p !== '').join('.');
    if (ref.position === undefined || ref.position < done) throw new NotTranslatable(`DuckDB does not say where it reads ${written}`);
    const name = nameAt(text, ref.position);
    if (name.parts.join('.').toLowerCase() !== written.toLowerCase()) throw new NotTranslatable(`the text at the position of ${written} is not that name`);
    const target = ref.catalog === '' && ref.schema !== '' ? relation(ref.schema, ref.table) : undefined;
    if (target === undefined) throw new NotTranslatable(`it reads ${written}, which is not a model or bronze source of this workspace`);
    out += `${escapeJinja(text.slice(done, ref.position))}{{ ${target} }}`;
    done = name.end;
  }
  return out + escapeJinja(text.slice(done));
}
