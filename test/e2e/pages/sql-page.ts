// Page object for the SQL screen: the Monaco editor, Run/Cancel, the result's status and grid.
import type { Locator, Page } from '@playwright/test';
import { editorText, replaceEditorText } from './monaco.js';

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

  /** Replaces the editor's text, as a paste. */
  write(sql: string): Promise<void> {
    return replaceEditorText(this.page, this.editor, sql);
  }

  /** The text of the editor's lines. */
  text(): Promise<string> {
    return editorText(this.editor);
  }
}
