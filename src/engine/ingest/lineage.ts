// The lineage columns every bronze table carries after the source's own columns.
import type { ColumnInfo } from '../db/connection.js';

export const LINEAGE_COLUMNS: readonly ColumnInfo[] = [
  { name: '_batch_id', type: 'BIGINT' },
  { name: '_source_file', type: 'VARCHAR' },
  /** The data record's number in its file (1 = first record after the header). */
  { name: '_row_number', type: 'BIGINT' },
  { name: '_loaded_at', type: 'TIMESTAMP' },
];

const NAMES = new Set(LINEAGE_COLUMNS.map((c) => c.name));

export function isLineageColumn(name: string): boolean {
  return NAMES.has(name.toLowerCase());
}
