// The tube-output widget (lesson "Output transformers and hybrid tube amps"): its readouts redraw to the
// transformer's closed forms as the controls change, by pointer and by keyboard; its rendered audio (the Download
// buttons render the real graph offline) carries the response the plot draws; axe finds nothing; no sideways scroll.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { formatOhms } from '../../src/components/format';
import { headphoneById } from '../../src/dsp/headphones';
import { magnitudeOhmsAtHz } from '../../src/dsp/impedance';
import { integratedLoudnessLufs } from '../../src/dsp/loudness';
import { thirdOctaveBandEdgesHz, thirdOctaveLevelDb } from '../../src/dsp/spectrum';
import { MEASURED_TRANSFORMER } from '../../src/dsp/tubeOutput/outputTransformer';
import { type Topology, followerTubeSmallSignal, relativeResponseDbAtHz, responseIntoLoad, topologySource } from '../../src/dsp/tubeOutput/topologies';
import { downloadWav, hydrateWidget, setRange } from './helpers';

const LESSON = '/lessons/tube-output-transformers/';
const WIDGET = '[data-widget="tube-output"]';
const RPRI = 197;
const RSEC = 0.5;

async function openWidget(page: Page) {
  await page.goto(LESSON);
  return hydrateWidget(page, WIDGET);
}

/** (rp + Rpri)/n² + Rsec, by hand, with rp of the follower's tube. */
const zoutByHand = (n: number) => (followerTubeSmallSignal().plateResistanceOhms + RPRI) / (n * n) + RSEC;

test('the output-impedance and reflected-load readouts follow (rp + Rpri)/n² + Rsec and n²(|Z_L| + Rsec) as the turns ratio changes', async ({ page }) => {
  const widget = await openWidget(page);
  const n0 = Math.round(MEASURED_TRANSFORMER.turnsRatio * 10) / 10;
  await expect(widget.locator('[data-readout="zout"]')).toContainText(`= ${formatOhms(zoutByHand(n0))}`);
  await widget.getByRole('button', { name: '10 : 1', exact: true }).click();
  await expect(widget.getByRole('slider', { name: 'Turns ratio (primary : secondary)', exact: true })).toHaveValue('10');
  await expect(widget.locator('[data-readout="zout"]')).toContainText(`= ${formatOhms(zoutByHand(10))}`);
  const load32 = magnitudeOhmsAtHz(headphoneById('closed-32').impedance, 1000);
  await expect(widget.locator('[data-readout="reflected"]')).toContainText(formatOhms(100 * (load32 + RSEC)));
  await widget.getByRole('combobox', { name: 'Headphone', exact: true }).selectOption({ label: '300 Ω open dynamic (HD600-class)' });
  const load300 = magnitudeOhmsAtHz(headphoneById('dynamic-300').impedance, 1000);
  await expect(widget.locator('[data-readout="reflected"]')).toContainText(formatOhms(100 * (load300 + RSEC)));
  // the comparison table's transformer row redraws with it
  await expect(widget.locator('[data-topology="transformer"] td').first()).toHaveText(formatOhms(zoutByHand(10)));
});

test('the bass corner into the nearly resistive planar follows [(rp + Rpri) ∥ n²(R + Rsec)]/(2πLp) as the primary inductance changes', async ({ page }) => {
  const widget = await openWidget(page);
  await widget.getByRole('combobox', { name: 'Headphone', exact: true }).selectOption({ label: 'Planar magnetic (nearly flat)' });
  const rSource = followerTubeSmallSignal().plateResistanceOhms + RPRI;
  const corner = async () => Number(/([\d.]+) Hz/.exec((await widget.locator('[data-readout="corner"]').textContent()) ?? '')?.[1] ?? 'NaN');
  for (const [button, henries] of [['19.6 H, measured', 19.6], ['300 H, a headphone design goal', 300]] as const) {
    await widget.getByRole('button', { name: button, exact: true }).click();
    const n = MEASURED_TRANSFORMER.turnsRatio;
    const load = magnitudeOhmsAtHz(headphoneById('planar').impedance, 20);
    const reflected = n * n * (load + RSEC);
    const byHand = (rSource * reflected) / (rSource + reflected) / (2 * Math.PI * henries);
    await expect.poll(corner).toBeGreaterThan(byHand * 0.95);
    expect(await corner()).toBeLessThan(byHand * 1.05);
  }
});

