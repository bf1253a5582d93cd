// The amplifier stages heard: THD measured on the rendered audio of each stage (Download B, 1 kHz sine program)
// agrees with the model's THD for the same sine within 1 dB at three drives; the triode's 2nd harmonic beats its
// 3rd; at 20 dB below full swing class B is at least 10 dB worse than class AB; no render peaks above −1 dBFS.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { harmonicLevels, predictedThd, thd } from '../../src/dsp/analysis/harmonics';
import { peakAbs } from '../../src/dsp/spectrum';
import '../../src/components/widgets/ampStage/allStages';
import { DEFAULT_AMP_STAGE_SETTINGS, drivePeakVolts, stageView, type AmpStageSettings } from '../../src/components/widgets/ampStage/views';
import { downloadWav, hydrateWidget, setRange } from './helpers';

/** The sine program sits at −12 dBFS, 9 dB below the music's −3 dBFS peaks that the drive refers to. */
const SINE_BELOW_DRIVE = 10 ** ((-12 - -3) / 20);
const CEILING = 10 ** (-1 / 20);

async function openStage(page: Page, lesson: string, prefix: string): Promise<Locator> {
  await page.goto(lesson);
  const widget = await hydrateWidget(page, `[data-widget="amp-stage"]:has(#${prefix}-drive)`);
  await widget.getByRole('combobox', { name: 'Program' }).selectOption('sine');
  return widget;
}

/** THD of the 1 kHz tone in a rendered WAV (left channel, the middle 8 s). */
async function renderedThdDb(page: Page): Promise<{ db: number; secondDb: number; thirdDb: number; peak: number }> {
  const wav = await downloadWav(page, 'Download B');
  const left = (wav.channels[0] as Float32Array).subarray(wav.sampleRateHz, wav.sampleRateHz * 9);
  const levels = harmonicLevels(left, wav.sampleRateHz, 1000, 10);
  return {
    db: thd(levels).db,
    secondDb: levels.harmonicsDb[0] ?? Number.NaN,
    thirdDb: levels.harmonicsDb[1] ?? Number.NaN,
    peak: Math.max(...wav.channels.map((c) => peakAbs(c))),
  };
}

/** The model's THD for the sine program at a drive, from the stage's own transfer curve (no audio involved). */
function modelThdDb(settings: AmpStageSettings, driveDb: number): number {
  const view = stageView(settings);
  const q = view.stage.quiescentOutputVolts;
  return predictedThd((v) => view.stage.transferVolts(v) - q, drivePeakVolts(view, driveDb) * SINE_BELOW_DRIVE, 1000).db;
}

const CASES = [
  { name: 'op-amp stage clipping', lesson: '/lessons/amplification/', prefix: 'amp', settings: { kind: 'opamp' }, drives: [10, 11, 12] },
  { name: 'triode stage (12AU7)', lesson: '/lessons/tube-vs-solid-state/', prefix: 'tvs', settings: { kind: 'triode' }, drives: [-20, -10, 0] },
  { name: 'class B push-pull stage', lesson: '/lessons/output-stage-classes/', prefix: 'cls', settings: { kind: 'pushpull', pushPullClass: 'B' }, drives: [-20, -10, 0] },
] as const;

for (const c of CASES) {
  test(`${c.name}: THD of the rendered audio is the model's within 1 dB at three drives`, async ({ page }) => {
    test.setTimeout(180_000);
    const widget = await openStage(page, c.lesson, c.prefix);
    if (c.settings.kind === 'pushpull') await widget.getByRole('combobox', { name: 'Class' }).selectOption('B');
    const settings: AmpStageSettings = { ...DEFAULT_AMP_STAGE_SETTINGS, ...c.settings };
    for (const driveDb of c.drives) {
      await setRange(widget.getByRole('slider', { name: /^Drive/ }), driveDb);
      await expect(widget.getByRole('slider', { name: /^Drive/ })).toHaveValue(String(driveDb));
      const expected = modelThdDb(settings, driveDb);
      expect(expected).toBeGreaterThan(-80);
      const measured = await renderedThdDb(page);
      expect(Math.abs(measured.db - expected), `drive ${driveDb} dB: measured ${measured.db.toFixed(2)} dB, model ${expected.toFixed(2)} dB`).toBeLessThan(1);
      expect(measured.peak).toBeLessThanOrEqual(CEILING);
    }
  });
}

test('the triode stage at moderate drive makes more 2nd harmonic than 3rd, in the rendered audio', async ({ page }) => {
  test.setTimeout(120_000);
  const widget = await openStage(page, '/lessons/tube-vs-solid-state/', 'tvs');
  await widget.getByRole('combobox', { name: 'Stage' }).selectOption('triode');
  await setRange(widget.getByRole('slider', { name: /^Drive/ }), -3);
  const measured = await renderedThdDb(page);
  expect(measured.secondDb).toBeGreaterThan(measured.thirdDb + 6);
});

