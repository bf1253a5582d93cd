// The output-impedance widget answers pointer and keyboard, and its readouts state the physics of the
// divider H = Zhp / (Zhp + Zout), with expected values computed by hand here.
import { expect, test, type Page } from '@playwright/test';
import { hydrateWidget, setRange } from './helpers';

const LESSON = '/lessons/output-impedance/';
const WIDGET = '[data-widget="output-impedance"]';

async function openWidget(page: Page) {
  await page.goto(LESSON);
  return hydrateWidget(page, WIDGET);
}

// The 300 Ω illustrative model (REFERENCES §1): Re 300 Ω, Res 220 Ω → |Z| = 520 Ω at fs = 90 Hz.
const relativeBassDb = (reOhms: number, resOhms: number, zoutOhms: number) =>
  20 * Math.log10((reOhms + resOhms) / (reOhms + resOhms + zoutOhms)) - 20 * Math.log10(reOhms / (reOhms + zoutOhms));

test('the IEC 61938 preset lifts the 300 Ω dynamic by the divider’s bass boost at its 90 Hz resonance', async ({ page }) => {
  const widget = await openWidget(page);
  await widget.getByRole('combobox', { name: 'Headphone', exact: true }).selectOption({ label: '300 Ω open dynamic (HD600-class)' });
  await widget.getByRole('button', { name: 'IEC 61938 120 Ω' }).click();
  await expect(widget.getByRole('slider', { name: 'Output impedance', exact: true })).toHaveValue('120');
  const expectedDb = relativeBassDb(300, 220, 120); // ≈ +1.12 dB
  const text = (await widget.locator('[data-readout="deviation"]').textContent()) ?? '';
  const match = /([+−-]\d+\.\d) dB at (\d+) Hz/.exec(text);
  expect(match, text).not.toBeNull();
  const shownDb = Number((match?.[1] ?? '').replace('−', '-'));
  expect(Math.abs(shownDb - expectedDb)).toBeLessThanOrEqual(0.06);
  expect(Math.abs(Number(match?.[2]) - 90)).toBeLessThanOrEqual(3);
  await expect(widget.locator('[data-readout="damping"]')).toContainText('2.5'); // 300 Ω / 120 Ω
  await expect(widget.locator('[data-readout="eighth-rule"]')).toContainText('Not met');
});

test('the output-impedance slider steps with the keyboard and the readouts follow', async ({ page }) => {
  const widget = await openWidget(page);
  const slider = widget.getByRole('slider', { name: 'Output impedance', exact: true });
  await slider.focus();
  await page.keyboard.press('Home');
  await expect(slider).toHaveValue('0');
  await expect(widget.locator('[data-readout="deviation"]')).toHaveText('none (flat)');
  await expect(widget.locator('[data-readout="damping"]')).toContainText('unbounded');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(slider).toHaveValue('1');
  await expect(widget.locator('.slider-head output').first()).toHaveText('1 Ω');
  await expect(widget.locator('[data-readout="damping"]')).toContainText('300'); // 300 Ω / 1 Ω
  await expect(widget.locator('[data-readout="eighth-rule"]')).toContainText('Met');
});

test('a planar barely notices a 120 Ω source while the multi-BA IEM swings by several dB', async ({ page }) => {
  const widget = await openWidget(page);
  await setRange(widget.getByRole('slider', { name: 'Output impedance', exact: true }), 120);
  const deviation = async () => {
    const text = (await widget.locator('[data-readout="deviation"]').textContent()) ?? '';
    return Math.abs(Number((/([+−-]\d+\.\d) dB/.exec(text)?.[1] ?? 'NaN').replace('−', '-')));
  };
  await widget.getByRole('combobox', { name: 'Headphone', exact: true }).selectOption({ label: 'Planar magnetic (nearly flat)' });
  expect(await deviation()).toBeLessThan(0.5);
  await widget.getByRole('combobox', { name: 'Headphone', exact: true }).selectOption({ label: 'Multi-driver balanced-armature IEM' });
  expect(await deviation()).toBeGreaterThan(3);
});

test('the response plot gives a readout under the pointer and under keyboard focus', async ({ page }) => {
  const widget = await openWidget(page);
  const figure = widget.locator('figure', { hasText: 'Figure 2' });
  const plot = figure.locator('[tabindex="0"]').first();
  const readout = figure.locator('output');
  const box = await plot.boundingBox();
  expect(box).not.toBeNull();
  if (!box) return;
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.5);
  await expect(readout).toContainText('Hz');
  await plot.focus();
  await page.keyboard.press('Home');
  const first = await readout.textContent();
  await page.keyboard.press('ArrowRight');
  await expect(readout).not.toHaveText(first ?? '');
  await expect(readout).toContainText('dB');
});

