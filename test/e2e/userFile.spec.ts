// A reader's own audio file, made in the test byte by byte (test/shared/audioFileBytes.ts) and chosen in the output
// impedance widget's Listen panel: bad samples are repaired and said, a file declaring hours is refused from its
// headers without being decoded, and a valid 1-sample file is called too short, not undecodable.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { integratedLoudnessLufs } from '../../src/dsp/loudness';
import { flacHeaderBytes, mp3Bytes, oggVorbisHeaderBytes, wavBytes } from '../shared/audioFileBytes';
import { downloadWav, hydrateWidget } from './helpers';

const LESSON = '/lessons/output-impedance/';
const WIDGET = '[data-widget="output-impedance"]';
const THREE_HOURS = 3 * 3600;

declare global {
  interface Window {
    decodeAudioDataCalls: number;
  }
}

/** Counts calls to decodeAudioData on every audio context the page makes. */
async function spyOnDecoding(page: Page): Promise<void> {
  await page.addInitScript(() => {
    window.decodeAudioDataCalls = 0;
    const decode = BaseAudioContext.prototype.decodeAudioData;
    BaseAudioContext.prototype.decodeAudioData = function (this: BaseAudioContext, ...args: Parameters<typeof decode>) {
      window.decodeAudioDataCalls += 1;
      return decode.apply(this, args);
    };
  });
}

async function chooseFile(page: Page, name: string, mimeType: string, bytes: Uint8Array): Promise<Locator> {
  await page.goto(LESSON);
  const widget = await hydrateWidget(page, WIDGET);
  await widget.getByRole('combobox', { name: 'Program', exact: true }).selectOption({ label: 'Your own file' });
  await widget.getByLabel('Your audio file', { exact: true }).setInputFiles({ name, mimeType, buffer: Buffer.from(bytes) });
  return widget;
}

function rms(samples: Float32Array): number {
  return Math.sqrt(samples.reduce((sum, x) => sum + x * x, 0) / samples.length);
}

// One bad sample at 5 s used to break B from there on: a NaN left it silent, 1e30 left it 15 dB too loud.
for (const [bad, note] of [
  [Number.NaN, "1 sample in this file wasn't a number (NaN or infinity); it was set to silence."],
  [1e30, '1 sample in this file was impossibly loud (over 60 dB above full scale); it was set to silence.'],
] as const) {
  test(`a float WAV with ${bad} at 5 s is repaired and says so, and B keeps its level after 5 s, loudness-matched`, async ({ page }) => {
    test.setTimeout(120_000);
    const rate = 48000;
    const tone = (): Float32Array => new Float32Array(8 * rate).map((_, n) => 0.25 * Math.sin((2 * Math.PI * 440 * n) / rate));
    const left = tone();
    left[5 * rate] = bad;
    const widget = await chooseFile(page, 'bad.wav', 'audio/wav', wavBytes({ sampleRateHz: rate, channels: [left, tone()], float: true }));
    await expect(widget.locator('.panel-message[role="status"]')).toHaveText(`Loaded “bad.wav” (8.0 s). It stays on your device. ${note}`);
    const a = await downloadWav(page, 'Download A');
    const b = await downloadWav(page, 'Download B');
    for (const channel of b.channels) {
      expect(channel.every(Number.isFinite)).toBe(true);
      const before = rms(channel.subarray(1 * b.sampleRateHz, 4.9 * b.sampleRateHz));
      const after = rms(channel.subarray(5.1 * b.sampleRateHz, 7.9 * b.sampleRateHz));
      expect(before).toBeGreaterThan(0.001);
      expect(Math.abs(20 * Math.log10(after / before))).toBeLessThan(0.5);
    }
    // With a finite program the match can be measured: A and B come out equally loud (BS.1770).
    const loudnessA = integratedLoudnessLufs(a.channels, a.sampleRateHz);
    const loudnessB = integratedLoudnessLufs(b.channels, b.sampleRateHz);
    expect(Math.abs(loudnessA - loudnessB)).toBeLessThanOrEqual(0.2);
  });
}

for (const [name, mimeType, bytes] of [
  ['three-hours.ogg', 'audio/ogg', oggVorbisHeaderBytes(44100, 2, THREE_HOURS * 44100, 100)],
  ['three-hours.flac', 'audio/flac', flacHeaderBytes(44100, 2, THREE_HOURS * 44100)],
  ['three-hours.mp3', 'audio/mpeg', mp3Bytes(Math.round((THREE_HOURS * 44100) / 1152))],
] as const) {
  test(`${name}, whose headers declare 3 hours, is refused with its length and never decoded`, async ({ page }) => {
    await spyOnDecoding(page);
    const widget = await chooseFile(page, name, mimeType, bytes);
    await expect(widget.getByRole('alert')).toHaveText('This file is 3 h 0 min long; choose an excerpt of at most 10 minutes.');
    expect(await page.evaluate(() => window.decodeAudioDataCalls)).toBe(0);
  });
}

test('a recognised file the browser cannot decode is named, not called "not audio"', async ({ page }) => {
  const widget = await chooseFile(page, 'headers-only.ogg', 'audio/ogg', oggVorbisHeaderBytes(44100, 2, 60 * 44100));
  await expect(widget.getByRole('alert')).toContainText("This file is Ogg (Vorbis I) audio, but this browser couldn't decode it");
});

// 1/96000 s = 0.0104 ms; 1/44100 s = 0.0227 ms, written to two significant digits.
for (const [rate, length] of [
  [96000, '0.01 ms'],
  [44100, '0.023 ms'],
] as const) {
  test(`a valid 1-sample WAV at ${rate / 1000} kHz is called too short, not undecodable`, async ({ page }) => {
    const widget = await chooseFile(page, 'one-sample.wav', 'audio/wav', wavBytes({ sampleRateHz: rate, channels: [Float32Array.of(0.5)] }));
    await expect(widget.getByRole('alert')).toHaveText(
      `This file is only ${length} long (1 sample): played in a loop it would be a buzz, not itself. Choose a file at least 0.5 s long.`,
    );
  });
}
