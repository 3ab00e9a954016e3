// Splits the rows that failed quarantine checks off a staged result, in one transaction:
//   1. one statement copies them into a temp table, with the names of every row-level check each
//      failed (`_failed_checks`); duplicate keys are found by row id, ranking only repeated keys;
//      older copies a keep_latest dedup set aside (older-copies.ts) are held for that dedup only,
//      the other checks name only the rows left;
//   2. a held row identical to a newly quarantined one (lineage aside) is replaced, so re-running a
//      model or a new delivery of the same bad row does not pile up copies of it;
//   3. the rows go into quarantine.<layer>_<model>, each with the fingerprint of its values (so a
//      fix of it can replace it when a rebuild brings it again), and are deleted from the stage.
import type { ColumnInfo, SqlConnection } from '../db/connection.js';
import { ident, literal, sqlValue } from '../db/sql.js';
import { isLineageColumn } from '../ingest/lineage.js';
import { columnLookup, type CompiledCheck } from './compile.js';
import { keptCondition, type OlderCopies } from './older-copies.js';
import { ensureQuarantineTable, quarantineTable, rowFingerprintSql } from './quarantine-table.js';
import { uniqueFailuresSql } from './row-conditions.js';

export interface SplitInput {
  conn: SqlConnection;
  /** Quoted staging table (a base table: row ids identify the rows). */
  table: string;
  layer: string;
  model: string;
  runId: number;
  columns: readonly ColumnInfo[];
  /** Row-level checks that found failing rows (to name all failures of a row). */
  rowChecks: readonly CompiledCheck[];
  /** The quarantine checks whose failing rows move (a subset of `rowChecks`). */
  quarantineChecks: readonly CompiledCheck[];
  /** Older copies marked by the evaluation: their dedups hold them; the other checks judge the rest. */
  olderCopies?: Pick<OlderCopies, 'table' | 'counts'>;
}

export interface SplitResult {
  quarantined: number;
  /** Held rows replaced by an identical, newly quarantined row. */
  superseded: number;
  /** The statements, for "show SQL". */
  sql: string;
}

const MARKS = ident('__ingot_quarantine_rows');

/** `row(a.c1, a.c2, …) IS NOT DISTINCT FROM row(b.c1, …)` over the model columns. */
export function sameRowSql(a: string, b: string, columns: readonly ColumnInfo[]): string {
  const row = (alias: string): string => `row(${columns.map((c) => `${alias}.${ident(c.name)}`).join(', ')})`;
  return `${row(a)} IS NOT DISTINCT FROM ${row(b)}`;
}

/** The columns that say what a row holds: all but bronze lineage, which says where it came from (all, if that is all there is). */
export function valueColumns(columns: readonly ColumnInfo[]): readonly ColumnInfo[] {
  const values = columns.filter((c) => !isLineageColumn(c.name));
  return values.length > 0 ? values : columns;
}

/** The statements that move failing rows, in order. */
export function splitStatements(input: Omit<SplitInput, 'conn'>): string[] {
  const column = columnLookup(input.columns);
  const ctes: string[] = [];
  const failsOf = new Map<CompiledCheck, string>();
  const copies = input.olderCopies;
  // The rows every check but the dedups judges, with their row ids for the unique checks.
  const kept = copies ? `(SELECT rowid AS __ingot_rowid, * FROM ${input.table} WHERE ${keptCondition(copies)}) AS kept` : input.table;
  for (const c of input.rowChecks) {
    if (copies?.counts.has(c.def.name) === true) {
      failsOf.set(c, `__ingot_rowid IN (SELECT __ingot_rowid FROM ${copies.table} WHERE __ingot_check = ${literal(c.def.name)})`);
    } else if (c.def.kind === 'unique') {
      const name = ident(`__ingot_duplicates_${ctes.length + 1}`);
      ctes.push(`${name} AS (${uniqueFailuresSql(c.def, kept, column, input.columns, copies ? '__ingot_rowid' : 'rowid AS __ingot_rowid')})`);
      failsOf.set(c, `__ingot_rowid IN (SELECT __ingot_rowid FROM ${name})`);
    } else {
      failsOf.set(c, copies ? `(${c.fails ?? 'FALSE'}) AND NOT __ingot_older_copy` : (c.fails ?? 'FALSE'));
    }
  }
  const olderCopyColumn = copies ? `rowid IN (SELECT __ingot_rowid FROM ${copies.table}) AS __ingot_older_copy, ` : '';
  const names = input.rowChecks.map((c) => `CASE WHEN ${failsOf.get(c) ?? 'FALSE'} THEN ${literal(c.def.name)} END`);
  const q = quarantineTable(input.layer, input.model);
  const modelColumns = input.columns.map((c) => ident(c.name)).join(', ');
  return [
    `CREATE OR REPLACE TEMP TABLE ${MARKS} AS
${ctes.length > 0 ? `WITH ${ctes.join(',\n')}\n` : ''}SELECT *, list_filter([
    ${names.join(',\n    ')}
  ], x -> x IS NOT NULL) AS _failed_checks
FROM (SELECT rowid AS __ingot_rowid, ${olderCopyColumn}* FROM ${input.table}) AS checked
WHERE ${input.quarantineChecks.map((c) => failsOf.get(c) ?? 'FALSE').join('\n   OR ')}`,
    `DELETE FROM ${q} AS h USING ${MARKS} AS n
WHERE h._released_at IS NULL AND ${sameRowSql('h', 'n', valueColumns(input.columns))}`,
    `INSERT INTO ${q} BY NAME
SELECT ${modelColumns}, ${sqlValue(input.runId)}::BIGINT AS _run_id, _failed_checks, now()::TIMESTAMP AS _quarantined_at,
  ${rowFingerprintSql(MARKS, input.columns)} AS _original_hash FROM ${MARKS}`,
    `DELETE FROM ${input.table} WHERE rowid IN (SELECT __ingot_rowid FROM ${MARKS})`,
    `DROP TABLE ${MARKS}`,
  ];
}

/** Moves the failing rows into quarantine and out of the staging table, atomically. */
export async function splitQuarantine(input: SplitInput): Promise<SplitResult> {
  const statements = splitStatements(input);
  const [mark, supersede, insert, remove, drop] = statements as [string, string, string, string, string];
  return input.conn.transaction(async (tx) => {
    await tx.run(mark);
    await ensureQuarantineTable(tx, input.layer, input.model, input.columns);
    const superseded = await tx.run(supersede);
    const quarantined = await tx.run(insert);
    const removed = await tx.run(remove);
    await tx.run(drop);
    if (removed !== quarantined) throw new Error(`quarantine split moved ${quarantined} rows but removed ${removed}`);
    return { quarantined, superseded, sql: statements.map((s) => `${s};`).join('\n\n') };
  });
}
