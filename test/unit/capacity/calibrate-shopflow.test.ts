// Calibration on the ShopFlow sample: all four sources and the late orders batch ingested for
// real, a real run of the sample's models, then every source measured and the figures checked against the ledger.
import { copyFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { calibrate, computeHeadroom, estimateCapacity, parseInputs } from '../../../src/engine/capacity/index.js';
import { ingestSource } from '../../../src/engine/ingest/ingest.js';
import { runPipeline } from '../../../src/engine/pipeline/runner.js';
import { createShopflowSample } from '../../../src/engine/sample/shopflow.js';
import { openWorkspace } from '../../../src/engine/workspace/workspace.js';
import { tempDir } from '../../helpers/temp-dir.js';

describe('calibration on the ShopFlow sample', () => {
  it('measures every source and the model run after a real ingest of all four sources, the late batch and a run of the sample pipeline', async () => {
    const { paths, models } = await createShopflowSample(join(await tempDir(), 'shop'), { rows: 500, seed: 7, threads: 1 });
    const ws = await openWorkspace(paths.root);
    try {
      for (const source of ['customers', 'products', 'orders', 'order_items']) await ingestSource(ws, source);
      await copyFile(join(paths.root, 'data', 'late', 'orders_2.csv'), join(paths.root, 'data', 'orders', 'orders_2.csv'));
      expect((await ingestSource(ws, 'orders')).rowsLoaded).toBeGreaterThan(0);
      // The sample's own pipeline: staging models in silver, facts and dimensions in gold.
      expect(models.length).toBeGreaterThan(0);
      expect((await runPipeline(ws)).status).toBe('success');

      // A 500-row sample is too small to speak for throughput; minimum 0 counts it anyway, to check the sums.
      const c = await calibrate(ws.db, { source: 'orders', minimum: { rows: 0, seconds: 0 } });
      expect(c.sources.map((s) => s.source).sort()).toEqual(['customers', 'order_items', 'orders', 'products']);
      const bronzeRows = await ws.db.withConnection((conn) =>
        conn.all<{ source: string; rows: number; batches: number }>(
          `SELECT source, sum(rows_loaded) AS rows, count(*) AS batches FROM _ingot.batches WHERE status = 'loaded' GROUP BY source`,
        ),
      );
      for (const s of c.sources) {
        const ledger = bronzeRows.find((b) => b.source === s.source);
        expect(s.rows).toBe(Number(ledger?.rows));
        expect(s.batches).toBe(Number(ledger?.batches));
        for (const figure of [s.sourceBytes, s.storedBytes, s.rawBytesPerRow, s.storedBytesPerRow, s.compressionRatio, s.ingest.rowsPerSec]) expect(figure).toBeGreaterThan(0);
      }
      expect(c.sources.find((s) => s.source === 'orders')?.batches).toBe(2);
      // Rows entering the pipeline are what the silver models read, as the run history says.
      const history = await ws.db.withConnection((conn) =>
        conn.all<{ model: string; layer: string; rows_in: number }>("SELECT model, layer, rows_in FROM _ingot.run_models WHERE status = 'success'"),
      );
      expect(c.models.map((m) => m.model).sort()).toEqual(history.map((h) => h.model).sort());
      const entering = history.filter((h) => h.layer === 'silver').reduce((n, h) => n + Number(h.rows_in), 0);
      const orders = c.sources.find((s) => s.source === 'orders');
      expect(c.endToEnd?.rows).toBe(entering);
      expect(entering).toBeGreaterThanOrEqual(orders!.rows);
      expect(c.endToEnd!.rowsPerSec).toBeGreaterThan(0);
      expect(c.endToEnd!.rowsPerSec).toBeLessThan(c.ingest!.rowsPerSec);
      expect(c.prefill?.bytesPerEvent).toBeCloseTo(orders!.rawBytesPerRow, 1);
      const estimate = estimateCapacity(parseInputs({ usersPerDay: 100_000, eventsPerUserPerDay: 4, bytesPerEvent: c.prefill!.bytesPerEvent, compression: c.prefill!.compression, peakFactor: 5.4 }).inputs, c.profile);
      expect(computeHeadroom(estimate.peakEventsPerSec, c.endToEnd!.rowsPerSec).ratio).toBeCloseTo(c.endToEnd!.rowsPerSec / 25, 6);
    } finally {
      ws.close();
    }
  });
});
