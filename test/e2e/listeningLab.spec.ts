// The listening lab: measured loudness matching, the blind ABX test and the listening exercises,
// checked in Chromium on the real widgets.
import { expect, test, type Page } from '@playwright/test';
import { integratedLoudnessLufs } from '../../src/dsp/loudness';
import { parseAbxSession } from '../../src/dsp/abxSession';
import { downloadWav, hydrateWidget, setRange } from './helpers';

const LEVEL_LESSON = '/lessons/hearing-differences/';
const LEVEL_WIDGET = '[data-widget="level-difference"]';

async function openLevelWidget(page: Page) {
  await page.goto(LEVEL_LESSON);
  return hydrateWidget(page, LEVEL_WIDGET);
}

/** One-sided binomial p-value P(X ≥ k | n, ½), by direct summation. */
function pValueByHand(correct: number, trials: number): number {
  let sum = 0;
  for (let k = correct; k <= trials; k++) {
    let c = 1;
    for (let i = 1; i <= k; i++) c = (c * (trials - k + i)) / i;
    sum += c;
  }
  return sum / 2 ** trials;
}

test('a pair that differs by 3 dB measures 3 dB apart unmatched and within 0.1 dB once matched', async ({ page }) => {
  test.setTimeout(120_000);
  const widget = await openLevelWidget(page);
  await setRange(widget.getByRole('slider', { name: 'Level difference (B louder)', exact: true }), 3);
  for (const program of ['Music loop (synthesized)', 'Pink noise']) {
    await widget.getByRole('combobox', { name: 'Program', exact: true }).selectOption({ label: program });
    await widget.getByRole('checkbox', { name: 'Match loudness' }).uncheck();
    const rawA = await downloadWav(page, 'Download A');
    const rawB = await downloadWav(page, 'Download B');
    const rawDifference = integratedLoudnessLufs(rawB.channels, rawB.sampleRateHz) - integratedLoudnessLufs(rawA.channels, rawA.sampleRateHz);
    expect(Math.abs(rawDifference - 3)).toBeLessThanOrEqual(0.05);
    await widget.getByRole('checkbox', { name: 'Match loudness' }).check();
    const a = await downloadWav(page, 'Download A');
    const b = await downloadWav(page, 'Download B');
    const matchedDifference = integratedLoudnessLufs(b.channels, b.sampleRateHz) - integratedLoudnessLufs(a.channels, a.sampleRateHz);
    expect(Math.abs(matchedDifference)).toBeLessThanOrEqual(0.1);
  }
});

test('a 16-trial ABX run records 16 answers, survives a reload and shows the right p-value', async ({ page }) => {
  test.setTimeout(120_000);
  const widget = await openLevelWidget(page);
  const abx = widget.locator('details.abx');
  await abx.locator('summary').click();
  await expect(abx.getByRole('combobox', { name: 'Number of trials' })).toHaveValue('16');
  await abx.getByRole('button', { name: 'Start blind test' }).click();
  await abx.getByRole('button', { name: 'Play X' }).click();
  await expect(widget.locator('[data-play-state="playing"]')).toHaveCount(1, { timeout: 20_000 });
  for (let i = 0; i < 8; i++) {
    await expect(abx.locator('.abx-progress')).toContainText(`Trial ${i + 1} of 16`);
    await abx.getByRole('button', { name: 'X is A' }).click();
  }
  await page.reload();
  const again = await hydrateWidget(page, LEVEL_WIDGET);
  const abxAgain = again.locator('details.abx');
  await expect(abxAgain.locator('.abx-progress')).toContainText('Trial 9 of 16');
  for (let i = 8; i < 16; i++) await abxAgain.getByRole('button', { name: 'X is A' }).click();
  const stored = parseAbxSession(await page.evaluate(() => localStorage.getItem('amp-lab:abx:ld')));
  expect(stored?.trials).toHaveLength(16);
  expect(stored?.trials.every((t) => t.answer === 'A')).toBe(true);
  const correct = stored?.trials.filter((t) => t.x === 'A').length ?? -1;
  const result = abxAgain.locator('.abx-result');
  await expect(result).toHaveAttribute('data-abx-correct', String(correct));
  await expect(result).toContainText(`${correct} of 16 correct`);
  const shownP = (await result.locator('[data-abx-p]').textContent()) ?? '';
  const expectedP = pValueByHand(correct, 16);
  if (expectedP < 0.001) expect(shownP).toBe('< 0.001');
  else expect(Math.abs(Number(shownP) - expectedP) / expectedP).toBeLessThan(0.06);
});

