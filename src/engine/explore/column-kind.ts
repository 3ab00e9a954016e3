// Sorts a DuckDB column type (as DuckDB prints it) into the kind of column Explore profiles and
// charts it as: numbers get means and equal-width bins, dates and timestamps get buckets by day,
// month or year, text and booleans get their most frequent values.
import type { ColumnKind } from '../../shared/api/explore.js';
import { isNumericType, isTimestampType } from '../quality/column-types.js';

const TEXT = /^(VARCHAR|CHAR|BPCHAR|TEXT|STRING|UUID)(\(\d+\))?$|^ENUM\(/i;
const BOOLEAN = /^(BOOLEAN|BOOL)$/i;
/** Scalar types that are not one of the kinds above but still have an order: min and max mean something. */
const ORDERED_OTHER = /^(TIME|TIME WITH TIME ZONE|TIME_NS|INTERVAL|BLOB|BIT)$/i;

export function columnKind(type: string): ColumnKind {
  const t = type.trim();
  if (isNumericType(t)) return 'number';
  if (isTimestampType(t)) return 'temporal';
  if (BOOLEAN.test(t)) return 'boolean';
  if (TEXT.test(t)) return 'text';
  return 'other';
}

/** True when min and max of the type are worth showing (not lists, structs, maps or unions). */
export function hasOrder(type: string): boolean {
  return columnKind(type) !== 'other' || ORDERED_OTHER.test(type.trim());
}
