// Nested values (STRUCT, MAP, LIST, UNION) turned into text are written as JSON (to_json), not in
// DuckDB's display form ({'color': red}): a column widened to VARCHAR, or a nested value read into
// a VARCHAR column, then holds text that json_valid accepts and `col->>'color'` reads.

/** Whether `type` (as DuckDB prints it) is a STRUCT, MAP, UNION or a LIST / ARRAY of anything. */
export function isNestedType(type: string): boolean {
  const t = type.trim();
  return /^(STRUCT|MAP|UNION)\s*\(/i.test(t) || /\[\d*\]$/.test(t);
}

/** Whether `type` is text (VARCHAR and its aliases), which any value fits as text. */
export function isTextType(type: string): boolean {
  return /^(VARCHAR|TEXT|STRING)$/i.test(type.trim());
}

/** SQL casting `expr` (of type `from`) to `to`; a nested value becomes JSON text when `to` is text. */
export function castToType(expr: string, from: string, to: string): string {
  return isNestedType(from) && isTextType(to) ? `CAST(to_json(${expr}) AS ${to})` : `CAST(${expr} AS ${to})`;
}
