// Page object for the Runs screen: start/cancel form, history, and one run's models.
import { expect, type Locator, type Page } from '@playwright/test';

export class RunsPage {
  readonly selection: Locator;
  readonly fullRefresh: Locator;
  readonly startButton: Locator;
  readonly history: Locator;

  constructor(readonly page: Page) {
    const form = page.getByRole('form', { name: 'Start a run' });
    this.selection = form.getByRole('textbox', { name: 'Models to run' });
    this.fullRefresh = form.getByRole('checkbox', { name: 'Full refresh' });
    this.startButton = form.getByRole('button', { name: 'Start run' });
    this.history = page.getByRole('table', { name: 'Run history' });
  }

  cancelButton(runId: number): Locator {
    return this.page.getByRole('button', { name: `Cancel run #${runId}` });
  }

  runStatus(runId: number): Locator {
    return this.page.getByRole('status', { name: `Run #${runId} status` });
  }

  models(runId: number): Locator {
    return this.page.getByRole('table', { name: `Models of run #${runId}` });
  }

  /** Starts a run of `selection` (all models when empty); resolves to the new run's id. */
  async startRun(selection = ''): Promise<number> {
    // Wait for the history to load, so an older run is not mistaken for the new one.
    await expect(this.history.or(this.page.getByRole('heading', { name: 'No runs yet' }))).toBeVisible();
    const before = (await this.latestRunId()) ?? 0;
    await this.selection.fill(selection);
    await this.startButton.click();
    await expect.poll(() => this.latestRunId(), { timeout: 20_000 }).toBeGreaterThan(before);
    return (await this.latestRunId()) ?? before;
  }

  /** The newest run id in the history, or null when there is none. */
  async latestRunId(): Promise<number | null> {
    const label = await this.history.getByRole('button', { name: /^Show run #\d+$/ }).first().getAttribute('aria-label', { timeout: 1_000 }).catch(() => null);
    const match = label ? /#(\d+)/.exec(label) : null;
    return match ? Number(match[1]) : null;
  }
}
