// Every built page: loads without console errors, asks no other origin for anything, has no axe
// violations, and does not scroll sideways on a 360 px phone.
import { expect, test } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { builtPages, hydrateAll } from './helpers';

const pages = builtPages();

test('the build produced the home, lesson, sources and 404 pages', () => {
  expect(pages).toEqual(expect.arrayContaining(['/', '/lessons/output-impedance/', '/sources/', '/404.html']));
});

for (const path of pages) {
  test.describe(`page ${path}`, () => {
    test('loads without console errors or requests to other origins', async ({ page, baseURL }) => {
      const problems: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(`console: ${message.text()}`);
      });
      page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
      page.on('request', (request) => {
        const url = new URL(request.url());
        if (!['data:', 'blob:'].includes(url.protocol) && url.origin !== baseURL) problems.push(`other origin: ${request.url()}`);
      });
      await page.goto(path);
      await hydrateAll(page);
      await page.waitForLoadState('networkidle');
      expect(problems).toEqual([]);
    });

    test('has no axe violations in light and dark themes', async ({ page }) => {
      for (const colorScheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme });
        await page.goto(path);
        await hydrateAll(page);
        const results = await new AxeBuilder({ page }).analyze();
        const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
        expect(summary, `${colorScheme} theme`).toEqual([]);
      }
    });

    test('does not scroll horizontally on a 360 px wide phone', async ({ page }) => {
      await page.setViewportSize({ width: 360, height: 740 });
      await page.goto(path);
      await hydrateAll(page);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
    });
  });
}

test('lesson pages show objectives, an outline of their sections and a reference list', async ({ page }) => {
  await page.goto('/lessons/output-impedance/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Output impedance and your headphones');
  const outline = page.getByRole('navigation', { name: 'Sections of this lesson' });
  const links = outline.getByRole('link');
  expect(await links.count()).toBeGreaterThanOrEqual(4);
  for (const href of await links.evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''))) {
    await expect(page.locator(href)).toHaveCount(1);
  }
  await expect(page.locator('ol.references li').first()).toBeVisible();
});

test('the home page lists every lesson with its one-line description and its minutes', async ({ page }) => {
  await page.goto('/');
  const row = page.locator('#course .lessons li', { hasText: 'Output impedance and your headphones' });
  await expect(row.getByRole('link')).toHaveAttribute('href', '/lessons/output-impedance/');
  await expect(row.locator('.tagline')).toHaveText(/\w{3,}.{10,}/);
  await expect(row.locator('.minutes')).toHaveText(/^\d+ min$/);
});

test('the sources page lists every reference each lesson cites', async ({ page }) => {
  const lessons = pages.filter((p) => p.startsWith('/lessons/'));
  expect(lessons.length).toBeGreaterThanOrEqual(3);
  const cited = new Set<string>();
  for (const lesson of lessons) {
    await page.goto(lesson);
    const ids = await page.locator('ol.references li').evaluateAll((items) => items.map((li) => li.id.replace(/^ref-/, '')));
    expect(ids.length, lesson).toBeGreaterThan(0);
    for (const id of ids) cited.add(id);
  }
  await page.goto('/sources/');
  for (const id of cited) await expect(page.locator(`#source-${id}`)).toHaveCount(1);
});

test('math is rendered at build time by KaTeX', async ({ request }) => {
  const html = await (await request.get('/lessons/output-impedance/')).text();
  expect(html).toContain('class="katex"');
});

test('every in-page link, citations included, lands on an element of its page', async ({ page }) => {
  for (const path of pages) {
    await page.goto(path);
    const targets = await page.locator('a[href^="#"]').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
    for (const href of new Set(targets)) {
      const id = decodeURIComponent(href.slice(1));
      expect(await page.evaluate((i) => document.getElementById(i) !== null, id), `${path} → ${href}`).toBe(true);
    }
  }
});

test('every link to another page of the site leads to a built page', async ({ page }) => {
  for (const path of pages) {
    await page.goto(path);
    const hrefs = await page.locator('a[href^="/"]').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
    for (const href of new Set(hrefs)) {
      // A link's page, without its fragment or its query (the labs keep their state in the query).
      const target = href.split('#')[0]?.split('?')[0] ?? '';
      expect(pages, `${path} → ${href}`).toContain(target);
    }
  }
});
