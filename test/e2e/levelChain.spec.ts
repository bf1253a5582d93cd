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

test('each source is its full scale, with its nominal level and headroom beside it; −10 dBV is named as nominal only', async ({ page }) => {
  await page.goto('/lessons/dac-amp-combos/');
  const widget = await hydrateWidget(page, '[data-widget="level-chain"]');
  const source = widget.getByRole('combobox', { name: 'Source', exact: true });
  await expect(source.locator('option')).toHaveText([/full scale 2\.10 V rms$/, /full scale 6\.15 V rms$/, /full scale 12\.28 V rms$/]);
  await expect(source.locator('option', { hasText: '0.32 V' })).toHaveCount(0);
  await source.selectOption('pro-smpte');
  // +4 dBu nominal = 0.7746 · 10^(4/20) = 1.23 V; full scale 20 dB above it, +24 dBu = 12.28 V (SMPTE RP 155).
  await expect(widget.locator('[data-readout="full-scale"]')).toHaveText('12.28 V rms (+24.0 dBu)');
  await expect(widget.locator('[data-readout="nominal"]')).toHaveText('1.23 V rms (+4.0 dBu), 20.0 dB below full scale');
  // At 1× and 0 dB, −3 dBFS asks for 12.28 · √2 · 0.708 = 12.3 V peak, more than the O2's 10.24 V.
  await setRange(widget.getByRole('slider', { name: 'Digital volume', exact: true }), 0);
  await widget.getByRole('combobox', { name: 'Amplifier gain', exact: true }).selectOption('1');
  await expect(widget.locator('[data-readout="headroom"]')).toContainText('clipping');
  await source.selectOption('pcm5102a');
  await expect(widget.locator('[data-readout="nominal"]')).toHaveText('none: a DAC chip is specified at full scale');
  await expect(widget.locator('[data-note="nominal-levels"]')).toContainText('Consumer line level, −10 dBV (0.32 V rms) is a nominal level with no standard full scale');
});
