// Evaluates the checks of one table: validate against its columns, compile, run the one-pass
// query, judge each check, and fetch samples for the ones that failed. Shared by the pipeline
// gate (on a staged result) and `ingot check` (on a published table). Moves no rows; the gate
// has the older copies of keep_latest dedups marked first (older-copies.ts), so the other checks
// judge only the rows the model would publish.
import { IngotError } from '../../shared/errors.js';
import type { ColumnInfo, SqlConnection } from '../db/connection.js';
import { isIntegerType, readKeyRanges, type KeyRanges } from '../db/key-bitmap.js';
import { withPerfectGroupBy } from '../db/perfect-group-by.js';
import { metricHistory, type MetricStats } from './anomaly.js';
import { findBatchLedger } from './batch-ledger.js';
import type { CheckDef } from './check-def.js';
import { columnLookup, compileChecks, type BatchLedger, type CompiledChecks } from './compile.js';
import { contractSchemaProblems } from './contract.js';
import type { CheckResult } from './gate.js';
import { judge, type Verdict } from './judge.js';
import { keepsLatest, keptRowsSql, markOlderCopies, type OlderCopies } from './older-copies.js';
import { countWithSamplesSql, sampleRows } from './samples.js';
import { bindCompiled, validateChecks } from './validate-checks.js';
import { parseDuckJsonRow } from '../db/duck-json.js';

export interface EvaluateInput {
  conn: SqlConnection;
  /** Quoted, qualified table holding the rows to check. */
  table: string;
  layer: string;
  model: string;
  checks: readonly CheckDef[];
  knownTables?: ReadonlySet<string>;
  ledger?: BatchLedger;
  /** The run being gated: its own metrics are not part of the anomaly history. */
  runId?: number;
  /** Leave samples of failing quarantine checks to the caller (the gate reads them from quarantine). */
  deferQuarantineSamples?: boolean;
  /**
   * Mark the older copies keep_latest dedups set aside before counting (the gate; `table` must be
   * a base table), so the other checks judge the rows left. The caller drops the marks
   * (`dropOlderCopies`) when done with `olderCopies`.
   */
  setAsideOlderCopies?: boolean;
  signal?: AbortSignal;
}

export interface Evaluation {
  compiled: CompiledChecks;
  columns: ColumnInfo[];
  /** Rows in the table, older copies included. */
  totalRows: number;
  /** The older copies set aside, when `setAsideOlderCopies` found any. */
  olderCopies?: OlderCopies;
  /** In the order of `checks`. */
  results: CheckResult[];
  /** Anomaly metric values of this evaluation, to be recorded if the run publishes. */
  observations: { check: string; metric: string; value: number | null }[];
}

