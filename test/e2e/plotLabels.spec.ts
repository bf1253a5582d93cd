// Every plot on every lesson and lab page, at a phone's width (375 px) and a desktop's (1280 px), with every island
// hydrated: no two text labels inside one plot (tick labels, axis titles, marker labels) overlap by more than 0.5 px.
import { expect, test, type Page } from '@playwright/test';
import { builtPages, hydrateAll } from './helpers';

const WIDTHS_PX = [375, 1280] as const;
/** Overlap allowed between two label boxes on both axes, px (anti-aliasing). */
const TOLERANCE_PX = 0.5;
const PAGES = builtPages().filter((path) => path.startsWith('/lessons/') || path.startsWith('/lab/'));

interface Collision {
  readonly plot: string;
  readonly a: string;
  readonly b: string;
}

/** Pairs of overlapping text boxes within each plot's SVG. */
async function collisions(page: Page, tolerancePx: number): Promise<Collision[]> {
  return page.evaluate((tolerance) => {
    const found: { plot: string; a: string; b: string }[] = [];
    const plots = document.querySelectorAll('figure.plot svg.plot-svg, svg.matcher-levels-svg');
    plots.forEach((svg, index) => {
      const owner = svg.closest('figure')?.id || svg.closest('[data-widget]')?.getAttribute('data-widget') || `svg ${index}`;
      const labels = [...svg.querySelectorAll('text')]
        .map((text) => ({ text: text.textContent?.trim() ?? '', box: text.getBoundingClientRect() }))
        .filter((label) => label.text !== '' && label.box.width > 0 && label.box.height > 0);
      for (let i = 0; i < labels.length; i++) {
        for (let j = i + 1; j < labels.length; j++) {
          const p = labels[i];
          const q = labels[j];
          if (!p || !q) continue;
          const overlapX = Math.min(p.box.right, q.box.right) - Math.max(p.box.left, q.box.left);
          const overlapY = Math.min(p.box.bottom, q.box.bottom) - Math.max(p.box.top, q.box.top);
          if (overlapX > tolerance && overlapY > tolerance) found.push({ plot: owner, a: p.text, b: q.text });
        }
      }
    });
    return found;
  }, tolerancePx);
}

test('the page list holds the lessons and the lab pages', () => {
  expect(PAGES.filter((path) => path.startsWith('/lessons/')).length).toBeGreaterThan(10);
  expect(PAGES.filter((path) => path.startsWith('/lab/')).length).toBeGreaterThan(0);
});

for (const path of PAGES) {
  test(`no two labels overlap in any plot on ${path} at ${WIDTHS_PX.join(' and ')} px`, async ({ page }) => {
    test.setTimeout(120_000);
    for (const widthPx of WIDTHS_PX) {
      await page.setViewportSize({ width: widthPx, height: 900 });
      await page.goto(path);
      await hydrateAll(page);
      // Plots measure their width after hydration: give the layout a frame to settle.
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      expect(await collisions(page, TOLERANCE_PX), `at ${widthPx} px`).toEqual([]);
    }
  });
}
