// The contract between the pipeline runner and the quality layer. The runner stages a model's
// result, hands it to `runQualityGate`, and publishes only what the gate lets through. The
// quality layer never imports the pipeline; the pipeline calls this.
import type { SqlConnection } from '../db/connection.js';
import type { CheckPosition } from './check-positions.js';
import type { BatchLedger } from './compile.js';

/** One check's outcome, as stored in run history and shown in the UI. */
export interface CheckResult {
  /** Unique within the model, e.g. `not_null(customer_id)`. */
  name: string;
  kind: string;
  severity: 'warn' | 'error' | 'quarantine';
  status: 'pass' | 'warn' | 'fail' | 'error';
  failingRows: number;
  totalRows: number;
  message: string;
  /** Up to 20 failing rows, as plain JSON objects. */
  samples: Record<string, unknown>[];
  /** The SQL used to evaluate the check, for "show SQL". */
  sql: string;
  /** Kind-specific numbers: freshness age, anomaly metrics and z-scores, contract problems. */
  details?: Record<string, unknown>;
  /** Where the check is declared. */
  file?: string;
  line?: number;
}

export interface GateInput {
  conn: SqlConnection;
  runId: number;
  layer: 'bronze' | 'silver' | 'gold';
  model: string;
  /** Qualified, quoted name of the staged result, e.g. `"silver"."__stage_orders"`. */
  stagingTable: string;
  /** The raw `checks:` list from the model's sidecar YAML (validated by the quality layer). */
  checks: readonly unknown[];
  /** Sidecar file, for error messages. */
  file: string;
  /** Line of each check in `file` (`locateChecks(text)`); without it the gate reads `file` if it can. */
  positions?: readonly CheckPosition[];
  /** `layer.name` of every model and source of the workspace: relationships to one not built yet wait instead of failing. */
  knownTables?: readonly string[];
  /**
   * Put released quarantined rows back into the staging table before checking (default true).
   * They are appended as new rows: a caller that publishes by key or partition must count their
   * keys as affected (`released` > 0 says some were added), or pass false to leave them waiting.
   */
  reprocessReleased?: boolean;
  /**
   * Leave the released rows this gate took back in marked as waiting; the caller stamps them
   * (`markReleasedReprocessed` with `releasedThrough`) in the transaction that publishes the
   * model, so a run that does not publish it leaves them for the next run.
   */
  deferReprocessedMark?: boolean;
  /**
   * Replace staged originals of rows that were fixed and released from quarantine by their fixes,
   * before checking (quarantine-fixes.ts). Pass it when the stage was computed from the model's
   * inputs again, with the key or partition columns the model is published by (none for a full
   * rebuild). Without it, staged rows are checked as they are.
   */
  reapplyFixes?: { keyColumns: readonly string[] };
  /** Where ingest records batches, for `freshness` with `batch:`; found by itself when omitted. */
  ledger?: BatchLedger;
  signal?: AbortSignal;
}

export interface GateResult {
  /** `error` means: do not publish this model, skip its downstream. */
  outcome: 'pass' | 'warn' | 'error';
  /** Rows moved out of the staging table into quarantine.<layer>_<model>. */
  quarantined: number;
  results: CheckResult[];
  /** Released quarantined rows put back into the staging table before the checks ran (fixes reapplied included). */
  released: number;
  /** With deferReprocessedMark: the newest release id among the released rows taken back in. */
  releasedThrough?: number;
  /** Rows in the staging table when the checks ran (including released rows). */
  rowsChecked: number;
  /** Quality score 0–100 of this table for this run (see `describeScore`); null without checks. */
  score: number | null;
  /** The compiled one-pass query, for "show SQL" (after the statements that marked older copies, when a dedup set any aside). */
  sql: string;
  /** The statements that moved rows into quarantine, when any moved. */
  quarantineSql?: string;
}
