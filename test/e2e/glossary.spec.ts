// The glossary page and the term links in the lessons: every term listed with a "Taught in" link that leads where it
// says, definitions that show on hover and keyboard focus with no JavaScript, term links that land on their term,
// no axe violations, and no sideways scroll on a 375 px phone.
import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { GLOSSARY, type GlossaryTerm } from '../../src/data/glossary';
import { builtPages } from './helpers';

const pages = builtPages();
const lessonPages = pages.filter((p) => p.startsWith('/lessons/'));
const byId = new Map(GLOSSARY.map((term) => [term.id, term]));
const PHONE = { width: 375, height: 740 };

const taughtInHref = (term: GlossaryTerm) => `/lessons/${term.lesson}/${term.section === undefined ? '' : `#${term.section}`}`;

function termFor(href: string | null): GlossaryTerm {
  const term = byId.get(href?.replace('/glossary/#', '') ?? '');
  if (!term) throw new Error(`no glossary term for ${href}`);
  return term;
}

async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

test('the glossary lists every term once, alphabetically, each as a <dt> with its id', async ({ page }) => {
  await page.goto('/glossary/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Glossary');
  const listed = await page.locator('[data-pagefind-body] dl > dt').evaluateAll((dts) => dts.map((dt) => ({ id: dt.id, text: dt.textContent ?? '' })));
  const expected = [...GLOSSARY]
    .sort((a, b) => a.term.localeCompare(b.term, 'en', { sensitivity: 'base' }))
    .map((term) => ({ id: term.id, text: term.term }));
  expect(listed).toEqual(expected);
  for (const term of GLOSSARY) {
    await expect(page.locator(`dt[id="${term.id}"] + dd > p`).first()).toHaveText(term.short);
  }
});

test('the letters at the top jump to their part of the list', async ({ page }) => {
  await page.goto('/glossary/');
  const targets = await page.getByRole('navigation', { name: 'Glossary by first letter' }).getByRole('link').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
  expect(targets.length).toBeGreaterThanOrEqual(10);
  for (const href of targets) await expect(page.locator(`h2${href}`)).toHaveCount(1);
});

test('every “Taught in” link leads to a built lesson with that title, and every section to a heading there', async ({ page }) => {
  await page.goto('/glossary/');
  const links = await page.locator('dd .taught-in a').evaluateAll((as) => as.map((a) => ({ href: a.getAttribute('href') ?? '', text: a.textContent ?? '' })));
  expect(links.map((l) => l.href).sort()).toEqual(GLOSSARY.map(taughtInHref).sort());
  const byPath = new Map<string, { sections: Set<string>; titles: Set<string> }>();
  for (const { href, text } of links) {
    const [path = '', section] = href.split('#');
    const entry = byPath.get(path) ?? { sections: new Set<string>(), titles: new Set<string>() };
    if (section !== undefined) entry.sections.add(section);
    entry.titles.add(text);
    byPath.set(path, entry);
  }
  for (const [path, { sections, titles }] of byPath) {
    expect(pages, path).toContain(path);
    await page.goto(path);
    const title = (await page.getByRole('heading', { level: 1 }).textContent()) ?? '';
    expect([...titles], path).toEqual([title]);
    for (const section of sections) {
      const tag = await page.evaluate((id) => document.getElementById(id)?.tagName.toLowerCase() ?? 'missing', section);
      expect(['h2', 'h3'], `${path}#${section}`).toContain(tag);
    }
  }
});

