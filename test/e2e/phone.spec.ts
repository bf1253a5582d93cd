// On a 375 px phone: no page scrolls sideways, wide tables in the text (not a widget's or a figure's data tables,
// which have their own layout) scroll inside their own labelled box instead of breaking words, and every label
// drawn in a plot or schematic stays at least 11 px tall; a widget's controls stay in sight of its plots.
import { expect, test } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { builtPages, hydrateAll } from './helpers';

const MIN_LABEL_PX = 11;

test.use({ viewport: { width: 375, height: 740 } });

for (const path of builtPages().filter((p) => p.startsWith('/lessons/') || p.startsWith('/lab/'))) {
  test(`${path} reads on a 375 px phone: no sideways scroll, tables scroll in their own box, labels ≥ 11 px`, async ({ page }) => {
    await page.goto(path);
    await hydrateAll(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);

    const tables = await page.evaluate(() =>
      [...document.querySelectorAll('article table')].filter((table) => !table.closest('astro-island, figure')).map((table) => {
        const box = table.parentElement;
        const cell = table.querySelector('td, th');
        return {
          inScrollBox: box !== null && getComputedStyle(box).overflowX === 'auto' && box.getAttribute('tabindex') === '0' && (box.getAttribute('aria-label') ?? '').length > 0,
          breaksWords: cell !== null && getComputedStyle(cell).overflowWrap === 'anywhere',
        };
      }),
    );
    expect(tables.filter((t) => !t.inScrollBox || t.breaksWords)).toEqual([]);

    const small = await page.evaluate((minPx) => {
      const found: string[] = [];
      for (const text of document.querySelectorAll<SVGTextElement>('svg text')) {
        const matrix = text.getScreenCTM();
        if (!matrix || !text.textContent?.trim() || text.getClientRects().length === 0) continue;
        const px = Number.parseFloat(getComputedStyle(text).fontSize) * Math.hypot(matrix.a, matrix.b);
        if (px < minPx) found.push(`${text.textContent.trim()} (${px.toFixed(1)} px)`);
      }
      return found;
    }, MIN_LABEL_PX);
    expect(small).toEqual([]);
  });
}

test('a wide table scrolls sideways inside its box, and the box can be scrolled from the keyboard', async ({ page }) => {
  await page.goto('/lessons/portable-vs-desktop/');
  const box = page.locator('.table-scroll').first();
  await box.scrollIntoViewIfNeeded();
  const { scrollWidth, clientWidth } = await box.evaluate((e) => ({ scrollWidth: e.scrollWidth, clientWidth: e.clientWidth }));
  expect(scrollWidth).toBeGreaterThan(clientWidth);
  await box.focus();
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => box.evaluate((e) => e.scrollLeft)).toBeGreaterThan(0);
});

test('a widget’s controls stay in sight while the reader scrolls to the plot they change', async ({ page }) => {
  await page.goto('/lessons/output-impedance/');
  await hydrateAll(page);
  const figure = page.locator('#oi-fig-response');
  await figure.evaluate((element) => element.scrollIntoView({ block: 'end' }));
  const slider = page.locator('#oi-zout');
  await expect(slider).toBeInViewport();
  await expect(figure.locator('svg')).toBeInViewport({ ratio: 0.9 });
  const onTop = await slider.evaluate((element) => {
    const box = element.getBoundingClientRect();
    return document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2) === element;
  });
  expect(onTop).toBe(true);
  const summary = figure.locator('.plot-summary');
  const before = await summary.textContent();
  await slider.focus();
  await page.keyboard.press('ArrowRight');
  await expect(summary).not.toHaveText(before ?? '');
  await expect(figure.locator('svg')).toBeInViewport({ ratio: 0.9 });
});

test('an equation too wide for the phone scrolls in its own box, reachable by keyboard; axe finds nothing', async ({ page }) => {
  await page.goto('/lessons/sensitivity-and-power/');
  await hydrateAll(page);
  const equations = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.katex-display')].map((e) => ({
      overflows: e.scrollWidth > e.clientWidth + 1,
      focusable: e.tabIndex === 0,
    })),
  );
  expect(equations.filter((e) => e.overflows).length).toBeGreaterThan(0);
  expect(equations.every((e) => e.overflows === e.focusable)).toBe(true);
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
});
