// The Bluetooth lesson's widget: Figure 1's readouts are the closed form bitrate / (rate × 2) for each codec's claimed
// bitrate; B of the listening part is real Opus (WebCodecs in Chromium), and what the rendered WAVs show — the
// codec's error against the program overall and in the 16 kHz band, the level match — is what the readouts and
// Figure 2 state. Also axe, 375 px and the keyboard.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { BLUETOOTH_CODECS } from '../../src/data/bluetoothCodecs';
import { integratedLoudnessLufs } from '../../src/dsp/loudness';
import { averagedPowerSpectrum, bandLevelDb } from '../../src/dsp/spectrum';
import { formatNumber } from '../../src/components/format';
import { downloadWav, hydrateWidget } from './helpers';

const LESSON = '/lessons/bluetooth/';

async function openWidget(page: Page): Promise<Locator> {
  await page.goto(LESSON);
  return hydrateWidget(page, '[data-widget="bluetooth"]');
}

const readout = (widget: Locator, name: string) => widget.locator(`[data-readout="${name}"]`);
const dbIn = (text: string): number => Number(text.replace('\u2212', '-').replace(/[^0-9.+-]/g, ''));

/** Sum of squares over the middle of a render (the start and end fades left out). */
function middle(samples: Float32Array, sampleRateHz: number): Float32Array {
  return samples.subarray(Math.round(0.5 * sampleRateHz), samples.length - Math.round(0.5 * sampleRateHz));
}

test('Figure 1 gives bitrate / (sample rate × 2) bits per sample per channel for every codec', async ({ page }) => {
  const widget = await openWidget(page);
  const select = widget.getByRole('combobox', { name: 'Codec and mode (claimed bitrate)' });
  for (const codec of BLUETOOTH_CODECS) {
    await select.selectOption(codec.id);
    const expected = codec.bitrateBitsPerSecond / (codec.sampleRateHz * 2);
    await expect(readout(widget, 'bits')).toHaveText(formatNumber(expected, 3));
    await expect(widget.locator('#bt-fig-bits')).toContainText(`${formatNumber(expected, 3)} bits per sample per channel`);
  }
  // Two values by hand: SBC 328 000 / 88 200 = 3.72; LDAC 990 000 / 192 000 = 5.16.
  await select.selectOption('sbc');
  await expect(readout(widget, 'bits')).toHaveText('3.72');
  await select.selectOption('ldac-990');
  await expect(readout(widget, 'bits')).toHaveText('5.16');
});

test('the codec select works from the keyboard', async ({ page }) => {
  const widget = await openWidget(page);
  const select = widget.getByRole('combobox', { name: 'Codec and mode (claimed bitrate)' });
  await select.focus();
  await page.keyboard.press('ArrowDown');
  await expect(select).toHaveValue(BLUETOOTH_CODECS[1]?.id ?? '');
  await expect(readout(widget, 'bits')).toHaveText(formatNumber(300_000 / 88_200, 3));
});

