// Fixing a held row from the Quality screen: after a run of the sample, pick a row of
// silver.stg_orders held only for its missing customer, see a value of the wrong type refused
// with the column and type named, give it a customer, save and release it, and the next run takes
// it back in and publishes it: it leaves the held count and is not held again. Its own workspace
// (its own sample size), so the fix does not change what other specs see.
import { expect, test } from '../fixtures/app.js';
import { QualityPage } from '../pages/quality-page.js';
import { RunsPage } from '../pages/runs-page.js';

test.use({ sampleRows: 800 });

const MODEL = 'silver.stg_orders';

test('a held row fixed and released on the Quality screen is published by the next run', async ({ shell }) => {
  await shell.goTo('Runs');
  const runs = new RunsPage(shell.page);
  await runs.fullRefresh.check();
  const first = await runs.startRun();
  await expect(runs.runStatus(first)).toHaveText('Succeeded', { timeout: 120_000 });

  await shell.goTo('Quality');
  const quality = new QualityPage(shell.page);
  await quality.openTable(MODEL);
  const counts = quality.counts(MODEL);
  await expect(counts).toContainText(/^[1-9][\d,]* held · 0 released/);
  const held = Number(/^([\d,]+) held/.exec((await counts.textContent()) ?? '')?.[1]?.replaceAll(',', ''));

  // A row held only because its customer is missing.
  const picked = await quality.pickHeldRow(MODEL, /^Row \d+ · not_null\(customer_id\) · /);
  expect(picked).toMatch(/customer_id NULL/);
  const customer = quality.fixField(MODEL, 'customer_id');
  await expect(customer.isNull).toBeChecked();
  await expect(customer.value).toBeDisabled();
  await customer.isNull.uncheck();

  const form = quality.fixForm(MODEL);
  await customer.value.fill('abc');
  await form.getByRole('button', { name: 'Save fix', exact: true }).click();
  await expect(form.getByRole('alert')).toContainText("customer_id: 'abc' is not a value of type BIGINT");
  await expect(counts).toContainText(new RegExp(`^${held.toLocaleString('en-US')} held · 0 released`));

  await customer.value.fill('1');
  await form.getByRole('button', { name: 'Save fix and release this row' }).click();
  await expect(quality.quarantine(MODEL).getByRole('status', { name: 'Fix result' })).toContainText('Fixed and released 1 row.');
  await expect(counts).toContainText(new RegExp(`^${(held - 1).toLocaleString('en-US')} held · 1 released, waiting for the next run`));
  // The form closes; the fixed row is no longer among the held rows to pick.
  await expect(customer.value).toHaveCount(0);

  await shell.goTo('Runs');
  await runs.fullRefresh.uncheck();
  const second = await runs.startRun('stg_orders');
  await expect(runs.runStatus(second)).toHaveText('Succeeded', { timeout: 120_000 });
  await shell.goTo('Quality');
  await quality.openTable(MODEL);
  await expect(quality.counts(MODEL)).toContainText(new RegExp(`^${(held - 1).toLocaleString('en-US')} held · 0 released, waiting for the next run · 1 re-processed`));
});
