// The chain builder: a full-scale line output into a high-gain amp is flagged with the overshoot worked out by hand,
// the fix clears it, the clip is heard where the model puts it, and the whole widget works from the keyboard.
import { expect, test, type Page } from '@playwright/test';
import { peakAbs } from '../../src/dsp/spectrum';
import { downloadWav, hydrateWidget } from './helpers';

const DEFAULT_VOLUME_GAIN = 10 ** (-20 / 20);
const MUSIC_PEAK = 10 ** (-3 / 20);

/** PCM5102A 2.1 Vrms full scale × 6.5 (O2 high gain) against the O2's 10.24 V peak, through its 0.54 Ω into 300 Ω. */
const OVER_DB = 20 * Math.log10((2.1 * Math.SQRT2 * 6.5 * (300 / 300.54)) / (7.24 * Math.SQRT2));

async function open(page: Page) {
  await page.goto('/lessons/connections/');
  return hydrateWidget(page, '[data-widget="chain-builder"]');
}

test('a full-scale line output into the O2 at 6.5× is flagged as clipping by 5.5 dB; 2.5× clears it', async ({ page }) => {
  const widget = await open(page);
  await widget.getByRole('combobox', { name: 'Setup' }).selectOption('line-into-high-gain');
  const clipping = widget.locator('[data-finding="clipping"]');
  await expect(clipping).toHaveCount(1);
  await expect(clipping).toContainText(`${OVER_DB.toFixed(1)} dB`);
  await widget.getByRole('combobox', { name: /^Amp gain/ }).selectOption('low');
  await expect(clipping).toHaveCount(0);
});

test('heard: the clipping setup cuts the music at the clip point the finding names', async ({ page }) => {
  test.setTimeout(120_000);
  const widget = await open(page);
  await widget.getByRole('combobox', { name: 'Setup' }).selectOption('line-into-high-gain');
  const b = await downloadWav(page, 'Download B');
  const peak = Math.max(...b.channels.map((c) => peakAbs(c))) / DEFAULT_VOLUME_GAIN;
  const clip = 10 ** (-OVER_DB / 20);
  expect(clip).toBeLessThan(MUSIC_PEAK);
  expect(Math.abs(peak / clip - 1)).toBeLessThan(0.01);
});

test('a ground loop is flagged, and an optical link or a balanced cable clears it', async ({ page }) => {
  const widget = await open(page);
  await widget.getByRole('combobox', { name: 'Setup' }).selectOption('ground-loop');
  await expect(widget.locator('[data-finding="ground-loop"]')).toHaveCount(1);
  await widget.getByRole('combobox', { name: 'Cable into the amp' }).selectOption('balanced');
  await expect(widget.locator('[data-finding="ground-loop"]')).toHaveCount(0);
  await expect(widget.getByRole('radio', { name: /illustrative/ })).toHaveCount(0);
});

test('keyboard only: choose a setup, change the gain and the volume, play and stop', async ({ page }) => {
  const widget = await open(page);
  const setup = widget.getByRole('combobox', { name: 'Setup' });
  await setup.focus();
  await page.keyboard.press('End');
  await expect(setup).not.toHaveValue('standalone-amp');
  await setup.selectOption('standalone-amp');
  const atHeadphones = widget.locator('[data-readout="stage-headphones"]');
  const before = (await atHeadphones.textContent()) ?? '';
  await widget.getByRole('slider', { name: 'Digital volume' }).focus();
  await page.keyboard.press('Home');
  await expect(widget.getByRole('slider', { name: 'Digital volume' })).toHaveValue('-60');
  await expect(atHeadphones).not.toHaveText(before);
  const play = widget.getByRole('button', { name: /Play/ });
  await play.focus();
  await page.keyboard.press('Enter');
  await expect(widget.locator('[data-play-state="playing"]')).toHaveCount(1, { timeout: 20_000 });
  await page.keyboard.press('Space');
  await expect(widget.locator('[data-play-state="stopped"]')).toHaveCount(1);
});

test('the O2 on its batteries clips at its ±9 V rails, about 9 − 1.74 = 7.24 V peak, not at its ±12 V mains figure', async ({ page }) => {
  const widget = await open(page);
  await widget.getByRole('combobox', { name: 'Setup' }).selectOption('line-into-high-gain');
  await widget.getByRole('combobox', { name: 'The O2 runs on' }).selectOption('objective2-batteries');
  // The O2 stops 12 − √2·7.24·300.54/300 V short of each rail (SBAF, ±12 V); on ±9 V that leaves this peak into 300 Ω.
  const batteryPeak = ((9 - (12 - (Math.SQRT2 * 7.24 * 300.54) / 300)) * 300) / 300.54;
  const overDb = 20 * Math.log10((2.1 * Math.SQRT2 * 6.5 * (300 / 300.54)) / batteryPeak);
  await expect(widget.locator('[data-finding="clipping"]')).toContainText(`${overDb.toFixed(1)} dB`);
  await widget.getByRole('combobox', { name: 'The O2 runs on' }).selectOption('objective2');
  await expect(widget.locator('[data-finding="clipping"]')).toContainText(`${OVER_DB.toFixed(1)} dB`);
});
