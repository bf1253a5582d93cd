// Browser tests of the site built under a sub-path (test/e2e-base): `npm test` builds it with
// AMP_LAB_BASE=/amp-lab/ into dist-base/ after the other browser tests, then runs these against `astro preview`,
// which serves dist-base/ under /amp-lab/ only. By hand:
//   AMP_LAB_BASE=/amp-lab/ npx astro build --outDir dist-base && npx playwright test -c playwright.base.config.ts
import { defineConfig } from '@playwright/test';
import rootSite from './playwright.config';
import { TEST_BASE, TEST_OUT_DIR } from './test/e2e-base/deploy.mjs';

const PORT = Number(process.env['E2E_PORT'] ?? 4322);
const site = `http://127.0.0.1:${PORT}${TEST_BASE}`;

export default defineConfig({
  ...rootSite,
  testDir: 'test/e2e-base',
  reporter: [['list'], ['json', { outputFile: 'test-results/playwright-base.json' }]],
  use: { ...rootSite.use, baseURL: site },
  webServer: {
    command: `npx astro preview --outDir ${TEST_OUT_DIR} --host 127.0.0.1 --port ${PORT}`,
    env: { AMP_LAB_BASE: TEST_BASE },
    url: site,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
