// A new user opens the sample: the frame, the navigation, the workspace name and the connected
// engine are there; every screen opens with its own content.
import { expect, test } from '../fixtures/app.js';
import { SCREEN_LABELS } from '../pages/app-shell.js';
import { TablesPage } from '../pages/tables-page.js';

test('a new user opens the sample and sees the navigation', async ({ shell }) => {
  for (const label of SCREEN_LABELS) await expect(shell.navLink(label)).toBeVisible();
  await expect(shell.heading()).toHaveText('Tables');
  await expect(shell.navLink('Tables')).toHaveAttribute('aria-current', 'page');
  await expect(shell.workspaceName).not.toHaveText(/Opening workspace/);
  await expect(shell.workspaceName).not.toBeEmpty();
  await expect(shell.runStatus).toBeVisible();

  const tables = new TablesPage(shell.page);
  await expect(tables.layer('Bronze')).toBeVisible();
  expect((await tables.entries('Bronze')).length).toBeGreaterThan(0);
  await expect(shell.alerts).toHaveCount(0);
});

test('every screen opens from the navigation with its own content, none a placeholder', async ({ shell }) => {
  for (const label of SCREEN_LABELS) {
    await shell.goTo(label);
    await expect(shell.navLink(label)).toHaveAttribute('aria-current', 'page');
    expect(shell.page.url()).toContain(`#/${label.toLowerCase()}`);
    const main = shell.page.getByRole('main');
    await expect(main.getByRole('note')).toHaveCount(0);
    await expect(main.locator('button, table, form, [role="region"], nav, .empty-state').first()).toBeVisible();
  }
  await shell.goTo('Runs');
  await shell.page.goBack();
  await expect(shell.heading()).toHaveText('Catalog');
});

test('a hash naming no screen, like going back to the first page, shows the first screen', async ({ shell }) => {
  await shell.goTo('Ingest');
  await shell.page.evaluate(() => {
    window.location.hash = '#/nonsense';
  });
  await expect(shell.heading()).toHaveText('Tables');
  await shell.goTo('Runs');
  await shell.page.evaluate(() => {
    window.location.hash = '';
  });
  await expect(shell.heading()).toHaveText('Tables');
});

test('Alt+number switches screens and the screen survives a reload', async ({ shell }) => {
  await shell.page.keyboard.press('Alt+7');
  await expect(shell.heading()).toHaveText('Runs');
  await shell.page.reload();
  await shell.expectConnected();
  await expect(shell.heading()).toHaveText('Runs');
});

test('on every screen the h1 is larger than its section headings', async ({ shell }) => {
  for (const label of SCREEN_LABELS) {
    await shell.goTo(label);
    const main = shell.page.getByRole('main');
    const h1 = await main.locator('h1').first().evaluate((h) => parseFloat(getComputedStyle(h).fontSize));
    const h2s = await main.locator('h2').evaluateAll((hs) => hs.map((h) => ({ text: h.textContent, size: parseFloat(getComputedStyle(h).fontSize) })));
    for (const h2 of h2s) expect(h2.size, `${label}: h2 "${h2.text}"`).toBeLessThan(h1);
  }
});
