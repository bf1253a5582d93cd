// Runs every test: vitest (unit), a production build, then Playwright in Chromium against it; then the site built
// again under a sub-path (AMP_LAB_BASE=/amp-lab/, into dist-base/, leaving dist/ alone) and Playwright against that
// (playwright.base.config.ts).
// Ends with one line "N passed, N failed" adding up unit and browser tests; exits non-zero on any failure.
// Without a Chromium to drive it stops at once, with one line saying how to install one.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { NO_BROWSER_MESSAGE, findChromium } from './browser.mjs';
import { TEST_BASE, TEST_OUT_DIR } from '../test/e2e-base/deploy.mjs';

if (!findChromium()) {
  console.error(NO_BROWSER_MESSAGE);
  process.exit(1);
}

const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };
// The ordinary build and its tests are at the root whatever the shell has set.
delete env.AMP_LAB_BASE;
const run = (command, args, extraEnv = {}) => spawnSync(command, args, { stdio: 'inherit', env: { ...env, ...extraEnv } }).status ?? 1;
const readJson = (path) => (existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : null);

mkdirSync('test-results', { recursive: true });
rmSync('test-results/vitest.json', { force: true });
rmSync('test-results/playwright.json', { force: true });
rmSync('test-results/playwright-base.json', { force: true });

let passed = 0;
let failed = 0;
let broken = false;

const unitStatus = run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile=test-results/vitest.json']);
const unit = readJson('test-results/vitest.json');
if (unit) {
  passed += unit.numPassedTests;
  failed += unit.numFailedTests;
} else broken = true;
if (unitStatus !== 0) broken = true;

const buildStatus = run('npx', ['astro', 'build']);
if (buildStatus !== 0) {
  console.error('The site did not build; browser tests were not run.');
  broken = true;
} else {
  /** Runs Playwright with `args`, adding up the results it writes to `report`. */
  const browserTests = (args, report) => {
    const status = run('npx', ['playwright', 'test', ...args]);
    const browser = readJson(report);
    if (browser) {
      passed += browser.stats.expected + browser.stats.flaky;
      failed += browser.stats.unexpected;
    } else broken = true;
    if (status !== 0) broken = true;
  };
  browserTests([], 'test-results/playwright.json');

  if (run('npx', ['astro', 'build', '--outDir', TEST_OUT_DIR], { AMP_LAB_BASE: TEST_BASE }) !== 0) {
    console.error(`The site did not build under ${TEST_BASE}; its browser tests were not run.`);
    broken = true;
  } else {
    browserTests(['-c', 'playwright.base.config.ts'], 'test-results/playwright-base.json');
  }
}

if (passed === 0) broken = true;
console.log(`${passed} passed, ${failed} failed`);
process.exit(broken || failed > 0 ? 1 : 0);
