// The turn-on widget (protection-and-turn-on lesson): its readouts follow the closed forms worked here by hand
// (V·e^(−t_d/(R_b·C)) left when the relay closes, τ = C·(R_hp ∥ R_b)); its rendered audio (Download A and B) holds
// the thump at the plotted level, time constant and relay reduction, B's peak at the music's peak level; axe finds
// nothing, nothing scrolls sideways at 375 px, and it works from the keyboard.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { downloadWav, hydrateWidget, setRange } from './helpers';

const LESSON = '/lessons/protection-and-turn-on/';
const WIDGET = '[data-widget="turn-on"]';
/** The Listen panel's volume starts at −20 dB. */
const VOLUME_GAIN = 10 ** (-20 / 20);
/** The built-in programs peak at −3 dBFS (src/audio/programLevels.ts); B's thump is set to peak there. */
const MUSIC_PEAK_FULL_SCALE = 10 ** (-3 / 20);
const BIAS_VOLTS = 4.5;

async function openWidget(page: Page): Promise<Locator> {
  await page.goto(LESSON);
  return hydrateWidget(page, WIDGET);
}

const left = (biasVolts: number, delaySeconds: number, bleedOhms: number, farads: number) => biasVolts * Math.exp(-delaySeconds / (bleedOhms * farads));
const readVolts = async (widget: Locator, name: string) => Number(await widget.locator(`[data-readout="${name}"]`).getAttribute('data-volts'));

test('the readouts follow V·e^(−t_d/(R_b·C)) as the bleed resistor, the delay and the capacitor change', async ({ page }) => {
  const widget = await openWidget(page);
  // Defaults: 220 µF, 32 Ω, 1 kΩ, 1 s → 47.8 mV; 4.5 V without the relay.
  expect(await readVolts(widget, 'without')).toBeCloseTo(BIAS_VOLTS, 9);
  expect(await readVolts(widget, 'with')).toBeCloseTo(left(4.5, 1, 1000, 220e-6), 9);
  await expect(widget.locator('[data-readout="reduction"]')).toHaveText(`${(20 * Math.log10(1 / Math.exp(-1 / 0.22))).toFixed(1)} dB`);
  const tau = Number(await widget.locator('[data-readout="tau"]').getAttribute('data-seconds'));
  expect(tau).toBeCloseTo(220e-6 * ((32 * 1000) / 1032), 12);

  await widget.getByRole('combobox', { name: 'Bleed resistor (jack to ground)' }).selectOption('10000');
  expect(await readVolts(widget, 'with')).toBeCloseTo(left(4.5, 1, 10_000, 220e-6), 9);
  await setRange(widget.getByRole('slider', { name: 'Relay delay' }), 2);
  expect(await readVolts(widget, 'with')).toBeCloseTo(left(4.5, 2, 10_000, 220e-6), 9);
  await widget.getByRole('combobox', { name: 'Output coupling capacitor' }).selectOption('100');
  expect(await readVolts(widget, 'with')).toBeCloseTo(left(4.5, 2, 10_000, 100e-6), 9);
  await widget.getByRole('combobox', { name: 'Headphone (DC resistance)' }).selectOption('16');
  const tau16 = Number(await widget.locator('[data-readout="tau"]').getAttribute('data-seconds'));
  expect(tau16).toBeCloseTo(100e-6 * ((16 * 10_000) / 10_016), 12);
  // No bleed resistor: nothing charges the capacitor while the relay waits, so the whole step arrives.
  await widget.getByRole('combobox', { name: 'Bleed resistor (jack to ground)' }).selectOption('none');
  expect(await readVolts(widget, 'with')).toBe(BIAS_VOLTS);
  await expect(widget.locator('[data-readout="reduction"]')).toHaveText('0.0 dB');
});

test('the warning states the cut: both thumps are played 20·log10(4.5 V / 0.562 V) below their true level', async ({ page }) => {
  const widget = await openWidget(page);
  const musicPeakVolts = 0.1 * 10 ** (15 / 20);
  await expect(widget.locator('[data-note="thump-level"]')).toContainText(`${(20 * Math.log10(4.5 / musicPeakVolts)).toFixed(1)} dB quieter`);
});

/** B − A: the programs cancel (the same program through the same chain), leaving B's thump minus A's. */
async function renderedDifference(page: Page, widget: Locator) {
  await widget.getByRole('combobox', { name: 'Program' }).selectOption('sine');
  const b = await downloadWav(page, 'Download B', widget);
  const a = await downloadWav(page, 'Download A', widget);
  const bl = b.channels[0] as Float32Array;
  const al = a.channels[0] as Float32Array;
  const d = new Float32Array(bl.length);
  for (let n = 0; n < d.length; n++) d[n] = ((bl[n] ?? 0) - (al[n] ?? 0)) / VOLUME_GAIN;
  return { d, rate: b.sampleRateHz };
}

