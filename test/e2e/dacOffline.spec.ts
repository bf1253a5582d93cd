// Offline renders run a chain's DAC stages (quantizer, low-rate DAC, jitter) on the main thread, so no offline
// context gets an AudioWorklet module (Chromium never frees one that has: issue #16). The result must be the
// samples the worklet graph gave: each case is rendered both ways in Chromium — the site's renderOffline, and the
// old path with the stages as AudioWorklet nodes in the render's own offline context — and compared sample by
// sample. Both run the same deterministic code with the same seeds, on the same input, and the models' output does
// not depend on block length, so the renders must be bit-identical (where hiss and hum are summed in, Chromium's
// own summing order allows a last-place difference: SUMMING_ORDER_TOLERANCE). A test-only page (dacHarness/) is built by Vite
// here, as the site's own build bundles the worklets, and served by a small server of the test's own.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import type { ChainSettings } from '../../src/audio/chain';
import type { Comparison, DacHarness, HarnessCase } from './dacHarness/harness';
import { audioCounts, countAudioContexts } from './audioProbes';
import { type ServedHarness, serveHarness } from './viteHarness';

const HARNESS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'dacHarness');
const HARNESS_BASE = '/__dac-harness/';

const quantizer: ChainSettings = { sections: [], gainDb: 0, quantizer: { bits: 8, dither: 'tpdf', shaping: 'first-order', inputGainDb: -24, seed: 1234 } };
/** The three DAC stages together, after a delay of a fractional number of samples, with the native stages after them. */
const COMBINED: ChainSettings = {
  sections: [{ b0: 0.2, b1: 0.4, b2: 0.2, a1: -0.3, a2: 0.1 }],
  gainDb: 3,
  delaySeconds: 0.0123,
  quantizer: { bits: 12, dither: 'rpdf', shaping: 'none', inputGainDb: -10, seed: 42 },
  lowRateDac: { oversampling: 2, mode: 'oversampled' },
  jitter: { jitterSecondsRms: 5e-6, kind: 'random', jitterFrequencyHz: 1000, seed: 17 },
  clipper: { levelFullScale: 0.4 },
};

/**
 * Largest difference allowed where hiss and hum join the chain: the chain's GainNode then sums three inputs, and
 * Chromium sums a node's inputs in an order that is not fixed from one context to the next (the worklet graph
 * rendered twice differed from itself in 99 214 of 480 000 samples, by 2⁻²⁴ at most, in one run of two). Adding
 * three float32 values in another order changes the sum by at most one unit in the last place of a partial sum,
 * 2⁻²⁴ for sums below 1 in magnitude (they are: the clipper holds the chain at ±0.4·1.41, hiss and hum add < 0.01),
 * and only the volume (≤ 1) and the limiter (gain ≤ 1) follow, so 2⁻²³ bounds it with a factor of two to spare.
 */
const SUMMING_ORDER_TOLERANCE = 2 ** -23;

