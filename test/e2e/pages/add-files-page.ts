// Page object for the Add data files panel of the Ingest screen: the drop zone, the path form,
// and the card of each added file (its columns, first rows, Load into bronze and load status).
import type { Locator, Page } from '@playwright/test';

export class AddFilesPage {
  readonly panel: Locator;
  readonly dropZone: Locator;
  readonly pathInput: Locator;
  readonly previewButton: Locator;

  constructor(readonly page: Page) {
    this.panel = page.getByRole('region', { name: 'Add data files' });
    this.dropZone = page.getByRole('group', { name: 'Drop files here' });
    this.pathInput = this.dropZone.getByLabel('File path');
    this.previewButton = this.dropZone.getByRole('button', { name: 'Preview' });
  }

  async preview(path: string): Promise<void> {
    await this.pathInput.fill(path);
    await this.previewButton.click();
  }

  card(path: string): Locator {
    return this.page.getByRole('article', { name: `File ${path}` });
  }

  columns(path: string): Locator {
    return this.page.getByRole('table', { name: `Columns of ${path}` });
  }

  firstRows(path: string): Locator {
    return this.page.getByRole('table', { name: `First rows of ${path}` });
  }

  loadButton(path: string): Locator {
    return this.page.getByRole('button', { name: `Load ${path} into bronze`, exact: true });
  }

  loadStatus(path: string): Locator {
    return this.page.getByRole('status', { name: `Load status of ${path}` });
  }

  /** Drops files made in the page (names and contents) on the drop zone, as a drag from the desktop would. */
  async dropFiles(files: { name: string; content: string }[]): Promise<void> {
    const transfer = await this.page.evaluateHandle((list) => {
      const dt = new DataTransfer();
      for (const f of list) dt.items.add(new File([f.content], f.name, { type: 'text/csv' }));
      return dt;
    }, files);
    await this.dropZone.dispatchEvent('dragover', { dataTransfer: transfer });
    await this.dropZone.dispatchEvent('drop', { dataTransfer: transfer });
  }
}
