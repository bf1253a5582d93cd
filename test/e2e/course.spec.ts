// The learner's path: the course order followed by "Next", the sidebar and its phone menu, prerequisites, the
// header, the home page's course map and search. At a desktop width (1280 px) and a phone's (375 px).
import { expect, test } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { LAB_PAGES } from '../../src/data/labs';
import { COURSE_UNITS } from '../../src/data/units';
import { lessonsFromFiles } from '../shared/courseOrder';

const LESSONS = lessonsFromFiles();
const WIDTHS = [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'phone', width: 375, height: 740 },
] as const;

for (const viewport of WIDTHS) {
  test.describe(`at ${viewport.width} px`, () => {
    test.use({ viewport: { width: viewport.width, height: viewport.height } });

    test('following "Next" from the first lesson visits every lesson once, in course order', async ({ page }) => {
      test.setTimeout(120_000);
      await page.goto('/');
      await page.getByRole('link', { name: /^Start here/ }).click();
      await page.waitForURL(/\/lessons\//);
      const visited: string[] = [];
      for (;;) {
        visited.push(new URL(page.url()).pathname);
        const next = page.locator('a[rel="next"]');
        if ((await next.count()) === 0) break;
        const here = page.url();
        await next.click();
        await page.waitForURL((url) => url.href !== here);
      }
      expect(visited).toEqual(LESSONS.map((l) => `/lessons/${l.slug}/`));
    });

    test('the course menu marks the current lesson, and only it', async ({ page }) => {
      const lesson = LESSONS[4];
      if (!lesson) throw new Error('the course has fewer than five lessons');
      await page.goto(`/lessons/${lesson.slug}/`);
      const menu = page.locator('details.course-nav');
      if (viewport.width < 1024) {
        await expect(menu.getByRole('navigation', { name: 'Course' })).toBeHidden();
        await menu.locator('summary').click();
      }
      const nav = page.getByRole('navigation', { name: 'Course' });
      await expect(nav).toBeVisible();
      // Every lesson and every lab tool.
      await expect(nav.getByRole('link')).toHaveCount(LESSONS.length + LAB_PAGES.length);
      const current = nav.locator('a[aria-current="page"]');
      await expect(current).toHaveCount(1);
      await expect(current).toHaveText(lesson.title);
      await expect(page.locator('details.course-nav summary')).toContainText(`lesson ${lesson.order} of ${LESSONS.length}`);
    });
  });
}

test('each lesson names its unit, and its prerequisites link to lessons that come earlier', async ({ page }) => {
  const lesson = LESSONS.find((l) => l.prerequisites.length >= 2);
  if (!lesson) throw new Error('no lesson with two prerequisites');
  await page.goto(`/lessons/${lesson.slug}/`);
  const unitNumber = COURSE_UNITS.findIndex((u) => u.id === lesson.unit) + 1;
  await expect(page.locator('.kicker')).toContainText(`Unit ${unitNumber}`);
  await expect(page.locator('.kicker')).toContainText(`Lesson ${lesson.order} of ${LESSONS.length}`);
  const links = page.getByRole('navigation', { name: 'Before this lesson' }).getByRole('link');
  expect(await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual(
    lesson.prerequisites.map((slug) => `/lessons/${slug}/`),
  );
});

test('a lesson whose next lesson starts a new unit says so', async ({ page }) => {
  const index = LESSONS.findIndex((l, i) => LESSONS[i + 1] !== undefined && LESSONS[i + 1]?.unit !== l.unit);
  const lesson = LESSONS[index];
  const nextUnit = COURSE_UNITS.find((u) => u.id === LESSONS[index + 1]?.unit);
  if (!lesson || !nextUnit) throw new Error('the course has one unit');
  await page.goto(`/lessons/${lesson.slug}/`);
  await expect(page.locator('a[rel="next"]')).toContainText(nextUnit.title);
});

test('the header leads to the lessons, the lab, the glossary, the sources, your progress and search', async ({ page }) => {
  await page.goto('/lessons/output-impedance/');
  const header = page.getByRole('navigation', { name: 'Site' });
  for (const name of ['Lessons', 'Lab', 'Glossary', 'Sources', 'Progress', 'Search']) {
    await expect(header.getByRole('link', { name, exact: true })).toBeVisible();
  }
  await expect(header.getByRole('link', { name: 'Lessons', exact: true })).toHaveAttribute('aria-current', 'true');
  await header.getByRole('link', { name: 'Lab', exact: true }).click();
  await expect(page).toHaveURL(/\/lab\/$/);
  await page.getByRole('link', { name: 'Will this amp drive these headphones?' }).click();
  await expect(page).toHaveURL(/\/lab\/matcher\//);
});

test('the home page maps the course by unit, compactly, and starts at the first lesson', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/');
  const units = page.locator('#course .unit');
  await expect(units).toHaveCount(COURSE_UNITS.length);
  for (const [i, unit] of COURSE_UNITS.entries()) {
    await expect(units.nth(i).getByRole('heading')).toHaveText(`Unit ${i + 1} · ${unit.title}`);
    const titles = await units.nth(i).locator('a[data-lesson-link]').allTextContents();
    expect(titles).toEqual(LESSONS.filter((l) => l.unit === unit.id).map((l) => l.title));
  }
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  // About two and a half desktop screens for 26 lessons (two screens held 20; the taglines take the room).
  expect(height).toBeLessThanOrEqual(2.5 * 900 + 200);
  await expect(page.getByRole('link', { name: /^Start here/ })).toHaveAttribute('href', `/lessons/${LESSONS[0]?.slug}/`);
  await expect(page.getByRole('link', { name: /^Continue/ })).toBeHidden();
});

test('after visiting a lesson the home page offers to continue it', async ({ page }) => {
  const lesson = LESSONS[6];
  if (!lesson) throw new Error('the course has fewer than seven lessons');
  await page.goto(`/lessons/${lesson.slug}/`);
  await page.goto('/');
  const button = page.getByRole('link', { name: /^Continue/ });
  await expect(button).toBeVisible();
  await expect(button).toHaveText(`Continue: ${lesson.title}`);
  await expect(button).toHaveAttribute('href', `/lessons/${lesson.slug}/`);
});

test.describe('search', () => {
  test('loads nothing of search until it is opened', async ({ page }) => {
    const searchRequests: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname.startsWith('/pagefind/')) searchRequests.push(request.url());
    });
    await page.goto('/lessons/output-impedance/');
    await page.waitForLoadState('networkidle');
    expect(searchRequests).toEqual([]);
    await page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'Search' }).click();
    await expect(page.getByRole('dialog', { name: 'Search Amp Lab' })).toBeVisible();
    await expect.poll(() => searchRequests.length).toBeGreaterThan(0);
  });

  test('"damping factor" leads to the section that explains it', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'Search' }).click();
    const dialog = page.getByRole('dialog', { name: 'Search Amp Lab' });
    const box = dialog.getByRole('textbox', { name: /^Search lessons/ });
    await box.fill('damping factor');
    const section = dialog.locator('a[href*="/lessons/output-impedance/#damping-factor"]').first();
    await expect(section).toBeVisible();
    const results = await new AxeBuilder({ page }).include('dialog').analyze();
    expect(results.violations.map((v) => v.id)).toEqual([]);
    await section.click();
    await expect(page).toHaveURL(/\/lessons\/output-impedance\/#damping-factor/);
    await expect(page.getByRole('heading', { name: 'Damping factor: what it does and does not mean' })).toBeInViewport();
  });

  test('the search page loads Pagefind when the reader goes to its box, and searches what was typed meanwhile', async ({ page }) => {
    const searchRequests: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname.startsWith('/pagefind/')) searchRequests.push(request.url());
    });
    await page.goto('/search/');
    await page.waitForLoadState('networkidle');
    expect(searchRequests).toEqual([]);
    await page.getByRole('textbox', { name: /^Search lessons/ }).pressSequentially('reservoir capacitor');
    await expect(page.locator('.pagefind-ui__result').first()).toBeVisible();
    const box = page.getByRole('textbox', { name: /^Search lessons/ });
    await expect(box).toHaveCount(1);
    await expect(box).toHaveValue('reservoir capacitor');
    await expect(box).toBeFocused();
  });

  test('the search page works on its own, and leaves widgets and questions out of the index', async ({ page }) => {
    await page.goto('/search/');
    const box = page.getByRole('textbox', { name: /^Search lessons/ });
    // "Abandon this test" is on every blind test's button (in a widget) and in no page's text: Pagefind may still
    // match other words loosely, but no result may quote it.
    await box.fill('abandon this test');
    await expect(page.locator('.pagefind-ui__message')).toContainText(/result/i);
    await expect(page.locator('.pagefind-ui__result-excerpt', { hasText: /abandon/i })).toHaveCount(0);
    await box.fill('reservoir capacitor');
    await expect(page.locator('.pagefind-ui__result').first()).toBeVisible();
  });
});

test('a lesson marked done is ticked in the course menu and on the home page, and said so to screen readers', async ({ page }) => {
  const lesson = LESSONS[1];
  if (!lesson) throw new Error('the course has one lesson');
  await page.goto(`/lessons/${lesson.slug}/`);
  await page.getByRole('button', { name: 'Mark this lesson done' }).click();
  const menuLink = page.getByRole('navigation', { name: 'Course' }).locator(`a[data-lesson-link="${lesson.slug}"]`);
  await expect(menuLink).toHaveAttribute('data-done', 'true');
  await expect(menuLink).toContainText('(done)');
  const tick = (link: typeof menuLink) => link.locator('.lesson-tick').evaluate((e) => getComputedStyle(e, '::before').content);
  expect(await tick(menuLink)).toBe('"✓"');
  await page.goto('/');
  const homeLink = page.locator(`#course a[data-lesson-link="${lesson.slug}"]`);
  expect(await tick(homeLink)).toBe('"✓"');
  const other = page.locator(`#course a[data-lesson-link="${LESSONS[2]?.slug}"]`);
  expect(await tick(other)).toBe('none');
});
