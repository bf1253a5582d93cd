// The site served under a sub-path (/amp-lab/, from dist-base/): a reader moves through it as at the root. A lesson
// loads and hydrates with every request answered; its links, after hydration, stay under the base; search finds a
// page and its result opens; previous/next and a glossary term link lead to real pages; Play loads the AudioWorklet
// modules from under the base and plays; the home page's Continue and the progress page link under the base.
import { expect, test, type Page } from '@playwright/test';
import { PROGRESS_STORAGE_KEY, type ProgressData } from '../../src/lib/progress';
import { hydrateAll, hydrateWidget } from '../e2e/helpers';
import { TEST_BASE } from './deploy.mjs';

/** The URL path of the site path `path` under the test base: "/lessons/jitter/" → "/amp-lab/lessons/jitter/". */
const at = (path: string): string => `${TEST_BASE}${path.slice(1)}`;

/** Requests that failed, error responses, console errors and uncaught exceptions, collected from now on. */
function watchForProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('requestfailed', (request) => {
    // Leaving a page cancels what it was still loading; that is not a failure.
    const reason = request.failure()?.errorText ?? '';
    if (reason !== 'net::ERR_ABORTED') problems.push(`failed: ${request.url()} (${reason})`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`${response.status()}: ${response.url()}`);
  });
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  return problems;
}

/** Every same-origin URL the live page links or loads (a, link, script, img, source, form, island) outside the base. */
async function urlsOutsideBase(page: Page): Promise<string[]> {
  return page.evaluate((base) => {
    const urls: string[] = [];
    for (const element of document.querySelectorAll('[href], [src], [action], astro-island[component-url]')) {
      for (const name of ['href', 'src', 'action', 'component-url', 'renderer-url']) {
        const value = element.getAttribute(name);
        if (value !== null) urls.push(new URL(value, location.href).href);
      }
    }
    return urls.filter((url) => new URL(url).origin === location.origin && !new URL(url).pathname.startsWith(base));
  }, TEST_BASE);
}

test('a lesson with the matcher widget loads and hydrates under the base, and every link it shows stays there', async ({ page }) => {
  const problems = watchForProblems(page);
  await page.goto(at('/lessons/sensitivity-and-power/'));
  await hydrateAll(page);
  await page.waitForLoadState('networkidle');
  expect(problems).toEqual([]);
  expect(await urlsOutsideBase(page)).toEqual([]);
  const site = page.getByRole('navigation', { name: 'Site' });
  await expect(site.getByRole('link', { name: 'Amp Lab', exact: true })).toHaveAttribute('href', TEST_BASE);
  // The header knows where the reader is under the base too.
  await expect(site.getByRole('link', { name: 'Lessons', exact: true })).toHaveAttribute('aria-current', 'true');
});

test('search loads its index from under the base, and a result opens its page there', async ({ page }) => {
  const problems = watchForProblems(page);
  const searchRequests: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/pagefind/')) searchRequests.push(new URL(request.url()).pathname);
  });
  await page.goto(at('/'));
  await page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'Search' }).click();
  const dialog = page.getByRole('dialog', { name: 'Search Amp Lab' });
  await dialog.getByRole('textbox', { name: /^Search lessons/ }).fill('damping factor');
  const section = dialog.locator(`a[href^="${at('/lessons/output-impedance/')}#damping-factor"]`).first();
  await expect(section).toBeVisible();
  await section.click();
  await expect(page).toHaveURL(new RegExp(`${at('/lessons/output-impedance/')}#damping-factor`));
  await expect(page.getByRole('heading', { name: 'Damping factor: what it does and does not mean' })).toBeInViewport();
  expect(searchRequests.length).toBeGreaterThan(0);
  expect(searchRequests.filter((path) => !path.startsWith(at('/pagefind/')))).toEqual([]);
  expect(problems).toEqual([]);
});

