// Which column names the dbt project must quote. dbt's generic tests paste a column's name into
// their SQL as written (`where Order Date is null`, a syntax error) unless its schema.yml entry says
// `quote: true`, and the relationships test pastes its `field:` as written too. A name needs quotes
// when it is not a plain lower-case identifier or is a DuckDB keyword that cannot stand bare as a
// column name; the keywords come from DuckDB itself, so they match the DuckDB dbt runs on.
import type { SqlConnection } from '../../db/connection.js';
import { ident } from '../../db/sql.js';

/** Whether a column name must be quoted in the SQL dbt generates. */
export type NeedsQuoting = (name: string) => boolean;

const PLAIN_NAME = /^[a-z_][a-z0-9_]*$/;

/** Asks DuckDB for its keywords that a bare column name cannot be (all but the unreserved ones). */
export async function columnQuoting(conn: SqlConnection): Promise<NeedsQuoting> {
  const rows = await conn.all<{ keyword: string }>("SELECT keyword_name AS keyword FROM duckdb_keywords() WHERE keyword_category <> 'unreserved'");
  const keywords = new Set(rows.map((r) => r.keyword.toLowerCase()));
  return (name) => !PLAIN_NAME.test(name) || keywords.has(name);
}

/** The name as it must appear in SQL that dbt pastes unquoted (a relationships test's `field:`). */
export function sqlColumnName(name: string, needsQuoting: NeedsQuoting): string {
  return needsQuoting(name) ? ident(name) : name;
}
