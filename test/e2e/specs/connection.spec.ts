// When the engine goes away the app says so in the status bar and keeps trying, instead of
// failing silently; calls made meanwhile explain that the engine is unreachable.
import { expect, test } from '../fixtures/app.js';
import { electronTarget } from '../fixtures/electron.js';
import { startServe } from '../fixtures/ingot-cli.js';
import { AppShell } from '../pages/app-shell.js';

test.skip(electronTarget(), 'These checks are about `ingot serve` in a browser; the desktop app has no HTTP server.');

test('the status bar shows when the engine stops, and the app keeps retrying', async ({ ingot, page }) => {
  await page.goto(ingot.url);
  const shell = new AppShell(page);
  await shell.expectConnected();
  await expect(shell.page.getByText(/^Engine \d/)).toBeVisible();

  await ingot.stop();
  await expect(shell.connection).toHaveText(/Engine unreachable · reconnecting/);
  const retry = page.getByRole('button', { name: 'Retry now' });
  await expect(retry).toBeVisible();
  // The countdown text changes every second and while it redials; the button beside it stays put.
  const seen = await page.evaluate(
    () =>
      new Promise<{ texts: string[]; xs: number[] }>((resolve) => {
        const bar = document.querySelector('footer.statusbar');
        const texts = new Set<string>();
        const xs = new Set<number>();
        const note = (): void => {
          const button = [...(bar?.querySelectorAll('button') ?? [])].find((b) => b.textContent === 'Retry now');
          if (!button) return;
          texts.add(bar?.querySelector('[role="status"]')?.textContent ?? '');
          xs.add(Math.round(button.getBoundingClientRect().x));
        };
        const observer = new MutationObserver(note);
        if (bar) observer.observe(bar, { subtree: true, childList: true, characterData: true });
        note();
        setTimeout(() => {
          observer.disconnect();
          resolve({ texts: [...texts], xs: [...xs] });
        }, 7_000);
      }),
  );
  expect(seen.texts.length).toBeGreaterThan(1);
  expect(seen.xs).toHaveLength(1);
  // The status bar says what to do: a restarted `ingot serve` has a new token and a new URL.
  await expect(page.getByRole('contentinfo')).toContainText('open the new URL it printed');
  // The workspace stays named while the engine is away.
  await expect(shell.workspaceName).not.toHaveText(/Opening workspace/);

  await page.getByRole('button', { name: 'Reload' }).click();
  const toast = shell.alerts.filter({ hasText: 'not connected to its engine' });
  await expect(toast).toContainText('Could not list the tables');
  await expect(toast).toContainText('Wait until the status bar says "Connected"');
});

test('after `ingot serve` restarts with a new token, the app says to open the new URL and stops retrying', async ({ ingot, workspace, page }) => {
  await page.goto(ingot.url);
  const shell = new AppShell(page);
  await shell.expectConnected();

  // The same port, a new token: the page's cookie holds the old one.
  await ingot.stop();
  await expect(shell.connection).toHaveText(/Engine unreachable · reconnecting/);
  const restarted = await startServe(workspace, 60_000, ingot.port);
  try {
    expect(restarted.token).not.toBe(ingot.token);
    // The app redials on its own within 5 s; by the time the new server is up it may already have
    // found the old token refused, so "Retry now" is only clicked if it is still there.
    await page.getByRole('button', { name: 'Retry now' }).click({ timeout: 1_000 }).catch(() => undefined);
    await expect(shell.connection).toHaveText('The Ingot server was restarted: open the new URL it printed', { timeout: 20_000 });
    await expect(page.getByRole('contentinfo')).toContainText('This page has stopped retrying');
    await expect(page.getByRole('button', { name: 'Retry now' })).toHaveCount(0);
    // And it stays so: no countdown comes back.
    await page.waitForTimeout(6_000);
    await expect(shell.connection).not.toContainText('Engine unreachable');

    // The new URL works.
    await page.goto(restarted.url);
    await shell.expectConnected();
  } finally {
    await restarted.stop();
  }
});
