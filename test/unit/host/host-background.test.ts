// What the engine host does on its own while open: runs the schedules of ingot.yaml (driven by
// a hand-set clock here) and reports workspace file changes to every client.
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createEngineHost, type EngineHost } from '../../../src/engine/host.js';
import type { SchedulerClock } from '../../../src/engine/pipeline/scheduler.js';
import { initWorkspace } from '../../../src/engine/workspace/init.js';
import type { RunEvent } from '../../../src/shared/api/pipeline.js';
import type { WorkspaceChange } from '../../../src/shared/api/workspace.js';
import { tempDir } from '../../helpers/temp-dir.js';

let host: EngineHost | undefined;
afterEach(async () => {
  await host?.close();
  host = undefined;
});

/** A clock the test moves by hand; the scheduler's timer fires only when the test says so. */
function manualClock(start: Date): SchedulerClock & { advance(ms: number): void; fire(): void } {
  let now = start.getTime();
  let pending: (() => void) | undefined;
  return {
    now: () => new Date(now),
    setTimer: (fn) => {
      pending = fn;
      return 1;
    },
    clearTimer: () => {
      pending = undefined;
    },
    advance: (ms) => {
      now += ms;
    },
    fire: () => {
      const fn = pending;
      pending = undefined;
      fn?.();
    },
  };
}

async function workspace(): Promise<string> {
  const root = join(await tempDir('ingot-host-'), 'shop');
  await initWorkspace(root);
  await mkdir(join(root, 'models', 'silver'), { recursive: true });
  await writeFile(join(root, 'models', 'silver', 'numbers.sql'), 'SELECT range AS n FROM range(5)\n');
  return root;
}

