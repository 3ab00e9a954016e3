// The Catalog on the sample after a run: search, a model's documentation, owner, columns and
// lineage both ways, following lineage links, and both exports written into folders of the
// workspace (with a folder inside models/ refused). Shares the designer's workspace.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '../fixtures/app.js';
import { CatalogPage } from '../pages/catalog-page.js';
import { RunsPage } from '../pages/runs-page.js';

test.use({ sampleRows: 2000 });

test('describes each table with its lineage, and exports a Parquet lake and a dbt project', async ({ shell, workspace }) => {
  await shell.goTo('Runs');
  const runs = new RunsPage(shell.page);
  await runs.fullRefresh.check();
  const runId = await runs.startRun();
  await expect(runs.runStatus(runId)).toHaveText('Succeeded', { timeout: 120_000 });

  await shell.goTo('Catalog');
  const catalog = new CatalogPage(shell.page);
  await catalog.search.fill('revenue per day');
  // Words match descriptions too: only the daily revenue model says this.
  await expect(catalog.list.getByRole('button')).toHaveCount(1);
  await expect(catalog.list.getByRole('button')).toContainText('daily_revenue');
  await catalog.open('gold.daily_revenue');
  const entry = catalog.entry('gold.daily_revenue');
  await expect(entry).toContainText('Revenue per day and currency');
  await expect(entry).toContainText('data team');
  await expect(entry).toContainText('built by a model (incremental)');
  await expect(catalog.lineage('gold.daily_revenue', 'Reads')).toHaveText('gold.fact_sales');
  await expect(catalog.lineage('gold.daily_revenue', 'Upstream')).toContainText('bronze.orders');
  await expect(entry.getByRole('region', { name: 'Columns of gold.daily_revenue' }).getByRole('row')).toHaveCount(6);

  await catalog.lineage('gold.daily_revenue', 'Reads').getByRole('button', { name: 'gold.fact_sales' }).click();
  await expect(catalog.entry('gold.fact_sales')).toBeVisible();
  await expect(catalog.lineage('gold.fact_sales', 'Read by')).toContainText('gold.daily_revenue');

  // A quarantine is tied to the model whose rows it holds, both ways.
  await catalog.search.fill('');
  await catalog.open('quarantine.silver_stg_orders');
  await expect(catalog.lineage('quarantine.silver_stg_orders', 'Rows held from')).toHaveText('silver.stg_orders');
  await catalog.lineage('quarantine.silver_stg_orders', 'Rows held from').getByRole('button', { name: 'silver.stg_orders' }).click();
  await expect(catalog.lineage('silver.stg_orders', 'Quarantine')).toHaveText('quarantine.silver_stg_orders');

  await catalog.lakeForm.getByRole('button', { name: 'Export lake' }).click();
  const lake = catalog.lakeForm.getByRole('status', { name: 'Lake export result' });
  await expect(lake).toContainText('gold.daily_revenue');
  expect(existsSync(join(workspace, 'exports/lake/ingot-lake.json'))).toBe(true);

  await catalog.dbtForm.getByRole('button', { name: 'Export dbt project' }).click();
  await expect(catalog.dbtForm.getByRole('status', { name: 'dbt export result' })).toContainText(/[1-9]\d* models, 4 sources/);
  expect(existsSync(join(workspace, 'exports/dbt/dbt_project.yml'))).toBe(true);

  await catalog.lakeForm.getByRole('textbox', { name: 'Folder' }).fill('models/lake');
  await catalog.lakeForm.getByRole('button', { name: 'Export lake' }).click();
  await expect(catalog.lakeForm.getByRole('alert')).toContainText("inside the workspace's models/ folder");
});
