// Opening a bronze table and scrolling it: the grid pages rows in from the engine on demand
// (Arrow pages of 500 rows) and shows later rows as the user scrolls; from there the table
// opens in Explore and in the Catalog.
import { expect, test } from '../fixtures/app.js';
import { TablesPage } from '../pages/tables-page.js';

test('opens a bronze table and scrolls it', async ({ shell }) => {
  const tables = new TablesPage(shell.page);
  const bronze = await tables.entries('Bronze');
  const table = bronze.sort((a, b) => b.rows - a.rows)[0];
  if (!table) throw new Error('the sample has no bronze table');
  expect(table.rows, 'the sample should be big enough to need several pages').toBeGreaterThan(1500);

  await tables.openTable(table);
  await expect(tables.visibleRows).toHaveText(new RegExp(`^Rows 1–\\d+ of ${table.rows.toLocaleString('en-US')}$`));
  await expect.poll(() => tables.pagesFetchedCount()).toBeGreaterThanOrEqual(1);
  await expect.poll(async () => (await tables.rowTexts(table, 1)).some((t) => t.trim() !== '')).toBe(true);
  const fetchedAtTop = await tables.pagesFetchedCount();

  // Scroll well past the first page (rows are 28 px high).
  for (let i = 0; i < 6; i++) await tables.scrollGrid(table, 28 * 250);
  await expect.poll(() => tables.firstVisibleRow()).toBeGreaterThan(1000);
  await expect.poll(() => tables.pagesFetchedCount()).toBeGreaterThan(fetchedAtTop);
  await expect.poll(async () => Math.max(0, ...(await tables.accessibleRowNumbers(table)))).toBeGreaterThan(1000);
  const first = await tables.firstVisibleRow();
  await expect.poll(async () => (await tables.rowTexts(table, first + 1)).some((t) => t.trim() !== '')).toBe(true);
  await expect(shell.alerts).toHaveCount(0);

  // From the table to its profile, and to its catalog entry.
  const id = `${table.layer}.${table.name}`;
  await shell.page.getByRole('region', { name: id }).getByRole('button', { name: 'Explore' }).click();
  await expect(shell.heading()).toHaveText('Explore');
  await expect(shell.page.getByRole('main')).toContainText(table.name);
  await shell.goTo('Tables');
  await shell.page.getByRole('region', { name: id }).getByRole('button', { name: 'Open in catalog' }).click();
  await expect(shell.page.getByRole('article', { name: `Catalog entry ${id}` })).toBeVisible();
});