const CASES: readonly { name: string; harnessCase: HarnessCase; tolerance?: number }[] = [
  { name: 'quantizer: 8 bits, TPDF dither, first-order shaping, 24 dB down', harnessCase: { settings: quantizer, program: 'pink', options: { volumeDb: -20, seconds: 10, sampleRateHz: 48000 } } },
  {
    name: 'quantizer: 4 bits, no dither, at full level and full volume (the limiter acts)',
    harnessCase: { settings: { sections: [], gainDb: 0, quantizer: { bits: 4, dither: 'none', shaping: 'none', inputGainDb: 0, seed: 7 } }, program: 'sine', options: { volumeDb: 0, seconds: 4, sampleRateHz: 48000 } },
  },
  { name: 'low-rate DAC: 12 kHz, hold (NOS)', harnessCase: { settings: { sections: [], gainDb: 0, lowRateDac: { oversampling: 4, mode: 'nos' } }, program: 'pink', options: { volumeDb: -20, seconds: 10, sampleRateHz: 48000 } } },
  { name: 'low-rate DAC: 16 kHz, oversampled', harnessCase: { settings: { sections: [], gainDb: 0, lowRateDac: { oversampling: 3, mode: 'oversampled' } }, program: 'pink', options: { volumeDb: -20, seconds: 10, sampleRateHz: 48000 } } },
  {
    name: 'jitter: 20 µs rms, random',
    harnessCase: { settings: { sections: [], gainDb: 0, jitter: { jitterSecondsRms: 20e-6, kind: 'random', jitterFrequencyHz: 1000, seed: 99 } }, program: 'pink', options: { volumeDb: -20, seconds: 10, sampleRateHz: 48000 } },
  },
  {
    name: 'jitter: 10 µs rms, sinusoidal at 300 Hz',
    harnessCase: { settings: { sections: [], gainDb: 0, jitter: { jitterSecondsRms: 10e-6, kind: 'sinusoidal', jitterFrequencyHz: 300, seed: 5 } }, program: 'sine', options: { volumeDb: -20, seconds: 4, sampleRateHz: 48000 } },
  },
  {
    name: 'all three after a delay, then a filter and a clipper, on a mono 44.1 kHz file rendered at 48 kHz',
    harnessCase: { settings: COMBINED, program: 'reader', options: { volumeDb: -6, seconds: 5, sampleRateHz: 48000 } },
  },
  {
    name: 'all three with hiss and hum added after the clipper (within 2⁻²³: the summing order of the gain node is not fixed)',
    harnessCase: {
      settings: { ...COMBINED, noise: { rmsFullScale: 0.001, seed: 3 }, hum: { fundamentalHz: 50, harmonicRmsFullScale: [0.001, 0.0005] } },
      program: 'reader',
      options: { volumeDb: -6, seconds: 5, sampleRateHz: 48000 },
    },
    tolerance: SUMMING_ORDER_TOLERANCE,
  },
];

let harness: ServedHarness | null = null;

test.beforeAll(async () => {
  harness = await serveHarness(HARNESS_DIR, HARNESS_BASE);
});

test.afterAll(async () => {
  await harness?.close();
});

async function openHarness(page: Page): Promise<void> {
  if (!harness) throw new Error('the harness is not being served');
  await page.goto(harness.url);
  await page.waitForFunction(() => 'dacHarness' in window);
}

/** Calls one of the harness page's functions with a case. */
function harnessCall(page: Page, method: keyof DacHarness, harnessCase: HarnessCase): Promise<unknown> {
  return page.evaluate(([name, argument]) => (window as unknown as { dacHarness: DacHarness }).dacHarness[name](argument) as Promise<unknown>, [method, harnessCase] as const);
}

test.describe('offline renders with DAC stages equal the worklet graph, sample for sample, without a worklet module', () => {
  test.setTimeout(180_000);

  for (const { name, harnessCase, tolerance } of CASES) {
    test(name, async ({ page }) => {
      await countAudioContexts(page);
      await openHarness(page);
      const length = (await harnessCall(page, 'renderNow', harnessCase)) as number;
      expect(length).toBe(Math.round(harnessCase.options.seconds * harnessCase.options.sampleRateHz));
      // The site's render gave no offline context a worklet module.
      expect((await audioCounts(page)).offlineWithWorklets).toBe(0);
      const comparison = (await harnessCall(page, 'compareWithWorklets', harnessCase)) as Comparison;
      // The comparison is of real audio, changed by the stages: loud enough, and not the program as it was.
      expect(comparison.peak).toBeGreaterThan(0.01);
      expect(comparison.changedRms).toBeGreaterThan(1e-5);
      // The old path did use worklets (so the two renders really came from different code paths).
      expect((await audioCounts(page)).offlineWithWorklets).toBeGreaterThan(0);
      expect(comparison.samples).toBe(2 * length);
      if (tolerance === undefined) expect(comparison, 'samples that differ from the worklet render').toMatchObject({ differing: 0, largestDifference: 0 });
      else expect(comparison.largestDifference, 'largest difference from the worklet render').toBeLessThanOrEqual(tolerance);
    });
  }

  test('loudness measured without worklets equals the worklet graph\'s, for the combined chain', async ({ page }) => {
    await countAudioContexts(page);
    await openHarness(page);
    const combined = (CASES.find((entry) => entry.harnessCase.settings === COMBINED) as { harnessCase: HarnessCase }).harnessCase;
    const now = (await harnessCall(page, 'loudnessNow', combined)) as number;
    expect((await audioCounts(page)).offlineWithWorklets).toBe(0);
    const old = (await harnessCall(page, 'loudnessWithWorklets', combined)) as number;
    expect(Number.isFinite(now)).toBe(true);
    expect(now).toBe(old);
  });
});
