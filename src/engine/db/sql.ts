// Quoting helpers: every identifier and literal that reaches generated SQL goes through here.

/** Quotes an identifier: `my "col"` → `"my ""col"""`. */
export function ident(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** Quotes a schema-qualified name: qualified('bronze', 'orders') → `"bronze"."orders"`. */
export function qualified(schema: string, name: string): string {
  return `${ident(schema)}.${ident(name)}`;
}

/** Quotes a string literal: `it's` → `'it''s'`. */
export function literal(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/** Renders a JS value as a SQL literal (strings, numbers, booleans, null, bigint, Date). */
export function sqlValue(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`cannot render ${value} as SQL`);
    return String(value);
  }
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return `TIMESTAMP ${literal(value.toISOString().replace('T', ' ').replace('Z', ''))}`;
  if (Array.isArray(value)) return `[${value.map(sqlValue).join(', ')}]`;
  return literal(String(value));
}
