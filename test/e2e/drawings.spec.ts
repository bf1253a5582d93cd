// The drawings of real devices and connectors: each is an image named by its title and described by its desc, every
// label lies inside the drawing (none cut off at a phone's width), and the connectors are drawn at one true scale.
import { expect, test } from '@playwright/test';

const DRAWINGS: readonly [string, string][] = [
  ['/lessons/portable-vs-desktop/', 'drawing-portable-amp'],
  ['/lessons/portable-vs-desktop/', 'drawing-desktop-amp'],
  ['/lessons/tube-vs-solid-state/', 'drawing-tube-amp'],
  ['/lessons/dac-amp-combos/', 'drawing-dac-amp-combo'],
  ['/lessons/dac-amp-combos/', 'drawing-audio-interface'],
  ['/lessons/balanced-outputs/', 'drawing-connectors-to-scale'],
];

test.use({ viewport: { width: 375, height: 800 } });

for (const [lesson, id] of DRAWINGS) {
  test(`${id} on ${lesson} has a title and description as its text alternative, and every label inside it at 375 px`, async ({ page }) => {
    await page.goto(lesson);
    const svg = page.locator(`#${id} svg`);
    await expect(svg).toHaveAttribute('role', 'img');
    const name = await svg.evaluate((element) => {
      const [titleId, descId] = (element.getAttribute('aria-labelledby') ?? '').split(' ');
      return { title: document.getElementById(titleId ?? '')?.textContent ?? '', desc: document.getElementById(descId ?? '')?.textContent ?? '' };
    });
    expect(name.title.length).toBeGreaterThan(10);
    expect(name.desc.split(/\s+/).length).toBeGreaterThan(30);
    await expect(page.locator(`#${id} figcaption`)).toContainText(name.title);
    const outside = await svg.evaluate((element) => {
      const box = element.getBoundingClientRect();
      return [...element.querySelectorAll('text')]
        .filter((text) => {
          const r = text.getBoundingClientRect();
          return r.left < box.left - 0.5 || r.right > box.right + 0.5 || r.top < box.top - 0.5 || r.bottom > box.bottom + 0.5;
        })
        .map((text) => text.textContent);
    });
    expect(outside).toEqual([]);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBe(0);
  });
}

test('the connectors are drawn at one scale: each end-on view is as wide as its diameter in millimetres times one factor', async ({ page }) => {
  await page.goto('/lessons/balanced-outputs/');
  const views = await page.locator('#drawing-connectors-to-scale [data-diameter-mm]').evaluateAll((circles) =>
    circles.map((circle) => ({ mm: Number(circle.getAttribute('data-diameter-mm')), px: (circle as SVGGraphicsElement).getBBox().width })),
  );
  expect(views.map((v) => v.mm)).toEqual([2.5, 3.5, 4.4, 6.35, 19]);
  const pxPerMm = (views[3]?.px ?? 0) / 6.35;
  for (const view of views) expect(Math.abs(view.px / view.mm / pxPerMm - 1)).toBeLessThan(0.02);
});
