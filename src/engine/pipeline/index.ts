// The medallion pipeline: SQL models in silver and gold built from bronze, in dependency order,
// incrementally where they can be (see incremental.ts), published atomically, with run history
// and schedules. This file lists what the rest of the engine uses.
export { runPipeline, type PipelineWorkspace, type RunPipelineOptions, type RunResult } from './runner.js';
export { planRun, type PlanEntry, type PlanReport } from './plan-run.js';
export { loadGraph } from './load-graph.js';
export type { PipelineGraph, ModelNode, GraphWarning } from './graph.js';
export { getRun, listRuns, recoverInterruptedRuns, type RunRecord, type RunModelRecord } from './history.js';
export { Scheduler, SYSTEM_CLOCK, type SchedulerClock, type SchedulerOptions, type ScheduleEvent } from './scheduler.js';
export { isRunActive } from './run-lock.js';
export type { PipelineEvent, PipelineEventListener, ModelRunResult, ModelRunStatus, RunStatus, RunTrigger, PlannedModel, ModelQuality } from './events.js';
export type { ModelDef, SourceDef, Layer } from './model.js';
export type { ModelConfig, Materialization } from './model-config.js';
