// The crossfeed widget's sound is its plot: the hard-panned program rendered plain (A) and crossfed (B) gives, in each
// third-octave band of a left-only bar, B's left over A's left = the direct path and B's right over A's left = the
// cross path, as plotted; a reader's own file is crossfed the same way; the readouts follow the controls with the
// values libbs2b's formulas give (written out here); axe finds nothing; nothing scrolls sideways at 375 px.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { encodeWav } from '../../src/audio/wav';
import { thirdOctaveBandEdgesHz, thirdOctaveLevelDb } from '../../src/dsp/spectrum';
import { downloadWav, hydrateWidget, setRange } from './helpers';

const LESSON = '/lessons/crossfeed/';
const WIDGET = '[data-widget="crossfeed"]';

async function openWidget(page: Page) {
  await page.goto(LESSON);
  return hydrateWidget(page, WIDGET);
}

/**
 * libbs2b's filter as it plays at 48 kHz, by hand from its init() and cross_feed_d(): |direct| and |cross| at f for cut
 * fc and feed F, with x = exp(−2π·f_corner/fs) and z⁻¹ = e^(−jω):
 * cross = g·G_lo(1 − x_lo)/(1 − x_lo z⁻¹), direct = g(a0_hi − x_hi z⁻¹)/(1 − x_hi z⁻¹), a0_hi = 1 − G_hi(1 − x_hi).
 */
function byHand(cutHz: number, feedDb: number, f: number): { directDb: number; crossDb: number } {
  const fs = 48000;
  const lowDb = (feedDb * -5) / 6 - 3;
  const gLow = 10 ** (lowDb / 20);
  const gHigh = 1 - 10 ** ((feedDb / 6 - 3) / 20);
  const fHigh = cutHz * 2 ** ((lowDb - 20 * Math.log10(gHigh)) / 12);
  const gain = 1 / (1 - gHigh + gLow);
  const w = (2 * Math.PI * f) / fs;
  const xLow = Math.exp((-2 * Math.PI * cutHz) / fs);
  const xHigh = Math.exp((-2 * Math.PI * fHigh) / fs);
  // |c0 − x·e^(−jω)| = √((c0 − x cos ω)² + (x sin ω)²)
  const mag = (c0: number, x: number) => Math.hypot(c0 - x * Math.cos(w), x * Math.sin(w));
  const cross = (gain * gLow * (1 - xLow)) / mag(1, xLow);
  const direct = (gain * mag(1 - gHigh * (1 - xHigh), xHigh)) / mag(1, xHigh);
  return { directDb: 20 * Math.log10(direct), crossDb: 20 * Math.log10(cross) };
}

/** A path's power averaged over a third-octave band (as a broadband program fills it), dB. */
function bandDb(cutHz: number, feedDb: number, centerHz: number, path: 'directDb' | 'crossDb'): number {
  const { lowHz, highHz } = thirdOctaveBandEdgesHz(centerHz);
  let sum = 0;
  for (let i = 0; i < 50; i++) sum += 10 ** (byHand(cutHz, feedDb, lowHz * (highHz / lowHz) ** ((i + 0.5) / 50))[path] / 10);
  return 10 * Math.log10(sum / 50);
}

const formatDb1 = (db: number) => `${db < 0 ? '−' : '+'}${Math.abs(db).toFixed(1)} dB`;

test('the readouts follow the cut and feed with the far ear\'s level libbs2b\'s formulas give, by mouse and by keyboard', async ({ page }) => {
  const widget = await openWidget(page);
  const ild = (cut: number, feed: number, f: number) => byHand(cut, feed, f).crossDb - byHand(cut, feed, f).directDb;
  await expect(widget.locator('[data-readout="bass-ild"]')).toHaveText(`${formatDb1(ild(700, 4.5, 100))} re near ear`);
  await expect(widget.locator('[data-readout="treble-ild"]')).toHaveText(`${formatDb1(ild(700, 4.5, 5000))} re near ear`);
  await setRange(widget.getByRole('slider', { name: 'Feed level' }), 9.5);
  await expect(widget.locator('[data-readout="bass-ild"]')).toHaveText(`${formatDb1(ild(700, 9.5, 100))} re near ear`);
  await widget.getByRole('combobox', { name: 'Crossfeed preset', exact: true }).selectOption('jmeier');
  await expect(widget.locator('[data-readout="treble-ild"]')).toHaveText(`${formatDb1(ild(650, 9.5, 5000))} re near ear`);
  const cut = widget.getByRole('slider', { name: 'Cut frequency' });
  await cut.focus();
  await page.keyboard.press('ArrowRight');
  await expect(cut).toHaveValue('660');
  await expect(widget.locator('[data-readout="treble-ild"]')).toHaveText(`${formatDb1(ild(660, 9.5, 5000))} re near ear`);
  await expect(widget.getByRole('combobox', { name: 'Crossfeed preset', exact: true })).toHaveValue('custom');
  await expect(widget.locator('#crossfeed-fig-level figcaption')).toContainText('far ear');
});

