// Every select on every lesson and lab page, at a phone's width (375 px) and a desktop's (1280 px), with every island
// hydrated: the chosen option's text fits inside the closed select's content box, or its full text is shown, visible
// and unclipped, right under the select.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { builtPages, hydrateAll } from './helpers';

const WIDTHS_PX = [375, 1280] as const;
const PAGES = builtPages().filter((path) => path.startsWith('/lessons/') || path.startsWith('/lab/'));

interface CutLabel {
  readonly select: string;
  readonly text: string;
  readonly textPx: number;
  readonly roomPx: number;
}

/** Selects whose chosen label is wider than their content box and not shown in full under them. */
async function cutLabels(page: Page): Promise<{ checked: number; cut: CutLabel[] }> {
  return page.evaluate(() => {
    const context = document.createElement('canvas').getContext('2d');
    const cut: { select: string; text: string; textPx: number; roomPx: number }[] = [];
    const selects = [...document.querySelectorAll('select')].filter((s) => s.getClientRects().length > 0);
    for (const select of selects) {
      const text = select.selectedOptions[0]?.textContent ?? '';
      const style = getComputedStyle(select);
      if (!context) continue;
      context.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      const textPx = context.measureText(text).width;
      const roomPx = select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      if (textPx <= roomPx) continue;
      const shown = select.parentElement?.querySelector<HTMLElement>('[data-select-current]');
      const shownBox = shown?.getBoundingClientRect();
      const fits = shown && shownBox && shown.textContent === text && shownBox.width > 0 && shown.scrollWidth <= shown.clientWidth + 1;
      if (!fits) cut.push({ select: select.id, text, textPx, roomPx });
    }
    return { checked: selects.length, cut };
  });
}

test('the page list holds the lessons and the lab pages', () => {
  expect(PAGES.filter((path) => path.startsWith('/lessons/')).length).toBeGreaterThan(10);
});

for (const path of PAGES) {
  test(`every select's chosen label is readable on ${path} at ${WIDTHS_PX.join(' and ')} px`, async ({ page }) => {
    test.setTimeout(120_000);
    for (const widthPx of WIDTHS_PX) {
      await page.setViewportSize({ width: widthPx, height: 900 });
      await page.goto(path);
      await hydrateAll(page);
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      const { cut } = await cutLabels(page);
      expect(cut, `at ${widthPx} px`).toEqual([]);
    }
  });
}

test('a long chosen label shown under its select at 375 px keeps the page axe-clean', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 900 });
  await page.goto('/lab/matcher/?hp=campfire-andromeda&src=apple-usbc-adapter');
  await hydrateAll(page);
  const shown = page.locator('[data-select-current]').first();
  await expect(shown).toBeVisible();
  const results = await new AxeBuilder({ page }).include('[data-widget="matcher"]').analyze();
  expect(results.violations).toEqual([]);
});
