// Starting a run from the Runs screen and watching it finish, with live per-model updates and
// the top bar's run status following along; a failing run says why, and a selection that names
// no model is refused without recording a run.
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '../fixtures/app.js';
import { RunsPage } from '../pages/runs-page.js';

test('starts a run and watches it finish in Runs', async ({ shell }) => {
  await shell.goTo('Runs');
  const runs = new RunsPage(shell.page);
  // A full refresh rebuilds every model, whatever earlier tests already built.
  await runs.fullRefresh.check();
  const runId = await runs.startRun();

  await expect(runs.runStatus(runId)).toHaveText('Succeeded', { timeout: 120_000 });
  const models = runs.models(runId);
  await expect(models).toBeVisible();
  // Each row: the model's name (row header), then its status.
  const statuses = await models.locator('tbody tr > td:nth-of-type(1)').allTextContents();
  expect(statuses.length).toBeGreaterThan(0);
  for (const status of statuses) expect(status).toBe('Built');
  await expect(shell.runStatus).toContainText(`#${runId}`);
  await expect(shell.alerts).toHaveCount(0);

  // The finished run's tables are now in the catalog.
  await shell.goTo('Tables');
  await expect(shell.page.getByRole('region', { name: 'Gold layer' })).toBeVisible();
});

test('a run that fails says why', async ({ shell, workspace }) => {
  // A model that reads a table nothing builds: the run fails on loading the models, and says where.
  const broken = join(workspace, 'models', 'gold', 'zz_reads_nothing.sql');
  writeFileSync(broken, 'SELECT * FROM silver.no_such_table_anywhere\n');
  try {
    await shell.goTo('Runs');
    const runs = new RunsPage(shell.page);
    const runId = await runs.startRun();
    await expect(runs.runStatus(runId)).toHaveText('Failed');
    await expect(shell.page.getByRole('region', { name: `Run #${runId}` })).toContainText('no_such_table_anywhere');
    await expect(shell.runStatus).toContainText(`#${runId} failed`);
  } finally {
    rmSync(broken, { force: true });
  }
});

test('a selection that names no model is refused, saying why, and records no run', async ({ shell }) => {
  await shell.goTo('Runs');
  const runs = new RunsPage(shell.page);
  await expect(runs.history.or(shell.page.getByRole('heading', { name: 'No runs yet' }))).toBeVisible();
  const before = await runs.latestRunId();
  await runs.selection.fill('no_such_model_anywhere');
  await runs.startButton.click();
  const toast = shell.alerts.filter({ hasText: 'Could not start the run' });
  await expect(toast).toContainText('No model named "no_such_model_anywhere"');
  expect(await runs.latestRunId()).toBe(before);
});
