// Adding a data file on the Ingest screen: a typed path is previewed with the column types DuckDB
// infers and its first rows (NULLs marked), then loaded into bronze as a new source that the
// Sources panel lists; a path that is not there says so and what to do; a file dropped in the
// browser, which does not say where the file lives, gets the notice to type its path; in the
// desktop app (its preload bridge stood in for) dropped files are read from where they are.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { expect, test } from '../fixtures/app.js';
import { electronTarget } from '../fixtures/electron.js';
import { AddFilesPage } from '../pages/add-files-page.js';
import { SourcesPage } from '../pages/sources-page.js';

/** A name no earlier run left in the (per-worker) workspace, so the load is always a first one. */
const unique = (stem: string): string => `${stem}_${Date.now().toString(36)}`;

test('previews a typed path with inferred types and first rows, then loads it into bronze as a new source', async ({ shell, workspace }) => {
  const name = unique('returns');
  const FILE = `./data/added/${name}.csv`;
  const shown = FILE.slice(2);
  mkdirSync(join(workspace, 'data', 'added'), { recursive: true });
  writeFileSync(
    join(workspace, FILE),
    'return_id,order_id,returned_on,amount,reason\n1,1001,2024-03-01,19.99,damaged\n2,1002,2024-03-02,,wrong size\n3,1003,2024-03-05,5.50,late\n',
  );
  await shell.goTo('Ingest');
  const files = new AddFilesPage(shell.page);
  await files.preview(FILE);

  const columns = files.columns(shown);
  await expect(columns).toBeVisible();
  const types = Object.fromEntries(
    await Promise.all((await columns.locator('tbody tr').all()).map(async (row) => [await row.locator('th').textContent(), await row.locator('td').textContent()] as const)),
  );
  expect(types).toMatchObject({ returned_on: 'DATE', amount: 'DOUBLE', reason: 'VARCHAR' });
  expect(types.return_id).toMatch(/^(BIGINT|INTEGER)$/);
  const rows = files.firstRows(shown);
  await expect(rows.locator('tbody tr')).toHaveCount(3);
  await expect(rows.locator('tbody tr').nth(1)).toContainText('NULL');
  await expect(rows.locator('tbody tr').first()).toContainText('2024-03-01');

  // Inside the workspace: no warning about absolute paths.
  await expect(files.card(shown)).not.toContainText('outside the workspace folder');
  await files.loadButton(shown).click();
  await expect(files.loadStatus(shown)).toHaveText(`Loaded 3 rows into bronze.${name} (source ${name})`, { timeout: 30_000 });
  const sources = new SourcesPage(shell.page);
  await expect(sources.row(name)).toBeVisible();
  await expect(sources.row(name)).toContainText(shown);
  // Loading the same content again changes nothing, and says so.
  await files.loadButton(shown).click();
  await expect(files.loadStatus(shown)).toHaveText('Unchanged: this content was already loaded', { timeout: 30_000 });
  // After fixing the source's options, Replace loads the same files again in place of the old data.
  const source = join(workspace, 'sources', `${name}.yaml`);
  writeFileSync(source, `${readFileSync(source, 'utf8')}columns:\n  amount: DECIMAL(10,2)\n`);
  shell.page.once('dialog', (dialog) => void dialog.accept());
  await sources.replaceButton(name).click();
  // Not "Unchanged": the same content was loaded again, in place of the earlier batch.
  await expect(sources.loadStatus(name)).toHaveText('Loaded 3 rows', { timeout: 30_000 });
  await expect(shell.alerts).toHaveCount(0);
});

test('says when a path is not there, and how to add a file dropped in the browser', async ({ shell }) => {
  await shell.goTo('Ingest');
  const files = new AddFilesPage(shell.page);
  await files.preview('data/nowhere.csv');
  const card = files.card('data/nowhere.csv');
  await expect(card.getByRole('alert')).toContainText('File not found: data/nowhere.csv.');
  await expect(card.getByRole('alert')).toContainText('Relative paths start at the workspace folder.');
  await expect(files.loadButton('data/nowhere.csv')).toBeDisabled();
  await card.getByRole('button', { name: 'Remove data/nowhere.csv' }).click();
  await expect(card).toHaveCount(0);

  // A browser cannot tell where a chosen file lives either, so it offers no file chooser.
  await expect(files.dropZone.getByRole('button', { name: 'Choose files…' })).toHaveCount(0);
  await files.dropFiles([{ name: 'dropped.csv', content: 'a,b\n1,2\n' }]);
  await expect(files.panel.getByRole('alert')).toContainText('The browser does not tell Ingot where dropped.csv is on disk. Type the path above instead');
});

test('in the desktop app, dropped files are previewed from where they are on disk', async ({ shell, workspace }) => {
  test.skip(electronTarget(), 'Stands in for the preload bridge in a browser; the desktop app has the real one.');
  const folder = join(dirname(workspace), unique('downloads'));
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, 'refunds.csv'), 'refund_id,amount\n1,2.50\n2,7.00\n');
  writeFileSync(join(folder, 'notes.ndjson'), '{"note_id": 1, "text": "first"}\n{"note_id": 2, "text": null}\n');
  // The preload's pathForFile (Electron's webUtils.getPathForFile), standing in: the file's place on disk.
  await shell.page.addInitScript((dir) => {
    (window as unknown as Record<string, unknown>).ingotDesktop = { pathForFile: (file: File) => (file.name.endsWith('.txt') ? '' : `${dir}/${file.name}`) };
  }, folder);
  await shell.page.reload();
  await shell.expectConnected();
  await shell.goTo('Ingest');
  const files = new AddFilesPage(shell.page);
  await files.dropFiles([
    { name: 'refunds.csv', content: 'ignored: the engine reads the file on disk' },
    { name: 'notes.ndjson', content: '' },
    { name: 'clipping.txt', content: 'not on disk' },
  ]);
  const refunds = join(folder, 'refunds.csv');
  const notes = join(folder, 'notes.ndjson');
  await expect(files.firstRows(refunds).locator('tbody tr')).toHaveCount(2);
  await expect(files.columns(notes)).toContainText('note_id');
  await expect(files.firstRows(notes).locator('tbody tr').nth(1)).toContainText('NULL');
  // Outside the workspace folder: said before loading. The item without a place on disk is named.
  await expect(files.card(refunds)).toContainText('This file is outside the workspace folder');
  await expect(files.panel.getByRole('alert')).toHaveText(/^clipping\.txt: not files on this computer's disk/);

  // Without a mouse: Choose files… opens the file chooser, and the chosen file is read the same way.
  const [chooser] = await Promise.all([shell.page.waitForEvent('filechooser'), files.dropZone.getByRole('button', { name: 'Choose files…' }).click()]);
  writeFileSync(join(folder, 'chosen.csv'), 'x,y\n1,a\n');
  await chooser.setFiles(join(folder, 'chosen.csv'));
  await expect(files.firstRows(join(folder, 'chosen.csv')).locator('tbody tr')).toHaveCount(1);
});
