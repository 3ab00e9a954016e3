// The quality gate the pipeline runner calls between staging and publishing a model:
//   1. fixes made in quarantine replace their originals in a rebuilt stage, and released
//      quarantined rows go back into the staging table,
//   2. the older copies keep_latest dedups set aside are marked (older-copies.ts), and every check
//      runs in one pass (evaluate.ts): the dedups over every staged row, the other checks over
//      the rows the model would publish (older copies left out),
//   3. unless the gate says `error`, older copies and rows failing quarantine checks move to
//      quarantine.<layer>_<model>, released rows are stamped re-processed (or, with
//      deferReprocessedMark, left for the caller to stamp when it publishes) and anomaly metrics
//      join the history,
//   4. the results and the score are stored in the run history.
// Step 1 is one transaction per part; steps 3–4 are one transaction, so a gate that throws leaves the
// quarantine and the history as they were (released rows stay released for the next run).
// Call it outside an open transaction: a check that fails at run time would abort that one.
import { readFile } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import type { SqlConnection } from '../db/connection.js';
import { recordMetrics } from './anomaly.js';
import { locateChecks, type CheckPosition } from './check-positions.js';
import { ROW_LEVEL_KINDS } from './check-schema.js';
import type { CompiledCheck } from './compile.js';
import { evaluateChecks, rowsJudgedBy, type Evaluation } from './evaluate.js';
import type { CheckResult, GateInput, GateResult } from './gate.js';
import { dropOlderCopies } from './older-copies.js';
import { parseChecks } from './parse-checks.js';
import { logQuarantine, quarantineTable } from './quarantine-table.js';
import { reapplyQuarantineFixes } from './quarantine-fixes.js';
import { markReleasedReprocessed, restageReleased } from './quarantine-release.js';
import { splitQuarantine } from './quarantine-split.js';
import { recordCheckRun } from './results-store.js';
import { quarantinedSampleRows, sampleRows } from './samples.js';
import { qualityScore } from './score.js';
import { workspaceRootOf } from './workspace-tables.js';

/** Gate outcome from check results: a failed check, or an unjudgeable error/quarantine check, stops the model. */
export function gateOutcome(results: readonly CheckResult[]): GateResult['outcome'] {
  if (results.some((r) => r.status === 'fail' || (r.status === 'error' && r.severity !== 'warn'))) return 'error';
  if (results.some((r) => r.status === 'warn' || r.status === 'error')) return 'warn';
  return 'pass';
}

/** Positions from the sidecar itself (relative to the workspace) when the caller did not pass them. */
async function positionsFor(input: GateInput): Promise<readonly CheckPosition[] | undefined> {
  if (input.positions) return input.positions;
  const root = isAbsolute(input.file) ? undefined : await workspaceRootOf(input.conn);
  try {
    return locateChecks(await readFile(root ? join(root, input.file) : input.file, 'utf8'));
  } catch {
    return undefined;
  }
}

/**
 * Checks a staged model result, splits off quarantined rows, and says whether to publish.
 * Throws MODEL_INVALID (file:line, check) for a badly declared check.
 */
export async function runQualityGate(input: GateInput): Promise<GateResult> {
  try {
    return await gateStage(input);
  } finally {
    // Left behind only if the connection is gone; the next gate on a connection replaces it anyway.
    await dropOlderCopies(input.conn).catch(() => undefined);
  }
}