/** Runs every check of one table in one pass; throws MODEL_INVALID for a badly declared check. */
export async function evaluateChecks(input: EvaluateInput): Promise<Evaluation> {
  const { conn } = input;
  const target = `${input.layer}.${input.model}`;
  const columns = await conn.describe(`SELECT * FROM ${input.table}`);
  const waiting = await validateChecks({ conn, table: input.table, target, columns, checks: input.checks, ...(input.knownTables ? { knownTables: input.knownTables } : {}) });
  const needsLedger = input.checks.some((d) => d.kind === 'freshness' && d.batchSource !== undefined);
  const ledger = input.ledger ?? (needsLedger ? await findBatchLedger(conn) : undefined);
  if (needsLedger && !ledger) {
    for (const d of input.checks) if (d.kind === 'freshness' && d.batchSource !== undefined) waiting.set(d.name, 'no batch has been ingested in this workspace yet');
  }
  const judgeable = input.checks.filter((d) => !waiting.has(d.name));
  const deferred = (def: CheckDef): boolean => input.deferQuarantineSamples === true && def.severity === 'quarantine';
  const counts = await countChecks({
    conn,
    table: input.table,
    target,
    columns,
    checks: judgeable,
    wantsSamples: (def) => !deferred(def),
    ...(input.setAsideOlderCopies === true ? { setAsideOlderCopies: true } : {}),
    ...(ledger ? { ledger } : {}),
    ...(input.signal ? { signal: input.signal } : {}),
  });
  const { compiled, row, broken, olderCopies } = counts;
  // Every check judges the rows left but the keep_latest dedups, which judge every staged row.
  const kept = Number(row.__rows ?? 0);
  const total = kept + (olderCopies?.rows ?? 0);
  const totalFor = (def: CheckDef): number => (olderCopies && keepsLatest(def) ? total : kept);
  const results: CheckResult[] = [];
  const observations: Evaluation['observations'] = [];
  for (const def of input.checks) {
    const check = compiled.checks.find((c) => c.def === def);
    const reason = waiting.get(def.name) ?? broken.get(def.name);
    let verdict: Verdict;
    if (!check || reason !== undefined) {
      verdict = { status: 'error', failing: 0, message: `could not be judged: ${reason ?? 'unknown reason'}` };
    } else {
      verdict = judge(check, {
        total: totalFor(def),
        row,
        ...(def.kind === 'contract' ? { contractProblems: await contractSchemaProblems(conn, def, columns) } : {}),
        ...(def.kind === 'anomaly' ? { history: await anomalyHistory(conn, input, def) } : {}),
      });
      if (def.kind === 'anomaly') for (const [metric, alias] of Object.entries(check.outputs)) observations.push({ check: def.name, metric, value: numOrNull(row[alias]) });
    }
    const wanted = check && verdict.failing > 0 && verdict.status !== 'error' && !deferred(def);
    const samples = wanted ? (counts.samples.get(def.name) ?? (await sampleRows(conn, check, rowsJudgedBy(def, input.table, olderCopies), columns))) : [];
    results.push({
      name: def.name,
      kind: def.kind,
      severity: def.severity,
      status: verdict.status,
      failingRows: verdict.failing,
      totalRows: totalFor(def),
      message: verdict.message,
      samples,
      sql: check?.sql ?? '',
      ...(verdict.details ? { details: verdict.details } : {}),
      file: def.location.file,
      ...(def.location.line !== undefined ? { line: def.location.line } : {}),
    });
  }
  return { compiled, columns, totalRows: total, results, observations, ...(olderCopies ? { olderCopies } : {}) };
}

/** The rows a check judged: every staged row for a keep_latest dedup, else the staged rows less the older copies. */
export function rowsJudgedBy(def: CheckDef, table: string, olderCopies: OlderCopies | undefined): string {
  return olderCopies && !keepsLatest(def) ? keptRowsSql(table, olderCopies) : table;
}

function numOrNull(v: unknown): number | null {
  return v === null || v === undefined ? null : Number(v);
}

async function anomalyHistory(conn: SqlConnection, input: EvaluateInput, def: Extract<CheckDef, { kind: 'anomaly' }>): Promise<Map<string, MetricStats>> {
  return metricHistory(conn, { layer: input.layer, model: input.model }, def, input.runId);
}

export interface CountInput {
  conn: SqlConnection;
  table: string;
  /** `layer.model`, for errors. */
  target: string;
  columns: readonly ColumnInfo[];
  /** Validated checks. */
  checks: readonly CheckDef[];
  ledger?: BatchLedger;
  /** Checks whose sample rows the caller will show: a recount fetches them in the same query. */
  wantsSamples?: (def: CheckDef) => boolean;
  /** Mark the older copies of keep_latest dedups first; see EvaluateInput. */
  setAsideOlderCopies?: boolean;
  signal?: AbortSignal;
}

export interface Counts {
  compiled: CompiledChecks;
  /** Output alias → value: `__rows` and every check's outputs. */
  row: Record<string, unknown>;
  /** Checks whose SQL failed at run time, with DuckDB's message. */
  broken: Map<string, string>;
  /** Sample rows fetched along with a recount, by check name. */
  samples: Map<string, Record<string, unknown>[]>;
  /** The older copies set aside (`__rows` leaves them out), when any were. */
  olderCopies?: OlderCopies;
}

/**
 * Everything a verdict needs from the data: the key ranges for bitmap counting, the one-pass
 * query, and the exact count of a unique check whose bitmap found repeated keys (with its
 * sample rows, when wanted).
 */
