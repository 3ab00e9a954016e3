// The app in a small window (1024×700, a laptop with a side panel open): wide tables scroll
// sideways inside their panel instead of being cut off, so every source's Load and Preview
// buttons and every check's Details column stay reachable; a source's preview, which opens
// below the sources table, scrolls into view.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from '../fixtures/app.js';
import { ingot } from '../fixtures/ingot-cli.js';
import { QualityPage } from '../pages/quality-page.js';
import { SourcesPage } from '../pages/sources-page.js';

test.use({ viewport: { width: 1024, height: 700 }, sampleRows: 1000 });

/** A source whose location is long, as files loaded from deep folders have: it widens the sources table. */
const LONG_FOLDER = 'data/exports-from-the-warehouse-2024/monthly-snapshots/region-europe-and-middle-east';
const LONG_SOURCE = 'regional_snapshot';

test.beforeAll(({ workspace }) => {
  mkdirSync(join(workspace, LONG_FOLDER), { recursive: true });
  writeFileSync(join(workspace, LONG_FOLDER, `${LONG_SOURCE}.csv`), 'region_code,snapshot_month,revenue_in_euros\nEU-W,2024-01,10.5\nEU-E,2024-02,12\n');
  ingot(['--workspace', workspace, 'ingest', join(LONG_FOLDER, `${LONG_SOURCE}.csv`)]);
  // Check results for the Quality screen.
  ingot(['--workspace', workspace, 'run']);
});

/** Scrolls `target` into view as a user would (any scrollable panel) and expects it fully on screen, not cut off by a panel. */
async function expectReachable(target: Locator): Promise<void> {
  await target.scrollIntoViewIfNeeded();
  await expect(target).toBeInViewport({ ratio: 1 });
}

/** How far the screen's content sticks out to the right of the main area (0: it fits; wide tables scroll inside their own panel). */
async function mainOverflow(page: Page): Promise<number> {
  return page.getByRole('main').evaluate((main) => main.scrollWidth - main.clientWidth);
}

test('wide tables scroll inside their panel: Load, Preview and Details stay reachable', async ({ shell }) => {
  await shell.goTo('Ingest');
  const sources = new SourcesPage(shell.page);
  await expect(sources.row(LONG_SOURCE)).toBeVisible();
  for (const source of ['orders', LONG_SOURCE]) {
    await expectReachable(sources.loadButton(source));
    await expectReachable(sources.previewButton(source));
  }
  await expectReachable(sources.table.getByRole('columnheader', { name: 'Last error' }));
  // The screen itself does not grow wider than the window: headings and forms stay put.
  expect(await mainOverflow(shell.page)).toBe(0);

  await shell.goTo('Quality');
  const quality = new QualityPage(shell.page);
  await quality.openTable('silver.stg_orders');
  const checks = quality.checks('silver.stg_orders');
  await expect(checks).toBeVisible();
  const details = checks.getByRole('button', { name: /^Details of / }).first();
  await expectReachable(details);
  await details.click();
  await expect(checks.getByText('SQL used')).toBeVisible();
  expect(await mainOverflow(shell.page)).toBe(0);
});

test("a source's preview scrolls into view below the sources table", async ({ shell }) => {
  await shell.goTo('Ingest');
  const sources = new SourcesPage(shell.page);
  await expect(sources.row(LONG_SOURCE)).toBeVisible();
  const source = 'orders';
  await sources.previewButton(source).click();
  await expect(sources.columnsOf(source)).toBeInViewport();
  await expect(shell.alerts).toHaveCount(0);
});
