// The Quality screen after a run of the sample: each checked table with its score and verdict,
// the checks of silver.stg_orders with sample failing rows and their SQL, the rows its checks
// quarantined with the reasons, and releasing some so the next run takes them back in (the
// sample's bad rows still fail, so they are held again). Shares the designer's workspace.
import { expect, test } from '../fixtures/app.js';
import { QualityPage } from '../pages/quality-page.js';
import { RunsPage } from '../pages/runs-page.js';

test.use({ sampleRows: 2000 });

/** Runs the whole sample pipeline from the Runs screen and waits for it to succeed. */
async function runPipeline(runs: RunsPage): Promise<void> {
  await runs.fullRefresh.check();
  const runId = await runs.startRun();
  await expect(runs.runStatus(runId)).toHaveText('Succeeded', { timeout: 120_000 });
}

test('shows each table\'s checks and quarantined rows, and released rows go back through the next run', async ({ shell }) => {
  await shell.goTo('Runs');
  await runPipeline(new RunsPage(shell.page));

  await shell.goTo('Quality');
  const quality = new QualityPage(shell.page);
  await expect(quality.tables.getByRole('button', { name: 'Checks of silver.stg_orders' })).toBeVisible();
  // Each table says how many rows its last run checked and how many its quarantine holds now.
  const listed = quality.tables.getByRole('row').filter({ has: shell.page.getByRole('button', { name: 'Checks of silver.stg_orders' }) });
  await expect(quality.tables.getByRole('columnheader', { name: 'Rows checked' })).toBeVisible();
  await expect(quality.tables.getByRole('columnheader', { name: 'Held now' })).toBeVisible();
  await expect(listed.getByRole('cell').nth(3)).toHaveText(/^[1-9][\d,]*$/);
  await expect(listed.getByRole('cell').nth(4)).toHaveText(/^[1-9][\d,]*$/);
  await quality.openTable('silver.stg_orders');

  const checks = quality.checks('silver.stg_orders');
  const notNull = checks.getByRole('row').filter({ hasText: 'not_null(customer_id)' });
  await expect(notNull).toContainText('quarantine');
  await expect(notNull).toContainText('models/silver/stg_orders.yaml:');
  await notNull.getByRole('button', { name: 'Details of not_null(customer_id)' }).click();
  await expect(shell.page.getByRole('table', { name: 'Failing rows of not_null(customer_id)' })).toContainText('NULL');
  await expect(checks.getByText('SQL used')).toBeVisible();

  const quarantine = quality.quarantine('silver.stg_orders');
  await expect(quarantine.getByRole('table', { name: 'Why rows of silver.stg_orders are held' })).toContainText('not_null(customer_id)');
  await expect(quarantine.getByRole('table', { name: 'Quarantined rows of silver.stg_orders' })).toBeVisible();
  await expect(quarantine.getByLabel('Quarantined rows shown')).toHaveText(/^Showing all [\d,]+ rows?, newest first\.$/);
  const counts = quality.counts('silver.stg_orders');
  await expect(counts).toContainText(/^[1-9][\d,]* held · 0 released/);

  const release = quarantine.getByRole('form', { name: /^Release rows of/ });
  await release.getByRole('textbox').fill('this is not sql');
  await release.getByRole('button', { name: 'Release matching rows' }).click();
  await expect(release.getByRole('alert')).toContainText('not one SQL condition');

  await release.getByRole('textbox').fill('customer_id IS NULL');
  await release.getByRole('button', { name: 'Release matching rows' }).click();
  await expect(quarantine.getByRole('status', { name: 'Release result' })).toContainText(/Released [1-9]/);
  await expect(counts).toContainText(/ released, waiting for the next run/);
  await expect(counts).not.toContainText(/ 0 released/);

  // Releasing the last held rows removes the form, but the confirmation stays.
  if ((await counts.textContent())?.startsWith('0 held') !== true) {
    await release.getByRole('textbox').fill('');
    await release.getByRole('button', { name: 'Release all held rows' }).click();
    await expect(counts).toContainText(/^0 held/);
    await expect(release).toHaveCount(0);
    await expect(quarantine.getByRole('status', { name: 'Release result' })).toContainText(/^Released [1-9][\d,]* rows?\./);
  }

  // Dates and timestamps read the same in the failing rows and the quarantined rows, on one line.
  const failing = shell.page.getByRole('table', { name: 'Failing rows of not_null(customer_id)' });
  const held = quarantine.getByRole('table', { name: 'Quarantined rows of silver.stg_orders' });
  for (const table of [failing, held]) {
    await expect(table.getByRole('cell', { name: /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}/ }).first()).toBeVisible();
    await expect(table.getByRole('cell', { name: /^\d{4}-\d{2}-\d{2}T/ })).toHaveCount(0);
    const date = table.getByRole('cell', { name: /^\d{4}-\d{2}-\d{2}$/ }).first();
    expect(await date.evaluate((cell) => getComputedStyle(cell).whiteSpace)).toBe('nowrap');
  }

  // The next run takes them back in; their customer is still missing, so they are held again.
  await shell.goTo('Runs');
  const runs = new RunsPage(shell.page);
  await runs.fullRefresh.uncheck();
  const runId = await runs.startRun('stg_orders');
  await expect(runs.runStatus(runId)).toHaveText('Succeeded', { timeout: 120_000 });
  await shell.goTo('Quality');
  await quality.openTable('silver.stg_orders');
  await expect(quality.counts('silver.stg_orders')).toContainText(/ 0 released, waiting for the next run · [1-9][\d,]* re-processed/);
});
