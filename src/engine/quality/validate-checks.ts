// Validates parsed checks against the table they will judge, before any data is read: unknown
// columns, a range or sum on a text column, an invalid regex (DuckDB's own regexp_matches on a
// literal), a relationships target that does not exist, an expression that is not a boolean.
// Each problem is an error naming the file, the line and the check.
import type { ColumnInfo, SqlConnection } from '../db/connection.js';
import { literal } from '../db/sql.js';
import { IngotError } from '../../shared/errors.js';
import { referencedColumns, type CheckDef } from './check-def.js';
import { closest } from './closest-name.js';
import { isNumericType, isOrderedType, isTimestampType } from './column-types.js';
import type { CompiledChecks } from './compile.js';
import { definitionError } from './definition-error.js';
import { singleSelectProblem } from './sql-guard.js';
import { knownTablesOf } from './workspace-tables.js';

export interface ValidateInput {
  conn: SqlConnection;
  /** SQL naming the checked table (quoted). */
  table: string;
  /** The checked table for messages, e.g. `silver.orders`. */
  target: string;
  columns: readonly ColumnInfo[];
  checks: readonly CheckDef[];
  /**
   * `layer.name` of every model and source of the workspace (lower case); relationships may point
   * at one not built yet. Read from the workspace folder when omitted.
   */
  knownTables?: ReadonlySet<string>;
}

/** Checks that cannot be judged now, with the reason (a relationships target not built yet). */
export type Unjudgeable = Map<string, string>;

/** Throws MODEL_INVALID for the first bad check; returns the checks that must wait. */
export async function validateChecks(input: ValidateInput): Promise<Unjudgeable> {
  const byName = new Map(input.columns.map((c) => [c.name.toLowerCase(), c]));
  const unjudgeable: Unjudgeable = new Map();
  for (const def of input.checks) {
    for (const ref of referencedColumns(def)) {
      if (!byName.has(ref.column.toLowerCase())) throw unknownColumn(def, ref.column, ref.field, input);
    }
    await validateKind(def, input, byName, unjudgeable);
  }
  return unjudgeable;
}

function unknownColumn(def: CheckDef, column: string, field: string, input: ValidateInput): IngotError {
  const names = input.columns.map((c) => c.name);
  const near = closest(column, names);
  return definitionError(def.location, def.name, `column ${column} is not in ${input.target} (its columns: ${names.join(', ')})`, {
    field,
    hint: near ? `Did you mean ${near}?` : `Use one of the columns of ${input.target}.`,
  });
}