test('the blind test loads its code when the reader opens it, not with the page, and then offers its setup', async ({ page }) => {
  const widget = await openLevelWidget(page);
  await page.waitForLoadState('networkidle');
  const scriptsOnOpen: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scriptsOnOpen.push(request.url());
  });
  const abx = widget.locator('details.abx');
  await abx.locator('summary').click();
  await expect(abx.getByRole('combobox', { name: 'Number of trials' })).toHaveValue('16');
  await expect(abx.getByRole('button', { name: 'Start blind test' })).toBeVisible();
  expect(scriptsOnOpen.length).toBeGreaterThan(0);
});

test('X is A in roughly half the trials over many runs', async ({ page }) => {
  const widget = await openLevelWidget(page);
  const abx = widget.locator('details.abx');
  await abx.locator('summary').click();
  await abx.getByRole('combobox', { name: 'Number of trials' }).selectOption('32');
  let xIsA = 0;
  let total = 0;
  for (let run = 0; run < 10; run++) {
    await abx.getByRole('button', { name: /Start (a new )?blind test/ }).click();
    const session = parseAbxSession(await page.evaluate(() => localStorage.getItem('amp-lab:abx:ld')));
    expect(session?.trials).toHaveLength(32);
    xIsA += session?.trials.filter((t) => t.x === 'A').length ?? 0;
    total += session?.trials.length ?? 0;
    await abx.getByRole('button', { name: 'Abandon this test' }).click();
  }
  // 320 fair draws: the standard deviation of the share is 0.028, so ±0.12 is over 4 standard deviations.
  expect(total).toBe(320);
  expect(Math.abs(xIsA / total - 0.5)).toBeLessThan(0.12);
});

test('the A/B switch is hidden during a blind test so it cannot give X away', async ({ page }) => {
  const widget = await openLevelWidget(page);
  const abx = widget.locator('details.abx');
  await abx.locator('summary').click();
  await expect(widget.getByRole('radiogroup').or(widget.locator('fieldset.ab-switch'))).toHaveCount(1);
  await abx.getByRole('button', { name: 'Start blind test' }).click();
  await expect(widget.locator('fieldset.ab-switch')).toHaveCount(0);
  await abx.getByRole('button', { name: 'Abandon this test' }).click();
  await expect(widget.locator('fieldset.ab-switch')).toHaveCount(1);
});

for (const [lesson, selector] of [
  [LEVEL_LESSON, '[data-widget="exercise-loudness-exercise"]'],
  ['/lessons/myths-and-measurements/', '[data-widget="exercise-oi-exercise"]'],
  ['/lessons/output-impedance/', '[data-widget="exercise-oi-iem-exercise"]'],
] as const) {
  test(`the listening exercise on ${lesson} plays, takes an answer and explains it`, async ({ page }) => {
    await page.goto(lesson);
    const exercise = await hydrateWidget(page, selector);
    await exercise.getByRole('button', { name: 'Play sound 1' }).click();
    await expect(exercise.getByRole('button', { name: 'Play sound 1' })).toHaveAttribute('aria-pressed', 'true', { timeout: 20_000 });
    await exercise.getByRole('button', { name: 'Play sound 2' }).click();
    await exercise.getByRole('group', { name: 'Your answer' }).getByRole('button', { name: 'Sound 1' }).click();
    await expect(exercise.locator('.exercise-feedback')).toHaveText(/^(Right|Not this time): sound [12] was /);
    await expect(exercise.getByRole('button', { name: /Next round|See your score/ })).toBeVisible();
  });
}
