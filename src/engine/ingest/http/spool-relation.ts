// How DuckDB reads a load's spool: read_json over its records (one per line), DuckDB inferring the
// columns (from a sample, or from every record when a key shows up only beyond the sample), nested
// objects kept as STRUCT columns or flattened into parent_child columns (flatten.ts; a field that
// held only {} read as bronze's STRUCT, or else landed as JSON text), and each column cast to the
// type bronze reads it as.
import { IngotError } from '../../../shared/errors.js';
import type { ColumnInfo, SqlConnection } from '../../db/connection.js';
import { ident, literal } from '../../db/sql.js';
import { castToType } from '../nested-text.js';
import { emptyObjectsAsText, fitEmptyObjects } from './empty-objects.js';
import { flattenAll, type SpoolColumn } from './flatten.js';
import { uncoveredKey, type Shape } from './shape.js';

export type { SpoolColumn };

export interface SpoolRelation {
  columns: SpoolColumn[];
  /** `(SELECT … FROM read_json(…))` reading each column as `types` say. */
  relation(types: readonly ColumnInfo[]): string;
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
 * columns, whose STRUCT types fields that held only {} are read as (without them, such fields land
 * as JSON text), and whose text columns objects are read into rather than flattened.
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
  let landing: ColumnInfo[];
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
    landing = emptyObjectsAsText(detected, shape);
    if (landing.some((c, i) => c.type !== detected[i]?.type)) landing = await canonicalTypes(conn, landing);
  } catch (err) {
    throw readError(err, options.origin);
  }
  // The load reads with the detected columns spelled out, so DuckDB does not sample a second time.
  // A read with its columns spelled out detects no date or timestamp format, though, and refuses
  // a value such as 31-12-2024 10:00:00 that the sampling read typed TIMESTAMP: with dates or
  // times about, the load samples again, as the first read did (same sample, same types), unless
  // a column's type was fitted to bronze's, which only the spelled-out read can take.
  const temporal = detected.some((c) => /\b(DATE|TIME|TIMESTAMP)/i.test(c.type));
  const read =
    temporal && !refitted ? source : `read_json(${literal(path)}, format='newline_delimited', columns={${detected.map((c) => `${literal(c.name)}: ${literal(c.type)}`).join(', ')}})`;
  // Fields that held only {} are read as DuckDB typed them (a MAP) and cast to the text they land as.
  const toText = landing.filter((c, i) => c.type !== detected[i]?.type).map((c) => `CAST(${ident(c.name)} AS ${c.type}) AS ${ident(c.name)}`);
  const typed = toText.length === 0 ? read : `(SELECT * REPLACE (${toText.join(', ')}) FROM ${read})`;
  const plain = landing.map((c, i) => ({ ...c, read: detected[i]?.type ?? c.type, expr: ident(c.name) }));
  const columns = options.flatten ? flattenAll(plain, options.existing ?? [], options.warn) : plain.map((c) => ({ name: c.name, type: c.type, expr: c.expr }));
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
