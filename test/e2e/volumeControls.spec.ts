// The volume-pot widget states the physics of a dual audio-taper pot, with expected values worked out here by hand
// (r = (b^θ − 1)/(b − 1), b = (1/0.15 − 1)², the right track ahead by δ chosen for the gang error at −40 dB, the
// wiper loaded by the next stage), answers the keyboard, and plays what it plots: B's right channel is louder than
// its left by the plotted imbalance, measured in the offline render of its real graph.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { integratedLoudnessLufs } from '../../src/dsp/loudness';
import { downloadWav, hydrateWidget, setRange } from './helpers';

const LESSON = '/lessons/volume-controls/';
const WIDGET = '[data-widget="volume-pot"]';

async function openWidget(page: Page): Promise<Locator> {
  await page.goto(LESSON);
  return hydrateWidget(page, WIDGET);
}

const B = (1 / 0.15 - 1) ** 2;
const law = (theta: number) => (B ** Math.min(1, theta) - 1) / (B - 1);
const inverse = (r: number) => Math.log(1 + r * (B - 1)) / Math.log(B);
/** Right minus left, dB, for a gang error at −40 dB, loaded by RL after a pot of Rp. */
function imbalanceByHand(rotationPercent: number, gangErrorDb: number, potOhms = 10e3, loadOhms = Number.POSITIVE_INFINITY): number {
  const delta = inverse(0.01 * 10 ** (gangErrorDb / 20)) - inverse(0.01);
  const theta = rotationPercent / 100;
  const loaded = (r: number) => {
    const lower = Number.isFinite(loadOhms) ? 1 / (1 / (r * potOhms) + 1 / loadOhms) : r * potOhms;
    return lower / ((1 - r) * potOhms + lower);
  };
  return 20 * Math.log10(loaded(law(theta + delta)) / loaded(law(theta)));
}

const readNumber = async (locator: Locator, attribute: string) => Number(await locator.getAttribute(attribute));

test('the readouts give the hand-worked imbalance at 10 %, 50 % and 2 % of the travel, and the plot redraws', async ({ page }) => {
  const widget = await openWidget(page);
  const imbalance = widget.locator('[data-readout="imbalance"]');
  expect(Math.abs((await readNumber(imbalance, 'data-imbalance-db')) - imbalanceByHand(10, 2))).toBeLessThan(1e-6);
  const path = widget.locator('#vc-fig-imbalance path.plot-series');
  const before = await path.getAttribute('d');
  await setRange(widget.getByRole('slider', { name: 'Knob position', exact: true }), 50);
  await expect.poll(() => readNumber(imbalance, 'data-imbalance-db')).toBeCloseTo(imbalanceByHand(50, 2), 6);
  await setRange(widget.getByRole('slider', { name: 'Knob position', exact: true }), 2);
  await expect.poll(() => readNumber(imbalance, 'data-imbalance-db')).toBeCloseTo(imbalanceByHand(2, 2), 6);
  expect(imbalanceByHand(2, 2)).toBeGreaterThan(3 * imbalanceByHand(50, 2)); // worse at the bottom: the check can fail
  await setRange(widget.getByRole('slider', { name: 'Gang error at −40 dB', exact: true }), 3);
  await expect.poll(() => readNumber(imbalance, 'data-imbalance-db')).toBeCloseTo(imbalanceByHand(2, 3), 6);
  await expect.poll(() => path.getAttribute('d')).not.toBe(before);
});

test('a 10 kΩ input after a 50 kΩ pot pulls the left channel to the loaded divider at 12 o\'clock', async ({ page }) => {
  const widget = await openWidget(page);
  await setRange(widget.getByRole('slider', { name: 'Knob position', exact: true }), 50);
  await widget.getByRole('combobox', { name: 'Pot', exact: true }).selectOption({ label: '50 kΩ pot' });
  await widget.getByRole('combobox', { name: 'Next stage', exact: true }).selectOption({ label: '10 kΩ input' });
  // 7.5 kΩ ∥ 10 kΩ = 4.286 kΩ under 42.5 kΩ: −20.76 dB
  const lower = 1 / (1 / 7500 + 1 / 10e3);
  const expected = 20 * Math.log10(lower / (42500 + lower));
  await expect.poll(() => readNumber(widget.locator('[data-readout="levels"]'), 'data-left-db')).toBeCloseTo(expected, 6);
  await expect(widget.locator('[data-readout="wiper-ohms"]')).toContainText('6.4 kΩ'); // 0.15 · 0.85 · 50 kΩ = 6.375 kΩ
});

