// How a column looks: its kind (from the engine's SQL type name), a starting width that fits the
// header and typical values of that kind, and the width that fits the values actually shown.

export type ColumnKind = 'number' | 'text' | 'boolean' | 'date' | 'time' | 'nested';

export interface ColumnSpec {
  name: string;
  type: string;
}

/** The kind of a SQL type name such as `BIGINT`, `DECIMAL(18,2)`, `TIMESTAMP WITH TIME ZONE`. */
export function columnKind(sqlType: string): ColumnKind {
  const t = sqlType.trim().toUpperCase();
  if (/\[\]$|^(STRUCT|MAP|LIST|UNION)\b/.test(t)) return 'nested';
  if (/^(TINYINT|SMALLINT|INTEGER|INT|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|FLOAT|REAL|DOUBLE|DECIMAL|NUMERIC)\b/.test(t)) return 'number';
  if (t === 'BOOLEAN' || t === 'BOOL') return 'boolean';
  if (/^(DATE|TIMESTAMP)/.test(t)) return 'date';
  if (/^(TIME|INTERVAL)/.test(t)) return 'time';
  return 'text';
}

const VALUE_WIDTH: Record<ColumnKind, number> = { number: 110, text: 180, boolean: 80, date: 200, time: 150, nested: 220 };

/** A starting width in px: wide enough for the header (name and type icon) and for typical values. */
export function columnWidth(column: ColumnSpec): number {
  const header = 44 + column.name.length * 8;
  return Math.min(360, Math.max(VALUE_WIDTH[columnKind(column.type)], header));
}

/** Pixels per character of the grid's 13 px font (digits and most letters), with room to spare. */
const CHAR_PX = 7.6;
/** Cell padding on both sides. */
const PADDING_PX = 24;

/**
 * The width that shows `longest` characters whole. A number is never cut: a clipped minus sign
 * or leading digit would show another value; text stops at 360 px, where the grid clips it at
 * the end.
 */
export function fittedWidth(column: ColumnSpec, longest: number): number {
  const needed = Math.ceil(PADDING_PX + longest * CHAR_PX);
  const cap = columnKind(column.type) === 'number' ? 720 : 360;
  return Math.min(cap, Math.max(columnWidth(column), needed));
}
