// The gate inside a real pipeline run: quarantined rows never reach gold, their reasons are
// listed, and an error check stops the model and its downstream while the previous gold stays
// readable.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { runPipeline } from '../../../src/engine/pipeline/runner.js';
import { listQuarantine } from '../../../src/engine/quality/index.js';
import { initWorkspace } from '../../../src/engine/workspace/init.js';
import { openWorkspace } from '../../../src/engine/workspace/workspace.js';
import { tempDir } from '../../helpers/temp-dir.js';

const CHECKS = [
  { kind: 'not_null', column: 'customer_id', severity: 'quarantine' },
  { kind: 'accepted_values', column: 'status', values: ['paid', 'shipped'], severity: 'quarantine' },
  { kind: 'range', column: 'total_amount', min: 0, severity: 'warn' },
];

async function writeModel(root: string, layer: string, name: string, sql: string, sidecar?: Record<string, unknown>): Promise<void> {
  await mkdir(join(root, 'models', layer), { recursive: true });
  await writeFile(join(root, 'models', layer, `${name}.sql`), sql);
  if (sidecar) await writeFile(join(root, 'models', layer, `${name}.yaml`), stringify(sidecar));
}

describe('quality gate in a pipeline run', () => {
  it('quarantines bad rows before gold, and an error check keeps the previous gold', async () => {
    const root = await tempDir('ingot-quality-pipeline-');
    await initWorkspace(root, { name: 'gate' });
    await writeModel(root, 'silver', 'orders', 'SELECT order_id, customer_id, status, total_amount FROM bronze.orders\n', { checks: CHECKS });
    await writeModel(root, 'gold', 'revenue', 'SELECT status, sum(total_amount) AS revenue, count(*) AS orders FROM silver.orders GROUP BY status\n');
    const ws = await openWorkspace(root);
    try {
      await ws.db.withConnection((c) =>
        c.run(`CREATE TABLE bronze.orders AS SELECT * FROM (VALUES
          (1, 10, 'paid', 5.0, 1::BIGINT, 'a.csv', 1::BIGINT, TIMESTAMP '2024-06-01'),
          (2, NULL, 'paid', 7.0, 1, 'a.csv', 2, TIMESTAMP '2024-06-01'),
          (3, 11, 'lost', 9.0, 1, 'a.csv', 3, TIMESTAMP '2024-06-01'),
          (4, 12, 'shipped', -1.0, 1, 'a.csv', 4, TIMESTAMP '2024-06-01')
        ) AS t(order_id, customer_id, status, total_amount, _batch_id, _source_file, _row_number, _loaded_at)`),
      );
      const first = await runPipeline(ws, { trigger: 'cli' });
      expect(first.status).toBe('success');
      const silver = first.models.find((m) => m.model === 'silver.orders');
      expect(silver?.quality).toMatchObject({ outcome: 'warn', quarantined: 2 });
      const revenue = await ws.db.withConnection((c) => c.all('SELECT status, revenue, orders FROM gold.revenue ORDER BY status'));
      expect(revenue).toEqual([
        { status: 'paid', revenue: 5, orders: 1 },
        { status: 'shipped', revenue: -1, orders: 1 },
      ]);
      const held = await ws.db.withConnection((c) => listQuarantine(c, 'silver', 'orders'));
      expect(held.reasons).toEqual([
        { check: 'accepted_values(status)', rows: 1 },
        { check: 'not_null(customer_id)', rows: 1 },
      ]);
      const stored = await ws.db.withConnection((c) => c.all("SELECT run_id, outcome FROM _ingot.check_runs WHERE mode = 'gate'"));
      expect(stored).toEqual([{ run_id: first.runId, outcome: 'warn' }]);

      // An error check now fails: silver.orders and gold.revenue are not published; gold stays readable.
      await writeModel(root, 'silver', 'orders', 'SELECT order_id, customer_id, status, total_amount FROM bronze.orders\n', {
        checks: [...CHECKS.slice(0, 2), { kind: 'range', column: 'total_amount', min: 0 }],
      });
      const second = await runPipeline(ws, { trigger: 'cli' });
      expect(second.models.find((m) => m.model === 'silver.orders')?.status).toBe('failed');
      expect(second.models.find((m) => m.model === 'gold.revenue')?.status).toBe('skipped');
      expect(await ws.db.withConnection((c) => c.all('SELECT status, revenue, orders FROM gold.revenue ORDER BY status'))).toEqual(revenue);
    } finally {
      ws.close();
    }
  });
});
