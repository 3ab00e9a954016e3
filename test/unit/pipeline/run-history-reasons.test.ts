// Run history keeps why a model was not built or not published: held back by atomic publish,
// skipped because a model it reads did not build, cancelled with the run, or interrupted with
// it; the run history API returns it; workspaces made before this was kept upgrade in place.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/engine/db/duckdb.js';
import { MIGRATIONS, migrate } from '../../../src/engine/db/migrations/index.js';
import { toRunSummary } from '../../../src/engine/host/run-dto.js';
import { getRun, listRuns, recoverInterruptedRuns, runModels } from '../../../src/engine/pipeline/history.js';
import { runPipeline } from '../../../src/engine/pipeline/runner.js';
import { openWorkspace } from '../../../src/engine/workspace/workspace.js';
import { tempDir } from '../../helpers/temp-dir.js';
import { appendBatch, createWorkspace, writeModel } from './helpers.js';

describe('why a model was not built, in run history', () => {
  it('tells a model held back by atomic publish from one skipped because a model it reads failed', async () => {
    const root = await createWorkspace({ atomic_publish: true });
    await writeModel(root, 'silver', 'orders', 'SELECT order_id, amount_text FROM bronze.orders', { materialization: 'table' });
    await writeModel(root, 'gold', 'totals', 'SELECT count(*) AS orders FROM silver.orders');
    await writeModel(root, 'gold', 'amounts', 'SELECT order_id, CAST(amount_text AS INTEGER) AS amount FROM silver.orders');
    await writeModel(root, 'gold', 'big', 'SELECT * FROM gold.amounts WHERE amount > 10');
    const ws = await openWorkspace(root);
    try {
      await appendBatch(ws, 'orders', `SELECT * FROM (VALUES (1, '5'), (2, 'twelve')) t(order_id, amount_text)`);
      const result = await runPipeline(ws);
      expect(result.status).toBe('partial');

      const run = await ws.db.withConnection((c) => getRun(c, result.runId));
      const stored = Object.fromEntries((run?.models ?? []).map((m) => [m.model, [m.status, m.notBuiltReason]]));
      expect(stored).toEqual({
        'silver.orders': ['success', null],
        'gold.amounts': ['failed', null],
        'gold.big': ['skipped', 'upstream-not-built'],
        'gold.totals': ['skipped', 'withheld-by-atomic-publish'],
      });

      // The API returns it, for one run and for the list.
      const summary = toRunSummary(run!, run!.models);
      expect(Object.fromEntries(summary.models.map((m) => [m.model, m.notBuiltReason]))).toMatchObject({ 'gold.big': 'upstream-not-built', 'gold.totals': 'withheld-by-atomic-publish' });
      const listed = await ws.db.withConnection(async (c) => (await runModels(c, [(await listRuns(c, 1))[0]!.runId])).get(result.runId));
      expect(listed?.find((m) => m.model === 'gold.totals')?.notBuiltReason).toBe('withheld-by-atomic-publish');
    } finally {
      ws.close();
    }
  });

  it('marks the models of a run a dead process left behind as interrupted', async () => {
    const root = await createWorkspace();
    const ws = await openWorkspace(root);
    try {
      await ws.db.withConnection(async (c) => {
        await c.run(`INSERT INTO _ingot.runs (run_id, trigger, selection, status, started_at, host_token, pid) VALUES (41, 'manual', '', 'running', current_timestamp, 'a-dead-process', 1)`);
        await c.run(`INSERT INTO _ingot.run_models (run_id, model, layer, materialization, action, status) VALUES (41, 'silver.a', 'silver', 'table', 'full', 'running'), (41, 'silver.b', 'silver', 'table', 'full', 'success')`);
        expect(await recoverInterruptedRuns(c)).toEqual([41]);
        const run = await getRun(c, 41);
        expect(run?.models.map((m) => [m.model, m.status, m.notBuiltReason])).toEqual([
          ['silver.a', 'cancelled', 'run-interrupted'],
          ['silver.b', 'success', null],
        ]);
      });
    } finally {
      ws.close();
    }
  });

  it('upgrades run history kept before: the reason column is added, earlier runs read back without one', async () => {
    const db = await openDatabase(join(await tempDir(), 'old.duckdb'));
    try {
      await db.withConnection(async (c) => {
        await migrate(c, MIGRATIONS.filter((m) => m.version < 22));
        await c.run(`INSERT INTO _ingot.runs (run_id, trigger, selection, status, started_at, host_token, pid) VALUES (5, 'cli', '', 'partial', current_timestamp, 'old', 1)`);
        await c.run(
          `INSERT INTO _ingot.run_models (run_id, model, layer, materialization, action, status, error_message) VALUES (5, 'gold.totals', 'gold', 'table', 'full', 'skipped', 'Built, but not published')`,
        );
        expect(await migrate(c)).toContain(22);
        const run = await getRun(c, 5);
        expect(run?.models.map((m) => [m.model, m.status, m.notBuiltReason, m.error?.message])).toEqual([['gold.totals', 'skipped', null, 'Built, but not published']]);
        await c.run(`UPDATE _ingot.run_models SET not_built_reason = 'withheld-by-atomic-publish' WHERE run_id = 5`);
        expect((await getRun(c, 5))?.models[0]?.notBuiltReason).toBe('withheld-by-atomic-publish');
      });
    } finally {
      db.close();
    }
  });
});
