// The class D widget: readouts and plots redraw with values equal to closed forms written out here (the LC filter
// into a resistor, the PWM carrier from Bessel functions), its rendered audio matches the filter it plots, and it is
// accessible (axe, keyboard, no horizontal scroll at 375 px).
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { lcFilterResponseDbAtHz } from '../../src/dsp/classD/lcFilter';
import { headphoneById } from '../../src/dsp/headphones';
import { integratedLoudnessLufs } from '../../src/dsp/loudness';
import { thirdOctaveBandEdgesHz, thirdOctaveLevelDb } from '../../src/dsp/spectrum';
import { downloadWav, hydrateWidget, setRange } from './helpers';

const LESSON = '/lessons/class-d/';
const WIDGET = '[data-widget="class-d"]';

async function openWidget(page: Page) {
  await page.goto(LESSON);
  return hydrateWidget(page, WIDGET);
}

/** SLAA701's Butterworth design for 32 Ω at 40 kHz, by hand. */
const W0 = 2 * Math.PI * 40_000;
const L32 = (Math.SQRT2 * 32) / W0;
const C32 = 1 / (Math.SQRT2 * 32 * W0);

/** |H| in dB of L then C ∥ R, by hand. */
function intoResistorDb(l: number, c: number, r: number, f: number): number {
  const w = 2 * Math.PI * f;
  return -10 * Math.log10((1 - w * w * l * c) ** 2 + ((w * l) / r) ** 2);
}

/** J_n(x) by its power series, written here. */
function besselJ(n: number, x: number): number {
  let term = (x / 2) ** n;
  for (let k = 1; k <= n; k += 1) term /= k;
  let sum = 0;
  for (let k = 0; k < 60; k += 1) {
    sum += term;
    term *= -((x / 2) ** 2) / ((k + 1) * (k + 1 + n));
  }
  return sum;
}

const numberAttr = async (locator: Locator, name: string) => Number(await locator.getAttribute(name));

test('the default 32 Ω design: corner 40 kHz and Q 0.707 into 32 Ω, R·√(C/L) into 300 Ω', async ({ page }) => {
  const widget = await openWidget(page);
  expect(await numberAttr(widget.locator('[data-readout="corner"]'), 'data-value')).toBeCloseTo(40_000, 3);
  const q = widget.locator('[data-readout="q"]');
  expect(await numberAttr(q, 'data-q32')).toBeCloseTo(Math.SQRT1_2, 9);
  expect(await numberAttr(q, 'data-q300')).toBeCloseTo(300 * Math.sqrt(C32 / L32), 9);
});

test('listening into 300 Ω, the largest audio-band change is the closed form at 20 kHz (a rise)', async ({ page }) => {
  const widget = await openWidget(page);
  await widget.getByRole('combobox', { name: 'Load you listen through', exact: true }).selectOption('300');
  const change = widget.locator('[data-readout="change"]');
  await expect(widget.locator('dt', { hasText: 'Largest change' })).toContainText('300 Ω resistor');
  const expectedDb = intoResistorDb(L32, C32, 300, 20_000);
  expect(expectedDb).toBeGreaterThan(2);
  expect(await numberAttr(change, 'data-hz')).toBeCloseTo(20_000, 3);
  expect(Math.abs((await numberAttr(change, 'data-db')) - expectedDb)).toBeLessThan(1e-6);
  await expect(widget.locator('figure', { hasText: 'Figure 3' })).toContainText(`+${expectedDb.toFixed(1)} dB`);
});

test('the inductor slider steps by keyboard and the corner follows 1/(2π√(LC))', async ({ page }) => {
  const widget = await openWidget(page);
  const slider = widget.getByRole('slider', { name: 'Inductor L', exact: true });
  await slider.focus();
  await page.keyboard.press('Home');
  await expect(widget.getByRole('combobox', { name: 'Output filter', exact: true })).toHaveValue('custom');
  for (let i = 0; i < 30; i += 1) await page.keyboard.press('ArrowRight');
  const l = 10 ** Number(await slider.inputValue());
  const expectedHz = 1 / (2 * Math.PI * Math.sqrt(l * C32));
  await expect.poll(async () => numberAttr(widget.locator('[data-readout="corner"]'), 'data-value')).toBeCloseTo(expectedHz, 3);
  await widget.getByRole('combobox', { name: 'Output filter', exact: true }).selectOption('speaker-22u');
  await expect.poll(async () => numberAttr(widget.locator('[data-readout="corner"]'), 'data-value')).toBeCloseTo(1 / (2 * Math.PI * Math.sqrt(22e-6 * 0.68e-6)), 3);
});

