// Calibration only believes runs and loads large enough to speak for throughput: on a 3-row
// workspace (real ingest, real run) it keeps the documented thresholds, says which measurement was
// too small and what it used instead, and `ingot estimate --calibrate` keeps the plain verdict;
// a run that carries 100,000 rows for over a second still calibrates the pipeline's rows/s.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { calibrate, computeHeadroom, DEFAULT_PROFILE, MINIMUM_SAMPLE } from '../../../src/engine/capacity/index.js';
import { literal } from '../../../src/engine/db/sql.js';
import { ingestSource } from '../../../src/engine/ingest/ingest.js';
import { runPipeline } from '../../../src/engine/pipeline/runner.js';
import { initWorkspace } from '../../../src/engine/workspace/init.js';
import { openWorkspace, type Workspace } from '../../../src/engine/workspace/workspace.js';
import { runCli } from '../../helpers/run-cli.js';
import { tempDir } from '../../helpers/temp-dir.js';

const PRODUCT = ['--users', '10000000', '--events-per-user', '50', '--bytes-per-event', '1000', '--peak-factor', '3', '--compression', '5-10'];

/** A workspace with data.csv loaded into bronze and `silverSql` run as silver.s. */
async function workspaceWith(csv: (ws: Workspace, path: string) => Promise<void>, silverSql: string): Promise<Workspace> {
  const paths = await initWorkspace(await tempDir());
  const ws = await openWorkspace(paths.root);
  await mkdir(join(paths.root, 'data'));
  await csv(ws, join(paths.root, 'data', 'data.csv'));
  await writeFile(join(paths.sources, 'data.yaml'), 'kind: file\npath: data/data.csv\n');
  await ingestSource(ws, 'data');
  await writeFile(join(paths.models, 'silver', 's.sql'), silverSql + '\n');
  expect((await runPipeline(ws)).status).toBe('success');
  return ws;
}

