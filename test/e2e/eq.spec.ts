// The EQ widget's sound is its plot: pink noise rendered through each preset matches the plotted response
// in third-octave bands, and with "Match loudness" on, A and B measure the same integrated loudness.
import { expect, test, type Page } from '@playwright/test';
import { EQ_PRESETS, eqResponseDb, type EqBand } from '../../src/dsp/eq/presets';
import { integratedLoudnessLufs } from '../../src/dsp/loudness';
import { thirdOctaveBandEdgesHz, thirdOctaveLevelDb } from '../../src/dsp/spectrum';
import { downloadWav, hydrateWidget } from './helpers';

const LESSON = '/lessons/eq-and-tone-controls/';
const BAND_CENTERS_HZ = [40, 63, 100, 160, 250, 400, 630, 1000, 1600, 2500, 4000, 6300, 10000, 16000];

async function openWidget(page: Page) {
  await page.goto(LESSON);
  return hydrateWidget(page, '[data-widget="eq"]');
}

/** The plotted response averaged over a third-octave band as pink noise fills it (equal power per log step). */
function modelBandDb(bands: readonly EqBand[], centerHz: number): number {
  const { lowHz, highHz } = thirdOctaveBandEdgesHz(centerHz);
  const steps = 100;
  let sum = 0;
  for (let i = 0; i < steps; i++) {
    const f = lowHz * (highHz / lowHz) ** ((i + 0.5) / steps);
    sum += 10 ** (eqResponseDb(bands, f, 48000) / 10);
  }
  return 10 * Math.log10(sum / steps);
}

for (const preset of EQ_PRESETS.filter((p) => p.id !== 'flat')) {
  test(`pink noise through “${preset.label}” matches the plotted response within 0.5 dB in third-octave bands`, async ({ page }) => {
    test.setTimeout(120_000);
    const widget = await openWidget(page);
    await widget.getByRole('combobox', { name: 'EQ preset', exact: true }).selectOption(preset.id);
    await widget.getByRole('combobox', { name: 'Program', exact: true }).selectOption({ label: 'Pink noise' });
    await widget.getByRole('checkbox', { name: 'Match loudness' }).uncheck();
    const a = await downloadWav(page, 'Download A');
    const b = await downloadWav(page, 'Download B');
    const largestModelDb = Math.max(...BAND_CENTERS_HZ.map((fc) => Math.abs(modelBandDb(preset.bands, fc))));
    expect(largestModelDb).toBeGreaterThan(1); // the preset really does something the comparison can catch
    for (const centerHz of BAND_CENTERS_HZ) {
      const measuredDb =
        thirdOctaveLevelDb(b.channels[0] ?? new Float32Array(), b.sampleRateHz, centerHz) -
        thirdOctaveLevelDb(a.channels[0] ?? new Float32Array(), a.sampleRateHz, centerHz);
      expect(Math.abs(measuredDb - modelBandDb(preset.bands, centerHz)), `${centerHz} Hz`).toBeLessThanOrEqual(0.5);
    }
    await widget.getByRole('checkbox', { name: 'Match loudness' }).check();
    const matchedA = await downloadWav(page, 'Download A');
    const matchedB = await downloadWav(page, 'Download B');
    const difference =
      integratedLoudnessLufs(matchedB.channels, matchedB.sampleRateHz) - integratedLoudnessLufs(matchedA.channels, matchedA.sampleRateHz);
    expect(Math.abs(difference)).toBeLessThanOrEqual(0.1);
  });
}

test('the plot and readouts follow the preset', async ({ page }) => {
  const widget = await openWidget(page);
  const select = widget.getByRole('combobox', { name: 'EQ preset', exact: true });
  await select.selectOption('flat');
  await expect(widget.locator('[data-readout="boost"]')).toHaveText('none');
  await expect(widget.locator('[data-readout="cut"]')).toHaveText('none');
  await select.selectOption('bass-boost');
  await expect(widget.locator('[data-readout="boost"]')).toContainText('+');
  await expect(widget.locator('figure figcaption')).toContainText('Bass');
});
