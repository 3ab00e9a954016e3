// Deep links: the URL names the screen and what is open on it (`#/tables/bronze.orders`,
// `#/runs/2`), so a reload or a shared link opens the same thing, Back and Forward step through
// what was opened, and a link to something that is not there says so and shows the screen.
import { expect, test } from '../fixtures/app.js';
import type { AppShell } from '../pages/app-shell.js';
import { RunsPage } from '../pages/runs-page.js';
import { TablesPage } from '../pages/tables-page.js';

const hashOf = (shell: AppShell): Promise<string> => shell.page.evaluate(() => window.location.hash);

async function reload(shell: AppShell): Promise<void> {
  await shell.page.reload();
  await shell.expectConnected();
}

/** Opens the app at `hash`, as a shared link would. */
async function openLink(shell: AppShell, hash: string): Promise<void> {
  await shell.page.goto(new URL(`/${hash}`, shell.page.url()).href);
  await shell.expectConnected();
}

test('an open table survives a reload, and Back and Forward step between the list and tables', async ({ shell }) => {
  const tables = new TablesPage(shell.page);
  const [first, second] = await tables.entries('Bronze');
  if (!first || !second) throw new Error('the sample should have two bronze tables');
  const overview = shell.page.getByRole('table', { name: 'Bronze tables' });

  await tables.openTable(first);
  expect(await hashOf(shell)).toBe(`#/tables/bronze.${first.name}`);
  await reload(shell);
  await expect(tables.grid(first)).toBeVisible();

  await tables.openTable(second);
  expect(await hashOf(shell)).toBe(`#/tables/bronze.${second.name}`);
  await shell.page.goBack();
  await expect(tables.grid(first)).toBeVisible();
  await expect(tables.grid(second)).toBeHidden();
  await shell.page.goBack();
  await expect(overview).toBeVisible();
  await expect(tables.grid(first)).toBeHidden();
  await shell.page.goForward();
  await expect(tables.grid(first)).toBeVisible();

  // Another screen and back through the navigation: the table is still open, and named.
  await shell.goTo('Runs');
  await shell.goTo('Tables');
  await expect(tables.grid(first)).toBeVisible();
  await expect.poll(() => hashOf(shell)).toBe(`#/tables/bronze.${first.name}`);
  await shell.page.goBack();
  await expect(shell.heading()).toHaveText('Runs');
  await expect(shell.alerts).toHaveCount(0);
});

test('an open run survives a reload, and Back returns to the run before', async ({ shell }) => {
  await shell.goTo('Runs');
  const runs = new RunsPage(shell.page);
  // The second run may find nothing to do: it still is a run of its own.
  const finished = /Succeeded|Nothing to do/;
  const older = await runs.startRun();
  await expect(runs.runStatus(older)).toHaveText(finished, { timeout: 120_000 });
  const newer = await runs.startRun();
  await expect(runs.runStatus(newer)).toHaveText(finished, { timeout: 120_000 });
  const detail = (runId: number) => shell.page.getByRole('region', { name: `Run #${runId}` });

  await runs.history.getByRole('button', { name: `Show run #${older}` }).click();
  await expect(detail(older)).toBeVisible();
  expect(await hashOf(shell)).toBe(`#/runs/${older}`);
  await reload(shell);
  await expect(detail(older)).toBeVisible();
  await expect(detail(newer)).toBeHidden();

  await shell.page.goBack();
  await expect(detail(newer)).toBeVisible();
  expect(await hashOf(shell)).toBe(`#/runs/${newer}`);
  await shell.page.goForward();
  await expect(detail(older)).toBeVisible();

  // The runs checked the tables: a link to one table's checks opens them.
  await shell.goTo('Quality');
  const checked = shell.page.getByRole('table', { name: 'Checked tables' }).getByRole('button', { name: /^Checks of / });
  const last = ((await checked.last().getAttribute('aria-label')) ?? '').replace(/^Checks of /, '');
  await openLink(shell, `#/quality/${last}`);
  await expect(shell.page.getByRole('region', { name: `Quality of ${last}` })).toBeVisible();
  await expect(shell.alerts).toHaveCount(0);
});

test('links open their item on Pipeline, Explore and Catalog once the data is there', async ({ shell }) => {
  const [table] = await new TablesPage(shell.page).entries('Bronze');
  if (!table) throw new Error('the sample has no bronze table');
  const id = `bronze.${table.name}`;

  await openLink(shell, `#/pipeline/${id}`);
  await expect(shell.page.getByRole('region', { name: `Bronze table ${id}` })).toBeVisible();
  await openLink(shell, `#/explore/${id}`);
  await expect(shell.page.getByRole('list', { name: `Column profiles of ${id}` })).toBeVisible({ timeout: 30_000 });
  await openLink(shell, `#/catalog/${id}`);
  await expect(shell.page.getByRole('article', { name: `Catalog entry ${id}` })).toBeVisible();
  await expect(shell.alerts).toHaveCount(0);
});

test('a link to a table that is not there says so and shows all tables', async ({ shell }) => {
  await openLink(shell, '#/tables/bronze.no_such_table_here');
  await expect(shell.page.getByRole('status').filter({ hasText: 'Table bronze.no_such_table_here is not in the workspace any more' })).toBeVisible();
  await expect(shell.page.getByRole('table', { name: 'Bronze tables' })).toBeVisible();
  await expect.poll(() => hashOf(shell)).toBe('#/tables');
  await expect(shell.alerts).toHaveCount(0);
});