test('the knob steps by keyboard and the readouts follow', async ({ page }) => {
  const widget = await openWidget(page);
  const slider = widget.getByRole('slider', { name: 'Knob position', exact: true });
  await slider.focus();
  await page.keyboard.press('End');
  await expect(slider).toHaveValue('100');
  await expect(widget.locator('[data-readout="imbalance"]')).toHaveText('0.00 dB');
  await page.keyboard.press('ArrowLeft');
  await expect(slider).toHaveValue('99');
  await expect.poll(() => readNumber(widget.locator('[data-readout="imbalance"]'), 'data-imbalance-db')).toBeCloseTo(imbalanceByHand(99, 2), 6);
  await page.keyboard.press('Home');
  await expect(slider).toHaveValue('1');
  await expect(widget.locator('[data-readout="pan"]')).toContainText('to the right');
});

test('rendered pink noise: each of B\'s channels is A\'s same channel scaled, right over left by the plotted imbalance, and the two are loudness-matched', async ({ page }) => {
  test.setTimeout(120_000);
  const widget = await openWidget(page);
  await setRange(widget.getByRole('slider', { name: 'Knob position', exact: true }), 5);
  const plotted = await readNumber(widget.locator('[data-readout="imbalance"]'), 'data-imbalance-db');
  expect(plotted).toBeGreaterThan(2); // a difference the measurement can miss
  await widget.getByRole('combobox', { name: 'Program', exact: true }).selectOption({ label: 'Pink noise' });
  const a = await downloadWav(page, 'Download A');
  const b = await downloadWav(page, 'Download B');
  // Each of B's channels against the same channel of A, sample by sample (a least-squares gain): it must be that
  // channel, scaled, and right over left must be the plotted imbalance.
  const gainDb = (channel: number) => {
    const x = a.channels[channel] ?? new Float32Array();
    const y = b.channels[channel] ?? new Float32Array();
    let xy = 0;
    let xx = 0;
    for (let n = 0; n < Math.min(x.length, y.length); n++) {
      xy += (x[n] as number) * (y[n] as number);
      xx += (x[n] as number) ** 2;
    }
    return 20 * Math.log10(xy / xx);
  };
  expect(Math.abs(gainDb(1) - gainDb(0) - plotted)).toBeLessThanOrEqual(0.05);
  expect(Math.abs(gainDb(1) - gainDb(0) - imbalanceByHand(5, 2))).toBeLessThanOrEqual(0.05);
  expect(Math.abs(integratedLoudnessLufs(a.channels, a.sampleRateHz) - integratedLoudnessLufs(b.channels, b.sampleRateHz))).toBeLessThanOrEqual(0.2);
});

test('the lesson page has no axe violations and does not scroll sideways at 375 px', async ({ page }) => {
  await openWidget(page);
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  await page.setViewportSize({ width: 375, height: 800 });
  await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
});

test('B plays live and stops, with the per-channel gains in the running graph', async ({ page }) => {
  test.setTimeout(90_000);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const widget = await openWidget(page);
  await setRange(widget.getByRole('slider', { name: 'Knob position', exact: true }), 3);
  await widget.getByText('B', { exact: true }).first().click();
  await widget.getByRole('button', { name: 'Play' }).click();
  await expect(widget.locator('[data-play-state="playing"]')).toHaveCount(1, { timeout: 20_000 });
  await setRange(widget.getByRole('slider', { name: 'Knob position', exact: true }), 20);
  await widget.getByRole('button', { name: 'Stop' }).click();
  await expect(widget.locator('[data-play-state="stopped"]')).toHaveCount(1);
  expect(errors).toEqual([]);
});
