// The circuit lab's "Hear it" panel, tested as audio in Chromium on a test-only page (circuitListenHarness/, built
// by Vite here and served by the test's own server, as dacOffline.spec.ts does): simulations from the triode model
// stand in for ngspice's. The rendered chain's harmonics of a 1 kHz sine agree with the closed form for a quadratic
// stage and with the approximation's own prediction for a 12AU7 stage; A and B come out loudness-matched; Download B
// gives the sound of B; axe finds nothing; a phone-width screen doesn't scroll sideways.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import preact from '@preact/preset-vite';
import { expect, test, type Page } from '@playwright/test';
import { maxDrivePeakVolts, inputVoltsPerFullScale } from '../../src/components/lab/circuit/audio';
import { harmonicLevels } from '../../src/dsp/analysis/harmonics';
import { pathHarmonicsDb, stagePath } from '../../src/dsp/circuitLab/approximation';
import type { CircuitHarness, SineCase, SineResult } from './circuitListenHarness/harness';
import { EDITED, MUFFLED_CORNER_HZ, ORIGINAL, QUADRATIC_COEFFICIENT_PER_VOLT } from './circuitListenHarness/simulations';
import { downloadWav, setRange } from './helpers';
import { type ServedHarness, serveHarness } from './viteHarness';

const HARNESS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'circuitListenHarness');
const HARNESS_BASE = '/__circuit-listen/';
/** Harmonics the prediction puts below this are not compared: they sit near the float32 render's own floor. */
const COMPARED_FLOOR_DB = -100;
/** The built-in 1 kHz sine's peak, dBFS (SINE_PEAK_DBFS of src/audio/program.ts, which Node can't import: it loads worklet URLs). */
const SINE_PEAK_DBFS = -12;
const dbOf = (ratio: number): number => 20 * Math.log10(ratio);

let server: ServedHarness | null = null;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  server = await serveHarness(HARNESS_DIR, HARNESS_BASE, [preact()]);
});

test.afterAll(async () => {
  await server?.close();
});

async function openHarness(page: Page): Promise<void> {
  if (!server) throw new Error('the harness is not being served');
  await page.goto(server.url);
  await page.waitForFunction(() => 'circuitHarness' in window);
}

function renderSine(page: Page, sineCase: SineCase): Promise<SineResult> {
  return page.evaluate((argument) => (window as unknown as { circuitHarness: CircuitHarness }).circuitHarness.renderSine(argument), sineCase);
}

