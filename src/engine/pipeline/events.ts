// The events a pipeline run emits, in order: run-started, then per model model-started,
// model-progress (while DuckDB works) and model-finished, then run-finished. The engine host
// forwards them over the EngineApi event stream; the CLI prints them.
import type { ErrorData } from '../../shared/errors.js';
import type { CheckResult } from '../quality/gate.js';

export type RunTrigger = 'manual' | 'schedule' | 'cli';
export type RunStatus = 'running' | 'success' | 'failed' | 'partial' | 'cancelled' | 'interrupted' | 'noop';
export type ModelRunStatus = 'pending' | 'running' | 'success' | 'failed' | 'skipped' | 'unchanged' | 'cancelled';
export type BuildMode = 'full' | 'incremental' | 'backfill' | 'none';

/** The quality gate's verdict on a model, as kept in run history. */
export interface ModelQuality {
  outcome: 'pass' | 'warn' | 'error';
  quarantined: number;
  checks: Pick<CheckResult, 'name' | 'kind' | 'severity' | 'status' | 'failingRows' | 'totalRows' | 'message'>[];
}

export interface ModelRunResult {
  /** `layer.name`. */
  model: string;
  layer: string;
  materialization: string;
  /** What the plan decided; `mode` is what the build did (an incremental build may turn full). */
  action: 'full' | 'incremental' | 'backfill' | 'skip';
  mode: BuildMode;
  reasons: string[];
  status: ModelRunStatus;
  /** True when the run made this model's new content visible. */
  published: boolean;
  attempts: number;
  rowsIn: number | null;
  rowsOut: number | null;
  /** Estimated size of the rows written. */
  bytes: number | null;
  durationMs: number | null;
  fingerprint: string | null;
  error: ErrorData | null;
  quality: ModelQuality | null;
}

export interface PlannedModel {
  model: string;
  layer: string;
  action: 'full' | 'incremental' | 'backfill' | 'skip';
  reasons: string[];
}

export type PipelineEvent =
  | { type: 'run-started'; runId: number; trigger: RunTrigger; selection: string; at: string; models: PlannedModel[]; warnings: string[] }
  | { type: 'model-started'; runId: number; model: string; at: string; action: PlannedModel['action']; attempt: number }
  | { type: 'model-progress'; runId: number; model: string; percentage: number; rowsProcessed: number; totalRows: number }
  | { type: 'model-finished'; runId: number; model: string; at: string; result: ModelRunResult }
  | { type: 'run-finished'; runId: number; at: string; status: RunStatus; durationMs: number; message: string };

export type PipelineEventListener = (event: PipelineEvent) => void;
