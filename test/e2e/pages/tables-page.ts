// Page object for the Tables screen: the catalog by layer and the paged grid of an open table.
import { expect, type Locator, type Page } from '@playwright/test';

export interface CatalogEntry {
  layer: string;
  name: string;
  rows: number;
}

export class TablesPage {
  readonly catalog: Locator;
  readonly visibleRows: Locator;
  readonly pagesFetched: Locator;

  constructor(readonly page: Page) {
    this.catalog = page.getByRole('navigation', { name: 'Tables by layer' });
    this.visibleRows = page.getByRole('status', { name: 'Visible rows' });
    this.pagesFetched = page.getByRole('status', { name: 'Pages fetched' });
  }

  layer(label: 'Bronze' | 'Silver' | 'Gold' | 'Quarantine'): Locator {
    return this.catalog.getByRole('region', { name: `${label} layer` });
  }

  /** The tables of one layer as listed in the catalog (name and row count). */
  async entries(label: 'Bronze' | 'Silver' | 'Gold' | 'Quarantine'): Promise<CatalogEntry[]> {
    await expect(this.layer(label).getByRole('button').first()).toBeVisible();
    const names = await this.layer(label).getByRole('button').evaluateAll((buttons) => buttons.map((b) => b.getAttribute('aria-label') ?? ''));
    return names.map((accessibleName) => {
      const match = /^(\w+)\.(\w+), ([\d,]+) rows?$/.exec(accessibleName);
      if (!match) throw new Error(`unexpected catalog entry "${accessibleName}"`);
      return { layer: match[1] ?? '', name: match[2] ?? '', rows: Number((match[3] ?? '0').replaceAll(',', '')) };
    });
  }

  async openTable(entry: CatalogEntry): Promise<void> {
    await this.catalog.getByRole('button', { name: `${entry.layer}.${entry.name},` }).click();
    await expect(this.grid(entry)).toBeVisible();
  }

  grid(entry: CatalogEntry): Locator {
    return this.page.getByRole('region', { name: `Rows of ${entry.layer}.${entry.name}` });
  }

  /** The number in "N pages fetched". */
  async pagesFetchedCount(): Promise<number> {
    const text = (await this.pagesFetched.textContent()) ?? '';
    return Number(/^(\d+) pages? fetched/.exec(text)?.[1] ?? NaN);
  }

  /** The first visible row number (1-based) from "Rows A–B of N". */
  async firstVisibleRow(): Promise<number> {
    const text = (await this.visibleRows.textContent()) ?? '';
    return Number((/^Rows ([\d,]+)/.exec(text)?.[1] ?? 'NaN').replaceAll(',', ''));
  }

  /** Scrolls the grid with the mouse wheel by `pixels`. */
  async scrollGrid(entry: CatalogEntry, pixels: number): Promise<void> {
    // Glide's scroller lies over its canvas, so point at the canvas's middle rather than hover it.
    const box = await this.grid(entry).locator('canvas').first().boundingBox();
    if (!box) throw new Error('the grid canvas is not on screen');
    await this.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await this.page.mouse.wheel(0, pixels);
  }

  /**
   * The 1-based numbers of the data rows in the grid's accessibility table (Glide mirrors the
   * visible cells there: header row has aria-rowindex 1, data row n has n + 1).
   */
  async accessibleRowNumbers(entry: CatalogEntry): Promise<number[]> {
    const indexes = await this.grid(entry)
      .locator('tbody tr[aria-rowindex]')
      .evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('aria-rowindex'))));
    return indexes.map((i) => i - 1);
  }

  /** The texts of the cells of data row `rowNumber` (1-based), as the accessibility table has them. */
  async rowTexts(entry: CatalogEntry, rowNumber: number): Promise<string[]> {
    return this.grid(entry)
      .locator(`tbody tr[aria-rowindex="${rowNumber + 1}"] td`)
      .allTextContents();
  }
}