test('previous and next, and a glossary term link, lead to pages under the base', async ({ page }) => {
  const problems = watchForProblems(page);
  await page.goto(at('/lessons/output-impedance/'));
  const pager = page.getByRole('navigation', { name: 'Previous and next lesson' });
  await pager.locator('a[rel="next"]').click();
  await expect(page).toHaveURL(new RegExp(`${at('/lessons/')}[a-z-]+/$`));
  await expect(page).not.toHaveURL(/output-impedance/);
  await page.getByRole('navigation', { name: 'Previous and next lesson' }).locator('a[rel="prev"]').click();
  await expect(page).toHaveURL(new RegExp(`${at('/lessons/output-impedance/')}$`));

  const term = page.locator('article a.term').first();
  const target = (await term.getAttribute('href')) ?? '';
  expect(target.startsWith(at('/glossary/#'))).toBe(true);
  await term.click();
  await expect(page).toHaveURL(new RegExp(`${at('/glossary/')}#`));
  await expect(page.locator(`[id="${decodeURIComponent(target.split('#')[1] ?? '')}"]`)).toBeInViewport();
  expect(problems).toEqual([]);
});

test('Play loads the AudioWorklet modules from under the base and plays', async ({ page }) => {
  const problems = watchForProblems(page);
  // Chromium fetches worklet modules out of Playwright's sight, so record what the page asks addModule for, and how
  // that ends.
  await page.addInitScript(() => {
    const added: { path: string; loaded: boolean | null }[] = [];
    Object.assign(window, { addedWorklets: added });
    const addModule = AudioWorklet.prototype.addModule;
    AudioWorklet.prototype.addModule = function (url: string | URL, options?: WorkletOptions) {
      const entry = { path: new URL(url, location.href).pathname, loaded: null as boolean | null };
      if (!String(url).startsWith('blob:')) added.push(entry);
      return addModule.call(this, url, options).then(
        () => {
          entry.loaded = true;
        },
        (error: unknown) => {
          entry.loaded = false;
          throw error;
        },
      );
    };
  });
  await page.goto(at('/lessons/output-impedance/'));
  const widget = await hydrateWidget(page, '[data-widget="output-impedance"]');
  await widget.getByRole('button', { name: 'Play' }).click();
  // Play first renders the program and matches loudness offline: on a loaded machine that takes a while.
  await expect(widget.locator('[data-play-state="playing"]')).toHaveCount(1, { timeout: 40_000 });
  const added = await page.evaluate(() => (window as unknown as { addedWorklets: { path: string; loaded: boolean | null }[] }).addedWorklets);
  // The limiter, quantizer, low-rate DAC and jitter modules (added to each context Play makes), each loaded from the
  // built files under the base.
  expect([...new Set(added.map((entry) => entry.path.replace(/-[\w-]+\.js$/, '')))].sort()).toEqual(
    ['jitter', 'limiter', 'lowRateDac', 'quantizer'].map((name) => at(`/_astro/${name}.worklet`)),
  );
  expect(added.every((entry) => entry.loaded === true)).toBe(true);
  await widget.getByRole('button', { name: 'Stop' }).click();
  await expect(widget.locator('[data-play-state="stopped"]')).toHaveCount(1);
  expect(problems).toEqual([]);
});

test('the home page continues a visited lesson, and the progress page links its lessons and lab pages, under the base', async ({ page }) => {
  await page.goto(at('/lessons/jitter/'));
  await page.goto(at('/'));
  const resume = page.getByRole('link', { name: /^Continue/ });
  await expect(resume).toHaveAttribute('href', at('/lessons/jitter/'));

  const at0 = '2025-03-01T10:00:00.000Z';
  const seeded: ProgressData = {
    version: 1,
    lessons: { jitter: { visitedAt: at0 } },
    answers: {},
    exercises: {},
    abx: [{ lesson: '/lab/matcher/', widget: 'm', correct: 30, trials: 32, pValue: 1.2e-7, at: at0 }],
  };
  await page.goto(at('/progress/'));
  await page.evaluate(([key, text]) => localStorage.setItem(key, text), [PROGRESS_STORAGE_KEY, JSON.stringify(seeded)] as const);
  await page.reload();
  await expect(page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'Progress', exact: true })).toHaveAttribute('aria-current', 'page');
  await expect(page.locator('li[data-progress-lesson="jitter"] a')).toHaveAttribute('href', at('/lessons/jitter/'));
  const labLink = page.locator('[data-progress-elsewhere] a', { hasText: 'Page /lab/matcher/' });
  await expect(labLink).toHaveAttribute('href', at('/lab/matcher/'));
  await labLink.click();
  await expect(page).toHaveURL(new RegExp(`${at('/lab/matcher/')}$`));
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});
