// Audio is tested as audio: the widget's own Download buttons render its real graph offline in Chromium;
// the WAVs are measured here and compared with the model the plot draws.
import { expect, test, type Page } from '@playwright/test';
import { encodeWav } from '../../src/audio/wav';
import { headphoneById } from '../../src/dsp/headphones';
import { integratedLoudnessLufs } from '../../src/dsp/loudness';
import { responseDbAtHz } from '../../src/dsp/sourceLoad';
import { peakAbs, thirdOctaveBandEdgesHz, thirdOctaveLevelDb } from '../../src/dsp/spectrum';
import { downloadWav, hydrateWidget, setRange } from './helpers';

const LESSON = '/lessons/output-impedance/';
const WIDGET = '[data-widget="output-impedance"]';
const CEILING = 10 ** (-1 / 20);
const LSB_24 = 2 ** -23;

async function openWidget(page: Page) {
  await page.goto(LESSON);
  return hydrateWidget(page, WIDGET);
}

/** The model's band level for pink noise (equal power per log-frequency step) in a third octave, in dB. */
function modelBandDb(headphoneId: string, zoutOhms: number, centerHz: number): number {
  const { lowHz, highHz } = thirdOctaveBandEdgesHz(centerHz);
  const steps = 200;
  let sum = 0;
  for (let i = 0; i < steps; i++) {
    const f = lowHz * (highHz / lowHz) ** ((i + 0.5) / steps);
    sum += 10 ** (responseDbAtHz(headphoneById(headphoneId).impedance, zoutOhms, f) / 10);
  }
  return 10 * Math.log10(sum / steps);
}

for (const [headphoneId, label, zoutOhms] of [
  ['dynamic-300', '300 Ω open dynamic (HD600-class)', 120],
  ['multi-ba', 'Multi-driver balanced-armature IEM', 75],
] as const) {
  test(`rendered pink noise through B (${headphoneId}, ${zoutOhms} Ω) matches the plotted 100 Hz vs 1 kHz difference`, async ({ page }) => {
    test.setTimeout(120_000);
    const widget = await openWidget(page);
    await widget.getByRole('combobox', { name: 'Headphone', exact: true }).selectOption({ label });
    await setRange(widget.getByRole('slider', { name: 'Output impedance', exact: true }), zoutOhms);
    await widget.getByRole('combobox', { name: 'Program', exact: true }).selectOption({ label: 'Pink noise' });
    const a = await downloadWav(page, 'Download A');
    const b = await downloadWav(page, 'Download B');
    expect(b.fileName).toMatch(/-B\.wav$/);
    expect(a.sampleRateHz).toBe(48000);
    expect(b.channels[0]?.length).toBeGreaterThanOrEqual(48000 * 9.5);
    const level = (wav: typeof a, centerHz: number) => thirdOctaveLevelDb(wav.channels[0] ?? new Float32Array(), wav.sampleRateHz, centerHz);
    const measuredDb = level(b, 100) - level(b, 1000) - (level(a, 100) - level(a, 1000));
    const modelDb = modelBandDb(headphoneId, zoutOhms, 100) - modelBandDb(headphoneId, zoutOhms, 1000);
    expect(Math.abs(modelDb)).toBeGreaterThan(0.3); // the comparison must be able to fail
    expect(Math.abs(measuredDb - modelDb)).toBeLessThanOrEqual(0.3);
    // A and B are loudness-matched (BS.1770 integrated loudness), although B alone loses several dB.
    const loudnessA = integratedLoudnessLufs(a.channels, a.sampleRateHz);
    const loudnessB = integratedLoudnessLufs(b.channels, b.sampleRateHz);
    expect(Math.abs(loudnessA - loudnessB)).toBeLessThanOrEqual(0.2);
  });
}