test('20 dB below full swing, class B is at least 10 dB worse than class AB, in the rendered audio', async ({ page }) => {
  test.setTimeout(120_000);
  const widget = await openStage(page, '/lessons/output-stage-classes/', 'cls');
  // The sine program is 9 dB below the drive: a drive of −11 dB puts the sine 20 dB below full swing (1.2 V peak in).
  // At 30 dB below (0.38 V) the whole class B sine falls inside the ±0.57 V dead zone and nothing comes out at all;
  // the unit tests compare the two classes there on the model.
  await setRange(widget.getByRole('slider', { name: /^Drive/ }), -11);
  await widget.getByRole('combobox', { name: 'Class' }).selectOption('AB');
  const classAb = await renderedThdDb(page);
  await widget.getByRole('combobox', { name: 'Class' }).selectOption('B');
  const classB = await renderedThdDb(page);
  expect(Number.isFinite(classB.db) && Number.isFinite(classAb.db)).toBe(true);
  expect(classB.db).toBeGreaterThan(classAb.db + 10);
});

test('at full volume and the hardest drive, no stage renders a peak above −1 dBFS', async ({ page }) => {
  test.setTimeout(120_000);
  const widget = await openStage(page, '/lessons/amplification/', 'amp');
  await widget.getByRole('combobox', { name: 'Program' }).selectOption('music');
  await setRange(widget.getByRole('slider', { name: 'Volume' }), 0);
  await setRange(widget.getByRole('slider', { name: /^Drive/ }), 12);
  const wav = await downloadWav(page, 'Download B');
  expect(Math.max(...wav.channels.map((c) => peakAbs(c)))).toBeLessThanOrEqual(CEILING);
});

for (const [lesson, id, because] of [
  ['/lessons/amplification/', 'ax-clip', /flattens every peak: THD/],
  ['/lessons/tube-vs-solid-state/', 'ax-triode', /mostly 2nd harmonic: THD/],
  ['/lessons/output-stage-classes/', 'ax-crossover', /in class B against .* in class AB/],
  ['/lessons/portable-vs-desktop/', 'ax-supply', /±2\.5 V rails minus the output.s dropout/],
] as const) {
  test(`the stage exercise on ${lesson} plays, takes an answer and explains it with the model's THD`, async ({ page }) => {
    await page.goto(lesson);
    const exercise = await hydrateWidget(page, `[data-widget="exercise-${id}"]`);
    await exercise.getByRole('button', { name: 'Play sound 1' }).click();
    await expect(exercise.getByRole('button', { name: 'Play sound 1' })).toHaveAttribute('aria-pressed', 'true', { timeout: 20_000 });
    await exercise.getByRole('group', { name: 'Your answer' }).getByRole('button', { name: 'Sound 1' }).click();
    await expect(exercise.locator('.exercise-feedback')).toHaveText(/^(Right|Not this time): sound [12] was /);
    await expect(exercise.locator('.exercise-feedback')).toContainText(because);
  });
}

test('the supply widget: USB ±2.5 V with a rail-to-rail op-amp gives the HD 650 its loudest clean level, computed by hand', async ({ page }) => {
  await page.goto('/lessons/portable-vs-desktop/');
  const widget = await hydrateWidget(page, '[data-widget="supply"]');
  await widget.getByRole('combobox', { name: 'Supply' }).selectOption('usb');
  await widget.getByRole('combobox', { name: 'Op-amp output' }).selectOption('rail-to-rail');
  await widget.getByRole('combobox', { name: 'Headphone' }).selectOption('sennheiser-hd650');
  // 2.5 V rail − 0.2 V dropout − 0.2 V knee = 2.1 V at the pin; × 300/(300 + 1 Ω build-out) at the headphone.
  const swingPeak = 2.1 * (300 / 301);
  await expect(widget.locator('[data-readout="swing"]')).toContainText(`${swingPeak.toFixed(2)} V peak`);
  await expect(widget.locator('[data-readout="loudest"]')).toContainText(`${(103 + 20 * Math.log10(swingPeak / Math.SQRT2)).toFixed(1)} dB SPL`);
  // Two 9 V NiMH (250 mAh) with the O2's ≈ 31 mA idle: the HD 650 at 85 dB draws 10^((85 − 103)/20) V / 300 Ω = 0.42 mA
  // rms, each battery supplies half-cycles, ≈ 0.45 × that on average, so 0.25 Ah / 31.2 mA ≈ 8.0 hours.
  await widget.getByRole('combobox', { name: 'Supply' }).selectOption('two-9v');
  await widget.getByRole('combobox', { name: 'Battery' }).selectOption('nimh-9v');
  await widget.getByRole('combobox', { name: "Amplifier's idle current" }).selectOption('objective2');
  const musicAmps = (((Math.SQRT2 / Math.PI) * 10 ** ((85 - 103) / 20)) / 300);
  await expect(widget.locator('[data-readout="battery"]')).toContainText(`about ${(0.25 / (0.031 + musicAmps)).toFixed(1)} hours`);
  await widget.getByRole('combobox', { name: 'Supply' }).selectOption('mains-15');
  await expect(widget.locator('[data-readout="battery"]')).toHaveText(/runs from the mains/);
  await expect(widget.locator('[data-readout="battery"]')).not.toContainText('hour');
});

