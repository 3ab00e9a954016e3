// Page object for the Catalog screen: search, the list of entries, one entry, and the exports.
import type { Locator, Page } from '@playwright/test';

export class CatalogPage {
  readonly search: Locator;
  readonly list: Locator;
  readonly lakeForm: Locator;
  readonly dbtForm: Locator;

  constructor(readonly page: Page) {
    this.search = page.getByRole('searchbox', { name: 'Search the catalog' });
    this.list = page.getByRole('navigation', { name: 'Catalog entries' });
    this.lakeForm = page.getByRole('form', { name: 'Export a Parquet lake' });
    this.dbtForm = page.getByRole('form', { name: 'Export a dbt project' });
  }

  open(id: string): Promise<void> {
    return this.list.getByRole('button', { name: `Open ${id} in the catalog` }).click();
  }

  entry(id: string): Locator {
    return this.page.getByRole('article', { name: `Catalog entry ${id}` });
  }

  lineage(id: string, label: 'Reads' | 'Upstream' | 'Read by' | 'Downstream' | 'Rows held from' | 'Quarantine'): Locator {
    return this.entry(id).getByRole('region', { name: `Lineage of ${id}` }).getByLabel(label, { exact: true });
  }
}
