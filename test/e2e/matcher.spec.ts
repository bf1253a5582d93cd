// The matcher (/lab/matcher/): readouts equal values worked out here from published figures, the URL restores the
// state after a reload, bad entries get a message and never a NaN, the keyboard alone works, and the sound is what
// the readouts say: the clip at the largest clean peak voltage, the hiss at the source's noise voltage.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { averagedPowerSpectrum, bandLevelDb, peakAbs } from '../../src/dsp/spectrum';
import { downloadWav, hydrateWidget } from './helpers';

const MINUS = '\u2212';
const DEFAULT_VOLUME_GAIN = 10 ** (-20 / 20);
const MUSIC_PEAK = 10 ** (-3 / 20);
const SINE_PEAK_TO_RMS_DB = 20 * Math.log10(Math.SQRT2);
const fixed = (value: number, decimals: number) => value.toFixed(decimals).replace('-', MINUS);
const ear = (splDb: number) => `${fixed(splDb, 1)} dB SPL`;
const db = (value: number) => `${value >= 0 ? '+' : MINUS}${Math.abs(value).toFixed(1)} dB`;

/** Published figures (REFERENCES §2–3), written out here rather than read from the catalogue. */
const HD650_DB_PER_VOLT = 103;
const ANDROMEDA_DB_PER_VOLT = 112.8 + 10 * Math.log10(1000 / 12.8);
const O2_NOISE_VOLTS = 0.7746 * 10 ** (-109 / 20);
const MAGNI_2_NOISE_VOLTS = 1 * 10 ** (-102 / 20);
const divider = (loadOhms: number, outputImpedanceOhms: number) => loadOhms / (loadOhms + outputImpedanceOhms);

async function openMatcher(page: Page, query = ''): Promise<Locator> {
  await page.goto(`/lab/matcher/${query}`);
  return hydrateWidget(page, '[data-widget="matcher"]');
}

const readout = (widget: Locator, name: string) => widget.locator(`[data-readout="${name}"]`);