test.describe('the circuit lab heard through its approximation', () => {
  test.setTimeout(120_000);

  test('a quadratic stage v + 0.2·v² gives a rendered 1 kHz sine of peak A a 2nd harmonic of 0.2·A/2, within 1 dB', async ({ page }) => {
    await openHarness(page);
    const result = await renderSine(page, { simulation: 'quadratic', drivePeakVolts: 1, sinePeakFullScale: 0.5 });
    // A·sin θ + a·A²·sin²θ = A·sin θ + (a·A²/2)(1 − cos 2θ): 2nd harmonic a·A²/2 over a fundamental A.
    const closedFormDb = dbOf((QUADRATIC_COEFFICIENT_PER_VOLT * result.inputPeakVolts) / 2);
    expect(Math.abs((result.measuredDb[0] as number) - closedFormDb)).toBeLessThan(1);
    expect(Math.abs((result.predictedDb[0] as number) - closedFormDb)).toBeLessThan(0.01);
    expect(result.measuredDb[1] as number).toBeLessThan(closedFormDb - 60);
  });

  for (const [name, sinePeakFullScale] of [['original', 0.7], ['edited', 0.7], ['edited', 0.25]] as const) {
    test(`the ${name} 12AU7 stage's rendered harmonics 2–5 at ${sinePeakFullScale} of full drive are the approximation's, within 1 dB`, async ({ page }) => {
      await openHarness(page);
      const drivePeakVolts = maxDrivePeakVolts(ORIGINAL, EDITED);
      const result = await renderSine(page, { simulation: name, drivePeakVolts, sinePeakFullScale });
      const compared = result.predictedDb.flatMap((predicted, index) => (predicted > COMPARED_FLOOR_DB ? [index] : []));
      expect(compared.length).toBeGreaterThanOrEqual(2);
      for (const index of compared) {
        expect(Math.abs((result.measuredDb[index] as number) - (result.predictedDb[index] as number)), `harmonic ${index + 2}`).toBeLessThan(1);
      }
    });
  }

  test('the filter follows the curve: a quadratic stage with a 500 Hz low-pass has its 2nd harmonic lowered by |H(2 kHz)|/|H(1 kHz)|, within 0.5 dB', async ({ page }) => {
    await openHarness(page);
    const result = await renderSine(page, { simulation: 'muffledQuadratic', drivePeakVolts: 1, sinePeakFullScale: 0.5 });
    // Curve then filter: the 2nd harmonic a·A/2 (re the fundamental) times |1 + j·1000/fc| / |1 + j·2000/fc|. The
    // other order (filter, then curve) would give a·A·|H(1 kHz)|/2 instead, 1.7 dB higher at fc = 500 Hz.
    const filterDb = dbOf(Math.hypot(1, 1000 / MUFFLED_CORNER_HZ) / Math.hypot(1, 2000 / MUFFLED_CORNER_HZ));
    const expectedDb = dbOf((QUADRATIC_COEFFICIENT_PER_VOLT * result.inputPeakVolts) / 2) + filterDb;
    expect(Math.abs((result.measuredDb[0] as number) - expectedDb)).toBeLessThan(0.5);
  });

  test('A and B come out loudness-matched on the music loop (within 0.5 LU) where B alone is over 2 LU quieter', async ({ page }) => {
    await openHarness(page);
    const loudness = await page.evaluate(
      (names) => (window as unknown as { circuitHarness: CircuitHarness }).circuitHarness.matchedLoudness(names),
      { a: 'quadratic', b: 'muffledQuadratic', drivePeakVolts: 1 } as const,
    );
    expect(loudness.a - loudness.unmatchedB).toBeGreaterThan(2);
    expect(Math.abs(loudness.a - loudness.b)).toBeLessThan(0.5);
  });

  test('Download B on the 1 kHz sine gives the sound of B: its harmonics are the approximation’s at the drive shown, within 1 dB', async ({ page }) => {
    await openHarness(page);
    const panel = page.locator('[data-circuit-listen]');
    await expect(panel.locator('[data-harmonics-comparison] tbody tr')).toHaveCount(4);
    await panel.getByLabel('Program').selectOption('sine');
    const driveSlider = panel.getByLabel('Drive (music peaks at the input)');
    await setRange(driveSlider, 0);
    const drive = Number(await driveSlider.inputValue());
    expect(drive).toBe(0);
    const drivePeakVolts = maxDrivePeakVolts(ORIGINAL, EDITED) * 10 ** (drive / 20);
    const wav = await downloadWav(page, 'Download B', panel);
    expect(wav.fileName).toMatch(/-B\.wav$/);
    const left = wav.channels[0] as Float32Array;
    const measured = harmonicLevels(left.subarray(wav.sampleRateHz, 4 * wav.sampleRateHz), wav.sampleRateHz, 1000, 4).harmonicsDb;
    const fullScaleVolts = inputVoltsPerFullScale(drivePeakVolts);
    const predicted = pathHarmonicsDb(stagePath(EDITED, fullScaleVolts, wav.sampleRateHz), 10 ** (SINE_PEAK_DBFS / 20) * fullScaleVolts);
    const compared = predicted.flatMap((db, index) => (db > COMPARED_FLOOR_DB ? [index] : []));
    expect(compared.length).toBeGreaterThanOrEqual(2);
    for (const index of compared) expect(Math.abs((measured[index] as number) - (predicted[index] as number)), `harmonic ${index + 2}`).toBeLessThan(1);
  });

  test('the panel shows the comparison with SPICE and the fit error, axe finds nothing, and 375 px does not scroll sideways', async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 800 });
    await openHarness(page);
    const panel = page.locator('[data-circuit-listen]');
    await expect(panel.locator('[data-harmonics-comparison] tbody tr')).toHaveCount(4);
    await expect(panel.locator('[data-fit-error]')).toContainText('follows it within');
    await expect(panel.locator('[data-memory-note]')).toContainText('recent past');
    expect(await page.locator('body').innerText()).not.toMatch(/NaN|Infinity|undefined/);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const results = await new AxeBuilder({ page }).include('[data-circuit-listen]').analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  });
});
