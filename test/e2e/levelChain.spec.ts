// The level-chain widget, heard: B is clipped exactly where the model puts the amplifier's limit, A is clean.
import { expect, test } from '@playwright/test';
import { clipLevelFullScale } from '../../src/dsp/levelChain';
import { peakAbs } from '../../src/dsp/spectrum';
import { downloadWav, hydrateWidget, setRange } from './helpers';

const DEFAULT_VOLUME_GAIN = 10 ** (-20 / 20);
const MUSIC_PEAK = 10 ** (-3 / 20);

test('a DAC chip at full digital volume into 6.5× gain clips at the amp’s 10.24 V; at 1× it does not', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/lessons/dac-amp-combos/');
  const widget = await hydrateWidget(page, '[data-widget="level-chain"]');
  await widget.getByRole('combobox', { name: 'Source', exact: true }).selectOption('pcm5102a');
  await setRange(widget.getByRole('slider', { name: 'Digital volume', exact: true }), 0);
  await widget.getByRole('combobox', { name: 'Amplifier gain', exact: true }).selectOption('6.5');
  await expect(widget.locator('[data-readout="headroom"]')).toContainText('clipping');
  const clip = clipLevelFullScale({ sourceId: 'pcm5102a', digitalVolumeDb: 0, ampGain: 6.5 }); // 10.24 / (2.97 · 6.5) ≈ 0.53
  expect(clip).toBeLessThan(MUSIC_PEAK);
  const b = await downloadWav(page, 'Download B');
  const a = await downloadWav(page, 'Download A');
  const peak = (wav: typeof a) => Math.max(...wav.channels.map((c) => peakAbs(c))) / DEFAULT_VOLUME_GAIN;
  expect(Math.abs(peak(b) - clip) / clip).toBeLessThan(0.005);
  expect(Math.abs(peak(a) - MUSIC_PEAK) / MUSIC_PEAK).toBeLessThan(0.01);
  await widget.getByRole('combobox', { name: 'Amplifier gain', exact: true }).selectOption('2.5');
  await expect(widget.locator('[data-readout="headroom"]')).toContainText('clean');
});
