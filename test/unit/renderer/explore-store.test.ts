// The explore store against a real engine (a DuckDB workspace served over the in-process RPC
// transport, as the app's window reaches it): picking a table profiles it and draws a suggested
// chart; a newer pick or chart wins over an answer still on its way; a cancelled profile says so;
// a refused chart shows the engine's error and recovers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engineConnection } from '../../../src/renderer/api/engine.js';
import type { Dialer } from '../../../src/renderer/api/engine-connection.js';
import { useExploreStore, type ExploreStore } from '../../../src/renderer/stores/explore/store.js';
import { ENGINE_CONTRACT } from '../../../src/shared/api/index.js';
import { createRpcClient, inProcessPair, serveRpc } from '../../../src/shared/rpc/index.js';
import { connectedHost, type Connected } from '../host/host-helpers.js';

let engine: Connected;

beforeAll(async () => {
  engine = await connectedHost('explore-store');
  await engine.host.workspace.db.withConnection(async (conn) => {
    await conn.run(`CREATE TABLE gold.sales AS SELECT * FROM (VALUES
        (DATE '2024-01-15', 'EUR', 10.00::DECIMAL(10, 2), 1),
        (DATE '2024-02-01', 'USD', 20.00, 2),
        (DATE '2024-02-03', 'EUR', 5.50, 3)
      ) t(order_date, currency, revenue, units)`);
    await conn.run(`CREATE TABLE gold.customers AS SELECT 'C' || i AS customer_id, i % 3 = 0 AS vip FROM range(10) r(i)`);
    // Profiling this view never ends on its own: 10 billion rows.
    await conn.run('CREATE VIEW gold.endless AS SELECT a.range * b.range AS x FROM range(200000) a, range(50000) b');
  });
  const dial: Dialer = async () => {
    const [clientSide, serverSide] = inProcessPair();
    serveRpc(ENGINE_CONTRACT, engine.host.handlers, serverSide, { events: (sink) => engine.host.subscribe(sink) });
    return { api: createRpcClient(ENGINE_CONTRACT, clientSide), closed: new Promise<void>((resolve) => clientSide.onClose(resolve)) };
  };
  const connection = engineConnection(dial);
  connection.start();
  await new Promise<void>((resolve) => {
    const off = connection.watch((s) => {
      if (s.status !== 'connected') return;
      queueMicrotask(() => off());
      resolve();
    });
  });
});

afterAll(async () => {
  engineConnection().stop();
  await engine.close();
});

/** Resolves with the store's state once `done` holds. */
function settled(done: (s: ExploreStore) => boolean): Promise<ExploreStore> {
  return new Promise((resolve) => {
    if (done(useExploreStore.getState())) return resolve(useExploreStore.getState());
    const off = useExploreStore.subscribe((s) => {
      if (!done(s)) return;
      off();
      resolve(s);
    });
  });
}

const charted = (s: ExploreStore): boolean => s.profileStatus === 'ready' && (s.chartStatus === 'ready' || s.chartStatus === 'error');

describe('explore store', () => {
  it('profiles a picked table and draws the chart its profile suggests', async () => {
    useExploreStore.getState().selectTable({ layer: 'gold', name: 'sales' });
    expect(useExploreStore.getState().profileStatus).toBe('loading');
    const s = await settled(charted);
    expect(s.profile?.columns.map((c) => c.name)).toEqual(['order_date', 'currency', 'revenue', 'units']);
    expect(s.spec).toMatchObject({ x: 'order_date', y: 'revenue', aggregate: 'sum', bucket: 'day' });
    // By day, quiet days included: 2024-01-15 … 2024-02-03.
    expect(s.chart?.labels).toHaveLength(20);
    expect(s.chart?.values.filter((v) => v !== null)).toEqual([10, 20, 5.5]);
    expect(s.chartSpec).toEqual(s.spec);
  });

  it('keeps only the latest pick: an earlier profile still running is cancelled and never shown', async () => {
    const store = useExploreStore.getState();
    store.selectTable({ layer: 'gold', name: 'endless' });
    await new Promise((resolve) => setTimeout(resolve, 100));
    store.selectTable({ layer: 'gold', name: 'customers' });
    const s = await settled(charted);
    expect(s.selected).toEqual({ layer: 'gold', name: 'customers' });
    expect(s.profile?.table).toBe('customers');
    expect(s.profileError).toBeNull();
    // Not grouped by the id (one row per group): by the first other text or boolean column.
    expect(s.spec).toMatchObject({ x: 'vip', y: null, aggregate: 'count' });
  });

  it('says a cancelled profile was cancelled, not that it failed', async () => {
    useExploreStore.getState().selectTable({ layer: 'gold', name: 'endless' });
    await new Promise((resolve) => setTimeout(resolve, 100));
    useExploreStore.getState().cancelProfile();
    const s = await settled((now) => now.profileStatus !== 'loading');
    expect(s).toMatchObject({ profileStatus: 'cancelled', profileError: null, profile: null });
  });

  it('shows a refused chart as the engine\'s error, draws the last spec asked for, and recovers', async () => {
    useExploreStore.getState().selectTable({ layer: 'gold', name: 'sales' });
    await settled(charted);
    useExploreStore.getState().setSpec({ y: 'currency', aggregate: 'sum' });
    const refused = await settled((s) => s.chartStatus === 'error');
    expect(refused.chartError).toMatchObject({ code: 'INVALID_INPUT', message: 'sum needs a number column; "currency" is VARCHAR.' });
    expect(refused.chart).toBeNull();

    // Two changes in a row: only the second one's chart is kept.
    useExploreStore.getState().setSpec({ x: 'currency', y: null, aggregate: 'count' });
    useExploreStore.getState().setSpec({ x: 'units' });
    const s = await settled((now) => now.chartStatus === 'ready');
    expect(s.spec).toMatchObject({ x: 'units', bins: 20, aggregate: 'count' });
    expect(s.chartSpec?.x).toBe('units');
    expect(s.chart?.labels).toHaveLength(20);
    expect([s.chart?.labels[0], s.chart?.labels[19]]).toEqual(['1–1.1', '2.9–3']);
    expect(s.chart?.values.filter((v) => v !== 0)).toEqual([1, 1, 1]);
  });
});