test('B is real Opus: its rendered error and 16 kHz band match the readouts and Figure 2, and it is loudness-matched', async ({ page }) => {
  test.setTimeout(240_000);
  const widget = await openWidget(page);
  await widget.getByRole('combobox', { name: 'Program' }).selectOption('pink');
  const results: { bitrate: string; errorDb: number }[] = [];
  for (const bitrate of ['16', '256']) {
    await widget.getByRole('combobox', { name: 'Codec for B' }).selectOption(bitrate);
    const a = await downloadWav(page, 'Download A', widget);
    const b = await downloadWav(page, 'Download B', widget);
    await expect(widget.locator('#bt-fig-error')).toBeVisible();

    // The encoded stream's measured bitrate is the bitrate asked for (constant-bitrate Opus), within 10 %.
    const kbps = dbIn((await readout(widget, 'opus-bitrate').textContent()) ?? '');
    expect(Math.abs(kbps / Number(bitrate) - 1), `${bitrate} kb/s`).toBeLessThanOrEqual(0.1);

    // Level match: B's loudness equals A's within 0.1 LU, measured on the renders.
    const rate = a.sampleRateHz;
    const [aL, aR] = a.channels.map((c) => middle(c, rate)) as [Float32Array, Float32Array];
    const [bL, bR] = b.channels.map((c) => middle(c, rate)) as [Float32Array, Float32Array];
    expect(Math.abs(integratedLoudnessLufs([bL, bR], rate) - integratedLoudnessLufs([aL, aR], rate))).toBeLessThanOrEqual(0.1);

    // The error readout: undo the match gain on B, then 10·log10(Σ(b − a)² / Σa²) on the renders.
    const matchDb = dbIn((await readout(widget, 'opus-match').textContent()) ?? '');
    const unmatch = 10 ** (-matchDb / 20);
    let signal = 0;
    let error = 0;
    const diffL = new Float64Array(aL.length);
    for (const [x, y] of [[aL, bL], [aR, bR]] as const) {
      for (let n = 0; n < x.length; n++) {
        const d = (y[n] ?? 0) * unmatch - (x[n] ?? 0);
        signal += (x[n] ?? 0) ** 2;
        error += d * d;
        if (x === aL) diffL[n] = d;
      }
    }
    const measuredErrorDb = 10 * Math.log10(error / signal);
    const shownErrorDb = dbIn((await readout(widget, 'opus-error').textContent()) ?? '');
    expect(Math.abs(measuredErrorDb - shownErrorDb), `${bitrate} kb/s error`).toBeLessThanOrEqual(0.5);

    // Figure 2 states the error in the 16 kHz third-octave band relative to the program's band: the renders agree.
    const summary = (await widget.locator('#bt-fig-error').textContent()) ?? '';
    const stated = summary.match(/at 16 kHz ([−\-+]?[\d.]+) dB/);
    expect(stated, summary).not.toBeNull();
    const low = 16000 * 2 ** (-1 / 6);
    const high = 16000 * 2 ** (1 / 6);
    const bandOf = (x: Float32Array | Float64Array) => bandLevelDb(averagedPowerSpectrum(x, rate, 16384), low, high);
    const measured16k = bandOf(diffL) - bandOf(aL);
    expect(Math.abs(measured16k - dbIn(stated?.[1] ?? '')), `${bitrate} kb/s at 16 kHz`).toBeLessThanOrEqual(1);
    results.push({ bitrate, errorDb: measuredErrorDb });
  }
  // A real codec: at 16 kb/s it changes far more than at 256 kb/s, and even at 256 kb/s it is not a copy.
  const lowRateErrorDb = results[0]?.errorDb ?? Number.NaN;
  const highRateErrorDb = results[1]?.errorDb ?? Number.NaN;
  expect(lowRateErrorDb - highRateErrorDb).toBeGreaterThan(6);
  expect(highRateErrorDb).toBeGreaterThan(-60);
});

test('Play starts A and B through Opus, switches to B and stops, without errors', async ({ page }) => {
  test.setTimeout(120_000);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const widget = await openWidget(page);
  await widget.getByRole('button', { name: 'Play' }).click();
  await expect(widget.locator('[data-play-state="playing"]')).toHaveCount(1, { timeout: 60_000 });
  await widget.getByRole('radio', { name: /Opus at 32 kb\/s/ }).check();
  await expect(widget.locator('#bt-fig-error')).toBeVisible();
  await widget.getByRole('button', { name: 'Stop' }).click();
  await expect(widget.locator('[data-play-state="stopped"]')).toHaveCount(1);
  await expect(widget.getByRole('alert')).toHaveText('');
  expect(errors).toEqual([]);
});

test('no axe violations with both figures shown, and no horizontal scroll at 375 px', async ({ page }) => {
  test.setTimeout(120_000);
  const widget = await openWidget(page);
  await downloadWav(page, 'Download B', widget);
  await expect(widget.locator('#bt-fig-error')).toBeVisible();
  expect((await new AxeBuilder({ page }).include('[data-widget="bluetooth"]').analyze()).violations).toEqual([]);
  await page.setViewportSize({ width: 375, height: 800 });
  await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
});
