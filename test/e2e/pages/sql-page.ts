// Page object for the SQL screen: the Monaco editor, Run/Cancel, the result's status and grid.
import { expect, type Locator, type Page } from '@playwright/test';

export class SqlPage {
  readonly editor: Locator;
  readonly input: Locator;
  readonly runButton: Locator;
  readonly status: Locator;
  readonly grid: Locator;
  readonly visibleRows: Locator;
  readonly results: Locator;

  constructor(readonly page: Page) {
    this.editor = page.getByTestId('sql-editor');
    this.input = this.editor.getByRole('textbox', { name: 'SQL query' });
    this.runButton = page.getByRole('main').getByRole('button', { name: 'Run', exact: true });
    this.results = page.getByRole('region', { name: 'Result' });
    this.status = this.results.getByRole('status', { name: 'Query status' });
    this.grid = this.results.getByRole('region', { name: 'Query result' });
    this.visibleRows = this.results.getByRole('status', { name: 'Visible rows' });
  }

  /** Replaces the editor's text (typed as one input, so no auto-closing brackets get in the way). */
  async write(sql: string): Promise<void> {
    await expect(this.editor.locator('.monaco-editor')).toBeVisible();
    await this.editor.locator('.view-lines').click();
    await this.page.keyboard.press('ControlOrMeta+A');
    await this.page.keyboard.press('Delete');
    await this.page.keyboard.insertText(sql);
  }

  /** The text of the editor's visible lines (Monaco draws spaces as no-break spaces). */
  async text(): Promise<string> {
    return (await this.editor.locator('.view-lines').innerText()).replaceAll('\u00a0', ' ');
  }
}
