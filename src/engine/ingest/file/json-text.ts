// DuckDB's read_json gives a field whose values are of different kinds (strings in some records,
// numbers in others: "007" and 12) its JSON type, and the driver reports that type as VARCHAR. As
// text, a JSON string keeps its quotes ("007", five characters), so such a column would land with
// them. This reads those columns as their text instead: 007 and 12; objects and arrays in them
// stay JSON text. Inside STRUCT, LIST and MAP columns, JSON fields become VARCHAR text the same way.
// DuckDB still infers every other column (dates and timestamps in their detected formats included).
import type { ColumnInfo, SqlConnection } from '../../db/connection.js';
import { ident } from '../../db/sql.js';

/** A type DuckDB prints with JSON in it (a field merely named json only costs a needless round trip). */
const HOLDS_JSON = /\bJSON\b/;

/**
 * `reader` (a read_json call) with its JSON-typed columns read as unquoted text, as a FROM-able
 * relation whose columns are `columns` (as the driver describes `reader`); `reader` itself when
 * no column holds JSON.
 */
export async function jsonAsText(conn: SqlConnection, reader: string, columns: readonly ColumnInfo[]): Promise<string> {
  // The driver describes JSON as VARCHAR: without VARCHAR anywhere, no column holds JSON.
  if (!columns.some((c) => /\bVARCHAR\b/.test(c.type))) return reader;
  const described = await conn.all<{ column_name: string; column_type: string }>(`DESCRIBE SELECT * FROM ${reader}`);
  const driverType = new Map(columns.map((c) => [c.name, c.type]));
  const replaced = described.flatMap(({ column_name: name, column_type: type }) => {
    if (type === 'JSON') return [`json_extract_string(${ident(name)}, '$') AS ${ident(name)}`];
    const target = driverType.get(name);
    // Through JSON text back into the same type, JSON fields read as VARCHAR: a string without its quotes.
    if (HOLDS_JSON.test(type) && target !== undefined) return [`CAST(to_json(${ident(name)}) AS ${target}) AS ${ident(name)}`];
    return [];
  });
  return replaced.length === 0 ? reader : `(SELECT * REPLACE (${replaced.join(', ')}) FROM ${reader})`;
}
