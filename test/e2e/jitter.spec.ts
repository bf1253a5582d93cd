// The jitter widget's clock, heard: the 1 kHz sine rendered through the widget's own graph carries the noise
// and sidebands that the closed forms predict for the chosen jitter.
import { expect, test, type Page } from '@playwright/test';
import { averagedPowerSpectrum, bandLevelDb } from '../../src/dsp/spectrum';
import { downloadWav, hydrateWidget, setRange } from './helpers';

const LESSON = '/lessons/jitter/';
const RATE_HZ = 48000;
const TONE_HZ = 1000;

async function openWidget(page: Page) {
  await page.goto(LESSON);
  return hydrateWidget(page, '[data-widget="jitter"]');
}

const middle = (samples: Float32Array) => samples.subarray(RATE_HZ, samples.length - RATE_HZ);

test('random jitter of 10 µs rms on the 1 kHz sine gives an SNR within 1 dB of −20·log10(2π·f·tj)', async ({ page }) => {
  test.setTimeout(120_000);
  const widget = await openWidget(page);
  await setRange(widget.getByRole('slider', { name: 'Jitter (rms)', exact: true }), Math.log10(10e-6));
  await widget.getByRole('combobox', { name: 'Program', exact: true }).selectOption({ label: '1 kHz sine' });
  const a = middle((await downloadWav(page, 'Download A')).channels[0] ?? new Float32Array());
  const b = middle((await downloadWav(page, 'Download B')).channels[0] ?? new Float32Array());
  let signal = 0;
  let error = 0;
  for (let n = 0; n < a.length; n++) {
    signal += (a[n] ?? 0) ** 2;
    error += ((b[n] ?? 0) - (a[n] ?? 0)) ** 2;
  }
  const expectedDb = -20 * Math.log10(2 * Math.PI * TONE_HZ * 10e-6); // ≈ 24.0 dB
  expect(Math.abs(10 * Math.log10(signal / error) - expectedDb)).toBeLessThanOrEqual(1);
});

test('sinusoidal jitter puts sidebands at f ± fj at 20·log10(π·f·tpk) re the tone', async ({ page }) => {
  test.setTimeout(120_000);
  const widget = await openWidget(page);
  await widget.getByRole('combobox', { name: 'Jitter', exact: true }).selectOption('sinusoidal');
  await setRange(widget.getByRole('slider', { name: 'Jitter (rms)', exact: true }), Math.log10(10e-6));
  await setRange(widget.getByRole('slider', { name: 'Jitter frequency', exact: true }), 300);
  await widget.getByRole('combobox', { name: 'Program', exact: true }).selectOption({ label: '1 kHz sine' });
  const b = middle((await downloadWav(page, 'Download B')).channels[0] ?? new Float32Array());
  const spectrum = averagedPowerSpectrum(b, RATE_HZ, 16384);
  const level = (f: number) => bandLevelDb(spectrum, f - 15, f + 15);
  const expectedDb = 20 * Math.log10(Math.PI * TONE_HZ * Math.SQRT2 * 10e-6); // peak = √2 · rms
  for (const sidebandHz of [TONE_HZ - 300, TONE_HZ + 300]) {
    expect(Math.abs(level(sidebandHz) - level(TONE_HZ) - expectedDb), `${sidebandHz} Hz`).toBeLessThanOrEqual(0.5);
  }
});
