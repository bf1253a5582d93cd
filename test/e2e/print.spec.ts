// A lesson printed: under print media the page is a document: no site chrome and no controls (buttons, sliders,
// selects as plain text, Listen panels, search, course menu, "Mark this lesson done", answer boxes), while question
// prompts and options, figures (the plots' SVGs as drawn), deep dives and references (with their URLs) remain;
// nothing is wider than the page, figures are kept whole, and Chromium's page.pdf() makes a PDF of it.
import { expect, test, type Page } from '@playwright/test';
import { hydrateAll } from './helpers';

/** A4 (210 mm) less 15 mm margins each side, at 96 CSS px per inch. */
const PRINT_WIDTH_PX = Math.floor(((210 - 2 * 15) / 25.4) * 96);
const LESSONS = ['/lessons/output-impedance/', '/lessons/tube-vs-solid-state/', '/lessons/connections/'] as const;

async function printed(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await hydrateAll(page);
  await page.setViewportSize({ width: PRINT_WIDTH_PX, height: 1000 });
  await page.emulateMedia({ media: 'print' });
}

for (const path of LESSONS) {
  test.describe(`printing ${path}`, () => {
    test('no control and no site chrome is shown; prompts, options, figures and deep dives are', async ({ page }) => {
      await printed(page, path);
      const shown = await page.evaluate(() => {
        const visible = (e: Element) => {
          const r = e.getBoundingClientRect();
          return getComputedStyle(e).visibility !== 'hidden' && r.width > 0 && r.height > 0;
        };
        const named = (e: Element) => `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}.${[...e.classList].join('.')}`;
        const chrome = '.site-header, .site-footer, .course-column, .outline, .pager, .lesson-progress, .listening-panel, .exercise, .search-dialog, .plot-data';
        return {
          controls: [...document.querySelectorAll('button, input, textarea, [role="slider"]')].filter(visible).map(named),
          chrome: [...document.querySelectorAll(chrome)].filter(visible).map(named),
          selectsAsText: [...document.querySelectorAll('select')].filter(visible).every((s) => getComputedStyle(s).appearance === 'none' && getComputedStyle(s).borderTopWidth === '0px'),
          prompts: [...document.querySelectorAll('.question .option-text, .question [id$="-prompt"]')].map((e) => visible(e)),
          deepDives: [...document.querySelectorAll('.deep-dive-body')].map((e) => visible(e)),
          figures: [...document.querySelectorAll('figure svg.plot-svg, figure svg.static-plot-svg, figure svg.sch-svg')].map((e) => visible(e)),
          wholeFigures: [...document.querySelectorAll('figure')].every((f) => getComputedStyle(f).breakInside === 'avoid'),
        };
      });
      expect(shown.controls).toEqual([]);
      expect(shown.chrome).toEqual([]);
      expect(shown.selectsAsText).toBe(true);
      expect(shown.prompts.length).toBeGreaterThan(0);
      expect(shown.prompts.every(Boolean)).toBe(true);
      expect(shown.deepDives.every(Boolean)).toBe(true);
      expect(shown.figures.length).toBeGreaterThan(0);
      expect(shown.figures.every(Boolean)).toBe(true);
      expect(shown.wholeFigures).toBe(true);
    });

    test('references print their URLs, and nothing is wider than the page', async ({ page }) => {
      await printed(page, path);
      const links = await page.locator('.references a[href^="http"]').evaluateAll((anchors) =>
        anchors.map((a) => ({ href: a.getAttribute('href') ?? '', after: getComputedStyle(a, '::after').content })),
      );
      expect(links.length).toBeGreaterThan(0);
      for (const { href, after } of links) expect(after).toBe(`" (${href})"`);
      const tooWide = await page.evaluate(() => {
        const width = document.documentElement.clientWidth;
        // An SVG's own children are clipped to it, so only the SVG element itself is measured.
        return [...document.querySelectorAll('main *')]
          .filter((e) => !(e instanceof SVGElement && e.ownerSVGElement !== null))
          .filter((e) => e.getBoundingClientRect().right > width + 1 && e.getBoundingClientRect().width > 0)
          .map((e) => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')}`)
          .slice(0, 10);
      });
      expect(tooWide).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PRINT_WIDTH_PX);
    });
  });
}

test('Chromium prints the output-impedance lesson to a PDF of a sensible length', async ({ page }) => {
  await printed(page, '/lessons/output-impedance/');
  const pdf = await page.pdf({ format: 'A4', margin: { top: '15mm', bottom: '15mm', left: '15mm', right: '15mm' } });
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  // The lesson's text, eight figures, its formulas and references: around a dozen pages, not the 19 that the
  // screen layout's controls, panels and menus took.
  expect(pages).toBeGreaterThan(5);
  expect(pages).toBeLessThan(17);
});
