// A bronze table's rejected rows in the app: the Tables overview's "Rejected" count opens a list
// of the lines the load rejected, with file, line, column, error and the raw line, saying how many
// it shows of how many; the open table's "Rejected" fact switches between rows and rejects.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '../fixtures/app.js';
import { ingot } from '../fixtures/ingot-cli.js';

test.use({ sampleRows: 500 });

const TABLE = 'bronze.counted_items';

test.beforeAll(({ workspace }) => {
  const lines = ['id,qty'];
  for (let i = 1; i <= 20; i++) lines.push(`${i},${i}`);
  lines[3] = '3,three'; // line 4: text where the source pins qty to BIGINT
  lines[7] = '7,8,9'; // line 8: one field too many
  mkdirSync(join(workspace, 'data'), { recursive: true });
  writeFileSync(join(workspace, 'data', 'counted_items.csv'), lines.join('\n') + '\n');
  writeFileSync(join(workspace, 'sources', 'counted_items.yaml'), 'path: data/counted_items.csv\ncolumns:\n  qty: bigint\n');
  ingot(['--workspace', workspace, 'ingest', 'counted_items']);
});

test('the Rejected count opens the rejected lines with file, line, column, error and raw line', async ({ shell }) => {
  await shell.goTo('Tables');
  const bronze = shell.page.getByRole('table', { name: 'Bronze tables' });
  const row = bronze.getByRole('row').filter({ has: shell.page.getByRole('button', { name: `Open ${TABLE}` }) });
  await row.getByRole('button', { name: `Show the 2 rejected rows of ${TABLE}` }).click();

  const rejects = shell.page.getByRole('region', { name: `Rejected rows of ${TABLE}` });
  await expect(rejects.getByRole('status', { name: 'Rejects shown' })).toHaveText('All 2 problems in 2 rejected rows.');
  const list = rejects.getByRole('table', { name: `Rejects of ${TABLE}` });
  const cells = async (n: number): Promise<string[]> => list.locator('tbody tr').nth(n).locator('td').allTextContents();
  await expect(list.locator('tbody tr')).toHaveCount(2);
  const first = await cells(0);
  expect(first.slice(0, 3)).toEqual(['data/counted_items.csv', '4', 'qty']);
  expect(first[4]).toBe('3,three');
  const second = await cells(1);
  expect(second.slice(0, 3)).toEqual(['data/counted_items.csv', '8', '—']);
  expect(second[3]).toContain('Expected Number of Columns');
  expect(second[4]).toBe('7,8,9');

  // Back to the table's rows, and to the rejects again from its facts.
  const view = shell.page.getByRole('region', { name: TABLE });
  await view.getByRole('button', { name: 'Back to the rows' }).click();
  await expect(shell.page.getByRole('region', { name: `Rows of ${TABLE}` })).toBeVisible();
  await view.getByRole('button', { name: `Show the 2 rejected rows of ${TABLE}` }).click();
  await expect(list).toBeVisible();
  await expect(shell.alerts).toHaveCount(0);
});
