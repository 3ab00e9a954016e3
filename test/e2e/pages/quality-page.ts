// Page object for the Quality screen: the checked tables, one table's checks and its quarantine.
import type { Locator, Page } from '@playwright/test';

export class QualityPage {
  readonly tables: Locator;

  constructor(readonly page: Page) {
    this.tables = page.getByRole('table', { name: 'Checked tables' });
  }

  openTable(id: string): Promise<void> {
    return this.tables.getByRole('button', { name: `Checks of ${id}` }).click();
  }

  checks(id: string): Locator {
    return this.page.getByRole('table', { name: `Checks of ${id}` });
  }

  quarantine(id: string): Locator {
    return this.page.getByRole('region', { name: `Quarantine of ${id}` });
  }

  counts(id: string): Locator {
    return this.quarantine(id).getByLabel('Quarantine counts');
  }
}