test.describe('readouts equal values computed by hand', () => {
  test('HD650 on the O2 (JDS build: 1.0× or 3.3× after a 2 V DAC) at 85 dB SPL, 15 dB crest', async ({ page }) => {
    const widget = await openMatcher(page);
    await widget.getByRole('combobox', { name: 'Headphone', exact: true }).selectOption('sennheiser-hd650');
    await widget.getByRole('combobox', { name: 'Source', exact: true }).selectOption('objective2');
    await widget.getByRole('combobox', { name: 'Gain setting', exact: true }).selectOption('low');
    // Full volume at 1.0×: 2 V through the 0.54 Ω divider, far below the 7.24 V the O2 measured into 300 Ω: gain sets the limit.
    const lowVolts = 2 * 1.0 * divider(300, 0.54);
    const low = HD650_DB_PER_VOLT + 20 * Math.log10(lowVolts);
    await expect(readout(widget, 'loudest')).toContainText(`${ear(low)} (${lowVolts.toFixed(2)} V rms`);
    await expect(readout(widget, 'loudest')).toContainText('set by gain');
    await expect(readout(widget, 'headroom')).toHaveText(db(low + SINE_PEAK_TO_RMS_DB - 15 - 85));
    await expect(readout(widget, 'hiss')).toContainText(ear(HD650_DB_PER_VOLT + 20 * Math.log10(O2_NOISE_VOLTS * divider(300, 0.54))));
    // 85 dB needs 10^((85 − 103)/20) = 126 mV; NIOSH allows 8 h at 85 dB.
    await expect(readout(widget, 'need')).toContainText(`${(10 ** ((85 - 103) / 20)).toFixed(2)} V rms`);
    await expect(readout(widget, 'exposure')).toHaveText('8.0 hours');

    await widget.getByRole('combobox', { name: 'Gain setting', exact: true }).selectOption('high');
    const highVolts = 2 * 3.3 * divider(300, 0.54);
    await expect(readout(widget, 'loudest')).toContainText(ear(HD650_DB_PER_VOLT + 20 * Math.log10(highVolts)));
    await expect(readout(widget, 'hiss')).toHaveText('not published for this source');
  });

  test('Andromeda on the Apple USB-C adapter (1 V, 0.9 Ω, 113 dB SNR)', async ({ page }) => {
    const widget = await openMatcher(page, '?hp=campfire-andromeda&src=apple-usbc-adapter&level=80&crest=15');
    // Full scale is 1 V open circuit: into 12.8 Ω through 0.9 Ω, 1 V × 12.8/13.7. Full volume is the limit.
    const cleanVolts = 1.0 * divider(12.8, 0.9);
    await expect(readout(widget, 'loudest')).toContainText(ear(ANDROMEDA_DB_PER_VOLT + 20 * Math.log10(cleanVolts)));
    await expect(readout(widget, 'loudest')).toContainText('set by gain');
    const hissVolts = 10 ** (-113 / 20) * divider(12.8, 0.9);
    await expect(readout(widget, 'hiss')).toContainText(ear(ANDROMEDA_DB_PER_VOLT + 20 * Math.log10(hissVolts)));
    // 80 dB on a 131.7 dB/V IEM: 10^((80 − 131.7)/20) V, peaks 15 dB higher, full volume 1 V rms at 0 dBFS.
    const peakVolts = 10 ** ((80 - ANDROMEDA_DB_PER_VOLT) / 20) * 10 ** (15 / 20);
    await expect(readout(widget, 'volume')).toHaveText(db(20 * Math.log10(peakVolts / (Math.SQRT2 * 1.0 * divider(12.8, 0.9)))));
  });

  test('a custom 32 Ω, 100 dB/mW headphone on a custom 2 V, 100 mA, 10 Ω source', async ({ page }) => {
    const widget = await openMatcher(page, '?hp=custom&src=custom&level=80&crest=15');
    await widget.getByRole('textbox', { name: 'Impedance', exact: true }).fill('32');
    await widget.getByRole('textbox', { name: 'Sensitivity', exact: true }).fill('100');
    await widget.getByRole('textbox', { name: 'Largest output voltage (open circuit)' }).fill('2');
    await widget.getByRole('textbox', { name: 'Current limit' }).fill('100');
    await widget.getByRole('textbox', { name: 'Output impedance' }).fill('10');
    await widget.getByRole('textbox', { name: 'Output noise' }).fill('5');
    const dbPerVolt = 100 + 10 * Math.log10(1000 / 32);
    // Voltage limit 2 V × 32/42 = 1.52 V; current limit 100 mA × 32 Ω = 3.2 V: the voltage bites first.
    await expect(readout(widget, 'loudest')).toContainText(ear(dbPerVolt + 20 * Math.log10((2 * 32) / 42)));
    await expect(readout(widget, 'limits')).toContainText(ear(dbPerVolt + 20 * Math.log10(0.1 * 32)));
    await expect(readout(widget, 'hiss')).toContainText(ear(dbPerVolt + 20 * Math.log10(5e-6 * (32 / 42))));
  });
});

test.describe("the loudest level beside the headphone's own limit", () => {
  test('an IEM with no published limit on a 1 V adapter: 131 dB SPL, said to be far above safe listening', async ({ page }) => {
    const widget = await openMatcher(page, '?hp=campfire-andromeda&src=apple-usbc-adapter&level=80&crest=15');
    const loudestSpl = ANDROMEDA_DB_PER_VOLT + 20 * Math.log10(1.0 * divider(12.8, 0.9)); // ≈ 131.1 dB SPL
    const loudest = readout(widget, 'loudest');
    await expect(loudest).toContainText(ear(loudestSpl));
    await expect(readout(widget, 'loudest-limit')).toHaveText("the headphone's own limit isn't published");
    // NIOSH: 8 h / 2^((L − 85)/3) at L ≈ 131.1 dB is about 0.7 s.
    const seconds = (8 * 3600) / 2 ** ((loudestSpl - 85) / 3);
    await expect(readout(widget, 'loudest-caveat')).toContainText(`far above safe listening: at ${fixed(loudestSpl, 0)} dB SPL the NIOSH daily limit is used up in ${seconds.toFixed(1)} s`);
    await expect(readout(widget, 'loudest-caveat').getByRole('link', { name: 'Hearing safety' })).toHaveAttribute('href', '/lessons/hearing-safety/');
  });

  test("a DT 880 (600 Ω) on a Magni 2 is limited by its rated 100 mW, not the amp's 130 mW", async ({ page }) => {
    const widget = await openMatcher(page, '?hp=beyerdynamic-dt880-600&src=schiit-magni-2&gain=high&level=75&crest=15');
    // 100 mW into 600 Ω is √(0.1 · 600) = 7.75 V; at 98 dB/V that is 98 + 20·log10(7.746) = 115.8 dB SPL, under 120: no caveat.
    const ratedVolts = Math.sqrt(0.1 * 600);
    await expect(readout(widget, 'loudest')).toContainText(`${ear(98 + 20 * Math.log10(ratedVolts))} (${ratedVolts.toFixed(2)} V rms, 100 mW)`);
    await expect(readout(widget, 'loudest-limit')).toContainText("limited by the headphone's rated maximum input of 100 mW");
    await expect(readout(widget, 'loudest-caveat')).toHaveCount(0);
  });
});

