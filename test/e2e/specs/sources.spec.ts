// The Sources panel of the Ingest screen on the ShopFlow sample: its file sources are listed with
// their last load, one loads again from the panel (unchanged, as it is already loaded), and a
// preview shows its columns with their types and its first rows.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '../fixtures/app.js';
import { SourcesPage } from '../pages/sources-page.js';

test('lists the sample sources, loads one and previews it', async ({ shell }) => {
  await shell.goTo('Ingest');
  const sources = new SourcesPage(shell.page);
  await expect(sources.table).toBeVisible();
  await expect(sources.table.locator('tbody tr').first()).toBeVisible();

  const kinds = await sources.kinds();
  const fileSources = Object.keys(kinds).filter((name) => kinds[name] === 'file');
  expect(fileSources.length).toBeGreaterThan(0);
  const source = fileSources[0] ?? '';
  // The fixture ingested the sample, so every file source has a last load.
  await expect(sources.row(source)).not.toContainText('never');

  await sources.loadButton(source).click();
  await expect(sources.loadStatus(source)).toHaveText(/^(Unchanged|Loaded \d)/, { timeout: 30_000 });
  await expect(sources.loadButton(source)).toBeEnabled();

  await sources.previewButton(source).click();
  const columns = sources.columnsOf(source);
  await expect(columns).toBeVisible();
  expect(await columns.locator('tbody tr').count()).toBeGreaterThan(0);
  await expect(shell.alerts).toHaveCount(0);
});

test('a source preview shows its first rows in a scrolling grid', async ({ shell, workspace }) => {
  await shell.goTo('Ingest');
  const sources = new SourcesPage(shell.page);
  await sources.previewButton('products').click();
  await expect(sources.columnsOf('products')).toBeVisible();
  // The sample's products.ndjson lists products by id, SKU "SF-" and the zero-padded id: the
  // preview holds its first 100 lines, the first and the last of them among the rows shown.
  const lines = readFileSync(join(workspace, 'data', 'products.ndjson'), 'utf8').trim().split('\n').length;
  const shown = Math.min(100, lines);
  const sample = sources.sampleRowsOf('products');
  await expect(sample).toBeVisible();
  await expect(sample.locator('tbody tr')).toHaveCount(shown);
  await expect(sample.getByRole('cell', { name: 'SF-000001', exact: true })).toBeVisible();
  const last = sample.getByRole('cell', { name: `SF-${String(shown).padStart(6, '0')}`, exact: true });
  await last.scrollIntoViewIfNeeded();
  await expect(last).toBeVisible();
  await expect(shell.alerts).toHaveCount(0);
});
