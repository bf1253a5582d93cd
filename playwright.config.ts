// Browser tests run in Chromium (Playwright's own, or the system's: scripts/browser.mjs) against the built site
// served by `astro preview`.
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './scripts/browser.mjs';

// E2E_PORT lets two checkouts run their browser tests side by side.
const PORT = Number(process.env['E2E_PORT'] ?? 4322);
const browser = findChromium();

export default defineConfig({
  testDir: 'test/e2e',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: 'test-results/playwright.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    browserName: 'chromium',
    // Playwright's own Chromium needs no path. With none found, Playwright's error says to run `npx playwright
    // install` (npm test says so first).
    launchOptions: { executablePath: browser?.source === 'system' ? browser.executablePath : undefined, args: CHROMIUM_ARGS },
    acceptDownloads: true,
    // The site's service worker stays out of every spec but the offline one (test.use({ serviceWorkers: 'allow' })),
    // so each spec sees the network as it is, and page.route sees every request.
    serviceWorkers: 'block',
    trace: 'off',
  },
  webServer: {
    command: `npx astro preview --host 127.0.0.1 --port ${PORT}`,
    // These tests are of the site at the root (test/e2e-base has the one under a sub-path).
    env: { AMP_LAB_BASE: '' },
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
