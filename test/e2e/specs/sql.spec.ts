// The SQL screen on the sample: a query typed in the editor runs with Ctrl+Enter, its result is
// kept by the engine and paged in a grid (EXPLAIN's rows come at once); an error is shown with its position and marked in the editor; a
// write is refused; DuckDB's completions pop up while typing; the text survives a reload.
import { expect, test } from '../fixtures/app.js';
import { SqlPage } from '../pages/sql-page.js';
import { CommandPalettePage } from '../pages/command-palette.js';

test('runs a query and pages the result the engine keeps; errors are marked where they are', async ({ shell }) => {
  await shell.goTo('SQL');
  const sql = new SqlPage(shell.page);
  await sql.write('SELECT order_id, status\nFROM bronze.orders\nORDER BY order_id');
  await shell.page.keyboard.press('ControlOrMeta+Enter');
  await expect(sql.status).toContainText(/^[1-9],\d{3} rows · 2 columns/);
  const total = ((await sql.status.textContent()) ?? '').split(' ')[0] ?? '';
  await expect(sql.grid).toBeVisible();
  await expect(sql.visibleRows).toContainText(`of ${total}`);

  // EXPLAIN's output is not kept for paging; its rows come at once.
  await sql.write('EXPLAIN SELECT * FROM bronze.orders');
  await shell.page.keyboard.press('ControlOrMeta+Enter');
  await expect(sql.status).toContainText(/^[1-9]\d* rows? · 2 columns/);
  await expect(sql.visibleRows).toContainText('Rows 1–');

  await sql.write('SELECT order_id,\n  amout\nFROM bronze.orders');
  await sql.runButton.click();
  const alert = sql.results.getByRole('alert');
  await expect(alert).toContainText('amout');
  await expect(sql.editor.locator('.squiggly-error')).toHaveCount(1);

  await sql.write('DELETE FROM bronze.orders');
  await shell.page.keyboard.press('ControlOrMeta+Enter');
  await expect(alert).toContainText('read-only');

  // The editor keeps its text across a reload.
  await shell.page.reload();
  await shell.expectConnected();
  await expect.poll(() => sql.text()).toContain('DELETE FROM bronze.orders');
});

test('suggests tables and columns from DuckDB while typing', async ({ shell }) => {
  await shell.goTo('SQL');
  const sql = new SqlPage(shell.page);
  await sql.write('');
  await shell.page.keyboard.type('SELECT * FROM bronze.ord');
  // Ctrl+Space asks for suggestions at the cursor (typing alone may close the list between words).
  await shell.page.keyboard.press('Control+Space');
  const suggestions = sql.editor.locator('.suggest-widget');
  await expect(suggestions).toBeVisible();
  await expect(suggestions).toContainText('orders');
  await expect(suggestions).toContainText('order_items');
  await shell.page.keyboard.press('Escape');
  // The palette's Ctrl+K reaches the app from inside the editor too (Monaco would start a key chord).
  const palette = new CommandPalettePage(shell.page);
  await shell.page.keyboard.press('ControlOrMeta+k');
  await expect(palette.dialog).toBeVisible();
  await shell.page.keyboard.press('Escape');
  await expect(palette.dialog).toBeHidden();
});
