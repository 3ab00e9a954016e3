// Page object for the Explore screen: the table picker, the column profiles, the chart builder
// and the drawn chart with its SQL.
import { expect, type Locator, type Page } from '@playwright/test';

export type ChartSetting = 'Group by (x)' | 'Bucket' | 'Bins' | 'Aggregate' | 'Value (y)' | 'Order';

export class ExplorePage {
  readonly tablePicker: Locator;
  readonly profileProgress: Locator;
  readonly chartSettings: Locator;
  readonly chartSection: Locator;
  readonly chartSql: Locator;
  /** The bordered panel the chart is drawn in. */
  readonly chartPanel: Locator;

  constructor(readonly page: Page) {
    this.tablePicker = page.getByRole('combobox', { name: 'Table', exact: true });
    this.profileProgress = page.getByRole('status', { name: 'Profile progress' });
    this.chartSettings = page.getByRole('form', { name: 'Chart settings' });
    this.chartSection = page.getByRole('region', { name: 'Chart', exact: true });
    this.chartSql = page.getByLabel('SQL of the chart');
    this.chartPanel = this.chartSection.locator('.explore__chart');
  }

  /** Picks `layer.table` and waits for its profile. */
  async pickTable(id: string): Promise<void> {
    await this.tablePicker.selectOption(id);
    await expect(this.profiles(id)).toBeVisible({ timeout: 30_000 });
  }

  profiles(id: string): Locator {
    return this.page.getByRole('list', { name: `Column profiles of ${id}` });
  }

  profile(column: string): Locator {
    return this.page.getByRole('listitem', { name: `Profile of ${column}` });
  }

  setting(name: ChartSetting): Locator {
    return this.chartSettings.getByRole('combobox', { name, exact: true });
  }

  /** The chart, found by the start of its accessible name (`sum(revenue) by month of order_date`). */
  chart(title: string): Locator {
    return this.chartSection.getByRole('img', { name: new RegExp(`^${title.replace(/[()*]/g, '\\$&')}: `) });
  }

  /** The chart's width as a share of its panel's width. */
  async chartWidthShare(chart: Locator): Promise<number> {
    const [drawn, panel] = await Promise.all([chart.boundingBox(), this.chartPanel.boundingBox()]);
    return drawn && panel && panel.width > 0 ? drawn.width / panel.width : 0;
  }

  async showSql(): Promise<void> {
    await this.chartSection.getByRole('button', { name: 'Show SQL' }).click();
  }
}
