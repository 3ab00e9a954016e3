// End-to-end tests (test/e2e): the real `ingot serve` in Debian's Chromium (never a downloaded
// browser), or the Electron app with INGOT_E2E_TARGET=electron. Traces and screenshots are kept
// for failed tests; the renderer is built first if dist/renderer is missing or stale.
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from './test/e2e/fixtures/chromium.js';

const electron = process.env.INGOT_E2E_TARGET === 'electron';

export default defineConfig({
  testDir: 'test/e2e/specs',
  globalSetup: './test/e2e/global-setup.ts',
  outputDir: 'test-results/e2e',
  timeout: 90_000,
  expect: { timeout: 15_000 },
  // The machine is shared: one worker, one app at a time.
  workers: Number(process.env.INGOT_E2E_WORKERS ?? 1),
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  reporter: process.env.CI ? [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]] : [['list']],
  use: {
    browserName: 'chromium',
    launchOptions: electron ? {} : { executablePath: chromiumPath(), args: CHROMIUM_ARGS },
    viewport: { width: 1360, height: 820 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    actionTimeout: 15_000,
  },
});
