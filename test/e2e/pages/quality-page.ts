// Page object for the Quality screen: the checked tables, one table's checks and its quarantine
// (with the forms that fix a held row and release rows).
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

  /** The form that fixes one held row of `id`'s quarantine. */
  fixForm(id: string): Locator {
    return this.quarantine(id).getByRole('form', { name: /^Fix a held row of / });
  }

  /** Picks the first held row whose description in the row picker matches `label`; resolves to that description. */
  async pickHeldRow(id: string, label: RegExp): Promise<string> {
    const form = this.fixForm(id);
    const option = form.getByRole('option', { name: label }).first();
    const [value, text] = await Promise.all([option.getAttribute('value'), option.textContent()]);
    await form.getByRole('combobox', { name: /^Held row to fix/ }).selectOption(value ?? '');
    return text ?? '';
  }

  /** A field of the fix form: the value of `column`, or its NULL checkbox. */
  fixField(id: string, column: string): { value: Locator; isNull: Locator } {
    const form = this.fixForm(id);
    return { value: form.getByRole('textbox', { name: column, exact: true }), isNull: form.getByRole('checkbox', { name: `${column} is NULL` }) };
  }
}