test.describe("the verdict against the headphone's rated maximum input", () => {
  test('a custom 32 Ω, 100 dB/mW headphone rated 3 mW: within it at 104 dB SPL, over it one step later at 105 dB', async ({ page }) => {
    const widget = await openMatcher(page, '?hp=custom&hz=32&hs=100&hu=dB%2FmW&hr=3&src=objective2&level=104&crest=15');
    await expect(widget.getByRole('textbox', { name: 'Rated maximum input (optional)' })).toHaveValue('3');
    // P = 1 mW · 10^((L − 100)/10): the rated 3 mW is reached at 100 + 10·log10(3) = 104.77 dB SPL.
    const ratedSplDb = 100 + 10 * Math.log10(3);
    const finding = widget.locator('[data-finding="rating"]');
    await expect(finding).toHaveAttribute('data-severity', 'good');
    await expect(finding).toContainText(`${(ratedSplDb - 104).toFixed(1)} dB below the headphone's rated maximum input of 3 mW`);
    await widget.getByRole('slider', { name: 'Average listening level' }).press('ArrowRight');
    await expect(finding).toHaveAttribute('data-severity', 'problem');
    await expect(finding).toContainText(
      `Your level needs ${(10 ** 0.5).toFixed(2)} mW: this exceeds the headphone's rated maximum input of 3 mW by ${(105 - ratedSplDb).toFixed(1)} dB`,
    );
    await expect(readout(widget, 'verdict')).toHaveAttribute('data-severity', 'problem');
  });

  test('a headphone whose maker publishes no rating: the verdict says so and keeps its headline', async ({ page }) => {
    const widget = await openMatcher(page, '?hp=sennheiser-hd650&src=objective2&level=80&crest=15');
    const finding = widget.locator('[data-finding="rating"]');
    await expect(finding).toContainText('No rated maximum input is known for this headphone');
    await expect(finding).toHaveAttribute('data-severity', 'unknown');
  });

  test('a typed rating that is not a number gets a message, and no verdict until it is fixed or cleared', async ({ page }) => {
    const widget = await openMatcher(page, '?hp=custom&hz=32&hs=100&hu=dB%2FmW&src=objective2&level=80&crest=15');
    const field = widget.getByRole('textbox', { name: 'Rated maximum input (optional)' });
    await field.fill('lots');
    await expect(widget.locator('[data-readout="verdict-missing"]').getByRole('link')).toHaveText(['Headphones: Rated maximum input (optional)']);
    await field.fill('');
    await expect(widget.locator('[data-finding="rating"]')).toContainText('No rated maximum input is known');
  });
});