test('the carrier left at a 32 Ω load is (4/π)·J0(πM/2)·|H(fc)| against M·|H(6 kHz)|, for two depths and switching frequencies', async ({ page }) => {
  const widget = await openWidget(page);
  await widget.getByRole('combobox', { name: 'Load you listen through', exact: true }).selectOption('32');
  const level = widget.getByRole('slider', { name: 'Signal level (modulation depth)', exact: true });
  for (const [carrierHz, percent] of [[384_000, 70], [768_000, 40]] as const) {
    await widget.getByRole('combobox', { name: 'Switching frequency', exact: true }).selectOption(String(carrierHz));
    await setRange(level, percent);
    const m = percent / 100;
    const expectedDb =
      20 * Math.log10(((4 / Math.PI) * besselJ(0, (Math.PI * m) / 2)) / m) +
      intoResistorDb(L32, C32, 32, carrierHz) -
      intoResistorDb(L32, C32, 32, 6000);
    await expect.poll(async () => numberAttr(widget.locator('[data-readout="carrier"]'), 'data-db')).toBeCloseTo(expectedDb, 6);
    await expect(widget.locator('figure', { hasText: 'Figure 1' })).toContainText(`${carrierHz / 6000} pulses per period`);
  }
});

/** The model's third-octave band level for pink noise through the filter into a load, in dB. */
function modelBandDb(load: Parameters<typeof lcFilterResponseDbAtHz>[0], centerHz: number): number {
  const { lowHz, highHz } = thirdOctaveBandEdgesHz(centerHz);
  const steps = 200;
  let sum = 0;
  for (let i = 0; i < steps; i += 1) {
    const f = lowHz * (highHz / lowHz) ** ((i + 0.5) / steps);
    sum += 10 ** (lcFilterResponseDbAtHz(load, { inductanceHenries: L32, capacitanceFarads: C32 }, f) / 10);
  }
  return 10 * Math.log10(sum / steps);
}

for (const [listen, label, centerHz] of [
  ['headphone', 'the multi-BA IEM', 10_000],
  ['300', 'a 300 Ω resistor', 12_500],
] as const) {
  test(`rendered pink noise through B (${label}) matches the plotted ${centerHz / 1000} kHz vs 1 kHz change, loudness-matched to A`, async ({ page }) => {
    test.setTimeout(120_000);
    const widget = await openWidget(page);
    await widget.getByRole('combobox', { name: 'Load you listen through', exact: true }).selectOption(listen);
    await widget.getByRole('combobox', { name: 'Program', exact: true }).selectOption({ label: 'Pink noise' });
    const a = await downloadWav(page, 'Download A');
    const b = await downloadWav(page, 'Download B');
    expect(b.fileName).toMatch(/-B\.wav$/);
    const level = (wav: typeof a, hz: number) => thirdOctaveLevelDb(wav.channels[0] ?? new Float32Array(), wav.sampleRateHz, hz);
    const measuredDb = level(b, centerHz) - level(b, 1000) - (level(a, centerHz) - level(a, 1000));
    const load = listen === 'headphone' ? headphoneById('multi-ba').impedance : { num: [300], den: [1] };
    const modelDb = modelBandDb(load, centerHz) - modelBandDb(load, 1000);
    expect(Math.abs(modelDb)).toBeGreaterThan(0.5); // the comparison must be able to fail
    expect(Math.abs(measuredDb - modelDb)).toBeLessThanOrEqual(0.3);
    const loudnessA = integratedLoudnessLufs(a.channels, a.sampleRateHz);
    const loudnessB = integratedLoudnessLufs(b.channels, b.sampleRateHz);
    expect(Math.abs(loudnessA - loudnessB)).toBeLessThanOrEqual(0.2);
  });
}

test('axe finds nothing on the lesson with the widget hydrated', async ({ page }) => {
  await openWidget(page);
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
});

test('at 375 px the lesson has no horizontal scroll', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await openWidget(page);
  await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
});
