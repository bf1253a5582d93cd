// Keyboard only, end to end: choose a headphone, set the output impedance, use a preset, start
// playback, switch A/B and stop — without the pointer.
import { expect, test, type Page } from '@playwright/test';
import { waitForHydration } from './helpers';

/** Presses Tab until the focused element matches, failing after `limit` presses. */
async function tabTo(page: Page, describe: string, matches: () => boolean, limit = 60): Promise<void> {
  for (let i = 0; i < limit; i++) {
    if (await page.evaluate(matches)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${describe}`);
}

test('the output-impedance widget works with the keyboard alone', async ({ page }) => {
  await page.goto('/lessons/output-impedance/');
  // No pointer at all: focus reaching the widget is what loads its code (client:intent), and the first key counts.
  const widget = page.locator('[data-widget="output-impedance"]');
  const headphone = widget.getByRole('combobox', { name: 'Headphone', exact: true });
  const zout = widget.getByRole('slider', { name: 'Output impedance', exact: true });

  await headphone.focus();
  const firstChoice = await headphone.inputValue();
  await page.keyboard.press('ArrowDown');
  await expect(headphone).not.toHaveValue(firstChoice);
  await waitForHydration(widget);

  await tabTo(page, 'the output-impedance slider', () => document.activeElement?.id === 'oi-zout');
  await page.keyboard.press('End');
  await expect(zout).toHaveValue('150');
  await page.keyboard.press('PageDown');
  expect(Number(await zout.inputValue())).toBeLessThan(150);

  await tabTo(page, 'the O2-class preset', () => document.activeElement?.textContent === 'O2-class 0.5 Ω');
  await page.keyboard.press('Enter');
  await expect(zout).toHaveValue('0.5');

  await tabTo(page, 'the A radio', () => (document.activeElement as HTMLInputElement | null)?.type === 'radio');
  await page.keyboard.press('ArrowRight');
  await expect(widget.getByRole('radio', { name: /^B/ })).toBeChecked();

  await tabTo(page, 'the Play button', () => document.activeElement?.textContent?.includes('Play') === true);
  await page.keyboard.press('Enter');
  await expect(widget.locator('[data-play-state="playing"]')).toHaveCount(1, { timeout: 20_000 });
  await expect(widget.getByRole('button', { name: /Stop/ })).toBeFocused();
  await page.keyboard.press('Space');
  await expect(widget.locator('[data-play-state="stopped"]')).toHaveCount(1);
});
