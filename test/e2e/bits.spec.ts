// The bits widget's converter, heard: rendered through the widget's own graph (the quantizer worklet),
// the added noise is what the closed form Δ²/12 (plus 2Δ²/12 for TPDF dither) predicts.
import { expect, test, type Page } from '@playwright/test';
import { peakAbs } from '../../src/dsp/spectrum';
import { downloadWav, hydrateWidget, setRange } from './helpers';

const LESSON = '/lessons/bits-and-dither/';
const CEILING = 10 ** (-1 / 20);
const LSB_24 = 2 ** -23;
/** The panel's default volume, −20 dB: both renders are scaled by it. */
const DEFAULT_VOLUME_GAIN = 10 ** (-20 / 20);

async function openWidget(page: Page) {
  await page.goto(LESSON);
  return hydrateWidget(page, '[data-widget="bits"]');
}

/** Mean square of a channel over the middle of the render (fades at both ends left out). */
function meanSquare(samples: Float32Array, from: number, to: number, minus?: Float32Array): number {
  let sum = 0;
  for (let n = from; n < to; n++) {
    const value = (samples[n] ?? 0) - (minus?.[n] ?? 0);
    sum += value * value;
  }
  return sum / (to - from);
}

for (const bits of [8, 12]) {
  for (const [dither, label, extraNoise] of [
    ['none', 'None (plain rounding)', 1],
    ['tpdf', 'TPDF (±1 LSB, triangular)', 3],
  ] as const) {
    test(`rendered pink noise at ${bits} bits, dither ${dither}: SNR within 0.5 dB of the closed form`, async ({ page }) => {
      test.setTimeout(120_000);
      const widget = await openWidget(page);
      await setRange(widget.getByRole('slider', { name: 'Bit depth', exact: true }), bits);
      await widget.getByRole('combobox', { name: 'Dither', exact: true }).selectOption({ label });
      await widget.getByRole('combobox', { name: 'Program', exact: true }).selectOption({ label: 'Pink noise' });
      const a = await downloadWav(page, 'Download A');
      const b = await downloadWav(page, 'Download B');
      const left = a.channels[0] ?? new Float32Array();
      const from = Math.round(0.5 * a.sampleRateHz);
      const to = left.length - from;
      const signalPower = meanSquare(left, from, to) / DEFAULT_VOLUME_GAIN ** 2;
      const noisePower = meanSquare(b.channels[0] ?? new Float32Array(), from, to, left) / DEFAULT_VOLUME_GAIN ** 2;
      const lsb = 2 / 2 ** bits;
      const expectedSnrDb = 10 * Math.log10(signalPower / ((extraNoise * lsb * lsb) / 12));
      const measuredSnrDb = 10 * Math.log10(signalPower / noisePower);
      expect(Math.abs(measuredSnrDb - expectedSnrDb)).toBeLessThanOrEqual(0.5);
    });
  }
}

test('even a 1-bit converter at full level and full volume stays under the −1 dBFS ceiling', async ({ page }) => {
  test.setTimeout(120_000);
  const widget = await openWidget(page);
  await setRange(widget.getByRole('slider', { name: 'Bit depth', exact: true }), 1);
  await setRange(widget.getByRole('slider', { name: 'Volume', exact: true }), 0);
  const b = await downloadWav(page, 'Download B');
  const peak = Math.max(...b.channels.map((channel) => peakAbs(channel)));
  expect(peak).toBeGreaterThan(0.8); // the limiter was really exercised
  expect(peak).toBeLessThanOrEqual(CEILING + LSB_24);
});

test('the readouts follow the controls: 16 bits reads 98.1 dB from the closed form, TPDF 4.8 dB less', async ({ page }) => {
  const widget = await openWidget(page);
  await setRange(widget.getByRole('slider', { name: 'Bit depth', exact: true }), 16);
  await expect(widget.locator('[data-readout="snr-theory"]')).toHaveText(`${(6.0206 * 16 + 1.7609).toFixed(1)} dB`);
  await widget.getByRole('combobox', { name: 'Dither', exact: true }).selectOption('tpdf');
  await expect(widget.locator('[data-readout="snr-theory"]')).toHaveText(`${(6.0206 * 16 + 1.7609 - 10 * Math.log10(3)).toFixed(1)} dB`);
});