async function gateStage(input: GateInput): Promise<GateResult> {
  const positions = await positionsFor(input);
  const defs = parseChecks(input.checks, { file: input.file, layer: input.layer, model: input.model, ...(positions ? { positions } : {}) });
  const { conn, layer, model, runId } = input;
  // Reads run outside the write transaction: a check that breaks at run time must not abort it.
  const reapplied = input.reapplyFixes
    ? await reapplyQuarantineFixes(conn, { stagingTable: input.stagingTable, layer, model, checks: defs, keyColumns: input.reapplyFixes.keyColumns })
    : 0;
  const restaged = input.reprocessReleased === false ? { pending: 0, inserted: 0 } : await restageReleased(conn, layer, model, input.stagingTable);
  const released = restaged.inserted + reapplied;
  const evaluation = await evaluateChecks({
    conn,
    table: input.stagingTable,
    layer,
    model,
    checks: defs,
    runId,
    deferQuarantineSamples: true,
    setAsideOlderCopies: true,
    ...(input.knownTables ? { knownTables: new Set(input.knownTables.map((t) => t.toLowerCase())) } : {}),
    ...(input.ledger ? { ledger: input.ledger } : {}),
    ...(input.signal ? { signal: input.signal } : {}),
  });
  const outcome = gateOutcome(evaluation.results);
  // Show SQL: the statements that marked the older copies, then the one pass that reads them.
  const sql = evaluation.olderCopies ? `${evaluation.olderCopies.sql}\n\n${evaluation.compiled.sql}` : evaluation.compiled.sql;
  return conn.transaction(async (tx) => {
    let quarantined = 0;
    let superseded = 0;
    let reprocessed = 0;
    let quarantineSql: string | undefined;
    if (outcome !== 'error') {
      ({ quarantined, superseded, sql: quarantineSql } = await quarantineFailingRows(tx, input, evaluation));
      if (restaged.through !== undefined && input.deferReprocessedMark !== true) reprocessed = await markReleasedReprocessed(tx, layer, model, runId, restaged.through);
      await recordMetrics(tx, runId, { layer, model }, evaluation.observations, outcome);
      if (quarantined > 0 || superseded > 0 || reprocessed > 0) await logQuarantine(tx, { runId, layer, model, quarantined, superseded, reprocessed });
    }
    const results: CheckResult[] = [];
    for (const r of evaluation.results) results.push(withQuarantineNote(await withSamples(tx, input, evaluation, r, outcome), outcome));
    const score = qualityScore(results);
    await recordCheckRun(
      tx,
      { runId, mode: 'gate', layer, model, outcome, rowsChecked: evaluation.totalRows, quarantined, released, score, file: input.file, sql },
      results,
    );
    return {
      outcome,
      quarantined,
      released,
      rowsChecked: evaluation.totalRows,
      score,
      sql,
      ...(quarantineSql !== undefined ? { quarantineSql } : {}),
      ...(input.deferReprocessedMark === true && restaged.through !== undefined && outcome !== 'error' ? { releasedThrough: restaged.through } : {}),
      results,
    };
  });
}

/** Row-level checks that found rows, as compiled; the quarantine ones among them move their rows. */
function failingRowChecks(evaluation: Evaluation): CompiledCheck[] {
  const failing = new Set(evaluation.results.filter((r) => r.failingRows > 0 && r.status !== 'error').map((r) => r.name));
  return evaluation.compiled.checks.filter((c) => ROW_LEVEL_KINDS.has(c.def.kind) && failing.has(c.def.name));
}

/** Samples of a quarantine check: read back from quarantine when its rows moved, else from staging. */
async function withSamples(conn: SqlConnection, input: GateInput, evaluation: Evaluation, r: CheckResult, outcome: GateResult['outcome']): Promise<CheckResult> {
  if (r.severity !== 'quarantine' || r.failingRows === 0 || r.status === 'error' || r.samples.length > 0) return r;
  if (outcome !== 'error') {
    const table = quarantineTable(input.layer, input.model);
    return { ...r, samples: await quarantinedSampleRows(conn, table, input.runId, r.name, evaluation.columns.map((c) => c.name)) };
  }
  const check = evaluation.compiled.checks.find((c) => c.def.name === r.name);
  return check ? { ...r, samples: await sampleRows(conn, check, rowsJudgedBy(check.def, input.stagingTable, evaluation.olderCopies), evaluation.columns) } : r;
}

async function quarantineFailingRows(conn: SqlConnection, input: GateInput, evaluation: Evaluation): Promise<{ quarantined: number; superseded: number; sql?: string }> {
  const rowChecks = failingRowChecks(evaluation);
  const quarantineChecks = rowChecks.filter((c) => c.def.severity === 'quarantine');
  if (quarantineChecks.length === 0) return { quarantined: 0, superseded: 0 };
  return splitQuarantine({
    conn,
    table: input.stagingTable,
    layer: input.layer,
    model: input.model,
    runId: input.runId,
    columns: evaluation.columns,
    rowChecks,
    quarantineChecks,
    ...(evaluation.olderCopies ? { olderCopies: evaluation.olderCopies } : {}),
  });
}

function withQuarantineNote(r: CheckResult, outcome: GateResult['outcome']): CheckResult {
  if (r.severity !== 'quarantine' || r.failingRows === 0 || r.status === 'error') return r;
  const note = outcome === 'error' ? 'not quarantined: the model was stopped by another check' : 'moved to quarantine';
  return { ...r, message: `${r.message}; ${note}` };
}