// The O2's output stage from its measured clip points (SBAF: 7.24 Vrms into 300 Ω, 4.24 Vrms into 33 Ω on ±12 V;
// JDS Labs: 0.54 Ω), with the model's 0.2 V knee: pin = √2·Vrms·(RL + 0.54)/RL at each clip point.
const O2_ZOUT_OHMS = 0.54;
const KNEE_VOLTS = 0.2;
const O2_DROPOUT_VOLTS = 12 - KNEE_VOLTS - (Math.SQRT2 * 7.24 * (300 + O2_ZOUT_OHMS)) / 300;
const O2_CURRENT_LIMIT_AMPS = ((Math.SQRT2 * 4.24 * (33 + O2_ZOUT_OHMS)) / 33 + KNEE_VOLTS) / (33 + O2_ZOUT_OHMS);

test('the op-amp stage names what clips it: the O2 at 32 Ω by its current limit on ±12 V and ±9 V alike, at 300 Ω by its rails', async ({ page }) => {
  await page.goto('/lessons/amplification/');
  const widget = await hydrateWidget(page, '[data-widget="amp-stage"]:has(#amp-drive)');
  const clip = widget.locator('[data-readout="clip-limit"]');
  const at32 = ((O2_CURRENT_LIMIT_AMPS * (32 + O2_ZOUT_OHMS) - KNEE_VOLTS) * 32) / (32 + O2_ZOUT_OHMS);
  expect(at32).toBeCloseTo(5.81, 2);
  await expect(clip).toContainText(`the output current limit (${Math.round(O2_CURRENT_LIMIT_AMPS * 1000)} mA), not the rails`);
  await expect(clip).toContainText(`clean to ${at32.toFixed(2)} V peak into 32 Ω`);
  await widget.getByRole('combobox', { name: 'Supply' }).selectOption('two-9v');
  await expect(clip).toContainText(`clean to ${at32.toFixed(2)} V peak into 32 Ω`);
  await expect(clip).toContainText('current limit');
  await widget.getByRole('combobox', { name: 'Headphone load' }).selectOption('300');
  const battery300 = ((9 - O2_DROPOUT_VOLTS - KNEE_VOLTS) * 300) / (300 + O2_ZOUT_OHMS);
  expect(battery300).toBeCloseTo(7.24, 2);
  await expect(clip).toContainText('the rails (±9.00 V');
  await expect(clip).toContainText(`clean to ${battery300.toFixed(2)} V peak into 300 Ω`);
  await widget.getByRole('combobox', { name: 'Supply' }).selectOption('o2-mains');
  await expect(clip).toContainText('the rails (±12.00 V');
  await expect(clip).toContainText(`clean to ${(7.24 * Math.SQRT2).toFixed(2)} V peak into 300 Ω`);
});

test('the supply widget shows no battery life on USB bus power, and offers only batteries that can make the chosen rails', async ({ page }) => {
  await page.goto('/lessons/portable-vs-desktop/');
  const widget = await hydrateWidget(page, '[data-widget="supply"]');
  await widget.getByRole('combobox', { name: 'Supply' }).selectOption('usb');
  await expect(widget.locator('[data-readout="battery"]')).toContainText('runs from the USB bus');
  await expect(widget.locator('[data-readout="battery"]')).not.toContainText('hour');
  await expect(widget.getByRole('combobox', { name: 'Battery' })).toHaveCount(0);
  // One cell split ±1.85 V: only Li-ion cells.
  await widget.getByRole('combobox', { name: 'Supply' }).selectOption('li-ion');
  const cellOptions = await widget.getByRole('combobox', { name: 'Battery' }).locator('option').allTextContents();
  expect(cellOptions.length).toBeGreaterThan(0);
  for (const option of cellOptions) expect(option).toContain('Li-ion');
  // Two batteries, ±9 V: only 9 V batteries.
  await widget.getByRole('combobox', { name: 'Supply' }).selectOption('two-9v');
  for (const option of await widget.getByRole('combobox', { name: 'Battery' }).locator('option').allTextContents()) expect(option).toContain('9 V');
  // A Li-ion cell stepped up to ±9 V: power is conserved. The O2's 31 mA idle from 18 V of rails is 0.56 W, 151 mA from
  // 3.7 V; with the HD 650 at 85 dB SPL each rail adds √2·I/π, I = 10^((85 − 103)/20) V / 300 Ω.
  await widget.getByRole('combobox', { name: 'Supply' }).selectOption('li-ion-boost');
  await widget.getByRole('combobox', { name: 'Headphone' }).selectOption('sennheiser-hd650');
  await widget.getByRole('combobox', { name: 'Battery' }).selectOption('li-ion-18650');
  await widget.getByRole('combobox', { name: "Amplifier's idle current" }).selectOption('objective2');
  const musicRailAmps = (Math.SQRT2 * (10 ** ((85 - 103) / 20) / 300)) / Math.PI;
  const drainAmps = (18 * (0.031 + musicRailAmps)) / 3.7;
  await expect(widget.locator('[data-readout="battery"]')).toContainText(`about ${(2.2 / drainAmps).toFixed(0)} hours`);
  await expect(widget.locator('[data-readout="battery"]')).toContainText('power is conserved');
});