/** The largest |x| within ±windowSeconds of atSeconds, with its index. */
function peakNear(x: Float32Array, rate: number, atSeconds: number, windowSeconds: number): { index: number; value: number } {
  let index = Math.round((atSeconds - windowSeconds) * rate);
  let value = 0;
  for (let n = index; n < Math.round((atSeconds + windowSeconds) * rate); n++) {
    if (Math.abs(x[n] ?? 0) > Math.abs(value)) {
      value = x[n] ?? 0;
      index = n;
    }
  }
  return { index, value };
}

test('rendered: B’s thump peaks at the music’s peak level and falls with τ; A’s comes 1 s later, 39.5 dB lower', async ({ page }) => {
  test.setTimeout(180_000);
  const widget = await openWidget(page);
  const { d, rate } = await renderedDifference(page, widget);
  const tau = 220e-6 * ((32 * 1000) / 1032);
  // Switch-on at 0.5 s into each 5 s loop: measure the second loop's (5.5 s), clear of the render's fades.
  const b = peakNear(d, rate, 5.5, 0.02);
  expect(Math.abs(b.value / MUSIC_PEAK_FULL_SCALE - 1)).toBeLessThan(0.01);
  const oneTau = d[b.index + Math.round(tau * rate)] ?? 0;
  expect(Math.abs(oneTau / (b.value / Math.E) - 1)).toBeLessThan(0.02);
  // A's relay closes 1 s after switch-on: d = −A there (B's thump is e^(−1/τ) ≈ 0 by then).
  const a = peakNear(d, rate, 6.5, 0.02);
  expect(a.value).toBeLessThan(0);
  const expectedDb = 20 * Math.log10(BIAS_VOLTS / left(4.5, 1, 1000, 220e-6));
  expect(Math.abs(20 * Math.log10(b.value / -a.value) - expectedDb)).toBeLessThan(0.2);
  expect((a.index - b.index) / rate).toBeCloseTo(1, 2);
  // Before switch-on nothing differs.
  expect(Math.abs(peakNear(d, rate, 5.3, 0.1).value)).toBeLessThan(1e-4);
});

test('rendered with no bleed resistor: A’s thump, 1 s late, is as large as B’s', async ({ page }) => {
  test.setTimeout(180_000);
  const widget = await openWidget(page);
  await widget.getByRole('combobox', { name: 'Bleed resistor (jack to ground)' }).selectOption('none');
  const { d, rate } = await renderedDifference(page, widget);
  const b = peakNear(d, rate, 5.5, 0.02);
  const a = peakNear(d, rate, 6.5, 0.02);
  expect(Math.abs(b.value / MUSIC_PEAK_FULL_SCALE - 1)).toBeLessThan(0.01);
  expect(Math.abs(-a.value / b.value - 1)).toBeLessThan(0.01);
});

test('axe finds nothing and nothing scrolls sideways at 375 px', async ({ page }) => {
  await openWidget(page);
  expect((await new AxeBuilder({ page }).include(WIDGET).analyze()).violations).toEqual([]);
  await page.setViewportSize({ width: 375, height: 800 });
  await page.waitForTimeout(200);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  expect((await new AxeBuilder({ page }).include(WIDGET).analyze()).violations).toEqual([]);
});

test('keyboard only: step the relay delay, pick the bleed resistor, then play and stop', async ({ page }) => {
  const widget = await openWidget(page);
  const delay = widget.getByRole('slider', { name: 'Relay delay' });
  await delay.focus();
  await page.keyboard.press('ArrowRight');
  await expect(delay).toHaveValue('1.1');
  expect(await readVolts(widget, 'with')).toBeCloseTo(left(4.5, 1.1, 1000, 220e-6), 9);
  const bleed = widget.getByRole('combobox', { name: 'Bleed resistor (jack to ground)' });
  await bleed.focus();
  await page.keyboard.press('ArrowDown');
  await expect(bleed).toHaveValue('10000');
  expect(await readVolts(widget, 'with')).toBeCloseTo(left(4.5, 1.1, 10_000, 220e-6), 9);
  const play = widget.getByRole('button', { name: /Play/ });
  await play.focus();
  await page.keyboard.press('Enter');
  await expect(widget.locator('[data-play-state="playing"]')).toHaveCount(1, { timeout: 20_000 });
  await page.keyboard.press('Space');
  await expect(widget.locator('[data-play-state="stopped"]')).toHaveCount(1);
});
