// The pipeline designer on the sample: the graph of bronze tables and models, a model's details
// and SQL, running a model from its node, edits that are refused with their position while the
// file keeps its saved SQL, and a new model added from the graph. It edits models, so it runs on
// a workspace of its own (a different sample size gives this file its own worker).
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from '../fixtures/app.js';
import { PipelinePage } from '../pages/pipeline-page.js';

test.use({ sampleRows: 2000 });

const SAMPLE_TABLES = [
  'bronze.customers',
  'bronze.order_items',
  'bronze.orders',
  'bronze.products',
  'silver.stg_customers',
  'silver.stg_order_items',
  'silver.stg_orders',
  'silver.stg_products',
  'gold.daily_revenue',
  'gold.dim_customer',
  'gold.dim_product',
  'gold.fact_sales',
];

test('shows the sample as a graph from bronze to gold, and a model\'s details and SQL', async ({ shell }) => {
  await shell.goTo('Pipeline');
  const pipeline = new PipelinePage(shell.page);
  await expect(pipeline.nodes).toHaveCount(SAMPLE_TABLES.length);
  for (const id of SAMPLE_TABLES) await expect(pipeline.node(id)).toBeVisible();
  // Left to right: bronze, then silver, then gold.
  const x = async (id: string): Promise<number> => (await pipeline.node(id).boundingBox())?.x ?? Number.NaN;
  expect(await x('bronze.orders')).toBeLessThan(await x('silver.stg_orders'));
  expect(await x('silver.stg_orders')).toBeLessThan(await x('gold.fact_sales'));
  expect(await x('gold.fact_sales')).toBeLessThan(await x('gold.daily_revenue'));

  const panel = await pipeline.open('gold.daily_revenue');
  await expect(panel).toContainText('incremental');
  await expect(panel).toContainText('models/gold/daily_revenue.sql');
  await expect(panel.getByRole('button', { name: 'gold.fact_sales' })).toBeVisible();
  await expect.poll(() => pipeline.sqlText(panel)).toMatch(/sum\(line_amount\) AS revenue/);
  await expect(pipeline.saveState('gold.daily_revenue')).toHaveText('Saved');

  // Keyboard: focus a node and press Enter to open it.
  await pipeline.node('bronze.orders').focus();
  await shell.page.keyboard.press('Enter');
  await expect(pipeline.sourcePanel('bronze.orders')).toContainText('sources/orders.yaml');
  await expect(pipeline.sourcePanel('bronze.orders').getByRole('button', { name: 'silver.stg_orders' })).toBeVisible();
  await expect(shell.alerts).toHaveCount(0);
});

