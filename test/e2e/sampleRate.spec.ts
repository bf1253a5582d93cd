// The sample-rate widget's DAC, heard: the 1 kHz sine rendered through the widget's own graph at 48 kHz shows
// the images a hold makes at k·fs ± f, at the levels the plotted response predicts; the oversampling filter
// removes them; A and B are loudness-matched.
import { expect, test, type Page } from '@playwright/test';
import { heldResponseDb } from '../../src/dsp/dac/sampleRateDemo';
import { integratedLoudnessLufs } from '../../src/dsp/loudness';
import { averagedPowerSpectrum, bandLevelDb } from '../../src/dsp/spectrum';
import { downloadWav, hydrateWidget } from './helpers';

const LESSON = '/lessons/sample-rates/';
const RATE_HZ = 48000; // downloads render at 48 kHz
const FACTOR = 4; // DAC at 12 kHz
const TONE_HZ = 1000;

async function openWidget(page: Page) {
  await page.goto(LESSON);
  return hydrateWidget(page, '[data-widget="sample-rate"]');
}

function levelsAt(samples: Float32Array, frequenciesHz: readonly number[]): number[] {
  const middle = samples.subarray(RATE_HZ, samples.length - RATE_HZ);
  const spectrum = averagedPowerSpectrum(middle, RATE_HZ, 16384);
  return frequenciesHz.map((f) => bandLevelDb(spectrum, f - 20, f + 20));
}

test('a hold at 12 kHz puts images of a 1 kHz tone at 11 and 13 kHz at the plotted levels; the filter removes them', async ({ page }) => {
  test.setTimeout(120_000);
  const widget = await openWidget(page);
  await widget.getByRole('combobox', { name: 'DAC sample rate', exact: true }).selectOption(String(FACTOR));
  await widget.getByRole('combobox', { name: 'Program', exact: true }).selectOption({ label: '1 kHz sine' });
  const images = [12000 - TONE_HZ, 12000 + TONE_HZ];

  await widget.getByRole('combobox', { name: 'Reconstruction', exact: true }).selectOption('nos');
  const held = await downloadWav(page, 'Download B');
  const [toneDb, ...imageDbs] = levelsAt(held.channels[0] ?? new Float32Array(), [TONE_HZ, ...images]);
  images.forEach((imageHz, i) => {
    const expectedDb = heldResponseDb(imageHz, FACTOR, RATE_HZ) - heldResponseDb(TONE_HZ, FACTOR, RATE_HZ);
    expect(expectedDb).toBeGreaterThan(-30); // loud enough to hear and to measure
    expect(Math.abs((imageDbs[i] ?? 0) - (toneDb ?? 0) - expectedDb), `${imageHz} Hz`).toBeLessThanOrEqual(0.5);
  });

  await widget.getByRole('combobox', { name: 'Reconstruction', exact: true }).selectOption('oversampled');
  const filtered = await downloadWav(page, 'Download B');
  const [filteredToneDb, ...filteredImageDbs] = levelsAt(filtered.channels[0] ?? new Float32Array(), [TONE_HZ, ...images]);
  for (const imageDb of filteredImageDbs) expect(imageDb - (filteredToneDb ?? 0)).toBeLessThan(-80);
});

test('A and B are loudness-matched although the hold loses treble', async ({ page }) => {
  test.setTimeout(120_000);
  const widget = await openWidget(page);
  await widget.getByRole('combobox', { name: 'DAC sample rate', exact: true }).selectOption('6');
  const a = await downloadWav(page, 'Download A');
  const b = await downloadWav(page, 'Download B');
  const difference = integratedLoudnessLufs(b.channels, b.sampleRateHz) - integratedLoudnessLufs(a.channels, a.sampleRateHz);
  expect(Math.abs(difference)).toBeLessThanOrEqual(0.1);
});

test('A is delayed by the DAC’s latency, so A and B line up sample for sample', async ({ page }) => {
  test.setTimeout(120_000);
  const widget = await openWidget(page);
  await widget.getByRole('combobox', { name: 'Reconstruction', exact: true }).selectOption('oversampled');
  await widget.getByRole('combobox', { name: 'Program', exact: true }).selectOption({ label: 'Pink noise' });
  const a = (await downloadWav(page, 'Download A')).channels[0] ?? new Float32Array();
  const b = (await downloadWav(page, 'Download B')).channels[0] ?? new Float32Array();
  const start = 2 * RATE_HZ;
  const length = RATE_HZ / 2;
  let bestLag = Number.NaN;
  let best = -Infinity;
  for (let lag = -400; lag <= 400; lag++) {
    let sum = 0;
    for (let n = start; n < start + length; n++) sum += (a[n] ?? 0) * (b[n + lag] ?? 0);
    if (sum > best) {
      best = sum;
      bestLag = lag;
    }
  }
  expect(Math.abs(bestLag)).toBeLessThanOrEqual(1);
});
