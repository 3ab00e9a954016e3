// `ingot check`: evaluates the declared checks on already-published tables without rebuilding
// anything. Report only: quarantine checks count the rows they would move, nothing moves, and
// anomaly metrics are compared but not added to the history. Results go to the run history
// under mode `published`.
import { IngotError, toErrorData, type ErrorData } from '../../shared/errors.js';
import type { SqlConnection } from '../db/connection.js';
import { qualified } from '../db/sql.js';
import type { CheckPosition } from './check-positions.js';
import type { BatchLedger } from './compile.js';
import { evaluateChecks } from './evaluate.js';
import type { CheckResult } from './gate.js';
import { parseChecks } from './parse-checks.js';
import { nextCheckRunId, recordCheckRun } from './results-store.js';
import { gateOutcome } from './run-gate.js';
import { qualityScore } from './score.js';

/** One table and the checks declared for it. */
export interface CheckTarget {
  layer: string;
  model: string;
  /** The sidecar or source file, as shown to the user. */
  file: string;
  checks: readonly unknown[];
  positions?: readonly CheckPosition[];
}

export interface PublishedCheckReport {
  layer: string;
  model: string;
  runId: number;
  outcome: 'pass' | 'warn' | 'error';
  rowsChecked: number;
  score: number | null;
  results: CheckResult[];
  sql: string;
  /** Set when the checks could not run at all (table not built, bad declaration). */
  error?: ErrorData;
}

export interface CheckPublishedOptions {
  knownTables?: ReadonlySet<string>;
  ledger?: BatchLedger;
  signal?: AbortSignal;
}

/** Evaluates each target's checks on its published table, one report per target. */
export async function checkPublished(conn: SqlConnection, targets: readonly CheckTarget[], options: CheckPublishedOptions = {}): Promise<PublishedCheckReport[]> {
  const reports: PublishedCheckReport[] = [];
  for (const target of targets) reports.push(await checkOne(conn, target, options));
  return reports;
}

async function checkOne(conn: SqlConnection, target: CheckTarget, options: CheckPublishedOptions): Promise<PublishedCheckReport> {
  const runId = await nextCheckRunId(conn);
  const base = { layer: target.layer, model: target.model, runId, rowsChecked: 0, score: null, results: [], sql: '' };
  const exists = await conn.one<{ n: number }>(
    'SELECT count(*) AS n FROM information_schema.tables WHERE lower(table_schema) = lower(?) AND lower(table_name) = lower(?)',
    [target.layer, target.model],
  );
  if ((exists?.n ?? 0) === 0) {
    const error = new IngotError('NOT_FOUND', `${target.layer}.${target.model} has not been built yet, so its checks cannot run.`, {
      hint: 'Build it with `ingot run`, then check again.',
      detail: { file: target.file },
    });
    return { ...base, outcome: 'error', error: error.toData() };
  }
  try {
    const defs = parseChecks(target.checks, { file: target.file, layer: target.layer, model: target.model, ...(target.positions ? { positions: target.positions } : {}) });
    const evaluation = await evaluateChecks({
      conn,
      table: qualified(target.layer, target.model),
      layer: target.layer,
      model: target.model,
      checks: defs,
      ...(options.knownTables ? { knownTables: options.knownTables } : {}),
      ...(options.ledger ? { ledger: options.ledger } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    });
    const results = evaluation.results.map((r) => (r.severity === 'quarantine' && r.failingRows > 0 && r.status !== 'error' ? { ...r, message: `${r.message}; the next run will quarantine them` } : r));
    const outcome = gateOutcome(results);
    const score = qualityScore(results);
    await recordCheckRun(
      conn,
      { runId, mode: 'published', layer: target.layer, model: target.model, outcome, rowsChecked: evaluation.totalRows, quarantined: 0, released: 0, score, file: target.file, sql: evaluation.compiled.sql },
      results,
    );
    return { ...base, outcome, rowsChecked: evaluation.totalRows, score, results, sql: evaluation.compiled.sql };
  } catch (err) {
    if (err instanceof IngotError && err.code === 'MODEL_INVALID') return { ...base, outcome: 'error', error: toErrorData(err) };
    throw err;
  }
}