test('an out-of-range entry gets a message next to its field, and the readouts wait for a valid value', async ({ page }) => {
  const widget = await openMatcher(page, '?hp=custom&src=custom');
  const impedance = widget.getByRole('textbox', { name: 'Impedance', exact: true });
  for (const bad of ['0', '1001', 'abc', '', '-32', '1e309']) {
    await impedance.fill(bad);
    await expect(impedance).toHaveAttribute('aria-invalid', 'true');
    await expect(widget.locator('#m-hp-impedance-problem')).toContainText(/1 to 1000 Ω/);
    await expect(widget.locator('[data-readout="verdict-missing"]').getByRole('link')).toHaveText(['Headphones: Impedance']);
    await expect(widget.locator('.readouts')).toHaveCount(0);
    await expect(widget).not.toContainText(/NaN|Infinity|undefined/);
  }
  await widget.getByRole('textbox', { name: 'Largest output voltage (open circuit)' }).fill('31');
  await expect(widget.locator('#m-src-volts-problem')).toContainText('from 0.1 to 30 Vrms');
  await impedance.fill('600');
  await expect(impedance).toHaveAttribute('aria-invalid', 'false');
  await expect(widget.locator('#m-hp-impedance-problem')).toHaveCount(0);
  await expect(widget.locator('.readouts')).toHaveCount(0);
  await widget.getByRole('textbox', { name: 'Largest output voltage (open circuit)' }).fill('30');
  await expect(readout(widget, 'verdict')).toHaveCount(1);
  await expect(readout(widget, 'headroom')).toHaveText(/^[+−]\d+\.\d dB$/);
  const results = await new AxeBuilder({ page }).include('[data-widget="matcher"]').analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
});

test.describe('invalid custom entries give no verdict and no figure made from hidden values', () => {
  const BAD_URL = '?hp=custom&hz=1e309&hs=-1e309&hu=dB/V&src=custom&sv=NaN&si=-&sn=1e-400&sz=';
  /** Each field's visible label, and what its message must name: the range it takes. */
  const FIELDS = [
    { group: 'Headphones', label: 'Impedance', range: 'from 1 to 1000 Ω' },
    { group: 'Headphones', label: 'Sensitivity', range: 'from 70 to 140 dB' },
    { group: 'Source', label: 'Largest output voltage (open circuit)', range: 'from 0.1 to 30 Vrms' },
    { group: 'Source', label: 'Current limit', range: 'from 1 to 3000 mA' },
    { group: 'Source', label: 'Output impedance', range: 'from 0 to 300 Ω' },
    { group: 'Source', label: 'Output noise', range: 'from 0.1 to 1000 µV' },
  ] as const;

  test('the link from issue #16 (every custom field infinite, NaN, empty or underflowing) says which fields need a value', async ({ page }) => {
    const widget = await openMatcher(page, BAD_URL);
    for (const { label, range } of FIELDS) {
      const field = widget.getByRole('textbox', { name: label, exact: true });
      await expect(field).toHaveAttribute('aria-invalid', 'true');
      await expect(field).toHaveAccessibleDescription(new RegExp(range));
    }
    const missing = widget.locator('[data-readout="verdict-missing"]');
    await expect(missing).toContainText('No verdict yet');
    await expect(missing.getByRole('link')).toHaveText(FIELDS.map(({ group, label }) => `${group}: ${label}`));
    await expect(widget).not.toContainText(/Yes: this source|Yes, with caveats|Not at this level/);
    await expect(widget.locator('[data-readout="verdict"]')).toHaveCount(0);
    for (const name of ['need', 'loudest', 'limits', 'headroom', 'hiss', 'volume', 'response', 'exposure']) {
      await expect(readout(widget, name)).toHaveCount(0);
    }
    await expect(widget.locator('figure')).toHaveCount(0);
    await expect(widget.getByRole('button', { name: /Play/ })).toHaveCount(0);
    await expect(widget.getByText('Show the working with your numbers')).toHaveCount(0);
    expect(await page.locator('body').innerText()).not.toMatch(/NaN|Infinity|undefined/);
    const results = await new AxeBuilder({ page }).include('[data-widget="matcher"]').analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  });

  test('fixing the fields one by one brings the verdict back only when the last is valid', async ({ page }) => {
    const widget = await openMatcher(page, BAD_URL);
    const values = ['32', '100', '2', '100', '10', '5'];
    for (const [index, { label }] of FIELDS.entries()) {
      await expect(widget.locator('[data-readout="verdict"]')).toHaveCount(0);
      await widget.getByRole('textbox', { name: label, exact: true }).fill(values[index] ?? '');
      await expect(widget.getByRole('textbox', { name: label, exact: true })).toHaveAttribute('aria-invalid', 'false');
    }
    await expect(widget.locator('[data-readout="verdict-missing"]')).toHaveCount(0);
    // 32 Ω at 100 dB SPL per volt (the URL chose dB/V) on 2 V behind 10 Ω: 100 + 20·log10(2 × 32/42) dB SPL.
    await expect(readout(widget, 'loudest')).toContainText(ear(100 + 20 * Math.log10((2 * 32) / 42)));
    await expect(readout(widget, 'verdict')).toContainText(/Yes|Not at this level/);
    await widget.getByRole('textbox', { name: 'Output noise', exact: true }).fill('');
    await expect(readout(widget, 'verdict')).toHaveCount(0);
    await widget.locator('[data-readout="verdict-missing"]').getByRole('link', { name: 'Source: Output noise' }).click();
    await expect(widget.getByRole('textbox', { name: 'Output noise', exact: true })).toBeFocused();
  });
});