test('the turns ratio steps by keyboard and the output impedance follows', async ({ page }) => {
  const widget = await openWidget(page);
  const slider = widget.getByRole('slider', { name: 'Turns ratio (primary : secondary)', exact: true });
  await slider.focus();
  await page.keyboard.press('Home');
  await expect(slider).toHaveValue('2');
  await expect(widget.locator('[data-readout="zout"]')).toContainText(`= ${formatOhms(zoutByHand(2))}`);
  await page.keyboard.press('ArrowRight');
  await expect(slider).toHaveValue('2.1');
  await expect(widget.locator('[data-readout="zout"]')).toContainText(`= ${formatOhms(zoutByHand(2.1))}`);
  const select = widget.getByRole('combobox', { name: 'Output stage', exact: true });
  await select.focus();
  await select.selectOption('hybrid');
  await expect(widget.locator('[data-readout="zout"]')).toHaveText('0.5 Ω');
  await expect(slider).toHaveCount(0);
});

/** The model's band level for pink noise through H, relative to 1 kHz, in a third octave (dB). */
function modelBandDb(topology: Topology, headphoneId: string, centerHz: number): number {
  const h = responseIntoLoad(topologySource(topology, MEASURED_TRANSFORMER), headphoneById(headphoneId).impedance);
  const { lowHz, highHz } = thirdOctaveBandEdgesHz(centerHz);
  const steps = 200;
  let sum = 0;
  for (let i = 0; i < steps; i++) sum += 10 ** (relativeResponseDbAtHz(h, lowHz * (highHz / lowHz) ** ((i + 0.5) / steps)) / 10);
  return 10 * Math.log10(sum / steps);
}

for (const [topology, label, centerHz] of [
  ['transformer', 'Output transformer', 40],
  ['otl', 'OTL cathode follower', 63],
] as const) {
  test(`rendered pink noise through B (${topology} into the 32 Ω closed-back) carries the plotted ${centerHz} Hz vs 1 kHz difference`, async ({ page }) => {
    test.setTimeout(120_000);
    const widget = await openWidget(page);
    await widget.getByRole('combobox', { name: 'Output stage', exact: true }).selectOption({ label });
    await widget.getByRole('combobox', { name: 'Program', exact: true }).selectOption({ label: 'Pink noise' });
    const a = await downloadWav(page, 'Download A');
    const b = await downloadWav(page, 'Download B');
    expect(b.fileName).toMatch(new RegExp(`tube-output-${topology}-closed-32-B\\.wav$`));
    const level = (wav: typeof a, hz: number) => thirdOctaveLevelDb(wav.channels[0] ?? new Float32Array(), wav.sampleRateHz, hz);
    const measuredDb = level(b, centerHz) - level(b, 1000) - (level(a, centerHz) - level(a, 1000));
    const modelDb = modelBandDb(topology, 'closed-32', centerHz) - modelBandDb(topology, 'closed-32', 1000);
    expect(Math.abs(modelDb)).toBeGreaterThan(0.8); // the comparison must be able to fail
    expect(Math.abs(measuredDb - modelDb)).toBeLessThanOrEqual(0.4);
    expect(Math.abs(integratedLoudnessLufs(a.channels, a.sampleRateHz) - integratedLoudnessLufs(b.channels, b.sampleRateHz))).toBeLessThanOrEqual(0.2);
  });
}

test('Play starts and Stop stops, with the chosen output on B', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const widget = await openWidget(page);
  await widget.getByRole('button', { name: 'Play' }).click();
  await expect(widget.locator('[data-play-state="playing"]')).toHaveCount(1, { timeout: 20_000 });
  await widget.getByRole('radio', { name: /^B/ }).check();
  await setRange(widget.getByRole('slider', { name: 'Turns ratio (primary : secondary)', exact: true }), 6);
  await page.waitForTimeout(300);
  await widget.getByRole('button', { name: 'Stop' }).click();
  await expect(widget.locator('[data-play-state="stopped"]')).toHaveCount(1);
  expect(errors).toEqual([]);
});

test('axe finds nothing on the lesson with its widget, and at 375 px nothing scrolls sideways', async ({ page }) => {
  await openWidget(page);
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  await page.setViewportSize({ width: 375, height: 800 });
  await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
});
