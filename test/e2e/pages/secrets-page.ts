// Page object for the Secrets panel of the Ingest screen: one row per secret the workspace's HTTP
// sources name, with its status, a password field, Save and Remove.
import type { Locator, Page } from '@playwright/test';

export class SecretsPage {
  readonly panel: Locator;

  constructor(readonly page: Page) {
    this.panel = page.getByRole('region', { name: 'Secrets' });
  }

  row(name: string): Locator {
    return this.panel.getByRole('row', { name: `Secret ${name}`, exact: true });
  }

  status(name: string): Locator {
    return this.panel.getByLabel(`Status of ${name}`, { exact: true });
  }

  valueInput(name: string): Locator {
    return this.panel.getByLabel(`Value of ${name}`, { exact: true });
  }

  saveButton(name: string): Locator {
    return this.row(name).getByRole('button', { name: 'Save', exact: true });
  }

  removeButton(name: string): Locator {
    return this.panel.getByRole('button', { name: `Remove ${name}`, exact: true });
  }
}