async function validateKind(def: CheckDef, input: ValidateInput, byName: Map<string, ColumnInfo>, unjudgeable: Unjudgeable): Promise<void> {
  const { conn } = input;
  const typeOf = (c: string): string => byName.get(c.toLowerCase())?.type ?? '';
  switch (def.kind) {
    case 'range': {
      const type = typeOf(def.column);
      if (!isOrderedType(type)) {
        throw definitionError(def.location, def.name, `a range needs a number, date or time column; ${def.column} is ${type}`, {
          field: 'column',
          hint: 'Cast the column in the model, or check text with pattern or accepted_values.',
        });
      }
      for (const key of ['min', 'max'] as const) {
        const bound = def[key];
        if (bound === undefined) continue;
        const ok = typeof bound === 'number' ? isNumericType(type) : await castable(conn, bound, type);
        if (!ok) throw definitionError(def.location, def.name, `${key} ${JSON.stringify(bound)} is not a ${type} value`, { field: key });
      }
      return;
    }
    case 'pattern': {
      try {
        await conn.run(`SELECT regexp_matches('', ${literal(def.regex)})`);
      } catch (err) {
        throw definitionError(def.location, def.name, `invalid regular expression ${JSON.stringify(def.regex)}: ${reason(err)}`, {
          field: 'regex',
          hint: 'Ingot uses DuckDB (RE2) regular expressions; escape special characters with a backslash.',
        });
      }
      return;
    }
    case 'relationships':
      return validateRelationship(def, input, unjudgeable);
    case 'freshness': {
      if (def.column !== undefined && !isTimestampType(typeOf(def.column))) {
        throw definitionError(def.location, def.name, `freshness needs a date or timestamp column; ${def.column} is ${typeOf(def.column)}`, {
          field: 'column',
          hint: 'Cast the column to TIMESTAMP in the model (try_strptime for text).',
        });
      }
      return;
    }
    case 'anomaly': {
      for (const m of def.metrics) {
        if (['sum', 'mean', 'min', 'max'].includes(m.metric) && !isNumericType(typeOf(m.column))) {
          throw definitionError(def.location, def.name, `${m.metric} needs a number column; ${m.column} is ${typeOf(m.column)}`, { field: 'metrics' });
        }
      }
      return;
    }
    case 'expression': {
      const problem = await singleSelectProblem(conn, `SELECT (${def.expression}) FROM ${input.table}`);
      if (problem) throw definitionError(def.location, def.name, `the expression is not one SQL expression: ${problem}`, { field: 'expression' });
      let type: string | undefined;
      try {
        type = (await conn.describe(`SELECT (${def.expression}) AS v FROM ${input.table}`))[0]?.type;
      } catch (err) {
        throw definitionError(def.location, def.name, `the expression does not work on ${input.target}: ${reason(err)}`, { field: 'expression' });
      }
      if (type !== 'BOOLEAN') {
        throw definitionError(def.location, def.name, `the expression must be TRUE or FALSE per row, but it is ${type ?? 'unknown'}`, {
          field: 'expression',
          hint: 'Write a condition, e.g. `total_amount >= 0`.',
        });
      }
      return;
    }
    case 'assert': {
      const problem = await singleSelectProblem(conn, def.sql);
      if (problem) throw definitionError(def.location, def.name, `sql is not one SELECT query: ${problem}`, { field: 'sql' });
      return;
    }
    default:
      return;
  }
}

async function validateRelationship(def: Extract<CheckDef, { kind: 'relationships' }>, input: ValidateInput, unjudgeable: Unjudgeable): Promise<void> {
  const target = `${def.toLayer}.${def.toTable}`;
  const cols = await input.conn.all<{ column_name: string }>(
    'SELECT column_name FROM information_schema.columns WHERE lower(table_schema) = lower(?) AND lower(table_name) = lower(?)',
    [def.toLayer, def.toTable],
  );
  if (cols.length === 0) {
    const known = input.knownTables ?? (await knownTablesOf(input.conn));
    if (known.has(target.toLowerCase())) {
      unjudgeable.set(def.name, `${target} has not been built yet; run it first (or before ${input.target})`);
      return;
    }
    throw definitionError(def.location, def.name, `relationships point to ${target}, but no model or table ${target} exists`, {
      field: 'to',
      hint: `Name an existing model as layer.name, e.g. silver.orders. If ${target} is a model that has not been built yet, build it first: \`ingot run ${target}\`.`,
    });
  }
  if (!cols.some((c) => c.column_name.toLowerCase() === def.field.toLowerCase())) {
    const near = closest(def.field, cols.map((c) => c.column_name));
    throw definitionError(def.location, def.name, `${target} has no column ${def.field}`, {
      field: def.field === def.column ? 'column' : 'field',
      hint: near ? `Did you mean field: ${near}?` : `Set field: to a column of ${target}.`,
    });
  }
}

/** After compiling: binds the one-pass query; if it does not bind, finds the check to blame. */
export async function bindCompiled(conn: SqlConnection, compiled: CompiledChecks, target: string): Promise<void> {
  try {
    await conn.describe(compiled.sql);
    return;
  } catch (whole) {
    for (const c of compiled.checks) {
      try {
        await conn.describe(c.sql);
      } catch (err) {
        throw definitionError(c.def.location, c.def.name, `does not work on ${target}: ${reason(err)}`);
      }
    }
    throw whole;
  }
}

async function castable(conn: SqlConnection, value: string, type: string): Promise<boolean> {
  const row = await conn.one<{ ok: boolean }>(`SELECT TRY_CAST(${literal(value)} AS ${type}) IS NOT NULL AS ok`);
  return row?.ok === true;
}

function reason(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).split('\n')[0] ?? '';
}
