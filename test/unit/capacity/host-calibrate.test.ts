// Calibration through the engine contract, over the in-process RPC transport: on a workspace
// with nothing measured yet it keeps the documented thresholds and says why; after a real ingest
// and a real run of 2,000 rows it prefills from the chosen source but sets the run and the load
// aside as too small to speak for throughput, as the CLI does.
import { writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_PROFILE, tryEstimate } from '../../../src/shared/capacity/index.js';
import type { IngotError } from '../../../src/shared/errors.js';
import { connectedHost, type Connected } from '../host/host-helpers.js';

let connected: Connected | undefined;
afterEach(async () => {
  await connected?.close();
  connected = undefined;
});

const failure = (p: Promise<unknown>): Promise<IngotError> => p.then(() => Promise.reject(new Error('expected a failure')), (e: unknown) => e as IngotError);

const ROWS = 2000;
const CSV = 'id,customer,amount\n' + Array.from({ length: ROWS }, (_, i) => `${i + 1},customer_${i % 37},${((i * 7) % 500) / 4}`).join('\n') + '\n';

/** Ingests orders.csv and runs a two-model pipeline on it through the API, as the app does. */
async function measuredShop(c: Connected): Promise<void> {
  await writeFile(join(c.root, 'orders.csv'), CSV);
  expect((await c.api.ingest({ source: 'orders.csv' })).rowsLoaded).toBe(ROWS);
  const models = { 'silver/stg_orders.sql': 'SELECT id, customer, amount FROM bronze.orders WHERE amount >= 0', 'gold/revenue.sql': 'SELECT customer, sum(amount) AS total FROM silver.stg_orders GROUP BY customer' };
  for (const [file, sql] of Object.entries(models)) {
    await mkdir(join(c.root, 'models', file, '..'), { recursive: true });
    await writeFile(join(c.root, 'models', file), sql + '\n');
  }
  const finished = new Promise<string>((resolve) => {
    const stop = c.api.onRunEvent((e) => {
      if (e.type !== 'run-finished') return;
      stop();
      resolve(e.status);
    });
  });
  await c.api.startRun({ select: '' });
  expect(await finished).toBe('success');
}

describe('calibration over the engine API', () => {
  it('keeps the documented thresholds and says what to do when nothing was measured yet', async () => {
    connected = await connectedHost('empty');
    const calibration = await connected.api.calibrateCapacity({});
    expect(calibration.profile).toEqual(DEFAULT_PROFILE);
    expect(calibration.endToEnd).toBeUndefined();
    expect(calibration.prefill).toBeUndefined();
    expect(calibration.notes.join('\n')).toContain('ingot run');
    expect(calibration.database.blockSize).toBeGreaterThan(0);
  });

  it('measures a real ingest and run, prefills from the chosen source, and sets the 2,000-row run aside as too small', async () => {
    connected = await connectedHost('shop');
    await measuredShop(connected);
    const c = await connected.api.calibrateCapacity({ source: 'orders' });

    expect(c.models.map((m) => m.model).sort()).toEqual(['gold.revenue', 'silver.stg_orders']);
    // 2,000 rows: fixed overhead fills the run and the load, so the documented thresholds stand, as in the CLI.
    expect(c.endToEnd).toBeUndefined();
    expect(c.ingest).toBeUndefined();
    const runs = c.tooSmall.find((t) => t.kind === 'runs');
    expect(runs).toMatchObject({ samples: 1, rows: ROWS });
    expect(runs?.message).toContain('too small to speak for throughput (2,000 rows in');
    expect(runs?.message).toContain('the verdict uses the documented default of 1,000,000 rows/s instead');
    expect(c.tooSmall.find((t) => t.kind === 'loads')?.rows).toBe(ROWS);
    expect(c.notes).toContain(runs?.message);
    expect(c.profile.processingRowsPerSec).toMatchObject({ source: 'default', value: DEFAULT_PROFILE.processingRowsPerSec.value });
    expect(c.profile.writerEventsPerSec).toMatchObject({ source: 'default', value: DEFAULT_PROFILE.writerEventsPerSec.value });

    const orders = c.sources.find((s) => s.source === 'orders');
    expect(orders).toMatchObject({ table: 'bronze.orders', batches: 1, rows: ROWS, sourceBytes: Buffer.byteLength(CSV) });
    expect(c.prefill?.source).toBe('orders');
    expect(c.prefill?.bytesPerEvent).toBeCloseTo(Buffer.byteLength(CSV) / ROWS, 1);
    expect(c.prefill?.compression.min).toBeGreaterThan(0);

    // What the Capacity screen does with it: the shop example, prefilled, judged on the documented thresholds.
    const attempt = tryEstimate({ usersPerDay: 100_000, eventsPerUserPerDay: 4, peakFactor: 5.4, bytesPerEvent: c.prefill?.bytesPerEvent, compression: c.prefill?.compression }, c.profile);
    if (!attempt.ok) throw new Error('the prefilled estimate should be valid');
    expect(attempt.estimate.peakEventsPerSec).toBeCloseTo(25, 6);
    expect(attempt.estimate.verdict.kind).toBe('single-machine');
  });

  it('names the loaded sources when asked to prefill from one that is not loaded', async () => {
    connected = await connectedHost('shop');
    await writeFile(join(connected.root, 'orders.csv'), CSV);
    await connected.api.ingest({ source: 'orders.csv' });
    const unknown = await failure(connected.api.calibrateCapacity({ source: 'refunds' }));
    expect(unknown.code).toBe('NOT_FOUND');
    expect(unknown.message).toContain('"refunds"');
    expect(unknown.hint).toContain('orders');
    expect(unknown.detail?.field).toBe('source');
  });
});
