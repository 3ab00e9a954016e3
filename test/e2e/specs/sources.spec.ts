// The Sources panel of the Ingest screen on the ShopFlow sample: its file sources are listed with
// their last load, one loads again from the panel (unchanged, as it is already loaded), and a
// preview shows its columns with their types.
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
