// Page object for the Capacity screen: the estimator form, the verdict, the worked math, the
// storage chart, calibration with its headroom, saved scenarios, the comparison and sensitivity.
import { expect, type Locator, type Page } from '@playwright/test';

export type CapacityField =
  | 'Users or sources per day'
  | 'Events per user per day'
  | 'Bytes per event'
  | 'Peak-to-average factor'
  | 'Compression ratio range'
  | 'Retention'
  | 'Yearly growth'
  | 'Projection years'
  | 'Storage price'
  | 'Number of consumers';

/** "17,361 events/s" → 17361; "40×" → 40. */
export function leadingNumber(text: string | null): number {
  const match = /-?[\d,]+(?:\.\d+)?/.exec(text ?? '');
  return match ? Number(match[0].replaceAll(',', '')) : Number.NaN;
}

export class CapacityPage {
  readonly form: Locator;
  readonly verdict: Locator;
  readonly math: Locator;
  readonly chart: Locator;
  readonly calibration: Locator;
  readonly scenarios: Locator;
  readonly savedScenarios: Locator;
  readonly comparison: Locator;
  readonly sensitivity: Locator;

  constructor(readonly page: Page) {
    const main = page.getByRole('main');
    this.form = main.getByRole('form', { name: 'Capacity inputs' });
    this.verdict = main.getByRole('region', { name: 'Verdict', exact: true });
    this.math = main.getByRole('table', { name: 'Worked math', exact: true });
    this.chart = main.getByRole('img', { name: 'Storage held over the years' });
    this.calibration = main.getByRole('region', { name: 'Calibration', exact: true });
    this.scenarios = main.getByRole('region', { name: 'Scenarios', exact: true });
    this.savedScenarios = this.scenarios.getByRole('list', { name: 'Saved scenarios' });
    this.comparison = main.getByRole('table', { name: 'Scenarios side by side' });
    this.sensitivity = main.getByRole('table', { name: 'Sensitivity', exact: true });
  }

  field(label: CapacityField): Locator {
    return this.form.getByLabel(label, { exact: true });
  }

  async fill(values: Partial<Record<CapacityField, string>>): Promise<void> {
    for (const [label, value] of Object.entries(values) as [CapacityField, string][]) await this.field(label).fill(value);
  }

  /** The result cell of one worked step, by the figure's name ("peak events per second"). */
  mathResult(figure: string): Locator {
    return this.math.getByRole('row').filter({ has: this.page.getByRole('rowheader', { name: figure, exact: true }) }).getByRole('cell').last();
  }

  verdictHeadline(): Locator {
    return this.verdict.getByRole('heading', { level: 2 });
  }

  async saveScenario(name: string, description = ''): Promise<void> {
    const form = this.scenarios.getByRole('form', { name: 'Save scenario' });
    await form.getByLabel('Scenario name').fill(name);
    await form.getByLabel('Description (optional)').fill(description);
    await form.getByRole('button', { name: 'Save scenario' }).click();
    await expect(this.savedScenarios.getByRole('listitem', { name, exact: true })).toBeVisible();
  }

  async compare(name: string): Promise<void> {
    await this.savedScenarios.getByRole('checkbox', { name: `Compare ${name}` }).check();
    await expect(this.comparison.getByRole('columnheader', { name, exact: true })).toBeVisible();
  }

  /** Calibrates, prefilling from `source` when given; waits until the measurement is shown. */
  async calibrate(source?: string): Promise<void> {
    if (source) await this.calibration.getByLabel('Prefill from source').selectOption(source);
    await this.calibration.getByRole('button', { name: 'Calibrate from this workspace' }).click();
    await expect(this.calibration.getByText('What was measured')).toBeVisible({ timeout: 30_000 });
  }

  measuredThroughput(): Locator {
    return this.calibration.getByLabel('Measured throughput', { exact: true });
  }

  headroom(): Locator {
    return this.calibration.getByLabel('Headroom', { exact: true });
  }
}
