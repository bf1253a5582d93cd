// The circuit lab (/lab/circuit/, issue #17) in Chromium: nothing of the engine loads before Run; a 12AX7 stage's gain
// at 1 kHz and its transfer curve's slope follow the textbook µ·R/(R + rp + (µ + 1)·Rk) (µ and rp from Koren's
// equation at the operating point ngspice reports, R = Ra ∥ RL) when the plate resistor goes from 100 kΩ to 220 kΩ;
// the circuit survives the trip through its URL; a broken netlist shows ngspice's own words and a runaway analysis
// is stopped (the test shortens the 20 s limit to 15 s with the page's spiceTimeLimit parameter: a healthy transient
// takes up to 5 s on a busy machine), and Run works after each; axe finds nothing; nothing scrolls sideways at 375 px.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { DC_SWEEP_SPAN_OF_DRIVE } from '../../src/components/lab/circuit/labDecks';
import { harmonicLevels } from '../../src/dsp/analysis/harmonics';
import { KOREN_12AX7, korenOperatingPoint } from '../../src/dsp/circuits/koren';
import { downloadWav, setRange, waitForIslands } from './helpers';

const PAGE = '/lab/circuit/';
/** The engine and the analysis and results code (a stylesheet the bundler preloads with the Netlist tab is not code). */
const ENGINE_REQUEST = /(spiceWorker|labRun|LabResults)[^/]*\.js$/;
/** Agreement with the closed form: ngspice's op point as the table prints it (4 digits) and the AC sweep's interpolation. */
const GAIN_TOLERANCE = 0.02;
/** Run takes a few seconds alone (engine 3 s, transient 2 s); far longer on a machine shared with other test runs. */
const RUN_MS = 90_000;

async function open(page: Page, query = ''): Promise<void> {
  await page.goto(`${PAGE}${query}`);
  await waitForIslands(page);
}

async function runAndWait(page: Page): Promise<string> {
  await page.getByRole('button', { name: /^Run( again)?$/ }).click();
  const lab = page.locator('.circuit-lab');
  await expect(lab).toHaveAttribute('data-run-phase', /done|failed/, { timeout: RUN_MS });
  return (await lab.getAttribute('data-run-phase')) ?? '';
}

async function opVolts(page: Page, vector: string): Promise<number> {
  return Number(await page.locator(`[data-lab="operating-point"] tr[data-vector="${vector}"]`).getAttribute('data-value'));
}

/** The textbook gain of the common-cathode stage at ngspice's operating point, with Rk unbypassed and Ra ∥ RL on the plate. */
async function closedFormGain(page: Page, plateOhms: number, loadOhms: number, cathodeOhms: number): Promise<number> {
  const plate = await opVolts(page, 'v(p)');
  const cathode = await opVolts(page, 'v(k)');
  const { plateConductanceSiemens, transconductanceSiemens } = korenOperatingPoint(KOREN_12AX7, plate - cathode, -cathode);
  const rp = 1 / plateConductanceSiemens;
  const mu = transconductanceSiemens * rp;
  const r = 1 / (1 / plateOhms + 1 / loadOhms);
  return (mu * r) / (r + rp + (mu + 1) * cathodeOhms);
}

test.describe.configure({ mode: 'serial' });

