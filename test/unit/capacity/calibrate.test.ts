// Calibration on a real workspace: CSV files loaded into bronze by the real ingest (two batches,
// then a --replace), a real pipeline run over two models, then the measured figures
// checked against the run history, the files on disk and DuckDB's storage, and the headroom math.
import { mkdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { calibrate, combineStages, computeHeadroom, estimateCapacity, parseInputs } from '../../../src/engine/capacity/index.js';
import type { SqlConnection } from '../../../src/engine/db/connection.js';
import { literal } from '../../../src/engine/db/sql.js';
import { ingestSource } from '../../../src/engine/ingest/ingest.js';
import { runPipeline } from '../../../src/engine/pipeline/runner.js';
import { initWorkspace } from '../../../src/engine/workspace/init.js';
import { openWorkspace, type Workspace } from '../../../src/engine/workspace/workspace.js';
import { main } from '../../../src/cli/main.js';
import { tempDir } from '../../helpers/temp-dir.js';

/** Writes a CSV of `rows` orders with DuckDB, starting at order id `from`. */
async function writeOrdersCsv(conn: SqlConnection, path: string, from: number, rows: number): Promise<number> {
  await conn.run(
    `COPY (SELECT range AS order_id, (range % 97) + 1 AS customer_id,
                  ['paid', 'shipped', 'cancelled'][(range % 3) + 1] AS status,
                  round((range % 500) * 1.37 - 20, 2) AS amount,
                  DATE '2024-01-01' + (range % 365)::INTEGER AS order_date
           FROM range(${from}, ${from + rows})) TO ${literal(path)} (HEADER, DELIMITER ',')`,
  );
  return (await stat(path)).size;
}

async function sampleWorkspace(): Promise<{ ws: Workspace; fileBytes: number; rows: number }> {
  const paths = await initWorkspace(await tempDir());
  const ws = await openWorkspace(paths.root);
  const data = join(paths.root, 'data');
  await mkdir(data);
  await writeFile(join(paths.sources, 'orders.yaml'), 'kind: file\npath: data/orders-*.csv\n');
  const first = await ws.db.withConnection((conn) => writeOrdersCsv(conn, join(data, 'orders-1.csv'), 0, 6000));
  expect((await ingestSource(ws, 'orders')).rowsLoaded).toBe(6000);
  const second = await ws.db.withConnection((conn) => writeOrdersCsv(conn, join(data, 'orders-2.csv'), 6000, 4000));
  expect((await ingestSource(ws, 'orders')).rowsLoaded).toBe(4000);
  // A replace loads both files again as one batch; the two earlier batches become 'replaced'.
  expect((await ingestSource(ws, 'orders', { replace: true })).rowsLoaded).toBe(10_000);
  await writeFile(join(paths.models, 'silver', 'orders_clean.sql'), 'SELECT order_id, customer_id, upper(status) AS status, amount, order_date\nFROM bronze.orders\nWHERE amount > 0\n');
  await writeFile(join(paths.models, 'gold', 'revenue_by_status.sql'), 'SELECT status, count(*) AS orders, sum(amount) AS revenue\nFROM silver.orders_clean\nGROUP BY status\n');
  const run = await runPipeline(ws);
  expect(run.status).toBe('success');
  return { ws, fileBytes: first + second, rows: 10_000 };
}

describe('calibration', () => {
  it('measures throughput, compression and headroom consistent with the run history, in the engine and the CLI', async () => {
    const { ws, fileBytes, rows } = await sampleWorkspace();
    try {
      // Every run and load counts here (minimum 0), so the arithmetic is checked on this small sample.
      const c = await calibrate(ws.db, { source: 'orders', minimum: { rows: 0, seconds: 0 } });
      const history = await ws.db.withConnection((conn) =>
        conn.all<{ model: string; rows_in: number; rows_out: number; duration_ms: number; layer: string }>(
          "SELECT model, rows_in, rows_out, duration_ms, layer FROM _ingot.run_models WHERE status = 'success' ORDER BY model",
        ),
      );
      const runRow = await ws.db.withConnection((conn) => conn.one<{ duration_ms: number }>("SELECT duration_ms FROM _ingot.runs WHERE status = 'success'"));

      // Per model: rows handled ÷ build time, exactly as recorded.
      expect(c.models.map((m) => m.model).sort()).toEqual(history.map((h) => h.model).sort());
      for (const m of c.models) {
        const h = history.find((x) => x.model === m.model);
        expect(m.rows).toBe(Math.max(Number(h?.rows_in ?? 0), Number(h?.rows_out ?? 0)));
        expect(m.seconds).toBeCloseTo(Number(h?.duration_ms) / 1000, 9);
        expect(m.rowsPerSec).toBeGreaterThan(0);
      }
      expect(c.models[0]!.rowsPerSec).toBeLessThanOrEqual(c.models[1]!.rowsPerSec);

      // Loads: every successful batch counts toward load speed, replaced ones too; rows and bytes add up.
      const ledger = await ws.db.withConnection((conn) =>
        conn.one<{ n: number; rows: number; bytes: number; ms: number }>(
          "SELECT count(*) AS n, sum(rows_loaded) AS rows, sum(size_bytes) AS bytes, sum(duration_ms) AS ms FROM _ingot.batches WHERE status IN ('loaded', 'replaced')",
        ),
      );
      expect(Number(ledger?.n)).toBe(3);
      expect(c.ingest?.samples).toBe(3);
      expect(c.ingest?.rows).toBe(2 * rows);
      expect(c.ingest?.bytes).toBe(2 * fileBytes);
      expect(c.ingest?.rowsPerSec).toBeCloseTo((2 * rows) / (Number(ledger?.ms) / 1000), 6);
      expect(c.ingest?.bytesPerSec).toBeCloseTo(Number(ledger?.bytes) / (Number(ledger?.ms) / 1000), 6);

      // The silver model read all 10,000 bronze rows; end to end adds load time per row to run time.
      const silver = history.find((h) => h.layer === 'silver');
      expect(Number(silver?.rows_in)).toBe(rows);
      const runs = { samples: 1, rows, seconds: Number(runRow?.duration_ms) / 1000, rowsPerSec: rows / (Number(runRow?.duration_ms) / 1000) };
      const e2e = c.endToEnd;
      expect(e2e).toBeDefined();
      expect(e2e?.rows).toBe(rows);
      expect(e2e?.seconds).toBeCloseTo(runs.seconds + rows / c.ingest!.rowsPerSec, 9);
      expect(e2e).toEqual(combineStages(c.ingest, runs));
      expect(e2e!.rowsPerSec).toBeLessThan(Math.min(c.ingest!.rowsPerSec, runs.rowsPerSec));

      // Compression: only the batch whose rows are in bronze.orders, against the bytes DuckDB stores.
      const source = c.sources.find((s) => s.table === 'bronze.orders');
      expect(source?.batches).toBe(1);
      expect(source?.rows).toBe(rows);
      expect(source?.sourceBytes).toBe(fileBytes);
      expect(source!.storedBytes).toBeGreaterThan(0);
      expect(source!.storedBytes).toBeLessThanOrEqual(c.database.usedBytes);
      expect(source!.compressionRatio).toBeCloseTo(fileBytes / source!.storedBytes, 9);
      expect(source!.rawBytesPerRow).toBeCloseTo(fileBytes / rows, 9);
      expect(c.prefill).toEqual({ source: 'orders', bytesPerEvent: Number((fileBytes / rows).toFixed(1)), compression: { min: Number(source!.compressionRatio.toFixed(2)), max: Number(source!.compressionRatio.toFixed(2)) } });

      // The verdict uses the measured figures.
      expect(c.profile.processingRowsPerSec).toMatchObject({ value: e2e!.rowsPerSec, source: 'calibrated' });
      expect(c.profile.writerEventsPerSec).toMatchObject({ value: c.ingest!.rowsPerSec, source: 'calibrated' });

      // Headroom: X ÷ Y with X measured here and Y the shop's peak.
      const shop = estimateCapacity(parseInputs({ usersPerDay: 100_000, eventsPerUserPerDay: 4, bytesPerEvent: 1000, peakFactor: 5.4 }).inputs, c.profile);
      const headroom = computeHeadroom(shop.peakEventsPerSec, e2e!.rowsPerSec);
      expect(headroom.ratio).toBeCloseTo(e2e!.rowsPerSec / 25, 6);
      expect(headroom.fits).toBe(headroom.ratio >= 1);
      expect(headroom.sentence).toContain('Your peak needs 25 events/s');
      expect(c.notes).toEqual([]);
    } finally {
      ws.close();
    }

    // The same workspace from the CLI: inputs prefilled from the source; the 10,000-row run is too
    // small to speak for throughput, so there is no headroom and the verdict keeps the defaults.
    const root = ws.paths.root;
    let out = '';
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((chunk: string | Uint8Array) => ((out += String(chunk)), true)) as typeof process.stdout.write;
    let code: number;
    try {
      code = await main(['-w', root, 'estimate', '--calibrate', '--source', 'orders', '--users', '100000', '--events-per-user', '4', '--peak-factor', '5.4', '--json']);
    } finally {
      process.stdout.write = write;
      process.exitCode = undefined;
    }
    expect(code).toBe(0);
    const result = JSON.parse(out) as {
      ok: boolean;
      inputs: { bytesPerEvent: number; compression: { min: number } };
      defaulted: string[];
      headroom?: unknown;
      noHeadroom: string;
      profile: { processingRowsPerSec: { source: string } };
      calibration: { endToEnd?: unknown; tooSmall: { kind: string; rows: number }[]; prefill: { bytesPerEvent: number; compression: { min: number } } };
    };
    expect(result.ok).toBe(true);
    expect(result.inputs.bytesPerEvent).toBe(result.calibration.prefill.bytesPerEvent);
    expect(result.inputs.compression.min).toBe(result.calibration.prefill.compression.min);
    expect(result.defaulted).not.toContain('bytesPerEvent');
    expect(result.calibration.endToEnd).toBeUndefined();
    expect(result.calibration.tooSmall.find((t) => t.kind === 'runs')?.rows).toBe(10_000);
    expect(result.headroom).toBeUndefined();
    expect(result.noHeadroom).toContain('too small to speak for throughput (10,000 rows in');
    expect(result.profile.processingRowsPerSec.source).toBe('default');
  });

  it('says what it could not measure in a fresh workspace, and rejects an unknown source', async () => {
    const paths = await initWorkspace(await tempDir());
    const ws = await openWorkspace(paths.root);
    try {
      const c = await calibrate(ws.db);
      expect(c.models).toEqual([]);
      expect(c.endToEnd).toBeUndefined();
      expect(c.tooSmall).toEqual([]);
      expect(c.notes.join('\n')).toContain('no successful pipeline run yet');
      expect(c.notes.join('\n')).toContain('no bronze load recorded yet');
      expect(c.profile.processingRowsPerSec.source).toBe('default');
      await expect(calibrate(ws.db, { source: 'orders' })).rejects.toThrow('No loaded source named "orders"');
    } finally {
      ws.close();
    }
  });
});
