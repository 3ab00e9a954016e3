// Page object for the command palette (Ctrl/Cmd+K).
import { expect, type Locator, type Page } from '@playwright/test';

export class CommandPalettePage {
  readonly dialog: Locator;
  readonly input: Locator;
  readonly options: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: 'Command palette' });
    this.input = this.dialog.getByRole('combobox', { name: 'Type a command' });
    this.options = this.dialog.getByRole('option');
  }

  async open(): Promise<void> {
    await this.page.keyboard.press('ControlOrMeta+k');
    await expect(this.dialog).toBeVisible();
    await expect(this.input).toBeFocused();
  }

  option(title: string): Locator {
    return this.dialog.getByRole('option', { name: title, exact: true });
  }

  /** Filters by `query` and runs the first match with Enter. */
  async run(query: string): Promise<void> {
    await this.input.fill(query);
    await this.page.keyboard.press('Enter');
    await expect(this.dialog).toBeHidden();
  }
}
