// `ingot export parquet` and `ingot export dbt` through the CLI entry point: options (repeated and
// comma-separated --layer, --select, --project-name), --json and text output, progress on stderr,
// and exit code 2 with the error as JSON when the folder or an option is wrong.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openWorkspace } from '../../../src/engine/workspace/workspace.js';
import { runCli } from '../../helpers/run-cli.js';
import { tempDir } from '../../helpers/temp-dir.js';
import { appendBatch, createWorkspace, writeModel } from '../pipeline/helpers.js';

async function builtWorkspace(): Promise<string> {
  const root = await createWorkspace();
  await writeModel(root, 'silver', 'orders', 'SELECT order_id, amount FROM bronze.orders');
  await writeModel(root, 'gold', 'total', 'SELECT sum(amount) AS amount FROM silver.orders');
  const ws = await openWorkspace(root);
  await appendBatch(ws, 'orders', 'SELECT * FROM (VALUES (1, 10), (2, 32)) t(order_id, amount)').finally(() => ws.close());
  expect((await runCli('run', '-w', root, '--json')).code).toBe(0);
  return root;
}

describe('ingot export', () => {
  it('exports a lake and a dbt project, as JSON and as text, and refuses a foreign folder with exit code 2', async () => {
    const root = await builtWorkspace();
    const out = await tempDir();

    const json = await runCli('export', 'parquet', join(out, 'lake'), '--layer', 'silver', '--layer', 'gold', '--json', '-w', root);
    expect(json.code).toBe(0);
    const lake = JSON.parse(json.out) as { ok: boolean; tables: { layer: string; name: string; rowCount: number }[] };
    expect(lake.ok).toBe(true);
    expect(lake.tables.map((t) => [t.layer, t.name, t.rowCount])).toEqual([
      ['silver', 'orders', 2],
      ['gold', 'total', 1],
    ]);

    const text = await runCli('export', 'parquet', join(out, 'lake'), '--layer', 'bronze,silver', '--select', 'orders', '-w', root);
    expect(text.code).toBe(0);
    expect(text.out).toContain(`Exported 2 tables to ${join(out, 'lake')}`);
    expect(text.out).toMatch(/\nbronze\.orders +2 +1\nsilver\.orders +2 +1 +run 1\n/);
    expect(text.err).toBe('exporting bronze.orders (1/2)\nexporting silver.orders (2/2)\n');

    const dbt = await runCli('export', 'dbt', join(out, 'dbt'), '--project-name', 'shop', '-w', root);
    expect(dbt.code).toBe(0);
    expect(dbt.out).toContain(`Wrote the dbt project "shop" to ${join(out, 'dbt')}: 2 models, 1 bronze source, 0 generic tests`);
    const again = JSON.parse((await runCli('export', 'dbt', join(out, 'dbt'), '--json', '-w', root)).out) as { projectName: string; files: string[] };
    expect(again.projectName).toBe('test');
    expect(again.files).toContain('models/gold/total.sql');

    await writeFile(join(out, 'mine.txt'), 'x');
    const refused = await runCli('export', 'parquet', out, '--json', '-w', root);
    expect(refused.code).toBe(2);
    expect(JSON.parse(refused.out)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', detail: { file: out } } });
    const badLayer = await runCli('export', 'parquet', join(out, 'other'), '--layer', 'platinum', '-w', root);
    expect([badLayer.code, badLayer.err]).toEqual([2, 'error: "platinum" is not a layer.\n  hint: Layers are bronze, silver, gold, e.g. --layer silver,gold.\n']);
  });
});
