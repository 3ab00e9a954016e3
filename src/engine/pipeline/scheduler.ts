// Runs the `schedules:` of ingot.yaml in a long-running host (desktop app, `ingot serve`).
// Each schedule is a cron expression and a selection. Runs never overlap: while one runs, later
// occurrences wait, and an occurrence that finds another run (a manual one) in progress is
// skipped and recorded. When the host was closed or busy past occurrences, the missed-run policy
// decides: `skip` drops them, `catch_up_once` runs once now for all of them. The time each
// schedule last fired is kept in _ingot.schedule_state, so the policy holds across restarts.
// The clock is injectable, so tests drive time by hand.
import { CronExpressionParser, type CronExpression } from 'cron-parser';
import { IngotError, toErrorData } from '../../shared/errors.js';
import type { Schedule } from '../workspace/config.js';
import type { PipelineEventListener } from './events.js';
import { isRunActive } from './run-lock.js';
import { runPipeline, type PipelineWorkspace, type RunPipelineOptions, type RunResult } from './runner.js';

export interface SchedulerClock {
  now(): Date;
  setTimer(fn: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
}

export const SYSTEM_CLOCK: SchedulerClock = {
  now: () => new Date(),
  setTimer: (fn, ms) => setTimeout(fn, ms),
  clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export type ScheduleEvent =
  | { type: 'fired'; schedule: string; occurrence: Date; runId: number; status: RunResult['status'] }
  | { type: 'skipped'; schedule: string; occurrence: Date; reason: string }
  | { type: 'failed'; schedule: string; occurrence: Date; message: string };

export interface SchedulerOptions {
  ws: PipelineWorkspace;
  schedules: readonly Schedule[];
  clock?: SchedulerClock;
  /** IANA time zone the cron expressions are read in; default the system's. */
  timezone?: string;
  /** An occurrence this late (default 60 s) counts as missed. */
  graceMs?: number;
  /** Longest sleep between checks (default 60 s), so a changed clock is noticed. */
  maxSleepMs?: number;
  onEvent?: PipelineEventListener;
  onSchedule?: (event: ScheduleEvent) => void;
  /** Runs the pipeline (default `runPipeline`); the engine host passes one that registers each run, so `cancelRun` can stop a scheduled run too. */
  launch?: (options: RunPipelineOptions) => Promise<RunResult>;
}

interface Entry {
  schedule: Schedule;
  lastFiredAt: Date | undefined;
}

export class Scheduler {
  private readonly clock: SchedulerClock;
  private readonly timezone: string;
  private readonly entries: Entry[];
  private timer: unknown;
  private running: Promise<unknown> | undefined;
  private stopped = true;
  private readonly abort = new AbortController();

  constructor(private readonly options: SchedulerOptions) {
    this.clock = options.clock ?? SYSTEM_CLOCK;
    this.timezone = options.timezone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
    this.entries = options.schedules.map((schedule, i) => {
      try {
        CronExpressionParser.parse(schedule.cron, { tz: this.timezone });
      } catch (err) {
        throw new IngotError('WORKSPACE_INVALID', `ingot.yaml: schedules[${i}] (${schedule.name}): "${schedule.cron}" is not a cron expression: ${(err as Error).message}`, {
          hint: 'Use five fields (minute hour day month weekday), e.g. "0 6 * * *" for every day at 06:00.',
          detail: { file: 'ingot.yaml', field: `schedules.${i}.cron` },
        });
      }
      return { schedule, lastFiredAt: undefined };
    });
  }

  /** Loads when each schedule last fired and starts the timer. */
  async start(): Promise<void> {
    await this.loadState();
    this.stopped = false;
    this.arm();
  }

  /** Stops the timer, cancels a scheduled run in progress and waits for it to end. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer !== undefined) this.clock.clearTimer(this.timer);
    this.timer = undefined;
    this.abort.abort();
    await this.running?.catch(() => undefined);
  }

  /** When `name` fires next, after its last firing (or now). */
  nextOccurrence(name: string): Date | undefined {
    const entry = this.entries.find((e) => e.schedule.name === name);
    if (!entry) return undefined;
    return this.cron(entry.schedule, entry.lastFiredAt ?? this.clock.now()).next().toDate();
  }

  /** Runs every schedule that is due at the clock's now, one after another. Returns what happened. */
  async tick(): Promise<ScheduleEvent[]> {
    if (this.running) return [];
    const work = this.runDue();
    this.running = work;
    try {
      return await work;
    } finally {
      this.running = undefined;
    }
  }

  private async runDue(): Promise<ScheduleEvent[]> {
    const events: ScheduleEvent[] = [];
    for (const entry of this.entries) {
      const now = this.clock.now();
      if (!entry.lastFiredAt) {
        // First sight of this schedule: it starts counting from now, it does not replay history.
        entry.lastFiredAt = now;
        await this.saveState(entry.schedule.name, now, null, 'started');
        continue;
      }
      const first = this.cron(entry.schedule, entry.lastFiredAt).next().toDate();
      if (first > now) continue;
      const latest = this.cron(entry.schedule, new Date(now.getTime() + 1)).prev().toDate();
      const missedSome = latest.getTime() > first.getTime();
      const onTime = now.getTime() - latest.getTime() <= (this.options.graceMs ?? 60_000);
      entry.lastFiredAt = latest;
      if (!onTime && entry.schedule.missed === 'skip') {
        events.push(this.emit({ type: 'skipped', schedule: entry.schedule.name, occurrence: latest, reason: `missed ${missedSome ? 'several occurrences' : 'its time'} while Ingot was closed or busy (missed: skip)` }));
        await this.saveState(entry.schedule.name, latest, null, 'missed');
        continue;
      }
      if (isRunActive(this.options.ws.db.path)) {
        events.push(this.emit({ type: 'skipped', schedule: entry.schedule.name, occurrence: latest, reason: 'another run was in progress; runs never overlap' }));
        await this.saveState(entry.schedule.name, latest, null, 'skipped: overlapping');
        continue;
      }
      events.push(await this.fire(entry.schedule, latest));
    }
    return events;
  }

  private async fire(schedule: Schedule, occurrence: Date): Promise<ScheduleEvent> {
    try {
      const launch = this.options.launch ?? ((options: RunPipelineOptions) => runPipeline(this.options.ws, options));
      const result = await launch({
        selection: schedule.select === '*' ? '' : schedule.select,
        trigger: 'schedule',
        schedule: schedule.name,
        signal: this.abort.signal,
        ...(this.options.onEvent ? { onEvent: this.options.onEvent } : {}),
      });
      await this.saveState(schedule.name, occurrence, result.runId, result.status);
      return this.emit({ type: 'fired', schedule: schedule.name, occurrence, runId: result.runId, status: result.status });
    } catch (err) {
      const message = toErrorData(err).message;
      await this.saveState(schedule.name, occurrence, null, `failed: ${message}`).catch(() => undefined);
      return this.emit({ type: 'failed', schedule: schedule.name, occurrence, message });
    }
  }

  private arm(): void {
    if (this.stopped) return;
    const now = this.clock.now();
    const next = Math.min(...this.entries.map((e) => this.cron(e.schedule, e.lastFiredAt ?? now).next().toDate().getTime()));
    const wait = Math.max(0, Math.min(Number.isFinite(next) ? next - now.getTime() : Infinity, this.options.maxSleepMs ?? 60_000));
    this.timer = this.clock.setTimer(() => {
      this.timer = undefined;
      void this.tick().finally(() => this.arm());
    }, wait);
  }

  private cron(schedule: Schedule, after: Date): CronExpression {
    return CronExpressionParser.parse(schedule.cron, { currentDate: after, tz: this.timezone });
  }

  private emit(event: ScheduleEvent): ScheduleEvent {
    try {
      this.options.onSchedule?.(event);
    } catch {
      // A listener's failure must not stop the schedule.
    }
    return event;
  }

  private async loadState(): Promise<void> {
    const rows = await this.options.ws.db.withConnection((c) => c.all<{ name: string; last_fired_at: Date }>('SELECT name, last_fired_at FROM _ingot.schedule_state'));
    for (const entry of this.entries) {
      const row = rows.find((r) => r.name === entry.schedule.name);
      if (row) entry.lastFiredAt = row.last_fired_at;
    }
  }

  private async saveState(name: string, firedAt: Date, runId: number | null, outcome: string): Promise<void> {
    await this.options.ws.db.withConnection((c) =>
      c.run('INSERT OR REPLACE INTO _ingot.schedule_state (name, last_fired_at, last_run_id, last_outcome) VALUES (?, ?::TIMESTAMP, ?, ?)', [name, firedAt, runId, outcome]),
    );
  }
}
