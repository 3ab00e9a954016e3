// Starting a run from the Runs screen and watching it finish, with live per-model updates and
// the top bar's run status following along.
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

test('a run that fails says why', async ({ shell }) => {
  await shell.goTo('Runs');
  const runs = new RunsPage(shell.page);
  const runId = await runs.startRun('no_such_model_anywhere');
  await expect(runs.runStatus(runId)).toHaveText('Failed');
  await expect(shell.page.getByRole('region', { name: `Run #${runId}` })).toContainText('no_such_model_anywhere');
  await expect(shell.runStatus).toContainText(`#${runId} failed`);
});
