// The engine host: opens one workspace (one DuckDB instance) for its whole lifetime and
// implements the EngineApi contract on the engine modules. The RPC layer serves its handlers
// over any transport; its event hub feeds every connected client. It also runs the workspace's
// schedules and watches its files while it is open.
import type { EngineHandlers } from '../shared/api/engine-api.js';
import { capacityHostHandlers } from './host/capacity.js';
import { catalogHandlers } from './host/catalog.js';
import { ConnectionPool } from './host/connection-pool.js';
import type { HostContext } from './host/context.js';
import { EventHub, type EngineEventSink } from './host/events.js';
import { exploreHandlers } from './host/explore.js';
import { helloHandler, ingotVersion } from './host/hello.js';
import { ingestHandlers } from './host/ingest.js';
import { modelHandlers } from './host/models.js';
import { pipelineHandlers } from './host/pipeline.js';
import { qualityHandlers } from './host/quality.js';
import { toRunEvent } from './host/run-dto.js';
import { rejectHandlers } from './host/rejects.js';
import { RunRegistry } from './host/run-registry.js';
import { secretHandlers } from './host/secrets.js';
import { tableHandlers } from './host/tables.js';
import { watchWorkspace } from './host/workspace-watcher.js';
import { loadGraph } from './pipeline/load-graph.js';
import { assertScheduleSelections } from './pipeline/schedule-selections.js';
import { Scheduler, type SchedulerClock } from './pipeline/scheduler.js';
import { recoverInterruptedRuns } from './pipeline/history.js';
import { openWorkspace, type Workspace } from './workspace/workspace.js';

export interface EngineHostOptions {
  /** Reported by `hello`; defaults to the version in package.json. */
  engineVersion?: string;
  /** Run the `schedules:` of ingot.yaml while the host is open (default true). */
  schedules?: boolean;
  /** The scheduler's clock; tests drive time with their own. */
  schedulerClock?: SchedulerClock;
  /** Report changes to workspace files as `workspaceChanged` events (default true). */
  watch?: boolean;
}

export interface EngineHost {
  readonly workspace: Workspace;
  readonly handlers: EngineHandlers;
  /** Receives every engine event until the returned function is called. */
  subscribe(sink: EngineEventSink): () => void;
  /** Stops schedules and running work, waits for them, and closes the workspace. */
  close(): Promise<void>;
}

/** Opens the workspace at `workspaceRoot` and builds the handlers of the engine contract on it. */
export async function createEngineHost(workspaceRoot: string, options: EngineHostOptions = {}): Promise<EngineHost> {
  const workspace = await openWorkspace(workspaceRoot);
  const ctx: HostContext = { workspace, pool: new ConnectionPool(workspace.db), events: new EventHub() };
  const emitRunEvent = (event: Parameters<typeof toRunEvent>[0]): void => ctx.events.emit('runEvent', toRunEvent(event));
  const runs = new RunRegistry(workspace, emitRunEvent);
  let scheduler: Scheduler | undefined;
  let stopWatching: (() => void) | undefined;
  const shutdown = async (): Promise<void> => {
    stopWatching?.();
    await scheduler?.stop();
    await runs.stopAll();
    ctx.pool.close();
    workspace.close();
  };
  try {
    // Runs a killed process left 'running' are marked interrupted before anyone lists them.
    await workspace.db.withConnection((conn) => recoverInterruptedRuns(conn));
    if (options.schedules !== false && workspace.config.schedules.length > 0) {
      // A model that does not load yet is the Pipeline screen's to show; the schedule then says so when it fires.
      const graph = await workspace.db.withConnection((conn) => loadGraph(workspace, conn)).catch(() => undefined);
      if (graph) await assertScheduleSelections(graph, workspace.config.schedules, workspace.paths.config);
      scheduler = new Scheduler({
        ws: workspace,
        schedules: workspace.config.schedules,
        ...(options.schedulerClock ? { clock: options.schedulerClock } : {}),
        // Scheduled runs go through the registry, so cancelRun stops them like manual ones.
        launch: (runOptions) => runs.run(runOptions),
        onSchedule: (event) => {
          if (event.type !== 'fired') console.error(`ingot: schedule ${event.schedule}: ${event.type === 'skipped' ? event.reason : event.message}`);
        },
      });
      await scheduler.start();
    }
    if (options.watch !== false) stopWatching = await watchWorkspace(workspace.paths, (change) => ctx.events.emit('workspaceChanged', change));
  } catch (err) {
    await shutdown();
    throw err;
  }
  const handlers: EngineHandlers = {
    hello: helloHandler(workspace, options.engineVersion ?? ingotVersion()),
    ...tableHandlers(ctx),
    ...rejectHandlers(ctx),
    ...ingestHandlers(ctx),
    ...modelHandlers(ctx),
    ...pipelineHandlers(ctx, runs),
    ...qualityHandlers(ctx),
    ...exploreHandlers(ctx),
    ...catalogHandlers(ctx),
    ...capacityHostHandlers(ctx),
    ...secretHandlers(ctx),
  };
  let closing: Promise<void> | undefined;
  return {
    workspace,
    handlers,
    subscribe: (sink) => ctx.events.subscribe(sink),
    close: () => (closing ??= shutdown()),
  };
}
