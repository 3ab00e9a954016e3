// The engine host's pipeline over RPC: models and plans, a run started by `startRun` whose events
// stream live to the client, run history, cancelling a run, and shutdown stopping a run.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunEvent } from '../../../src/shared/api/pipeline.js';
import { IngotError } from '../../../src/shared/errors.js';
import { connectedHost, type Connected } from './host-helpers.js';

let connected: Connected | undefined;
afterEach(async () => {
  await connected?.close();
  connected = undefined;
});

async function shopWithModels(extra: Record<string, string> = {}): Promise<Connected> {
  connected = await connectedHost('shop');
  await connected.host.workspace.db.withConnection((c) => c.run('CREATE TABLE bronze.orders AS SELECT range AS id, range * 2 AS amount FROM range(10)'));
  const models = { 'silver/stg_orders.sql': 'SELECT id, amount FROM bronze.orders WHERE amount > 3', 'gold/revenue.sql': 'SELECT sum(amount) AS total FROM silver.stg_orders', ...extra };
  for (const [file, sql] of Object.entries(models)) {
    await mkdir(join(connected.root, 'models', file, '..'), { recursive: true });
    await writeFile(join(connected.root, 'models', file), sql + '\n');
  }
  return connected;
}

/** Collects run events until `run-finished` for `runId`. */
function untilFinished(c: Connected): { events: RunEvent[]; finished: Promise<RunEvent> } {
  const events: RunEvent[] = [];
  const finished = new Promise<RunEvent>((resolve) => {
    const stop = c.api.onRunEvent((e) => {
      events.push(e);
      if (e.type === 'run-finished') {
        stop();
        resolve(e);
      }
    });
  });
  return { events, finished };
}

describe('engine host: pipeline', () => {
  it('lists models with their inputs and plans a run', async () => {
    const { api } = await shopWithModels();
    const { models } = await api.listModels({});
    expect(models.map((m) => `${m.layer}.${m.name}`)).toEqual(['silver.stg_orders', 'gold.revenue']);
    expect(models[1]?.dependsOn).toEqual(['silver.stg_orders']);
    const plan = await api.plan({ select: '' });
    expect(plan.items.map((i) => [i.model, i.action])).toEqual([
      ['silver.stg_orders', 'build'],
      ['gold.revenue', 'build'],
    ]);
  });

  it('starts a run, streams its events, records it in history, and publishes the tables', async () => {
    const c = await shopWithModels();
    const { events, finished } = untilFinished(c);
    const { runId } = await c.api.startRun({ select: '' });
    expect(runId).toBeGreaterThan(0);
    const last = await finished;
    expect(last).toMatchObject({ type: 'run-finished', runId, status: 'success' });
    expect(events[0]).toMatchObject({ type: 'run-started', runId, models: ['silver.stg_orders', 'gold.revenue'] });
    const finishedModels = events.filter((e) => e.type === 'model-finished');
    expect(finishedModels.map((e) => e.type === 'model-finished' && [e.model, e.run.status, e.run.rowsOut])).toEqual([
      ['silver.stg_orders', 'success', 8],
      ['gold.revenue', 'success', 1],
    ]);
    const run = await c.api.getRun({ runId });
    expect(run).toMatchObject({ runId, trigger: 'manual', status: 'success' });
    expect(run.models.map((m) => m.status)).toEqual(['success', 'success']);
    const { runs } = await c.api.listRuns({});
    expect(runs.map((r) => r.runId)).toEqual([runId]);
    expect(runs[0]?.models).toHaveLength(2);
    const total = await c.api.query({ sql: 'SELECT total FROM gold.revenue' });
    expect(Number(tableFromIPC(total.ipc).getChild('total')?.get(0))).toBe(88);
  });

  it('cancels a running run through cancelRun; the run says cancelled and unknown runs are NOT_FOUND', async () => {
    const slow = { 'silver/slow.sql': 'SELECT sum(a.range * b.range) AS s FROM range(300000) a, range(60000) b' };
    const c = await shopWithModels(slow);
    const { events, finished } = untilFinished(c);
    const { runId } = await c.api.startRun({ select: 'slow' });
    await new Promise<void>((resolve) => {
      const check = (): void => (events.some((e) => e.type === 'model-started') ? resolve() : void setTimeout(check, 20));
      check();
    });
    expect(await c.api.cancelRun({ runId })).toEqual({ ok: true });
    expect(await finished).toMatchObject({ type: 'run-finished', runId, status: 'cancelled' });
    expect((await c.api.getRun({ runId })).status).toBe('cancelled');
    expect(await c.api.cancelRun({ runId })).toEqual({ ok: true });
    const missing = await c.api.getRun({ runId: 999 }).catch((e: unknown) => e);
    expect((missing as IngotError).code).toBe('NOT_FOUND');
    expect(((await c.api.cancelRun({ runId: 999 }).catch((e: unknown) => e)) as IngotError).code).toBe('NOT_FOUND');
  });

  it('refuses a second run while one is going, and close() stops the running one', async () => {
    const slow = { 'silver/slow.sql': 'SELECT sum(a.range * b.range) AS s FROM range(300000) a, range(60000) b' };
    const c = await shopWithModels(slow);
    const { finished } = untilFinished(c);
    const { runId } = await c.api.startRun({ select: 'slow' });
    const second = await c.api.startRun({ select: '' }).catch((e: unknown) => e);
    expect(second).toBeInstanceOf(IngotError);
    expect((second as IngotError).message).toContain(`run #${runId}`);
    const started = Date.now();
    await c.host.close();
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(await finished).toMatchObject({ runId, status: 'cancelled' });
    connected = undefined;
  });
});
