// Contracts: the columns, types, nullability and primary key a model promises its readers. The
// schema part is verified here against the staged columns (a missing column or a changed type
// is a breaking change, named with both types); NULLs and key duplicates are counted in the
// one-pass query.
import type { ColumnInfo, SqlConnection } from '../db/connection.js';
import type { ContractCheck } from './check-def.js';
import { definitionError } from './definition-error.js';

/** DuckDB's own spelling of a type name (`int` → INTEGER, `text` → VARCHAR). */
async function canonicalType(conn: SqlConnection, def: ContractCheck, column: string, type: string): Promise<string> {
  try {
    const cols = await conn.describe(`SELECT CAST(NULL AS ${type}) AS v`);
    return cols[0]?.type ?? type;
  } catch {
    throw definitionError(def.location, def.name, `column ${column}: "${type}" is not a DuckDB type`, {
      field: 'columns',
      hint: 'Use a DuckDB type name such as BIGINT, DECIMAL(12,2), VARCHAR, DATE or TIMESTAMP.',
    });
  }
}

const same = (a: string, b: string): boolean => a.replace(/\s+/g, '').toUpperCase() === b.replace(/\s+/g, '').toUpperCase();

/** The breaking differences between the contract and the columns, one sentence each. */
export async function contractSchemaProblems(conn: SqlConnection, def: ContractCheck, columns: readonly ColumnInfo[]): Promise<string[]> {
  const actual = new Map(columns.map((c) => [c.name.toLowerCase(), c]));
  const problems: string[] = [];
  for (const c of def.columns) {
    const expected = c.type === undefined ? undefined : await canonicalType(conn, def, c.name, c.type);
    const found = actual.get(c.name.toLowerCase());
    if (!found) {
      problems.push(`column ${c.name}${expected ? ` (${expected})` : ''} is missing`);
    } else if (expected !== undefined && !same(found.type, expected)) {
      problems.push(`column ${found.name} is ${found.type}, the contract says ${expected}`);
    }
  }
  if (!def.allowExtraColumns) {
    const declared = new Set(def.columns.map((c) => c.name.toLowerCase()));
    for (const c of columns) if (!declared.has(c.name.toLowerCase())) problems.push(`column ${c.name} (${c.type}) is not in the contract`);
  }
  return problems;
}