test('every glossary link on every lesson lands on a term of the glossary, with its tooltip beside it', async ({ page, request }) => {
  await page.goto('/glossary/');
  const termIds = new Set(await page.locator('dt[id]').evaluateAll((dts) => dts.map((dt) => dt.id)));
  expect(lessonPages.length).toBeGreaterThanOrEqual(3);
  for (const path of lessonPages) {
    const html = await (await request.get(path)).text();
    const links = [...html.matchAll(/<a href="\/glossary\/#([^"]+)" class="term" aria-describedby="([^"]+)">/g)];
    expect(links.length, path).toBeGreaterThan(0);
    expect(html.match(/href="\/glossary\/#/g)?.length, `${path}: every glossary link is a term link`).toBe(links.length);
    for (const [, id = '', tip = ''] of links) {
      expect(termIds.has(id), `${path} → /glossary/#${id}`).toBe(true);
      expect(html.split(`id="${tip}"`).length - 1, `${path}: tooltip ${tip}`).toBe(1);
    }
  }
});

test.describe('with JavaScript off', () => {
  test.use({ javaScriptEnabled: false });

  test('a term’s definition shows while its link is hovered or focused, and is its accessible description', async ({ page }) => {
    await page.goto('/lessons/gain-and-noise/');
    const link = page.locator('a.term').first();
    const term = termFor(await link.getAttribute('href'));
    const tip = page.locator(`[id="${await link.getAttribute('aria-describedby')}"]`);
    await expect(tip).toHaveAttribute('role', 'tooltip');
    await expect(tip).toHaveText(term.short);
    await expect(tip).toBeHidden();
    await expect(link).toHaveAccessibleDescription(term.short);

    await link.hover();
    await expect(tip).toBeVisible();
    await page.mouse.move(0, 0);
    await expect(tip).toBeHidden();

    await link.focus();
    await expect(tip).toBeVisible();
    await link.blur();
    await expect(tip).toBeHidden();
  });

  test('following a term link by keyboard lands on the term in the glossary', async ({ page }) => {
    await page.goto('/lessons/output-impedance/');
    const link = page.locator('a.term').nth(2);
    const term = termFor(await link.getAttribute('href'));
    await link.focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`/glossary/#${term.id}$`));
    const dt = page.locator(`dt[id="${term.id}"]`);
    await expect(dt).toHaveText(term.term);
    await expect(dt).toBeInViewport();
    expect(await page.evaluate(() => document.querySelector(':target')?.id)).toBe(term.id);
  });
});

test('the glossary has no axe violations in light and dark themes', async ({ page }) => {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await page.goto('/glossary/');
    const results = await new AxeBuilder({ page }).analyze();
    const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
    expect(summary, `${colorScheme} theme`).toEqual([]);
  }
});

test('a shown definition has no axe violations in light and dark themes', async ({ page }) => {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await page.goto('/lessons/gain-and-noise/');
    const link = page.locator('a.term').first();
    const tipId = (await link.getAttribute('aria-describedby')) ?? '';
    await link.focus();
    await expect(page.locator(`[id="${tipId}"]`)).toBeVisible();
    const results = await new AxeBuilder({ page }).include(`[id="${tipId}"]`).include('a.term:focus').analyze();
    const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
    expect(summary, `${colorScheme} theme`).toEqual([]);
  }
});

test('the glossary does not scroll sideways on a 375 px phone', async ({ page }) => {
  await page.setViewportSize(PHONE);
  await page.goto('/glossary/');
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
});

test('a lesson does not scroll sideways on a 375 px phone, with any of its definitions shown', async ({ page }) => {
  await page.setViewportSize(PHONE);
  await page.goto('/lessons/gain-and-noise/');
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  const links = page.locator('a.term');
  const count = await links.count();
  expect(count).toBeGreaterThan(5);
  for (let i = 0; i < count; i += 1) {
    const link = links.nth(i);
    await link.focus();
    const tip = page.locator(`[id="${await link.getAttribute('aria-describedby')}"]`);
    await expect(tip).toBeVisible();
    const box = await tip.boundingBox();
    expect(box, `tooltip ${i}`).not.toBeNull();
    expect(box?.x ?? -1, `tooltip ${i}`).toBeGreaterThanOrEqual(0);
    expect((box?.x ?? 0) + (box?.width ?? 0), `tooltip ${i}`).toBeLessThanOrEqual(PHONE.width);
    expect(await horizontalOverflow(page), `tooltip ${i}`).toBeLessThanOrEqual(0);
  }
});
