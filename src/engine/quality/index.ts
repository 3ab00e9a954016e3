// The data-quality layer. Checks are declared in `checks:` lists (model sidecars, source YAML),
// compiled per table into ONE aggregate query with FILTER clauses, and judged with a severity:
// warn (report, publish), error (stop the model and its downstream), quarantine (row-level
// checks: failing rows move to quarantine.<layer>_<model>, the rest publish). The pipeline calls
// `runQualityGate` on each staged result; `ingot check` calls `checkPublished`.
//
// Quality score of a table (0–100), from the latest evaluation of its checks:
//   score = 100 × Σ w·p / Σ w
//   w = 3 for error checks, 2 for quarantine checks, 1 for warn checks
//   p = 1 for a passing check; for a row-level check that warned or failed, the share of rows
//       passing it (1 − failing/total); for a table-level check (row_count, assert, freshness,
//       anomaly, contract, drift) 0.5 if it warned and 0 if it failed; 0 if it could not be judged.
// A table without checks has no score. See score.ts and `describeScore()`.
export type { CheckResult, GateInput, GateResult } from './gate.js';
export { runQualityGate, gateOutcome } from './run-gate.js';
export { parseChecks, type ParseContext } from './parse-checks.js';
export { locateChecks, type CheckPosition } from './check-positions.js';
export type { CheckDef, CheckLocation } from './check-def.js';
export { CHECK_KINDS, ROW_LEVEL_KINDS, type CheckKind } from './check-schema.js';
export { compileChecks, type BatchLedger, type CompiledChecks, type CompiledCheck, type CompileInput } from './compile.js';
export { validateChecks } from './validate-checks.js';
export { countChecks, evaluateChecks, type Counts, type Evaluation } from './evaluate.js';
export { checkPublished, type CheckTarget, type PublishedCheckReport } from './check-published.js';
export { loadWorkspaceChecks, type DeclaredChecks, type WorkspaceChecks } from './declared-checks.js';
export { selectTargets } from './select-targets.js';
export { listQuarantine, type QuarantineListing } from './quarantine-list.js';
export { pendingReleaseCount, pendingReleaseKeysSql, releaseQuarantined, stampReleasedOnPublish, type ReleaseResult } from './quarantine-release.js';
export { quarantineTable, quarantineTableName } from './quarantine-table.js';
export { driftToCheckResult, recordDrift, type SchemaDrift } from './drift.js';
export { qualityScore, describeScore } from './score.js';
export { latestCheckRuns, storedCheckResults, recordCheckRun, type CheckMode, type StoredCheckRun } from './results-store.js';
export { findBatchLedger } from './batch-ledger.js';
export { checkDependencies } from './check-dependencies.js';