test('nothing of the engine is requested before Run, and Run loads it with no error or policy violation', async ({ page }) => {
  test.setTimeout(RUN_MS + 30_000);
  const requested: string[] = [];
  const problems: string[] = [];
  page.on('request', (request) => requested.push(request.url()));
  page.on('console', (message) => {
    if (message.type() === 'error' || /content.security.policy/i.test(message.text())) problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  await open(page);
  await page.mouse.wheel(0, 4000);
  await page.getByRole('tab', { name: 'Netlist' }).click();
  await expect(page.getByLabel('Netlist (ngspice)')).toHaveValue(/Vin in 0 DC 0/);
  await page.waitForLoadState('networkidle');
  expect(requested.filter((url) => ENGINE_REQUEST.test(url))).toEqual([]);
  expect(await runAndWait(page)).toBe('done');
  expect(requested.some((url) => /spiceWorker/.test(url))).toBe(true);
  expect(problems).toEqual([]);
  console.log(`Circuit lab, first Run: ${await page.locator('[data-lab="status"]').innerText()}`);
});

test("the gain readout and the transfer curve follow the textbook gain as the plate resistor goes from 100 kΩ to 220 kΩ", async ({ page }) => {
  test.setTimeout(3 * RUN_MS);
  await open(page);
  expect(await runAndWait(page)).toBe('done');
  const gain = async () => Number(await page.locator('[data-lab="gain"]').getAttribute('data-gain'));
  const slope = async () => Number(await page.locator('[data-lab="transfer"]').getAttribute('data-slope'));
  const before = await gain();
  const expectedBefore = await closedFormGain(page, 100e3, 220e3, 1500);
  expect(Math.abs(before / expectedBefore - 1)).toBeLessThan(GAIN_TOLERANCE);
  expect(Math.abs(-(await slope()) / expectedBefore - 1)).toBeLessThan(GAIN_TOLERANCE);
  await expect(page.locator('[data-lab="gain"]')).toContainText(/Gain at 1 kHz: \+[\d.]+ dB \([\d.]+ V\/V\)/);

  await page.getByLabel('Ra, plate resistor').fill('220');
  await expect(page.locator('[data-lab="stale"]')).toBeVisible();
  await expect(page).toHaveURL(/ra=220/);
  expect(await runAndWait(page)).toBe('done');
  await expect(page.locator('[data-lab="stale"]')).toHaveCount(0);
  const after = await gain();
  const expectedAfter = await closedFormGain(page, 220e3, 220e3, 1500);
  expect(Math.abs(after / expectedAfter - 1)).toBeLessThan(GAIN_TOLERANCE);
  expect(Math.abs(-(await slope()) / expectedAfter - 1)).toBeLessThan(GAIN_TOLERANCE);
  expect(after).toBeGreaterThan(before * 1.1);
  // The unedited stage is drawn dashed beside the reader's.
  await expect(page.locator('#cl-transfer .plot-legend')).toContainText('Original 12AX7');
  await expect(page.locator('#cl-transfer path.plot-series--dashed')).toHaveCount(1);
  await expect(page.locator('[data-lab="gain"]')).toContainText('The original:');

  // The same URL, opened afresh, is the same circuit and runs to the same gain.
  const shared = page.url();
  const other = await page.context().newPage();
  await open(other, new URL(shared).search);
  await expect(other.getByLabel('Ra, plate resistor')).toHaveValue('220');
  expect(await runAndWait(other)).toBe('done');
  expect(Number(await other.locator('[data-lab="gain"]').getAttribute('data-gain'))).toBeCloseTo(after, 6);
  await other.close();
});

test("an edited netlist survives the URL; a broken one shows ngspice's words and a runaway one is stopped; Run works after each", async ({ page }) => {
  test.setTimeout(4 * RUN_MS);
  await open(page, '?spiceTimeLimit=15');
  await page.getByRole('tab', { name: 'Netlist' }).click();
  const netlist = page.getByLabel('Netlist (ngspice)');
  await expect(netlist).toHaveValue(/Vin in 0 DC 0/);
  const good = await netlist.inputValue();

  await netlist.fill(good.replace(/^\.end$/m, 'Qbroken out nowhere\n.end'));
  await expect(page).toHaveURL(/netlist=/);
  const brokenUrl = page.url();
  expect(await runAndWait(page)).toBe('failed');
  const error = page.getByRole('alert').filter({ hasText: 'ngspice said' });
  await expect(error).toContainText(/qbroken/i);
  await expect(error).toContainText('ngspice could not run this netlist.');
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

  const reopened = await page.context().newPage();
  await open(reopened, new URL(brokenUrl).search);
  await expect(reopened.getByRole('tab', { name: 'Netlist' })).toHaveAttribute('aria-selected', 'true');
  await expect(reopened.getByLabel('Netlist (ngspice)')).toHaveValue(/Qbroken out nowhere/);
  await reopened.close();

  await netlist.fill(good.replace(/^\.end$/m, '.tran 1e-9 10 0 1e-9\n.end'));
  expect(await runAndWait(page)).toBe('failed');
  await expect(page.locator('[data-lab="error"]')).toContainText(/still simulating after 15 s, so it was stopped/);
  await expect(page.locator('[data-lab="error"]')).toContainText('Make the step larger or the time shorter');

  await page.getByRole('button', { name: /Undo my edits/ }).click();
  expect(await runAndWait(page)).toBe('done');
  await expect(page.locator('[data-lab="gain"]')).toContainText('Gain at 1 kHz');
});

test('with results on screen, axe finds nothing and nothing scrolls sideways at 375 px', async ({ page }) => {
  test.setTimeout(RUN_MS + 30_000);
  await page.setViewportSize({ width: 375, height: 800 });
  await open(page, '?stage=follower');
  expect(await runAndWait(page)).toBe('done');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  await page.getByRole('tab', { name: 'Netlist' }).click();
  await expect(page.getByLabel('Netlist (ngspice)')).toHaveValue(/Vbias gb 0/);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
});

/** The built-in 1 kHz sine's peak, dBFS (SINE_PEAK_DBFS of src/audio/program.ts, which Node can't import: it loads worklet URLs). */
const SINE_PEAK_DBFS = -12;
/** Music peaks, dBFS (MUSIC_PEAK_DBFS of src/audio/programLevels.ts): the drive slider's volts are where they reach at the input. */
const MUSIC_PEAK_DBFS = -3;
/** Harmonics below this in SPICE's transient are not compared: the float32 render's own floor is near. */
const COMPARED_FLOOR_DB = -90;

/**
 * The 1 kHz sine's peak at the stage's input in the Listen panel, volts. The drive slider's 0 dB puts the music's
 * peaks (MUSIC_PEAK_DBFS) at MUSIC_PEAK_DBFS below the widest input the DC sweep covers (twice the test sine's peak
 * each way), so program full scale is that widest input, lowered by the slider; the sine peaks at SINE_PEAK_DBFS.
 */
function listenedSinePeakVolts(testSinePeakVolts: number, driveDb: number): number {
  const fullScaleVolts = DC_SWEEP_SPAN_OF_DRIVE * testSinePeakVolts * 10 ** ((driveDb + MUSIC_PEAK_DBFS) / 20) / 10 ** (MUSIC_PEAK_DBFS / 20);
  return fullScaleVolts * 10 ** (SINE_PEAK_DBFS / 20);
}

test("Hear it: the rendered sound's harmonics are SPICE's full transient's at the same level, within 1 dB, and move with the plate resistor as SPICE's do", async ({ page }) => {
  test.setTimeout(6 * RUN_MS);
  await open(page);
  const testSine = page.getByLabel(/^Test sine peak at the input/);
  const panel = page.locator('[data-circuit-listen]');
  const secondHarmonics: { rendered: number; spice: number }[] = [];
  for (const plateKiloOhms of ['100', '220']) {
    await page.getByLabel('Ra, plate resistor').fill(plateKiloOhms);
    expect(await runAndWait(page)).toBe('done');
    await panel.getByLabel('Program').selectOption('sine');
    const drive = panel.getByLabel('Drive (music peaks at the input)');
    await setRange(drive, 0);
    const sinePeakVolts = listenedSinePeakVolts(Number(await testSine.inputValue()), Number(await drive.inputValue()));
    const wav = await downloadWav(page, 'Download B', panel);
    const left = wav.channels[0] as Float32Array;
    const rendered = harmonicLevels(left.subarray(wav.sampleRateHz, 4 * wav.sampleRateHz), wav.sampleRateHz, 1000, 4).harmonicsDb;

    // SPICE's full transient of the same circuit with its test sine at the level the Listen panel played.
    await testSine.fill(sinePeakVolts.toPrecision(6));
    expect(await runAndWait(page)).toBe('done');
    await expect(panel.locator('[data-harmonics-comparison] tbody tr')).toHaveCount(4);
    const spice = await panel.locator('[data-spice-db]').evaluateAll((cells) => cells.map((cell) => Number(cell.getAttribute('data-spice-db'))));
    const compared = spice.flatMap((db, index) => (db > COMPARED_FLOOR_DB ? [index] : []));
    expect(compared).toContain(0);
    for (const index of compared) {
      expect(Math.abs((rendered[index] as number) - (spice[index] as number)), `Ra ${plateKiloOhms} kΩ, harmonic ${index + 2}: rendered ${rendered[index]} dB, SPICE ${spice[index]} dB`).toBeLessThan(1);
    }
    secondHarmonics.push({ rendered: rendered[0] as number, spice: spice[0] as number });
    console.log(`Circuit lab, Ra ${plateKiloOhms} kΩ at ${sinePeakVolts.toPrecision(3)} V peak: harmonics rendered ${rendered.map((db) => db.toFixed(1)).join(', ')} dB; SPICE ${spice.map((db) => db.toFixed(1)).join(', ')} dB`);
  }
  // The plate resistor's change moves the rendered 2nd harmonic by what SPICE says, within 1 dB.
  const [at100, at220] = secondHarmonics as [{ rendered: number; spice: number }, { rendered: number; spice: number }];
  expect(Math.abs(at220.rendered - at100.rendered - (at220.spice - at100.spice))).toBeLessThan(1);
});
