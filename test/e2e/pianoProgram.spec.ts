// The recorded piano program and the sine sweep, heard through a real widget's chain: the piano loads only when Play is
// pressed, decodes and plays; A and B rendered on it (and on the sweep) are not silent, B is loudness-matched to A within
// 0.5 LU as on the other programs, and the limiter keeps every render under −1 dBFS. The recording is credited.
import { expect, test } from '@playwright/test';
import { integratedLoudnessLufs } from '../../src/dsp/loudness';
import { peakAbs } from '../../src/dsp/spectrum';
import { downloadWav, hydrateWidget } from './helpers';

const LESSON = '/lessons/tube-vs-solid-state/';
const WIDGET = '[data-widget="amp-stage"]:has(#tvs-drive)';
const PIANO_FILE = /piano-phrase[^/]*\.ogg$/;
const CEILING = 10 ** (-1 / 20);

test('the tube lesson’s Listen panel starts on the piano, credits it, and fetches the recording only on Play', async ({ page }) => {
  test.setTimeout(90_000);
  const fetched: string[] = [];
  page.on('request', (request) => {
    if (PIANO_FILE.test(new URL(request.url()).pathname)) fetched.push(request.url());
  });
  await page.goto(LESSON);
  const widget = await hydrateWidget(page, WIDGET);
  await expect(widget.getByRole('combobox', { name: 'Program', exact: true })).toHaveValue('piano');
  // The program's name credits the recording; the lesson links the full credit on the Sources page.
  await expect(widget.getByRole('option', { name: 'Piano (CC BY 3.0)' })).toHaveCount(1);
  await expect(page.getByRole('link', { name: 'Alexander Holm’s recorded piano (CC BY 3.0)' })).toHaveAttribute(
    'href',
    '/sources/#source-salamander-grand-piano-v3',
  );
  await page.mouse.wheel(0, 4000);
  await page.waitForTimeout(300);
  expect(fetched).toEqual([]);
  await widget.getByRole('button', { name: 'Play', exact: true }).click();
  await expect(widget.locator('.listening-panel')).toHaveAttribute('data-play-state', 'playing', { timeout: 30_000 });
  await expect(widget.getByRole('alert')).toHaveText('');
  expect(fetched).toHaveLength(1);
  await widget.getByRole('button', { name: 'Stop', exact: true }).click();
});

for (const program of ['piano', 'sweep'] as const) {
  test(`the ${program} program through the triode stage: A and B sound, B matched to A within 0.5 LU, peaks under −1 dBFS`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.goto(LESSON);
    const widget = await hydrateWidget(page, WIDGET);
    await widget.getByRole('combobox', { name: 'Program', exact: true }).selectOption(program);
    const a = await downloadWav(page, 'Download A', widget);
    const b = await downloadWav(page, 'Download B', widget);
    const loudnessA = integratedLoudnessLufs(a.channels, a.sampleRateHz);
    const loudnessB = integratedLoudnessLufs(b.channels, b.sampleRateHz);
    // At the default volume (−20 dB) a program peaking near −3 dBFS measures roughly −40 LUFS; silence is −∞.
    expect(loudnessA).toBeGreaterThan(-60);
    expect(Math.abs(loudnessB - loudnessA)).toBeLessThanOrEqual(0.5);
    for (const wav of [a, b]) expect(Math.max(...wav.channels.map((c) => peakAbs(c)))).toBeLessThanOrEqual(CEILING);
    await expect(widget.getByRole('alert')).toHaveText('');
  });
}

test('the Sources page credits the piano recording, its author and its licence', async ({ page }) => {
  await page.goto('/sources/');
  const entry = page.locator('#source-salamander-grand-piano-v3');
  await expect(entry).toContainText('Alexander Holm');
  await expect(entry.getByRole('link', { name: 'Salamander Grand Piano V3' })).toHaveAttribute('href', 'https://archive.org/details/SalamanderGrandPianoV3');
  await expect(entry.getByRole('link', { name: 'Creative Commons Attribution 3.0' })).toHaveAttribute('href', 'https://creativecommons.org/licenses/by/3.0/');
  await expect(entry).toContainText('piano program');
  await expect(page.locator('#source-farina-2000')).toContainText('20 Hz to 20 kHz in 10 s at −12 dBFS');
});