test('the URL holds the whole state: a reload restores the same choices and readouts', async ({ page }) => {
  const widget = await openMatcher(page);
  await widget.getByRole('combobox', { name: 'Headphone', exact: true }).selectOption('audeze-lcd2');
  await widget.getByRole('combobox', { name: 'Source', exact: true }).selectOption('fiio-ka3');
  await widget.getByRole('combobox', { name: 'Output', exact: true }).selectOption('bal');
  await widget.getByRole('slider', { name: 'Average listening level' }).focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await widget.getByRole('button', { name: 'Dynamic music (20 dB)' }).click();
  await expect(page).toHaveURL(/hp=audeze-lcd2/);
  await expect(page).toHaveURL(/src=fiio-ka3/);
  await expect(page).toHaveURL(/out=bal/);
  await expect(page).toHaveURL(/level=87/);
  await expect(page).toHaveURL(/crest=20/);
  const before = (await widget.locator('.readouts').textContent()) ?? '';
  await page.reload();
  const again = await hydrateWidget(page, '[data-widget="matcher"]');
  await expect(again.getByRole('combobox', { name: 'Headphone', exact: true })).toHaveValue('audeze-lcd2');
  await expect(again.getByRole('combobox', { name: 'Output', exact: true })).toHaveValue('bal');
  await expect(again.getByRole('slider', { name: 'Average listening level' })).toHaveValue('87');
  await expect(again.locator('.readouts')).toHaveText(before);
});

test('keyboard only: choose a pair, set the level, open the working, play and stop', async ({ page }) => {
  const widget = await openMatcher(page);
  const headphone = widget.getByRole('combobox', { name: 'Headphone', exact: true });
  await headphone.focus();
  const first = await headphone.inputValue();
  await page.keyboard.press('ArrowDown');
  await expect(headphone).not.toHaveValue(first);
  await page.keyboard.press('Tab');
  await expect(widget.getByRole('link', { name: 'source' }).first()).toBeFocused();
  await widget.getByRole('combobox', { name: 'Source', exact: true }).focus();
  await page.keyboard.press('End');
  await widget.getByRole('slider', { name: 'Average listening level' }).focus();
  await page.keyboard.press('Home');
  await expect(widget.getByRole('slider', { name: 'Average listening level' })).toHaveValue('60');
  const summary = widget.getByText('Show the working with your numbers');
  await summary.focus();
  await page.keyboard.press('Enter');
  await expect(widget.locator('.matcher-working .katex').first()).toBeVisible({ timeout: 10_000 });
  await expect(widget.locator('.matcher-working')).toContainText('Safe time per day');
  const play = widget.getByRole('button', { name: /Play/ });
  await play.focus();
  await page.keyboard.press('Enter');
  await expect(widget.locator('[data-play-state="playing"]')).toHaveCount(1, { timeout: 20_000 });
  await expect(widget.getByRole('button', { name: /Stop/ })).toBeFocused();
  await page.keyboard.press('Space');
  await expect(widget.locator('[data-play-state="stopped"]')).toHaveCount(1);
});

