// The DuckDB type names a source may pin a column to under `columns:` (with their aliases), so a
// typo is refused at its line in the YAML, with the nearest name, before any data is read.
import { closest } from '../quality/closest-name.js';

/** Scalar DuckDB types and aliases (as DuckDB's duckdb_types() lists them); `[]` makes lists of them. */
export const COLUMN_TYPE_NAMES: readonly string[] = [
  'BIGINT', 'BIGNUM', 'BINARY', 'BIT', 'BITSTRING', 'BLOB', 'BOOL', 'BOOLEAN', 'BPCHAR', 'BYTEA', 'CHAR', 'DATE', 'DATETIME',
  'DEC', 'DECIMAL', 'DOUBLE', 'FLOAT', 'FLOAT4', 'FLOAT8', 'GUID', 'HUGEINT', 'INT', 'INT1', 'INT128', 'INT16', 'INT2', 'INT32',
  'INT4', 'INT64', 'INT8', 'INTEGER', 'INTERVAL', 'JSON', 'LOGICAL', 'LONG', 'NUMERIC', 'NVARCHAR', 'REAL', 'SHORT', 'SIGNED',
  'SMALLINT', 'STRING', 'TEXT', 'TIME', 'TIME WITH TIME ZONE', 'TIMESTAMP', 'TIMESTAMP WITH TIME ZONE', 'TIMESTAMPTZ',
  'TIMESTAMP_MS', 'TIMESTAMP_NS', 'TIMESTAMP_S', 'TIMESTAMP_US', 'TIMETZ', 'TINYINT', 'UBIGINT', 'UHUGEINT', 'UINT128', 'UINT16',
  'UINT32', 'UINT64', 'UINT8', 'UINTEGER', 'USMALLINT', 'UTINYINT', 'UUID', 'VARBINARY', 'VARCHAR', 'VARINT',
];

const KNOWN = new Set(COLUMN_TYPE_NAMES);

/** Why `type` (upper case, e.g. `DECIMAL(18,2)` or `VARCHAR[]`) is not a DuckDB type, or undefined if it is. */
export function unknownTypeReason(type: string): string | undefined {
  const base = type.replace(/\(.*$|\[.*$/, '').trim();
  if (KNOWN.has(base)) return undefined;
  const near = closest(base, COLUMN_TYPE_NAMES);
  return `"${base}" is not a DuckDB type${near ? `; did you mean ${near}?` : ''} (e.g. BIGINT, DOUBLE, DECIMAL(18,2), DATE, TIMESTAMP, VARCHAR)`;
}