test('each plot has a text alternative: a summary and a data table', async ({ page }) => {
  const widget = await openWidget(page);
  for (const name of ['Figure 1', 'Figure 2']) {
    const figure = widget.locator('figure', { hasText: name });
    await expect(figure.locator('figcaption')).toContainText(/\d/);
    await figure.getByText('Data table').click();
    expect(await figure.locator('table tbody tr').count()).toBeGreaterThanOrEqual(5);
  }
});

test('focusing a part of the schematic says what it does, and its labels follow the controls', async ({ page }) => {
  const widget = await openWidget(page);
  await widget.getByRole('combobox', { name: 'Headphone', exact: true }).selectOption({ label: '300 Ω open dynamic (HD600-class)' });
  await setRange(widget.getByRole('slider', { name: 'Output impedance', exact: true }), 47);
  const zout = widget.locator('figure svg [tabindex="0"]', { hasText: 'Zout' }).first();
  await expect(zout).toContainText('47');
  await zout.focus();
  await expect(widget.locator('[aria-live="polite"]', { hasText: 'Zout' }).first()).toContainText('output impedance');
});

test('predict and check questions give feedback for the chosen answer', async ({ page }) => {
  await page.goto(LESSON);
  const question = page.locator('form[data-question]').first();
  await question.getByRole('button').click();
  await expect(question.locator('.feedback')).toHaveText('Choose a prediction first.');
  await question.getByRole('radio').first().check();
  await question.getByRole('button').click();
  await expect(question.locator('.feedback')).toHaveText(/^(Right|Not quite)\. \S/);
});

// Complex numbers as [re, im], enough for the driver's closed form.
type C = readonly [number, number];
const cAdd = (a: C, b: C): C => [a[0] + b[0], a[1] + b[1]];
const cDiv = (a: C, b: C): C => {
  const d = b[0] * b[0] + b[1] * b[1];
  return [(a[0] * b[0] + a[1] * b[1]) / d, (a[1] * b[0] - a[0] * b[1]) / d];
};
const cAbs = (a: C): number => Math.hypot(a[0], a[1]);

/**
 * The 300 Ω model's Z(f) = Re + jωLe + (Res ∥ jωLes ∥ 1/(jωCes)), Les = Res/(2π·fs·Qms), Ces = Qms/(2π·fs·Res):
 * Re 300 Ω, Le 0.2 mH, Res 220 Ω, fs 90 Hz, Qms 2 (REFERENCES §1).
 */
function dynamic300Ohms(frequencyHz: number): C {
  const w = 2 * Math.PI * frequencyHz;
  const ws = 2 * Math.PI * 90;
  const les = 220 / (ws * 2);
  const ces = 2 / (ws * 220);
  const admittance: C = [1 / 220, w * ces - 1 / (w * les)];
  return cAdd([300, w * 0.2e-3], cDiv([1, 0], admittance));
}

test('the "matched" preset (Zout = the nominal 300 Ω) throws away half the voltage, −6.02 dB, and lifts the bass resonance by the divider’s closed form', async ({ page }) => {
  const widget = await openWidget(page);
  await widget.getByRole('combobox', { name: 'Headphone', exact: true }).selectOption({ label: '300 Ω open dynamic (HD600-class)' });
  await widget.getByRole('button', { name: /^Matched: 300 Ω/ }).click();
  await expect(widget.getByRole('slider', { name: 'Output impedance', exact: true })).toHaveValue('300');
  const halfDb = 20 * Math.log10(300 / (2 * 300));
  expect(halfDb).toBeCloseTo(-6.02, 2);
  await expect(widget.locator('[data-readout="nominal-loss"]')).toContainText(`−${Math.abs(halfDb).toFixed(2)} dB`);
  await expect(widget.locator('[data-readout="nominal-loss"]')).toContainText('half the voltage');
  const divider = (f: number) => cAbs(cDiv(dynamic300Ohms(f), cAdd(dynamic300Ohms(f), [300, 0])));
  const atResonanceDb = 20 * Math.log10(divider(90)) - 20 * Math.log10(divider(1000));
  expect(atResonanceDb).toBeGreaterThan(2);
  await expect(widget.locator('[data-readout="at-resonance"]')).toHaveText(`+${atResonanceDb.toFixed(2)} dB`);
});