describe('engine host in the background', () => {
  it('runs a due schedule and streams its events as runEvent', async () => {
    const root = await workspace();
    const config = await readFile(join(root, 'ingot.yaml'), 'utf8');
    await writeFile(join(root, 'ingot.yaml'), config.replace('schedules: []', 'schedules:\n  - name: every_minute\n    cron: "* * * * *"'));
    const clock = manualClock(new Date('2030-01-01T10:00:30Z'));
    host = await createEngineHost(root, { schedulerClock: clock, watch: false });
    const events: RunEvent[] = [];
    const finished = new Promise<RunEvent>((resolve) =>
      host?.subscribe((name, event) => {
        if (name !== 'runEvent') return;
        events.push(event as RunEvent);
        if ((event as RunEvent).type === 'run-finished') resolve(event as RunEvent);
      }),
    );
    clock.fire(); // first sight: the schedule starts counting from now
    await new Promise((r) => setTimeout(r, 200));
    expect(events).toEqual([]);
    clock.advance(60_000);
    clock.fire();
    const last = await finished;
    expect(last).toMatchObject({ type: 'run-finished', status: 'success' });
    const run = await host.handlers.getRun({ runId: last.runId }, { signal: new AbortController().signal });
    expect(run.trigger).toBe('schedule');
    expect(run.models.map((m) => m.model)).toEqual(['silver.numbers']);
  });

  it('refuses to start on a schedule whose selection names no model, with its line in ingot.yaml', async () => {
    const root = await workspace();
    const config = await readFile(join(root, 'ingot.yaml'), 'utf8');
    const schedules = 'schedules:\n  - name: nightly\n    cron: "0 3 * * *"\n    select: "numbres+"';
    await writeFile(join(root, 'ingot.yaml'), config.replace('schedules: []', schedules));
    const line = config.split('\n').findIndex((l) => l.startsWith('schedules: []')) + 4;
    const err = await createEngineHost(root, { watch: false }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toMatchObject({ code: 'WORKSPACE_INVALID', detail: { file: 'ingot.yaml', line, field: 'schedules.0.select' } });
    expect((err as Error).message).toBe(`ingot.yaml:${line}: schedules.0.select (schedule nightly): No model named "numbres". Did you mean numbers?`);
    // Fixed, it starts.
    await writeFile(join(root, 'ingot.yaml'), config.replace('schedules: []', schedules.replace('numbres', 'numbers')));
    host = await createEngineHost(root, { watch: false });
  });

  it('cancels a scheduled run through cancelRun, as it cancels a manual one', async () => {
    const root = await workspace();
    await writeFile(join(root, 'models', 'silver', 'numbers.sql'), 'SELECT sum(a.range * b.range) AS s FROM range(300000) a, range(60000) b\n');
    const config = await readFile(join(root, 'ingot.yaml'), 'utf8');
    await writeFile(join(root, 'ingot.yaml'), config.replace('schedules: []', 'schedules:\n  - name: every_minute\n    cron: "* * * * *"'));
    const clock = manualClock(new Date('2030-01-01T10:00:30Z'));
    host = await createEngineHost(root, { schedulerClock: clock, watch: false });
    const started = new Promise<number>((resolve) =>
      host?.subscribe((name, event) => {
        if (name === 'runEvent' && (event as RunEvent).type === 'model-started') resolve((event as RunEvent).runId);
      }),
    );
    const finished = new Promise<RunEvent>((resolve) =>
      host?.subscribe((name, event) => {
        if (name === 'runEvent' && (event as RunEvent).type === 'run-finished') resolve(event as RunEvent);
      }),
    );
    clock.fire(); // first sight
    await new Promise((r) => setTimeout(r, 200));
    clock.advance(60_000);
    clock.fire();
    const runId = await started;
    const signal = new AbortController().signal;
    expect(await host.handlers.cancelRun({ runId }, { signal })).toEqual({ ok: true });
    expect(await finished).toMatchObject({ type: 'run-finished', runId, status: 'cancelled' });
    const run = await host.handlers.getRun({ runId }, { signal });
    expect(run).toMatchObject({ trigger: 'schedule', status: 'cancelled' });
  });

  it('reports added, changed and removed workspace files once each', async () => {
    const root = await workspace();
    host = await createEngineHost(root, { schedules: false });
    const changes: WorkspaceChange[] = [];
    host.subscribe((name, event) => name === 'workspaceChanged' && changes.push(event as WorkspaceChange));
    const settle = (): Promise<void> => new Promise((r) => setTimeout(r, 300));
    const model = join(root, 'models', 'gold', 'top.sql');
    await writeFile(model, 'SELECT 1 AS x\n');
    await settle();
    await writeFile(model, 'SELECT 2 AS x\n');
    await writeFile(join(root, 'sources', 'notes.txt'), 'not a source');
    await settle();
    // Replaced by a rename (an atomic save), then written in place: both are seen.
    await writeFile(`${model}.tmp`, 'SELECT 3 AS x\n');
    await rename(`${model}.tmp`, model);
    await settle();
    await writeFile(model, 'SELECT 4 AS x\n');
    await settle();
    await rm(model);
    await writeFile(join(root, 'sources', 'orders.yaml'), 'kind: file\npath: orders.csv\n');
    // A layer folder made after the start is watched too.
    await mkdir(join(root, 'models', 'bronze'));
    await settle();
    await writeFile(join(root, 'models', 'bronze', 'raw.sql'), 'SELECT 5 AS x\n');
    await settle();
    expect(changes).toEqual([
      { kind: 'model', path: 'models/gold/top.sql', change: 'added' },
      { kind: 'model', path: 'models/gold/top.sql', change: 'changed' },
      { kind: 'model', path: 'models/gold/top.sql', change: 'changed' },
      { kind: 'model', path: 'models/gold/top.sql', change: 'changed' },
      { kind: 'model', path: 'models/gold/top.sql', change: 'removed' },
      { kind: 'source', path: 'sources/orders.yaml', change: 'added' },
      { kind: 'model', path: 'models/bronze/raw.sql', change: 'added' },
    ]);
  });
});