test('heard: a 1 V adapter clips HD650 music at 95 dB exactly at its √2 × 1 V peak; the ideal source does not', async ({ page }) => {
  test.setTimeout(120_000);
  const widget = await openMatcher(page, '?hp=sennheiser-hd650&src=apple-usbc-adapter&level=95&crest=15');
  // Music peaks (−3 dBFS) stand for 10^((95 − 103)/20) × 10^(15/20) V; the clip is √2 × 1 V in those units.
  const voltsPerFullScale = (10 ** ((95 - HD650_DB_PER_VOLT) / 20) * 10 ** (15 / 20)) / MUSIC_PEAK;
  const clip = Math.SQRT2 / voltsPerFullScale;
  expect(clip).toBeLessThan(MUSIC_PEAK);
  const b = await downloadWav(page, 'Download B');
  const a = await downloadWav(page, 'Download A');
  const peak = (wav: typeof a) => Math.max(...wav.channels.map((c) => peakAbs(c))) / DEFAULT_VOLUME_GAIN;
  expect(Math.abs(peak(b) / clip - 1)).toBeLessThan(0.005);
  expect(Math.abs(peak(a) / MUSIC_PEAK - 1)).toBeLessThan(0.01);
  await expect(readout(widget, 'headroom')).toHaveClass(/warn/);
});

test('heard: the Magni 2’s hiss in the Andromeda at 60 dB sits at the model’s level within 1 dB', async ({ page }) => {
  test.setTimeout(120_000);
  const widget = await openMatcher(page, '?hp=campfire-andromeda&src=schiit-magni-2&gain=high&level=60&crest=15');
  await widget.getByRole('combobox', { name: 'Program' }).selectOption('sine');
  const b = await downloadWav(page, 'Download B');
  const voltsPerFullScale = (10 ** ((60 - ANDROMEDA_DB_PER_VOLT) / 20) * 10 ** (15 / 20)) / MUSIC_PEAK;
  const expectedDb = 20 * Math.log10(((MAGNI_2_NOISE_VOLTS * divider(12.8, 0.2)) / voltsPerFullScale) * DEFAULT_VOLUME_GAIN);
  const { sampleRateHz, channels } = b;
  const middle = (channels[0] as Float32Array).subarray(sampleRateHz, sampleRateHz * 9);
  const spectrum = averagedPowerSpectrum(middle, sampleRateHz, 8192);
  // White hiss: the 2–20 kHz band (clear of the 1 kHz tone) holds 18/24 of its power.
  const bandDb = bandLevelDb(spectrum, 2000, 20000);
  const measuredDb = bandDb - 10 * Math.log10(18000 / (sampleRateHz / 2));
  expect(Math.abs(measuredDb - expectedDb)).toBeLessThan(1);
  await expect(readout(widget, 'hiss')).toContainText(ear(ANDROMEDA_DB_PER_VOLT + 20 * Math.log10(MAGNI_2_NOISE_VOLTS * divider(12.8, 0.2))));
});

for (const [lesson, id, because] of [
  ['/lessons/sensitivity-and-power/', 'mx-clipping', /dB short, so its peaks are flattened/],
  ['/lessons/gain-and-noise/', 'mx-hiss', /dB SPL in an IEM this sensitive/],
  ['/lessons/balanced-outputs/', 'mx-balanced', /Single-ended, the dongle.s .* dB short/],
  ['/lessons/hearing-safety/', 'mx-level', /halves the safe time/],
] as const) {
  test(`the matcher exercise on ${lesson} plays, takes an answer and explains it with the model's numbers`, async ({ page }) => {
    await page.goto(lesson);
    const exercise = await hydrateWidget(page, `[data-widget="exercise-${id}"]`);
    await exercise.getByRole('button', { name: 'Play sound 1' }).click();
    await expect(exercise.getByRole('button', { name: 'Play sound 1' })).toHaveAttribute('aria-pressed', 'true', { timeout: 20_000 });
    await exercise.getByRole('group', { name: 'Your answer' }).getByRole('button', { name: 'Sound 2' }).click();
    await expect(exercise.locator('.exercise-feedback')).toHaveText(/^(Right|Not this time): sound [12] was /);
    await expect(exercise.locator('.exercise-feedback')).toContainText(because);
  });
}
