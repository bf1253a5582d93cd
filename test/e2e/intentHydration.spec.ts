// Lesson widgets hydrate on the reader's first intent (`client:intent`, src/lib/hydrateOnIntent.ts): no widget code
// before the pointer, focus, a touch or a key reaches the island, and nothing the reader does while the code is on its
// way is lost. Each test holds the widget's module in the network until the reader has acted, so the action surely
// lands before hydration, then compares the result with the same action on a widget that had hydrated already.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { hydrateWidget, reachFor, setRange } from './helpers';

const LESSON = '/lessons/output-impedance/';
const WIDGET = '[data-widget="output-impedance"]';

/** The island around a widget, and whether it has hydrated. */
const hydrated = (widget: Locator) => widget.evaluate((element) => !element.closest('astro-island')?.hasAttribute('ssr'));

/** Holds the widget's own module in the network until release() is called; resolves once it has been asked for. */
async function holdWidgetCode(page: Page, widget: Locator): Promise<{ requested: Promise<unknown>; release: () => void }> {
  const url = await widget.evaluate((element) => element.closest('astro-island')?.getAttribute('component-url') ?? '');
  expect(url).not.toBe('');
  let release = (): void => undefined;
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route(`**${url}`, async (route) => {
    await gate;
    await route.continue();
  });
  return { requested: page.waitForRequest((request) => request.url().endsWith(url)), release };
}

async function waitHydrated(widget: Locator): Promise<void> {
  await expect.poll(() => hydrated(widget)).toBe(true);
}

test('a lesson widget loads none of its code while the reader only scrolls past it, and hydrates when the pointer reaches it', async ({ page }) => {
  const requested: string[] = [];
  page.on('request', (request) => requested.push(new URL(request.url()).pathname));
  await page.goto(LESSON);
  const widget = page.locator(WIDGET);
  const url = await widget.evaluate((element) => element.closest('astro-island')?.getAttribute('component-url') ?? '');
  await widget.scrollIntoViewIfNeeded();
  await page.waitForLoadState('networkidle');
  // The server's widget is there to read: its plot and its labelled controls.
  await expect(widget.getByRole('slider', { name: 'Output impedance', exact: true })).toBeVisible();
  await expect(widget.locator('svg').first()).toBeVisible();
  expect(await hydrated(widget)).toBe(false);
  expect(requested).not.toContain(url);
  await reachFor(widget);
  await waitHydrated(widget);
  expect(requested).toContain(url);
});

test('scrolling with the wheel, the pointer still, slides widgets under it without loading their code', async ({ page }) => {
  const requested: string[] = [];
  page.on('request', (request) => requested.push(new URL(request.url()).pathname));
  await page.goto(LESSON);
  const widget = page.locator(WIDGET);
  const url = await widget.evaluate((element) => element.closest('astro-island')?.getAttribute('component-url') ?? '');
  const [x, y] = [640, 300];
  const underPointer = () => page.evaluate(([px, py]) => Boolean(document.elementFromPoint(px ?? 0, py ?? 0)?.closest('astro-island')), [x, y]);
  expect(await underPointer()).toBe(false);
  await page.mouse.move(x, y);
  let passedUnder = false;
  for (let step = 0; step < 60 && !passedUnder; step++) {
    await page.mouse.wheel(0, 120);
    await page.waitForTimeout(40);
    passedUnder = await widget.evaluate((element, [px, py]) => element.closest('astro-island')?.contains(document.elementFromPoint(px ?? 0, py ?? 0)) ?? false, [x, y]);
  }
  expect(passedUnder).toBe(true);
  await page.waitForTimeout(300);
  expect(await hydrated(widget)).toBe(false);
  expect(requested).not.toContain(url);
  // Moving the pointer over it is reaching for it.
  await page.mouse.move(x + 6, y + 3, { steps: 2 });
  await waitHydrated(widget);
  expect(requested).toContain(url);
});

test('arrow keys pressed on a slider before its code arrives move it, and the widget follows once hydrated', async ({ page }) => {
  await page.goto(LESSON);
  const widget = page.locator(WIDGET);
  const held = await holdWidgetCode(page, widget);
  const slider = widget.getByRole('slider', { name: 'Output impedance', exact: true });
  await slider.scrollIntoViewIfNeeded();
  await slider.focus();
  await held.requested;
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(slider).toHaveValue('34'); // the browser's own range input, from 33 Ω in steps of 0.5 Ω
  expect(await hydrated(widget)).toBe(false);
  held.release();
  await waitHydrated(widget);
  await expect(slider).toHaveAttribute('aria-valuetext', '34 Ω');
  await expect(widget.locator('output[for="oi-zout"]')).toHaveText('34 Ω');
  const deviation = await widget.locator('[data-readout="deviation"]').textContent();

  const fresh = await page.context().newPage();
  await fresh.goto(LESSON);
  const reference = await hydrateWidget(fresh, WIDGET);
  await setRange(reference.getByRole('slider', { name: 'Output impedance', exact: true }), 34);
  await expect(reference.locator('[data-readout="deviation"]')).toHaveText(deviation ?? '');
});

test('a preset pressed before the widget’s code arrives is applied once it has', async ({ page }) => {
  await page.goto(LESSON);
  const widget = page.locator(WIDGET);
  const held = await holdWidgetCode(page, widget);
  const preset = widget.getByRole('button', { name: 'IEC 61938 120 Ω' });
  await preset.click(); // the pointer comes over the widget first: that starts the load, which is held
  await held.requested;
  expect(await hydrated(widget)).toBe(false);
  held.release();
  await waitHydrated(widget);
  await expect(widget.getByRole('slider', { name: 'Output impedance', exact: true })).toHaveValue('120');
  await expect(preset).toHaveAttribute('aria-pressed', 'true');
});

test('a key on the focused plot before hydration moves its cursor as it would after', async ({ page }) => {
  const readCursorAfterEnd = async (target: Page, hold: boolean): Promise<string> => {
    await target.goto(LESSON);
    const widget = target.locator(WIDGET);
    const plot = widget.locator('svg[tabindex="0"]').first();
    if (hold) {
      const held = await holdWidgetCode(target, widget);
      await plot.scrollIntoViewIfNeeded();
      await plot.focus();
      await held.requested;
      await target.keyboard.press('End');
      expect(await hydrated(widget)).toBe(false);
      held.release();
      await waitHydrated(widget);
    } else {
      await hydrateWidget(target, WIDGET);
      await target.mouse.move(0, 0);
      await plot.focus();
      await target.keyboard.press('End');
    }
    const readout = widget.locator('.plot-readout').first();
    await expect(readout).not.toHaveClass(/plot-readout--idle/);
    return (await readout.textContent()) ?? '';
  };
  const before = await readCursorAfterEnd(page, true);
  const after = await readCursorAfterEnd(await page.context().newPage(), false);
  expect(before).toBe(after);
});

test('the matcher lab hydrates at once when its address carries a setup, and waits for the reader when it does not', async ({ page }) => {
  await page.goto('/lab/matcher/?hp=campfire-andromeda&src=apple-usbc-adapter&level=80&crest=15');
  const widget = page.locator('[data-widget="matcher"]');
  await waitHydrated(widget);
  await expect(widget.getByRole('combobox', { name: 'Headphone', exact: true })).toHaveValue('campfire-andromeda');

  await page.goto('/lab/matcher/');
  await page.waitForLoadState('networkidle');
  expect(await hydrated(widget)).toBe(false);
  await reachFor(widget);
  await waitHydrated(widget);
});
