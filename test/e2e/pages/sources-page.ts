// Page object for the Sources panel of the Ingest screen: the sources table, each source's
// Load / Replace / Test request / Preview buttons, its load status, and a preview's columns and sample rows.
import type { Locator, Page } from '@playwright/test';

export class SourcesPage {
  readonly panel: Locator;
  readonly table: Locator;

  constructor(readonly page: Page) {
    this.panel = page.getByRole('region', { name: 'Sources' });
    this.table = page.getByRole('table', { name: 'Sources' });
  }

  /** The table row of `source`. */
  row(source: string): Locator {
    return this.table.getByRole('row', { name: source, exact: true });
  }

  /** The kind cell (second column) of every source, by source name. */
  async kinds(): Promise<Record<string, string>> {
    const names = await this.table.locator('tbody tr > th').allTextContents();
    const kinds = await this.table.locator('tbody tr > td:nth-of-type(1)').allTextContents();
    return Object.fromEntries(names.map((name, i) => [name, kinds[i] ?? '']));
  }

  loadButton(source: string): Locator {
    return this.page.getByRole('button', { name: `Load ${source}`, exact: true });
  }

  replaceButton(source: string): Locator {
    return this.page.getByRole('button', { name: `Replace data of ${source}`, exact: true });
  }

  previewButton(source: string): Locator {
    return this.page.getByRole('button', { name: `Preview ${source}`, exact: true });
  }

  loadStatus(source: string): Locator {
    return this.page.getByRole('status', { name: `Load status of ${source}` });
  }

  columnsOf(source: string): Locator {
    return this.page.getByRole('table', { name: `Columns of ${source}` });
  }

  /** The grid of a preview's sample rows (the first rows the engine read). */
  sampleRowsOf(source: string): Locator {
    return this.page.getByRole('table', { name: `First rows of ${source}` });
  }
}
