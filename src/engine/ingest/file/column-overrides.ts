// Applies a source's `columns:` type overrides to the columns a file format detected (names
// match case-insensitively, as DuckDB's identifiers do).
import type { ColumnInfo } from '../../db/connection.js';

/** `columns` with each overridden column's type replaced. */
export function withOverrides(columns: readonly ColumnInfo[], overrides: Record<string, string>): ColumnInfo[] {
  const byName = new Map(Object.entries(overrides).map(([k, v]) => [k.toLowerCase(), v]));
  return columns.map((c) => ({ name: c.name, type: byName.get(c.name.toLowerCase()) ?? c.type }));
}
