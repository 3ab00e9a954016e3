// How DuckDB reads a load's spool: read_json over its records (one per line), DuckDB inferring the
// columns (from a sample, or from every record when a key shows up only beyond the sample), nested
// objects kept as STRUCT columns or flattened into parent_child columns (a field that held only {}
// read as bronze's STRUCT), and each column cast to the type bronze reads it as.
import { IngotError } from '../../../shared/errors.js';
import type { ColumnInfo, SqlConnection } from '../../db/connection.js';
import { ident, literal } from '../../db/sql.js';
import { castToType } from '../nested-text.js';
import { fitEmptyObjects } from './empty-objects.js';
import { uncoveredKey, type Shape } from './shape.js';
import { structFields } from './struct-type.js';

export interface SpoolColumn extends ColumnInfo {
  /** The SQL that reads it from the spool, e.g. "customer"."id". */
  expr: string;
}

export interface SpoolRelation {
  columns: SpoolColumn[];
  /** `(SELECT … FROM read_json(…))` reading each column as `types` say. */
  relation(types: readonly ColumnInfo[]): string;
}

/** The columns of a flattened STRUCT column: parent_child, recursively. */
function flattenColumn(col: SpoolColumn): SpoolColumn[] {
  const fields = structFields(col.type);
  if (!fields || fields.length === 0) return [col];
  return fields.flatMap((f) => flattenColumn({ name: `${col.name}_${f.name}`, type: f.type, expr: `${col.expr}.${ident(f.name)}` }));
}

function flattenAll(columns: readonly SpoolColumn[], warn: (message: string) => void): SpoolColumn[] {
  const out: SpoolColumn[] = [];
  const taken = new Set<string>();
  for (const col of columns.flatMap(flattenColumn)) {
    let name = col.name;
    for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${col.name}_${i}`;
    if (name !== col.name) warn(`flatten: two fields become the column ${col.name}; the second is called ${name}.`);
    taken.add(name.toLowerCase());
    out.push({ ...col, name });
  }
  return out;
}

/**
 * The types as DuckDB's catalog prints them. The driver's statement description quotes every
 * STRUCT field name ("id" VARCHAR) while bronze's columns read back as id VARCHAR; comparing
 * the two would look like drift, so nested types are printed by DuckDB itself first.
 */
async function canonicalTypes(conn: SqlConnection, columns: readonly ColumnInfo[]): Promise<ColumnInfo[]> {
  const nested = columns.map((c, i) => ({ c, i })).filter(({ c }) => /\b(STRUCT|MAP|UNION)\s*\(/i.test(c.type));
  if (nested.length === 0) return [...columns];
  const row = await conn.one<Record<string, string>>(`SELECT ${nested.map(({ c, i }) => `typeof(CAST(NULL AS ${c.type})) AS ${ident(`c${i}`)}`).join(', ')}`);
  return columns.map((c, i) => ({ name: c.name, type: row?.[`c${i}`] ?? c.type }));
}

function readError(err: unknown, origin: string): IngotError {
  if (err instanceof IngotError && err.code === 'CANCELLED') return err;
  const text = err instanceof Error ? err.message : String(err);
  return new IngotError('INGEST_FAILED', `DuckDB could not read the records of ${origin}: ${text.replace(/^[A-Za-z ]+Error:\s*/, '').split('\n')[0]}`, {
    hint: 'Pin the type of the column named in the message under `columns:` in the source (e.g. `columns: { id: VARCHAR }`).',
    detail: { url: origin },
    cause: err,
  });
}

/**
 * Inspects the spool at `path`; `shape` holds every key the records carry. `existing`: bronze's
 * columns, whose STRUCT types fields that held only {} are read as.
 */
export async function spoolRelation(
  conn: SqlConnection,
  path: string,
  shape: Shape,
  options: { flatten: boolean; origin: string; warn: (message: string) => void; existing?: readonly ColumnInfo[] },
): Promise<SpoolRelation> {
  const reader = (sample: number): string => `read_json(${literal(path)}, format='newline_delimited', sample_size=${sample})`;
  let source = reader(20480);
  let detected: ColumnInfo[];
  let refitted = false;
  try {
    detected = await conn.describe(`SELECT * FROM ${source}`);
    if (uncoveredKey(shape, detected) !== undefined) {
      source = reader(-1);
      detected = await conn.describe(`SELECT * FROM ${source}`);
    }
    const sampled = detected;
    if (options.existing && options.existing.length > 0) detected = fitEmptyObjects(detected, options.existing, shape);
    refitted = detected.some((c, i) => c.type !== sampled[i]?.type);
    detected = await canonicalTypes(conn, detected);
  } catch (err) {
    throw readError(err, options.origin);
  }
  // The load reads with the detected columns spelled out, so DuckDB does not sample a second time.
  // A read with its columns spelled out detects no date or timestamp format, though, and refuses
  // a value such as 31-12-2024 10:00:00 that the sampling read typed TIMESTAMP: with dates or
  // times about, the load samples again, as the first read did (same sample, same types), unless
  // a column's type was fitted to bronze's, which only the spelled-out read can take.
  const temporal = detected.some((c) => /\b(DATE|TIME|TIMESTAMP)/i.test(c.type));
  const typed =
    temporal && !refitted ? source : `read_json(${literal(path)}, format='newline_delimited', columns={${detected.map((c) => `${literal(c.name)}: ${literal(c.type)}`).join(', ')}})`;
  const plain = detected.map((c) => ({ ...c, expr: ident(c.name) }));
  const columns = options.flatten ? flattenAll(plain, options.warn) : plain;
  const exprOf = new Map(columns.map((c) => [c.name.toLowerCase(), c]));
  return {
    columns,
    relation(types) {
      const list = types.map((t) => {
        const col = exprOf.get(t.name.toLowerCase());
        if (!col) return `CAST(NULL AS ${t.type}) AS ${ident(t.name)}`;
        return col.type === t.type && col.expr === ident(t.name) ? col.expr : `${castToType(col.expr, col.type, t.type)} AS ${ident(t.name)}`;
      });
      return `(SELECT ${list.join(', ')} FROM ${typed})`;
    },
  };
}

export { readError as spoolReadError };
