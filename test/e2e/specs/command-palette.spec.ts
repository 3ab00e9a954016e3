// The command palette: Ctrl/Cmd+K opens it with every action listed, typing narrows the list,
// Enter runs the chosen action, Escape closes it and gives focus back.
import { expect, test } from '../fixtures/app.js';
import { SCREEN_LABELS } from '../pages/app-shell.js';
import { CommandPalettePage } from '../pages/command-palette.js';

test('the command palette lists the actions and runs them from the keyboard', async ({ shell }) => {
  const palette = new CommandPalettePage(shell.page);
  await palette.open();
  for (const label of SCREEN_LABELS) await expect(palette.option(`Go to ${label}`)).toBeVisible();
  await expect(palette.option('Start a run of all models')).toBeVisible();

  await palette.input.fill('go run');
  await expect(palette.options).toHaveCount(1);
  await expect(palette.options.first()).toHaveAttribute('aria-selected', 'true');
  await shell.page.keyboard.press('Enter');
  await expect(palette.dialog).toBeHidden();
  await expect(shell.heading()).toHaveText('Runs');

  await palette.open();
  await palette.input.fill('qual');
  await shell.page.keyboard.press('ArrowDown');
  await shell.page.keyboard.press('ArrowUp');
  await shell.page.keyboard.press('Enter');
  await expect(shell.heading()).toHaveText('Quality');

  await palette.open();
  await palette.input.fill('no such command');
  await expect(palette.options).toHaveCount(0);
  await expect(palette.dialog).toContainText('No command matches');
  await shell.page.keyboard.press('Escape');
  await expect(palette.dialog).toBeHidden();

  await shell.page.getByRole('button', { name: /Commands/ }).click();
  await expect(palette.dialog).toBeVisible();
  await shell.page.keyboard.press('ControlOrMeta+k');
  await expect(palette.dialog).toBeHidden();
});
