// The runs this host started and that are still going: each has its own AbortController (a run
// outlives the RPC call that started it), so `cancelRun` and shutdown can stop it.
import { IngotError } from '../../shared/errors.js';
import type { PipelineEvent } from '../pipeline/events.js';
import { runPipeline, type RunPipelineOptions, type RunResult } from '../pipeline/runner.js';
import type { Workspace } from '../workspace/workspace.js';

export class RunRegistry {
  private readonly active = new Map<number, AbortController>();
  private readonly settling = new Set<Promise<unknown>>();

  constructor(
    private readonly workspace: Workspace,
    private readonly onEvent: (event: PipelineEvent) => void,
  ) {}

  /**
   * Starts a run and resolves with its id as soon as the pipeline has one (its first event);
   * rejects if the run cannot start at all (e.g. another run holds the workspace).
   */
  start(options: Omit<RunPipelineOptions, 'signal' | 'onEvent'>): Promise<number> {
    const { announced, finished } = this.launch(options);
    const endedWithoutId = finished.then((): never => {
      throw new IngotError('INTERNAL', 'The run ended without reporting its id.', { hint: 'This is a bug in Ingot; the Runs view shows what happened.' });
    });
    return Promise.race([announced, endedWithoutId]);
  }

  /** Runs to the end (the scheduler's way): cancellable through `cancel` like a started run, and by `options.signal`. */
  run(options: RunPipelineOptions): Promise<RunResult> {
    return this.launch(options).done;
  }

  private launch(options: RunPipelineOptions): { announced: Promise<number>; finished: Promise<void>; done: Promise<RunResult> } {
    const controller = new AbortController();
    const outer = options.signal;
    const forward = (): void => controller.abort();
    if (outer?.aborted) controller.abort();
    else outer?.addEventListener('abort', forward, { once: true });
    let announce: (runId: number) => void = () => undefined;
    const announced = new Promise<number>((resolve) => (announce = resolve));
    let runId: number | undefined;
    const done = runPipeline(this.workspace, {
      ...options,
      signal: controller.signal,
      onEvent: (event) => {
        if (runId === undefined) {
          runId = event.runId;
          this.active.set(runId, controller);
          announce(runId);
        }
        this.onEvent(event);
        options.onEvent?.(event);
      },
    });
    // Once the run has an id, its failure is in history and in its run-finished event.
    const finished = done
      .then(
        () => undefined,
        (err: unknown) => {
          if (runId === undefined) throw err;
        },
      )
      .finally(() => {
        if (runId !== undefined) this.active.delete(runId);
        outer?.removeEventListener('abort', forward);
      });
    const quiet = finished.catch(() => undefined).finally(() => this.settling.delete(quiet));
    this.settling.add(quiet);
    return { announced, finished, done };
  }

  /** Aborts a running run; false when this host is not running it. */
  cancel(runId: number): boolean {
    const controller = this.active.get(runId);
    if (!controller) return false;
    controller.abort();
    return true;
  }

  isRunning(runId: number): boolean {
    return this.active.has(runId);
  }

  /** Cancels every run and waits until they have stopped. */
  async stopAll(): Promise<void> {
    for (const controller of this.active.values()) controller.abort();
    await Promise.all([...this.settling]);
  }
}

export function runNotFound(runId: number): IngotError {
  return new IngotError('NOT_FOUND', `There is no run #${runId} in this workspace.`, {
    hint: 'The Runs view (or `ingot runs`) lists the runs that exist.',
    detail: { field: 'runId', runId },
  });
}