test('runs a model with everything it reads from its node, and the graph shows the result', async ({ shell }) => {
  await shell.goTo('Pipeline');
  const pipeline = new PipelinePage(shell.page);
  const panel = await pipeline.open('gold.dim_product');
  // Other specs on this workspace may have built it already: then the run finds it unchanged.
  const before = (await pipeline.latestRun('gold.dim_product').textContent()) ?? '';
  await panel.getByRole('button', { name: 'Run with upstream' }).click();
  await expect(pipeline.latestRun('gold.dim_product')).toContainText(/(Built|Unchanged) in run #\d+/, { timeout: 60_000 });
  await expect(pipeline.latestRun('gold.dim_product')).not.toHaveText(before);
  await expect(pipeline.node('gold.dim_product')).toContainText(/Built|Unchanged/);
  await expect(pipeline.node('silver.stg_products')).toContainText(/Built|Unchanged/);
  await expect(panel.getByRole('button', { name: /^Open gold\.dim_product \(\d[\d,]* rows\)$/ })).toBeVisible();
});

test('a wrong edit is refused with where it went wrong and the file keeps its SQL; a good edit saves', async ({ shell, workspace }) => {
  await shell.goTo('Pipeline');
  const pipeline = new PipelinePage(shell.page);
  const id = 'silver.stg_products';
  const file = join(workspace, 'models/silver/stg_products.sql');
  const original = await readFile(file, 'utf8');
  const panel = await pipeline.open(id);
  await expect.poll(() => pipeline.sqlText(panel)).toBe(original.trimEnd());

  await pipeline.writeSql(panel, 'SELECT product_id\nFROM bronze.productz\n');
  await expect(pipeline.saveState(id)).toHaveText('Unsaved changes');
  await expect(pipeline.node(id)).toContainText('●');
  // Leaving the page with unsaved SQL asks first; staying keeps the edit.
  const asked = new Promise<string>((resolve) => shell.page.once('dialog', (d) => {
    resolve(d.type());
    void d.dismiss();
  }));
  await shell.page.evaluate(() => setTimeout(() => location.reload(), 0));
  expect(await asked).toBe('beforeunload');
  await expect(pipeline.saveState(id)).toHaveText('Unsaved changes');
  await pipeline.sqlEditor(panel).locator('.view-lines').click();
  await shell.page.keyboard.press('ControlOrMeta+s');
  const refusal = panel.getByRole('alert');
  await expect(refusal).toContainText('bronze.productz');
  await expect(refusal).toContainText('models/silver/stg_products.sql');
  await expect(refusal).toContainText('Nothing was written');
  expect(await readFile(file, 'utf8')).toBe(original);

  await pipeline.writeSql(panel, 'SELECT product_id,\n  name\nFROM bronze.products WHERE\n');
  await panel.getByRole('button', { name: 'Save' }).click();
  await expect(refusal).toContainText(/syntax error/i);
  // The statement ends at WHERE: DuckDB reports the end of input, the start of line 4.
  await expect(refusal).toContainText('models/silver/stg_products.sql:4:1');
  await expect(panel.getByRole('button', { name: 'Run', exact: true })).toBeDisabled();
  await expect(panel).toContainText('Save the SQL first');
  expect(await readFile(file, 'utf8')).toBe(original);

  // The refused position is marked in the editor too.
  await expect(pipeline.sqlEditor(panel).locator('.squiggly-error')).toHaveCount(1);
  await panel.getByRole('button', { name: 'Revert' }).click();
  await expect.poll(() => pipeline.sqlText(panel)).toBe(original.trimEnd());
  await expect(pipeline.saveState(id)).toHaveText('Saved');
  await expect(refusal).toHaveCount(0);

  const reviewed = `-- Reviewed in the designer.\n${original}`;
  await pipeline.writeSql(panel, reviewed);
  await shell.page.keyboard.press('ControlOrMeta+s');
  await expect(pipeline.saveState(id)).toHaveText('Saved');
  expect(await readFile(file, 'utf8')).toBe(reviewed);
  await expect(pipeline.node(id)).not.toContainText('●');

  // Another editor changes the file while an edit is open: saving would lose that change, so
  // the panel says so, the engine refuses, and Revert brings the file's SQL in.
  await pipeline.writeSql(panel, `${reviewed}-- my edit\n`);
  const external = `-- Changed in another editor.\n${original}`;
  await writeFile(file, external);
  await expect(panel.getByRole('status').filter({ hasText: 'changed on disk while you were editing' })).toBeVisible();
  await shell.page.keyboard.press('ControlOrMeta+s');
  await expect(refusal).toContainText('changed on disk since this edit began');
  expect(await readFile(file, 'utf8')).toBe(external);
  await panel.getByRole('button', { name: 'Revert' }).click();
  await expect.poll(() => pipeline.sqlText(panel)).toBe(external.trimEnd());
  await expect(pipeline.saveState(id)).toHaveText('Saved');
});

test('adds a gold model from a selected table; it joins the graph and runs', async ({ shell, workspace }) => {
  await shell.goTo('Pipeline');
  const pipeline = new PipelinePage(shell.page);
  await pipeline.node('gold.fact_sales').click();
  await pipeline.newModelButton.click();
  const form = pipeline.newModelForm;
  await expect(form.getByRole('combobox', { name: 'Layer' })).toHaveValue('gold');
  await expect.poll(() => pipeline.sqlText(form)).toMatch(/FROM gold\.fact_sales/);

  await form.getByRole('textbox', { name: 'Name' }).fill('revenue by currency');
  await form.getByRole('button', { name: 'Create model' }).click();
  await expect(form.getByRole('alert')).toContainText('cannot name a model');

  await form.getByRole('textbox', { name: 'Name' }).fill('revenue_by_currency');
  await pipeline.writeSql(form, 'SELECT currency, sum(line_amount) AS revenue\nFROM gold.fact_sales\nGROUP BY currency\n');
  await form.getByRole('button', { name: 'Create model' }).click();
  const id = 'gold.revenue_by_currency';
  await expect(pipeline.modelPanel(id)).toBeVisible();
  await expect(pipeline.node(id)).toBeVisible();
  await expect(pipeline.modelPanel(id).getByRole('button', { name: 'gold.fact_sales' })).toBeVisible();
  expect(await readFile(join(workspace, 'models/gold/revenue_by_currency.sql'), 'utf8')).toContain('GROUP BY currency');

  await pipeline.modelPanel(id).getByRole('button', { name: 'Run with upstream' }).click();
  await expect(pipeline.latestRun(id)).toContainText(/Built in run #\d+/, { timeout: 60_000 });
});

test('a model a run did not build keeps showing its last result, with a neutral note that its table is unchanged', async ({ shell, workspace }) => {
  await shell.goTo('Pipeline');
  const pipeline = new PipelinePage(shell.page);
  let panel = await pipeline.open('gold.dim_product');
  // Earlier tests ran other runs: wait for this run's own result, by its number, not theirs.
  const runStatus = shell.page.getByRole('status', { name: 'Run status' });
  await expect(runStatus).not.toContainText('running', { timeout: 60_000 });
  const mine = Number(/#(\d+)/.exec((await runStatus.textContent()) ?? '')?.[1] ?? 0) + 1;
  await panel.getByRole('button', { name: 'Run with upstream' }).click();
  await expect(runStatus).toContainText(`Last run #${mine} `, { timeout: 60_000 });
  await expect(pipeline.latestRun('gold.dim_product')).toContainText(new RegExp(`(Built|Unchanged) in run #${mine}\\b`));
  const built = ((await pipeline.latestRun('gold.dim_product').textContent()) ?? '').replace(/ · .*/, '');

  // stg_products now fails when it runs, so the next run skips dim_product, which reads it.
  const file = join(workspace, 'models', 'silver', 'stg_products.sql');
  const saved = await readFile(file, 'utf8');
  await writeFile(file, "SELECT error('broken on purpose') AS product_id FROM bronze.products\n");
  try {
    await expect.poll(async () => (await pipeline.sqlText(await pipeline.open('silver.stg_products'))).includes('broken on purpose')).toBe(true);
    panel = await pipeline.open('gold.dim_product');
    await panel.getByRole('button', { name: 'Run with upstream' }).click();
    const note = panel.getByLabel('Not built', { exact: true });
    await expect(note).toContainText(new RegExp(`^Not built in run #${mine + 1}: silver\\.stg_products did not build`), { timeout: 60_000 });
    await expect(note).toContainText('Its published table is unchanged.');
    // Its last real result stays, in the panel and on the graph; nothing of it is shown as failed.
    await expect(pipeline.latestRun('gold.dim_product')).toContainText(built);
    await expect(panel.getByRole('alert')).toHaveCount(0);
    await expect(pipeline.node('gold.dim_product')).toContainText(/Built|Unchanged/);
    await expect(pipeline.node('silver.stg_products')).toContainText('Failed');
  } finally {
    await writeFile(file, saved);
  }
});
