// Page object for the app frame: navigation, top bar (workspace, run status), status bar
// (engine connection), toasts and the command palette.
import { expect, type Locator, type Page } from '@playwright/test';

export const SCREEN_LABELS = ['Tables', 'Ingest', 'Pipeline', 'SQL', 'Explore', 'Quality', 'Runs', 'Capacity', 'Catalog'] as const;
export type ScreenLabel = (typeof SCREEN_LABELS)[number];

export class AppShell {
  readonly navigation: Locator;
  readonly connection: Locator;
  readonly runStatus: Locator;
  readonly workspaceName: Locator;
  readonly alerts: Locator;

  constructor(readonly page: Page) {
    this.navigation = page.getByRole('navigation', { name: 'Screens' });
    this.connection = page.getByRole('status', { name: 'Engine connection' });
    this.runStatus = page.getByRole('status', { name: 'Run status' });
    this.workspaceName = page.getByLabel('Workspace', { exact: true });
    this.alerts = page.getByRole('region', { name: 'Notifications' }).getByRole('alert');
  }

  navLink(label: ScreenLabel): Locator {
    return this.navigation.getByRole('link', { name: label, exact: true });
  }

  heading(): Locator {
    return this.page.getByRole('main').getByRole('heading', { level: 1 });
  }

  async expectConnected(): Promise<void> {
    await expect(this.connection).toHaveText(/Connected to the engine/, { timeout: 20_000 });
  }

  async goTo(label: ScreenLabel): Promise<void> {
    await this.navLink(label).click();
    await expect(this.heading()).toHaveText(label);
  }
}
