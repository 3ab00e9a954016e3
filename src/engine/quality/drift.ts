// Bronze schema drift as a check result. Ingest detects drift between batches of a source (new
// column, missing column, widened or changed type) and records it with the batch; the host hands
// those changes here, so drift shows up in the same run history, UI and score as every other
// check of bronze.<source>. The change shape is ingest's DriftChange, restated structurally so
// quality does not depend on ingest.
import type { SqlConnection } from '../db/connection.js';
import type { CheckResult } from './gate.js';
import { nextCheckRunId, recordCheckRun } from './results-store.js';
import { qualityScore } from './score.js';

export interface DriftChangeReport {
  column: string;
  /** `type_changed` is breaking (old values do not fit); the others are absorbed by the load. */
  change: 'added' | 'missing' | 'type_changed' | 'type_widened';
  /** Human-readable: names both types and the file where it was seen. */
  detail: string;
}

export interface SchemaDrift {
  /** The bronze source, e.g. `orders`. */
  source: string;
  changes: readonly DriftChangeReport[];
  /** The batch that drifted, for the history. */
  batchId?: number;
}

const VERB: Record<DriftChangeReport['change'], string> = {
  added: 'new column',
  missing: 'missing column',
  type_widened: 'widened column',
  type_changed: 'changed type of column',
};

/** The check result for one drift report: fail on a breaking type change, warn on other drift. */
export function driftToCheckResult(drift: SchemaDrift): CheckResult {
  const breaking = drift.changes.some((c) => c.change === 'type_changed');
  const parts = drift.changes.map((c) => `${VERB[c.change]} ${c.column} (${c.detail})`);
  return {
    name: 'schema_drift',
    kind: 'drift',
    severity: breaking ? 'error' : 'warn',
    status: breaking ? 'fail' : parts.length > 0 ? 'warn' : 'pass',
    failingRows: parts.length,
    totalRows: 0,
    message: parts.length === 0 ? `bronze.${drift.source} has the same columns as before` : `schema drift of bronze.${drift.source}: ${parts.join('; ')}`,
    samples: [],
    sql: '',
    details: { changes: drift.changes, ...(drift.batchId !== undefined ? { batch_id: drift.batchId } : {}) },
  };
}

/** Stores a drift report as an ingest-time evaluation of bronze.<source>; returns the result. */
export async function recordDrift(conn: SqlConnection, drift: SchemaDrift, rowsLoaded = 0): Promise<CheckResult> {
  const result = driftToCheckResult(drift);
  const runId = await nextCheckRunId(conn);
  const outcome = result.status === 'fail' ? 'error' : result.status === 'warn' ? 'warn' : 'pass';
  await recordCheckRun(
    conn,
    { runId, mode: 'ingest', layer: 'bronze', model: drift.source, outcome, rowsChecked: rowsLoaded, quarantined: 0, released: 0, score: qualityScore([result]) },
    [result],
  );
  return result;
}
