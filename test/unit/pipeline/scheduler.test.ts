// The scheduler with an injected clock: schedules fire on their cron, runs never overlap, missed
// occurrences follow the policy (skip or catch up once), and the last firing survives a restart.
import { describe, expect, it } from 'vitest';
import { listRuns } from '../../../src/engine/pipeline/history.js';
import { acquireRunLock } from '../../../src/engine/pipeline/run-lock.js';
import { Scheduler, type SchedulerClock } from '../../../src/engine/pipeline/scheduler.js';
import { openWorkspace, type Workspace } from '../../../src/engine/workspace/workspace.js';
import type { Schedule } from '../../../src/engine/workspace/config.js';
import { appendBatch, createWorkspace, writeModel } from './helpers.js';

class FakeClock implements SchedulerClock {
  timers: { fn: () => void; ms: number }[] = [];
  constructor(public time: Date) {}
  now(): Date {
    return this.time;
  }
  at(iso: string): void {
    this.time = new Date(iso);
  }
  setTimer(fn: () => void, ms: number): unknown {
    const t = { fn, ms };
    this.timers.push(t);
    return t;
  }
  clearTimer(handle: unknown): void {
    this.timers = this.timers.filter((t) => t !== handle);
  }
}

async function workspace(): Promise<Workspace> {
  const root = await createWorkspace();
  await writeModel(root, 'silver', 'orders', 'SELECT * FROM bronze.orders');
  const ws = await openWorkspace(root);
  await appendBatch(ws, 'orders', 'SELECT 1 AS order_id');
  return ws;
}

const hourly = (missed: Schedule['missed']): Schedule => ({ name: 'hourly', cron: '0 * * * *', select: '', missed });
const every = (missed: Schedule['missed']): Schedule => ({ name: 'minutely', cron: '* * * * *', select: 'orders', missed });

describe('Scheduler', () => {
  it('fires on its cron with trigger schedule, and never overlaps another run', async () => {
    const ws = await workspace();
    try {
      const clock = new FakeClock(new Date('2024-05-01T10:00:10Z'));
      const scheduler = new Scheduler({ ws, schedules: [every('skip')], clock, timezone: 'UTC' });
      expect(await scheduler.tick()).toEqual([]);
      expect(scheduler.nextOccurrence('minutely')?.toISOString()).toBe('2024-05-01T10:01:00.000Z');
      clock.at('2024-05-01T10:00:50Z');
      expect(await scheduler.tick()).toEqual([]);
      clock.at('2024-05-01T10:01:02Z');
      const [fired] = await scheduler.tick();
      expect(fired).toMatchObject({ type: 'fired', schedule: 'minutely', status: 'success', occurrence: new Date('2024-05-01T10:01:00Z') });
      const [run] = await ws.db.withConnection((c) => listRuns(c, 1));
      expect(run).toMatchObject({ trigger: 'schedule', schedule: 'minutely', selection: 'orders', status: 'success' });
      // A manual run holds the workspace when the next occurrence comes: skipped, not queued.
      const manual = acquireRunLock(ws.db.path);
      clock.at('2024-05-01T10:02:01Z');
      const [skipped] = await scheduler.tick();
      manual.release();
      expect(skipped).toMatchObject({ type: 'skipped', reason: 'another run was in progress; runs never overlap' });
      clock.at('2024-05-01T10:03:00Z');
      expect((await scheduler.tick())[0]).toMatchObject({ type: 'fired', status: 'noop' });
    } finally {
      ws.close();
    }
  });

  it('skips missed occurrences with missed: skip', async () => {
    const ws = await workspace();
    try {
      const clock = new FakeClock(new Date('2024-05-01T10:00:00Z'));
      const scheduler = new Scheduler({ ws, schedules: [hourly('skip')], clock, timezone: 'UTC' });
      await scheduler.tick();
      clock.at('2024-05-01T13:20:00Z'); // the host was closed from 10:00 to 13:20: 11:00, 12:00 and 13:00 were missed
      expect(await scheduler.tick()).toEqual([expect.objectContaining({ type: 'skipped', occurrence: new Date('2024-05-01T13:00:00Z') })]);
      expect(await ws.db.withConnection((c) => listRuns(c, 5))).toEqual([]);
      clock.at('2024-05-01T14:00:05Z');
      expect((await scheduler.tick())[0]).toMatchObject({ type: 'fired', occurrence: new Date('2024-05-01T14:00:00Z') });
      // Missed occurrences older than the one due now are dropped; the due one runs.
      const minutely = new Scheduler({ ws, schedules: [every('skip')], clock, timezone: 'UTC' });
      await minutely.tick();
      clock.at('2024-05-01T14:30:30Z');
      expect((await minutely.tick())[0]).toMatchObject({ type: 'fired', occurrence: new Date('2024-05-01T14:30:00Z') });
    } finally {
      ws.close();
    }
  });

  it('runs once for all missed occurrences with missed: catch_up_once, and remembers it across restarts', async () => {
    const ws = await workspace();
    try {
      const clock = new FakeClock(new Date('2024-05-01T10:00:00Z'));
      const first = new Scheduler({ ws, schedules: [hourly('catch_up_once')], clock, timezone: 'UTC' });
      await first.tick();
      clock.at('2024-05-01T13:20:00Z');
      expect(await first.tick()).toEqual([expect.objectContaining({ type: 'fired', occurrence: new Date('2024-05-01T13:00:00Z') })]);
      expect(await first.tick()).toEqual([]);
      expect(await ws.db.withConnection((c) => listRuns(c, 5))).toHaveLength(1);

      const restarted = new Scheduler({ ws, schedules: [hourly('catch_up_once')], clock, timezone: 'UTC', maxSleepMs: 3_600_000 });
      await restarted.start();
      expect(restarted.nextOccurrence('hourly')?.toISOString()).toBe('2024-05-01T14:00:00.000Z');
      expect(clock.timers.at(-1)?.ms).toBe(40 * 60_000);
      await restarted.stop();
      expect(clock.timers).toEqual([]);
    } finally {
      ws.close();
    }
  });

  it('rejects an invalid cron expression, naming the schedule', async () => {
    const ws = await workspace();
    try {
      expect(() => new Scheduler({ ws, schedules: [{ name: 'bad', cron: '61 * * * *', select: '', missed: 'skip' }] })).toThrow(
        /ingot\.yaml: schedules\[0\] \(bad\): "61 \* \* \* \*" is not a cron expression/,
      );
    } finally {
      ws.close();
    }
  });
});
