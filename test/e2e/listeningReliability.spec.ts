// Listening that never leaks, breaks or misleads (issue #16): offline contexts get no worklet modules (the DAC lessons' too)
// and a repeated Play renders nothing new; a chunk that failed to download is fetched again on the next Play, with
// a message that says so; the page has one AudioContext; and a loudness match that can't be made is said.
import { readFileSync } from 'node:fs';
import { expect, test, type Page, type Route } from '@playwright/test';
import { encodeWav } from '../../src/audio/wav';
import { audioCounts, countAudioContexts, panelOf, playAndWait, stopAndWait } from './audioProbes';
import { hydrateWidget, setRange } from './helpers';

const LESSON = '/lessons/output-impedance/';
const WIDGET = '[data-widget="output-impedance"]';
const TONE_VERSION = (JSON.parse(readFileSync('node_modules/tone/package.json', 'utf8')) as { version: string }).version;

async function openWidget(page: Page) {
  await page.goto(LESSON);
  return hydrateWidget(page, WIDGET);
}

test('Play and Download on the output-impedance widget give no offline context a worklet module; a Play measures only a changed chain, once', async ({ page }) => {
  test.setTimeout(120_000);
  await countAudioContexts(page);
  const widget = await openWidget(page);
  await playAndWait(widget);
  await stopAndWait(widget);
  const afterFirst = await audioCounts(page);
  for (let cycle = 0; cycle < 3; cycle++) {
    await playAndWait(widget);
    await stopAndWait(widget);
  }
  // A and B were measured by the first Play; the same settings again render nothing.
  expect((await audioCounts(page)).offline).toBe(afterFirst.offline);
  // A new output impedance changes B only: one offline render measures it (A's loudness is known), not one per call.
  await setRange(widget.getByRole('slider', { name: 'Output impedance', exact: true }), 47);
  await playAndWait(widget);
  await stopAndWait(widget);
  expect((await audioCounts(page)).offline).toBe(afterFirst.offline + 1);
  for (const side of ['Download A', 'Download B']) {
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), widget.getByRole('button', { name: side, exact: true }).click()]);
    await download.path();
  }
  // Its filters are IIRFilterNodes: neither matching nor a download needs a worklet (the limiter runs after the render).
  expect((await audioCounts(page)).offlineWithWorklets).toBe(0);
});

for (const [lesson, selector] of [
  ['/lessons/bits-and-dither/', '[data-widget="bits"]'],
  ['/lessons/sample-rates/', '[data-widget="sample-rate"]'],
  ['/lessons/jitter/', '[data-widget="jitter"]'],
] as const) {
  test(`Play and Download on ${selector} (a DAC stage) give no offline context a worklet module`, async ({ page }) => {
    test.setTimeout(120_000);
    await countAudioContexts(page);
    await page.goto(lesson);
    const widget = await hydrateWidget(page, selector);
    // Play measures B's loudness offline; the download renders B offline: both run the DAC stage on the main thread.
    await playAndWait(widget);
    await stopAndWait(widget);
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), widget.getByRole('button', { name: 'Download B', exact: true }).click()]);
    await download.path();
    const counts = await audioCounts(page);
    expect(counts.offline).toBeGreaterThan(0);
    expect(counts.offlineWithWorklets).toBe(0);
  });
}

/** Aborts every request `matches` picks while `failing()` is true. */
async function failWhile(page: Page, pattern: RegExp, failing: () => boolean, matches: (route: Route) => Promise<boolean> = async () => true): Promise<void> {
  await page.route(pattern, async (route) => {
    if (failing() && (await matches(route))) await route.abort('internetdisconnected');
    else await route.fallback();
  });
}

test('when the listening code fails to download at the first Play, the panel says so and the next Play plays', async ({ page }) => {
  const widget = await openWidget(page);
  let offline = true;
  // Every script chunk the page has not loaded yet (the listening module, Tone.js, the widget's filter design).
  await failWhile(page, /\/_astro\/.*\.js$/, () => offline);
  await widget.getByRole('button', { name: 'Play', exact: true }).click();
  await expect(widget.locator('.panel-message[role="alert"]')).toHaveText("Couldn't load the audio engine. Check your connection, then press Play to try again.");
  await expect(panelOf(widget)).toHaveAttribute('data-play-state', 'stopped');
  offline = false;
  await playAndWait(widget);
  await expect(widget.locator('.panel-message[role="alert"]')).toHaveText('');
});

test('when Tone.js alone fails to download, the panel says so and the next Play plays', async ({ page }) => {
  const widget = await openWidget(page);
  let offline = true;
  let refused = 0;
  await failWhile(page, /\/_astro\/.*\.js$/, () => offline, async (route) => {
    // Tone's core: the chunk that holds its version string.
    const isTone = (await (await route.fetch()).text()).includes(TONE_VERSION);
    if (isTone) refused++;
    return isTone;
  });
  await widget.getByRole('button', { name: 'Play', exact: true }).click();
  await expect(widget.locator('.panel-message[role="alert"]')).toHaveText("Couldn't load the audio engine. Check your connection, then press Play to try again.");
  expect(refused).toBeGreaterThan(0);
  offline = false;
  await playAndWait(widget);
});

test('after Play the page has one AudioContext, open (Tone.js opens none of its own)', async ({ page }) => {
  await countAudioContexts(page);
  const widget = await openWidget(page);
  await playAndWait(widget);
  await stopAndWait(widget);
  await playAndWait(widget);
  const counts = await audioCounts(page);
  expect(counts.live).toBe(1);
  expect(counts.liveOpen).toBe(1);
});

test('a program too quiet to measure turns loudness matching off, and the panel says so when playing and downloading', async ({ page }) => {
  test.setTimeout(90_000);
  const widget = await openWidget(page);
  // A 1 kHz sine peaking at −75 dBFS: above the −80 dBFS "silent file" check, but its loudness (about −78 LUFS) is
  // under BS.1770's −70 LUFS absolute gate, so integrated loudness is −∞ and there is no level to match.
  const rate = 48000;
  const peak = 10 ** (-75 / 20);
  const tone = new Float32Array(rate * 4).map((_, n) => peak * Math.sin((2 * Math.PI * 1000 * n) / rate));
  await widget.getByRole('combobox', { name: 'Program', exact: true }).selectOption({ label: 'Your own file' });
  await widget.getByLabel('Your audio file', { exact: true }).setInputFiles({ name: 'quiet.wav', mimeType: 'audio/wav', buffer: Buffer.from(encodeWav([tone, tone], rate, 24)) });
  await expect(widget.locator('.panel-message[role="status"]')).toContainText('Loaded');
  await playAndWait(widget);
  await expect(widget.locator('.panel-message[role="status"]')).toContainText('Loudness matching is off');
  await expect(widget.locator('.panel-message[role="status"]')).toContainText('too quiet on this program to measure');
  await stopAndWait(widget);
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), widget.getByRole('button', { name: 'Download B', exact: true }).click()]);
  await download.path();
  await expect(widget.locator('.panel-message[role="status"]')).toContainText('Downloaded B');
  await expect(widget.locator('.panel-message[role="status"]')).toContainText('Loudness matching is off');
});