test('the hard-panned loop, plain and crossfed: in a left-only bar each ear gets the plotted direct and cross levels within 0.5 dB', async ({ page }) => {
  test.setTimeout(180_000);
  const widget = await openWidget(page);
  await expect(widget.getByRole('combobox', { name: 'Program', exact: true })).toHaveValue('panned');
  await widget.getByRole('checkbox', { name: 'Match loudness' }).uncheck();
  const a = await downloadWav(page, 'Download A');
  const b = await downloadWav(page, 'Download B');
  const rate = a.sampleRateHz;
  // bar 1 of the loop (0–2 s) is left only; skip the render's fade-in and the pan's change at the loop's wrap
  const bar = (samples: Float32Array | undefined) => (samples ?? new Float32Array()).subarray(Math.round(0.25 * rate), Math.round(1.9 * rate));
  const [aLeft, aRight, bLeft, bRight] = [bar(a.channels[0]), bar(a.channels[1]), bar(b.channels[0]), bar(b.channels[1])];
  const rms = (x: Float32Array) => Math.sqrt(x.reduce((s, v) => s + v * v, 0) / x.length);
  expect(rms(aRight)).toBeLessThan(rms(aLeft) * 1e-3); // plain stereo: the far ear hears nothing
  for (const centerHz of [63, 125, 250, 500, 1000, 2000, 4000, 8000]) {
    const reference = thirdOctaveLevelDb(aLeft, rate, centerHz);
    const directDb = thirdOctaveLevelDb(bLeft, rate, centerHz) - reference;
    const crossDb = thirdOctaveLevelDb(bRight, rate, centerHz) - reference;
    expect(Math.abs(directDb - bandDb(700, 4.5, centerHz, 'directDb')), `direct ${centerHz} Hz`).toBeLessThanOrEqual(0.5);
    expect(Math.abs(crossDb - bandDb(700, 4.5, centerHz, 'crossDb')), `cross ${centerHz} Hz`).toBeLessThanOrEqual(0.5);
  }
});

test("a reader's own file with a 200 Hz tone in the left channel only reaches the right ear crossfed at the plotted level", async ({ page }) => {
  test.setTimeout(120_000);
  const widget = await openWidget(page);
  const rate = 48000;
  const left = new Float32Array(4 * rate).map((_, n) => 0.25 * Math.sin((2 * Math.PI * 200 * n) / rate));
  const bytes = encodeWav([left, new Float32Array(left.length)], rate, 24);
  await widget.getByRole('combobox', { name: 'Program', exact: true }).selectOption({ label: 'Your own file' });
  await widget.getByRole('checkbox', { name: 'Match loudness' }).uncheck();
  await widget.getByLabel('Your audio file', { exact: true }).setInputFiles({ name: 'left-only.wav', mimeType: 'audio/wav', buffer: Buffer.from(bytes) });
  await expect(widget.locator('.panel-message[role="status"]')).toContainText('Loaded “left-only.wav”');
  const b = await downloadWav(page, 'Download B');
  const window = (x: Float32Array | undefined) => (x ?? new Float32Array()).subarray(Math.round(1 * b.sampleRateHz), Math.round(3 * b.sampleRateHz));
  const levelDb = (x: Float32Array) => 10 * Math.log10(x.reduce((s, v) => s + v * v, 0) / x.length);
  const measured = levelDb(window(b.channels[1])) - levelDb(window(b.channels[0]));
  const model = byHand(700, 4.5, 200);
  expect(Math.abs(measured - (model.crossDb - model.directDb))).toBeLessThan(0.1);
});

test('axe finds nothing, and nothing scrolls sideways at 375 px', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await openWidget(page);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
});