describe('calibration sample size', () => {
  it('sets aside a 3-row run and load, keeps the documented thresholds and says so, in the engine and the CLI', async () => {
    const ws = await workspaceWith((_ws, path) => writeFile(path, 'id,amount\n1,10\n2,20\n3,30\n'), 'SELECT id, amount * 2 AS amount2 FROM bronze.data');
    const root = ws.paths.root;
    try {
      const c = await calibrate(ws.db);
      expect(c.endToEnd).toBeUndefined();
      expect(c.ingest).toBeUndefined();
      for (const key of ['writerEventsPerSec', 'processingRowsPerSec', 'processingBytesPerSec'] as const) {
        expect(c.profile[key].source).toBe('default');
        expect(c.profile[key].value).toBe(DEFAULT_PROFILE[key].value);
        expect(c.profile[key].basis).toContain('too small to speak for throughput');
      }
      const runs = c.tooSmall.find((t) => t.kind === 'runs');
      const loads = c.tooSmall.find((t) => t.kind === 'loads');
      expect(runs).toMatchObject({ samples: 1, rows: 3 });
      expect(loads).toMatchObject({ samples: 1, rows: 3 });
      expect(runs?.message).toMatch(/^1 pipeline run measured here is too small to speak for throughput \(3 rows in [\d.]+ s, [\d.,]+ rows\/s\)/);
      expect(runs?.message).toContain('the verdict uses the documented default of 1,000,000 rows/s instead');
      expect(runs?.message).toContain(`at least ${MINIMUM_SAMPLE.rows.toLocaleString('en-US')} rows and takes at least 1 s`);
      expect(loads?.message).toContain('the documented defaults of 10,000 events/s for one writer and 200 MB/s parsed instead');
      expect(c.notes).toEqual(expect.arrayContaining([runs?.message, loads?.message]));
    } finally {
      ws.close();
    }

    // The CLI keeps the verdict it gives without --calibrate, and says why there is no headroom.
    const plain = await runCli('-w', root, 'estimate', ...PRODUCT, '--json');
    const calibrated = await runCli('-w', root, 'estimate', ...PRODUCT, '--calibrate', '--json');
    expect(calibrated.code).toBe(0);
    const result = JSON.parse(calibrated.out) as { ok: boolean; verdict: { kind: string; summary: string }; headroom?: unknown; noHeadroom?: string };
    const before = JSON.parse(plain.out) as { ok: boolean; verdict: { kind: string; summary: string } };
    expect(result.ok).toBe(true);
    expect(before.ok).toBe(true);
    expect(result.verdict.kind).toBe('streaming-buffer');
    expect(result.verdict.summary).toBe(before.verdict.summary);
    expect(result.headroom).toBeUndefined();
    expect(result.noHeadroom).toMatch(/^none: 1 pipeline run measured here is too small/);
    const human = await runCli('-w', root, 'estimate', ...PRODUCT, '--calibrate');
    expect(human.out).toContain('Verdict: streaming buffer');
    expect(human.out).not.toContain('Distributed processing');
    expect(human.out).toMatch(/Headroom\n {2}none: 1 pipeline run measured here is too small to speak for throughput/);
    expect(human.out).toContain('End to end: no run large enough to count');
    const onlyCalibration = JSON.parse((await runCli('-w', root, 'estimate', '--calibrate', '--json')).out) as { ok: boolean };
    expect(onlyCalibration.ok).toBe(true);
  });

  it('calibrates from a run that carries 100,000 rows for over a second', async () => {
    // Per-row work fills the run: each of the 100,000 rows hashes 500 values.
    const heavy = 'SELECT id, list_sum(list_transform(range(500), x -> hash(id + x) % 7)) AS h FROM bronze.data';
    const ws = await workspaceWith(
      async (w, path) => {
        await w.db.withConnection((conn) => conn.run(`COPY (SELECT range AS id, range % 500 AS amount FROM range(100000)) TO ${literal(path)} (HEADER, DELIMITER ',')`));
      },
      heavy,
    );
    try {
      const run = await ws.db.withConnection((conn) => conn.one<{ duration_ms: number }>("SELECT duration_ms FROM _ingot.runs WHERE status = 'success'"));
      const seconds = Number(run?.duration_ms) / 1000;
      expect(seconds).toBeGreaterThanOrEqual(MINIMUM_SAMPLE.seconds);
      const c = await calibrate(ws.db);
      expect(c.tooSmall.filter((t) => t.kind === 'runs')).toEqual([]);
      expect(c.endToEnd?.rows).toBe(100_000);
      expect(c.endToEnd!.rowsPerSec).toBeGreaterThan(0);
      expect(c.profile.processingRowsPerSec).toMatchObject({ source: 'calibrated', value: c.endToEnd!.rowsPerSec });
      // Measured throughput is far above what a few rows of overhead would suggest.
      expect(c.endToEnd!.rowsPerSec).toBeGreaterThan(1000);
      expect(computeHeadroom(17_361, c.endToEnd!.rowsPerSec).sentence).not.toContain('= 0×');
      // The load counts only if it took a second too: whichever it did, calibration says so.
      const load = await ws.db.withConnection((conn) => conn.one<{ duration_ms: number }>('SELECT duration_ms FROM _ingot.batches'));
      if (Number(load?.duration_ms) >= 1000 * MINIMUM_SAMPLE.seconds) {
        expect(c.profile.writerEventsPerSec.source).toBe('calibrated');
      } else {
        expect(c.profile.writerEventsPerSec.source).toBe('default');
        expect(c.tooSmall.find((t) => t.kind === 'loads')?.rows).toBe(100_000);
        expect(c.notes).toContain('end to end covers model runs only: no bronze load large enough to add');
      }
    } finally {
      ws.close();
    }
  });

  it('never rounds a headroom to "0×"', () => {
    const h = computeHeadroom(17_361, 8.7);
    expect(h.sentence).toContain('= 0.0005× (it falls short; the peak needs 1,995.5× more)');
    expect(computeHeadroom(25, 1000).sentence).toContain('= 40×');
    expect(computeHeadroom(25, 20).sentence).toContain('= 0.8×');
  });
});
