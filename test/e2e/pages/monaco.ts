// Typing into a Monaco editor the way a user pastes: the text goes through the clipboard, so the
// editor takes it verbatim (typed text would be auto-indented and get closing brackets added).
import { expect, type Locator, type Page } from '@playwright/test';

/** Replaces the text of the Monaco editor inside `editor` with `text`. */
export async function replaceEditorText(page: Page, editor: Locator, text: string): Promise<void> {
  await expect(editor.locator('.monaco-editor')).toBeVisible();
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await editor.locator('.view-lines').click();
  await page.keyboard.press('ControlOrMeta+A');
  if (text === '') {
    await page.keyboard.press('Delete');
    return;
  }
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.keyboard.press('ControlOrMeta+V');
}

/** The editor's text as its lines show it (Monaco draws spaces as no-break spaces), without trailing blank lines. */
export async function editorText(editor: Locator): Promise<string> {
  return (await editor.locator('.view-lines').innerText()).replaceAll('\u00a0', ' ').trimEnd();
}