export async function countChecks(input: CountInput): Promise<Counts> {
  const { conn, table, columns, checks } = input;
  const options = input.signal ? { signal: input.signal } : {};
  // A key column that cannot even be read (a view whose SQL fails at run time) leaves its checks to
  // the one pass and its fallback, which report them one by one.
  const keyRanges = await readKeyRanges(conn, table, integerKeyColumns(checks, columns), options).catch((err: unknown) => {
    if (err instanceof IngotError && err.code === 'SQL_ERROR') return undefined;
    throw err;
  });
  const olderCopies = input.setAsideOlderCopies === true ? await markOlderCopies(conn, { table, columns, column: columnLookup(columns), checks, ...(keyRanges ? { keyRanges } : {}), options }) : undefined;
  const compile = (defs: readonly CheckDef[], ranges?: KeyRanges): CompiledChecks =>
    compileChecks({ table, columns, checks: defs, ...(input.ledger ? { ledger: input.ledger } : {}), ...(ranges ? { keyRanges: ranges } : {}), ...(olderCopies ? { olderCopies } : {}) });
  const compiled = compile(checks, keyRanges);
  await bindCompiled(conn, compiled, input.target);
  // Checks judged alone (after a run-time failure, such as a key outside the range read) count
  // exactly with GROUP BY.
  const { row, broken, alone } = await runOnePass(conn, compiled, (defs) => compile(defs).sql, input.signal);
  const samples = new Map<string, Record<string, unknown>[]>();
  const column = columnLookup(columns);
  for (const check of alone ? [] : compiled.checks) {
    const { failing, recount } = check;
    if (recount === undefined || failing === undefined || !(Number(row[failing] ?? 0) > 0)) continue;
    const withSamples = input.wantsSamples?.(check.def) === true ? countWithSamplesSql(check, rowsJudgedBy(check.def, table, olderCopies), columns) : undefined;
    // The recount groups by the key: with DuckDB's perfect hash aggregate when the key is narrow.
    const key = check.def.kind === 'unique' ? check.def.columns.map(column) : [];
    const recounted = await withPerfectGroupBy(conn, key, keyRanges ?? new Map(), () =>
      conn.one<{ failing: unknown; samples?: string[] | null }>(withSamples ?? recount, undefined, options),
    );
    row[failing] = recounted?.failing ?? 0;
    if (withSamples !== undefined) samples.set(check.def.name, (recounted?.samples ?? []).map(parseDuckJsonRow));
  }
  return { compiled, row, broken, samples, ...(olderCopies ? { olderCopies } : {}) };
}

/** Columns of the keys (unique checks, contract primary keys) made only of integers: the ones a bitmap may count. */
function integerKeyColumns(checks: readonly CheckDef[], columns: readonly ColumnInfo[]): ColumnInfo[] {
  const byName = new Map(columns.map((c) => [c.name.toLowerCase(), c]));
  const found = new Map<string, ColumnInfo>();
  for (const def of checks) {
    const names = def.kind === 'unique' ? def.columns : def.kind === 'contract' ? def.primaryKey : [];
    const key = names.map((n) => byName.get(n.toLowerCase()));
    if (key.length > 0 && key.every((c) => c !== undefined && isIntegerType(c.type))) for (const c of key as ColumnInfo[]) found.set(c.name, c);
  }
  return [...found.values()];
}

/**
 * Runs the one-pass query. If it fails at run time (say an expression's cast fails on some
 * row), each check runs alone (`alone`) so only the broken ones are reported as `error`.
 */
async function runOnePass(
  conn: SqlConnection,
  compiled: CompiledChecks,
  compileSome: (defs: readonly CheckDef[]) => string,
  signal: AbortSignal | undefined,
): Promise<{ row: Record<string, unknown>; broken: Map<string, string>; alone: boolean }> {
  const options = signal ? { signal } : {};
  try {
    return { row: (await conn.one(compiled.sql, undefined, options)) ?? {}, broken: new Map(), alone: false };
  } catch (err) {
    if (!(err instanceof IngotError) || err.code !== 'SQL_ERROR') throw err;
  }
  const row: Record<string, unknown> = {};
  const broken = new Map<string, string>();
  for (const check of compiled.checks) {
    try {
      Object.assign(row, (await conn.one(compileSome([check.def]), undefined, options)) ?? {});
    } catch (err) {
      if (!(err instanceof IngotError) || err.code !== 'SQL_ERROR') throw err;
      broken.set(check.def.name, err.message);
    }
  }
  if (row.__rows === undefined) Object.assign(row, await conn.one(compileSome([]), undefined, options));
  return { row, broken, alone: true };
}