test('peaks stay at or below −1 dBFS at the loudest settings, even with a hot file', async ({ page }) => {
  test.setTimeout(120_000);
  const widget = await openWidget(page);
  await widget.getByRole('combobox', { name: 'Headphone', exact: true }).selectOption({ label: 'Multi-driver balanced-armature IEM' });
  await setRange(widget.getByRole('slider', { name: 'Output impedance', exact: true }), 150);
  await setRange(widget.getByRole('slider', { name: 'Volume', exact: true }), 0);
  for (const program of ['Music loop (synthesized)', '1 kHz sine']) {
    await widget.getByRole('combobox', { name: 'Program', exact: true }).selectOption({ label: program });
    for (const side of ['Download A', 'Download B']) {
      const wav = await downloadWav(page, side);
      for (const channel of wav.channels) expect(peakAbs(channel)).toBeLessThanOrEqual(CEILING + LSB_24);
    }
  }
  // A full-scale 50 Hz square wave: the worst case a reader's file can bring.
  const rate = 44100;
  const square = new Float32Array(rate * 3).map((_, i) => (Math.floor((i * 100) / rate) % 2 === 0 ? 1 : -1));
  await widget.getByRole('combobox', { name: 'Program', exact: true }).selectOption({ label: 'Your own file' });
  await widget.getByLabel('Your audio file', { exact: true }).setInputFiles({ name: 'square.wav', mimeType: 'audio/wav', buffer: Buffer.from(encodeWav([square, square], rate, 16)) });
  await expect(widget.locator('.panel-message[role="status"]')).toContainText('Loaded');
  const hot = await downloadWav(page, 'Download B');
  const peak = Math.max(...hot.channels.map((c) => peakAbs(c)));
  expect(peak).toBeGreaterThan(0.8); // the limiter was really exercised
  expect(peak).toBeLessThanOrEqual(CEILING + LSB_24);
});

test('a file that is not audio gets a clear message and the widget keeps working', async ({ page }) => {
  const widget = await openWidget(page);
  await widget.getByRole('combobox', { name: 'Program', exact: true }).selectOption({ label: 'Your own file' });
  await widget.getByLabel('Your audio file', { exact: true }).setInputFiles({ name: 'song.mp3', mimeType: 'audio/mpeg', buffer: Buffer.from('this is not audio at all '.repeat(200)) });
  await expect(widget.getByRole('alert')).toContainText("couldn't be decoded");
  await widget.getByRole('combobox', { name: 'Program', exact: true }).selectOption({ label: '1 kHz sine' });
  await widget.getByRole('button', { name: 'Play' }).click();
  await expect(widget.locator('[data-play-state="playing"]')).toHaveCount(1);
  await expect(widget.getByRole('alert')).toHaveText('');
});

test('Play starts audio, A/B and the slider work while playing, and Stop stops it', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  const widget = await openWidget(page);
  const toneRequests: string[] = [];
  page.on('request', (r) => {
    if (/tone/i.test(r.url())) toneRequests.push(r.url());
  });
  await widget.getByRole('button', { name: 'Play' }).click();
  await expect(widget.locator('[data-play-state="playing"]')).toHaveCount(1, { timeout: 20_000 });
  await widget.getByText('B', { exact: true }).click();
  await setRange(widget.getByRole('slider', { name: 'Output impedance', exact: true }), 80);
  await widget.getByRole('radio', { name: /^A/ }).check();
  await page.waitForTimeout(300);
  await widget.getByRole('button', { name: 'Stop' }).click();
  await expect(widget.locator('[data-play-state="stopped"]')).toHaveCount(1);
  expect(errors).toEqual([]);
});

test('nothing audio-related loads before Play: Tone.js arrives with the first Play', async ({ page }) => {
  const logs: string[] = [];
  page.on('console', (m) => logs.push(m.text()));
  const scriptBodies: string[] = [];
  page.on('response', async (r) => {
    if (r.request().resourceType() === 'script') scriptBodies.push(await r.text().catch(() => ''));
  });
  const widget = await openWidget(page);
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await page.waitForLoadState('networkidle');
  const toneLoaded = () => logs.some((l) => l.includes('Tone.js v')) || scriptBodies.some((b) => b.includes('TONE_SILENCE_LOGGING'));
  expect(scriptBodies.length).toBeGreaterThan(0);
  expect(toneLoaded()).toBe(false);
  await widget.scrollIntoViewIfNeeded();
  await widget.getByRole('button', { name: 'Play' }).click();
  await expect(widget.locator('[data-play-state="playing"]')).toHaveCount(1, { timeout: 20_000 });
  expect(toneLoaded()).toBe(true);
});
