// The Explore screen on the sample: after the pipeline builds gold, pick gold.daily_revenue, see a
// profile of each of its columns, chart its revenue by order_date per month (as wide as its panel,
// also in a 1024-pixel window) and read the chart's SQL; and an aggregate that does not fit its
// column (sum of text) refused in place with what to do, the chart coming back once it is fixed.
// Shares the designer's workspace.
import { expect, test } from '../fixtures/app.js';
import { ExplorePage } from '../pages/explore-page.js';
import { RunsPage } from '../pages/runs-page.js';

test.use({ sampleRows: 2000 });

test('profiles gold.daily_revenue and charts its revenue by month, with the SQL it ran', async ({ shell }) => {
  await shell.goTo('Runs');
  const runs = new RunsPage(shell.page);
  const runId = await runs.startRun('+daily_revenue');
  // Specs sharing this workspace may have built it already: then there is nothing to do.
  await expect(runs.runStatus(runId)).toHaveText(/^(Succeeded|Nothing to do)$/, { timeout: 120_000 });

  await shell.goTo('Explore');
  const explore = new ExplorePage(shell.page);
  await expect(shell.page.getByRole('heading', { name: 'Pick a table to explore' })).toBeVisible();
  await explore.pickTable('gold.daily_revenue');

  const profiles = explore.profiles('gold.daily_revenue');
  await expect(profiles.getByRole('listitem')).toHaveCount(5);
  await expect(explore.profile('order_date')).toContainText('temporal');
  await expect(explore.profile('order_date').getByRole('img', { name: /^Histogram of order_date, by (day|month|year): \d+ points? / })).toBeVisible();
  await expect(explore.profile('currency').getByRole('table', { name: 'Most frequent values of currency' })).toContainText('EUR');
  const revenue = explore.profile('revenue');
  await expect(revenue).toContainText('number');
  await expect(revenue).toContainText(/Mean\s*[\d,]+(\.\d+)?/);
  await expect(revenue).toContainText(/NULLs\s*0 \(0%\)/);
  await expect(revenue.getByRole('img', { name: /^Histogram of revenue, \d+ equal-width bins: / })).toBeVisible();
  await expect(shell.page.getByLabel('Profile summary')).toContainText(/[\d,]+ rows · 5 columns · profiled in/);

  await explore.setting('Group by (x)').selectOption('order_date');
  await explore.setting('Bucket').selectOption('month');
  await explore.setting('Aggregate').selectOption('sum');
  await explore.setting('Value (y)').selectOption('revenue');
  const chart = explore.chart('sum(revenue) by month of order_date');
  await expect(chart).toBeVisible();
  await expect(chart).toHaveAttribute('aria-label', /\d+ points? (from \d{4}-\d{2} to \d{4}-\d{2}|, \d{4}-\d{2}); (highest|value) /);
  // The chart takes its panel's whole width, and still does in a 1024-pixel window.
  expect(await explore.chartWidthShare(chart)).toBeGreaterThanOrEqual(0.95);
  await shell.page.setViewportSize({ width: 1024, height: 768 });
  await expect.poll(() => explore.chartWidthShare(chart)).toBeGreaterThanOrEqual(0.95);
  expect(await shell.page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);

  await explore.showSql();
  await expect(explore.chartSql).toContainText(`strftime(date_trunc('month', "order_date"), '%Y-%m')`);
  await expect(explore.chartSql).toContainText('sum("revenue")');
  await expect(explore.chartSql).toContainText('FROM "gold"."daily_revenue"');

  // The numbers behind the chart, as a table: one row per month.
  await explore.chartSection.getByText('Data table').click();
  const data = explore.chartSection.getByRole('table', { name: 'Data of sum(revenue) by month of order_date' });
  await expect(data.getByRole('row').nth(1)).toContainText(/^\d{4}-\d{2}/);
  await expect(shell.alerts).toHaveCount(0);
});

test('refuses to sum a text column in place, and draws again once the value is a number', async ({ shell }) => {
  await shell.goTo('Explore');
  const explore = new ExplorePage(shell.page);
  await explore.pickTable('bronze.orders');
  await expect(explore.profile('status').getByRole('table', { name: 'Most frequent values of status' })).toBeVisible();

  await explore.setting('Group by (x)').selectOption('status');
  await explore.setting('Aggregate').selectOption('sum');
  await explore.setting('Value (y)').selectOption('status');
  const refusal = explore.chartSection.getByRole('alert');
  await expect(refusal).toContainText('sum needs a number column; "status" is VARCHAR.');
  await expect(refusal).toContainText('Pick a number column for y');

  await explore.setting('Value (y)').selectOption('total_amount');
  await expect(refusal).toHaveCount(0);
  await expect(explore.chart('sum(total_amount) by status')).toBeVisible();
});

test('suggests a measure rather than an id, shows every day of a daily chart with readable labels, max of a date, and says which group counts it takes', async ({ shell }) => {
  await shell.goTo('Explore');
  const explore = new ExplorePage(shell.page);
  await explore.pickTable('bronze.orders');
  // Not sum(order_id): the first measure, by the first date column (order_date is text in bronze).
  await expect(explore.chart('sum(total_amount) by month of updated_at')).toBeVisible();

  await explore.setting('Bucket').selectOption('day');
  const daily = explore.chart('sum(total_amount) by day of updated_at');
  await expect(daily).toBeVisible();
  // Every day, not the first 50 of them.
  await expect(explore.chartSection.getByLabel('Chart extent')).toHaveText(/^[\d,]+ groups\.$/);
  const labels = await daily.locator('text.bar-chart__label').evaluateAll((texts) =>
    texts.map((t) => {
      const box = t.getBoundingClientRect();
      return { left: box.left, right: box.right };
    }),
  );
  expect(labels.length).toBeGreaterThan(1);
  for (let i = 1; i < labels.length; i++) expect(labels[i]?.left, `label ${i} overlaps the one before`).toBeGreaterThan(labels[i - 1]?.right ?? Infinity);

  // The latest update per currency: max of a timestamp column.
  await explore.setting('Group by (x)').selectOption('currency');
  await explore.setting('Aggregate').selectOption('max');
  await explore.setting('Value (y)').selectOption('updated_at');
  await expect(explore.chart('max(updated_at) by currency')).toBeVisible();
  await explore.chartSection.getByText('Data table').click();
  await expect(explore.chartSection.getByRole('table', { name: 'Data of max(updated_at) by currency' }).getByRole('row').nth(1)).toContainText(/\d{4}-\d{2}-\d{2}( \d{2}:\d{2}:\d{2})?$/);

  // Groups shown says what it takes instead of quietly keeping the old number.
  const groups = explore.chartSettings.getByRole('spinbutton', { name: 'Groups shown' });
  for (const wrong of ['0', '1001']) {
    await groups.fill(wrong);
    await expect(explore.chartSettings.getByRole('alert')).toHaveText(`Groups shown must be a whole number from 1 to 1,000; got ${wrong}. The chart still shows 50.`);
    await expect(groups).toHaveAttribute('aria-invalid', 'true');
  }
  await groups.fill('2');
  await expect(explore.chartSettings.getByRole('alert')).toHaveCount(0);
  await expect(explore.chartSection.getByLabel('Chart extent')).toHaveText(/^The first 2 of [\d,]+ groups|^2 groups\.$/);
  await expect(shell.alerts).toHaveCount(0);
});
