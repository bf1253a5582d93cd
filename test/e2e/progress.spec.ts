// Progress kept in the browser: lesson pages record visits, answers, exercises and blind tests; "Mark this lesson
// done" sticks; /progress/ shows it all and exports, resets and imports it; with storage blocked every page still
// reads and works, and /progress/ says plainly why it is empty. Run at a desktop and a phone width.
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { oneSidedPValue } from '../../src/dsp/binomial';
import { PROGRESS_STORAGE_KEY, emptyProgress, readProgress, type ProgressData } from '../../src/lib/progress';
import { hydrateWidget } from './helpers';

const LESSON = '/lessons/output-impedance/';
const SLUG = 'output-impedance';
const QUESTION = 'predict-bass-120';
const EXERCISE = '[data-widget="exercise-oi-iem-exercise"]';
const ABX_LESSON = '/lessons/hearing-differences/';
const ABX_WIDGET = '[data-widget="level-difference"]';

/** The progress stored in the page's origin, read as the site reads it (malformed → empty). */
async function storedProgress(page: Page): Promise<ProgressData> {
  const text = await page.evaluate((key) => localStorage.getItem(key), PROGRESS_STORAGE_KEY);
  return readProgress({ getItem: () => text, setItem: () => undefined, removeItem: () => undefined });
}

/** Console errors and uncaught exceptions, collected from now on. */
function watchForErrors(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  return problems;
}

/** Answers the lesson's first predict question with its right option. */
async function answerQuestion(page: Page): Promise<void> {
  const form = page.locator(`form[data-question="${QUESTION}"]`);
  await form.getByRole('radio', { name: /The bass rises by about 1 dB/ }).check();
  await form.getByRole('button', { name: 'Commit my prediction' }).click();
  await expect(form.locator('.feedback')).toHaveAttribute('data-result', 'correct');
}

const AT = '2025-03-01T10:00:00.000Z';
/** One of everything, a lab page's blind test included, with long titles to test wrapping. */
const SEEDED: ProgressData = {
  version: 1,
  lessons: { [SLUG]: { visitedAt: AT, doneAt: AT }, amplification: { visitedAt: AT } },
  answers: {
    [QUESTION]: { lesson: SLUG, correct: true, at: AT },
    'check-damping-factor': { lesson: SLUG, correct: false, at: AT },
  },
  exercises: {
    'oi-iem-exercise': { lesson: SLUG, title: 'Listening exercise: which source has 100 Ω?', correct: 1, total: 1, at: AT },
  },
  abx: [
    { lesson: SLUG, widget: 'oi', correct: 12, trials: 16, pValue: 0.038, at: AT },
    { lesson: '/lab/matcher/', widget: 'm', correct: 30, trials: 32, pValue: 1.2e-7, at: AT },
  ],
};

async function seed(page: Page, data: ProgressData): Promise<void> {
  await page.goto('/progress/');
  await page.evaluate(([key, text]) => localStorage.setItem(key, text), [PROGRESS_STORAGE_KEY, JSON.stringify(data)] as const);
  await page.reload();
}

const lessonRow = (page: Page, slug: string) => page.locator(`li[data-progress-lesson="${slug}"]`);

for (const viewport of [
  { width: 1280, height: 900 },
  { width: 375, height: 740 },
]) {
  test.describe(`at ${viewport.width} px`, () => {
    test.use({ viewport });

    test('answering a question on a lesson page records it and /progress/ counts it', async ({ page }) => {
      await page.goto(LESSON);
      await answerQuestion(page);
      expect((await storedProgress(page)).answers[QUESTION]).toMatchObject({ lesson: SLUG, correct: true });
      await page.goto('/progress/');
      await expect(lessonRow(page, SLUG).locator('[data-progress-detail]')).toContainText('Questions answered: 1 (1 right, 0 wrong)');
      await expect(page.locator('[data-total="answers"]')).toHaveText('1 (1 right)');
    });

    test('finishing a listening exercise records its score under its lesson', async ({ page }) => {
      await page.goto(LESSON);
      const exercise = await hydrateWidget(page, EXERCISE);
      await exercise.getByRole('group', { name: 'Your answer' }).getByRole('button', { name: 'Sound 1' }).click();
      const right = (await exercise.locator('.exercise-feedback').getAttribute('data-result')) === 'right';
      const record = (await storedProgress(page)).exercises['oi-iem-exercise'];
      expect(record).toMatchObject({ lesson: SLUG, correct: right ? 1 : 0, total: 1 });
      await page.goto('/progress/');
      await expect(lessonRow(page, SLUG).locator('[data-progress-detail]')).toContainText(`${record?.title ?? ''}: ${right ? 1 : 0} of 1 right`);
    });

    test('finishing a blind ABX test records trials, correct answers and the p-value', async ({ page }) => {
      await page.goto(ABX_LESSON);
      const widget = await hydrateWidget(page, ABX_WIDGET);
      const abx = widget.locator('details.abx');
      await abx.locator('summary').click();
      await abx.getByRole('combobox', { name: 'Number of trials' }).selectOption('8');
      await abx.getByRole('button', { name: 'Start blind test' }).click();
      for (let i = 0; i < 8; i++) await abx.getByRole('button', { name: 'X is A' }).click();
      const correct = Number(await abx.locator('.abx-result').getAttribute('data-abx-correct'));
      const { abx: runs } = await storedProgress(page);
      expect(runs).toHaveLength(1);
      expect(runs[0]).toMatchObject({ lesson: 'hearing-differences', widget: 'ld', correct, trials: 8 });
      expect(runs[0]?.pValue).toBeCloseTo(oneSidedPValue(correct, 8), 12);
    });

    test('visiting a lesson records the visit and /progress/ shows it visited', async ({ page }) => {
      await page.goto(LESSON);
      await expect(page.locator(`article[data-lesson="${SLUG}"]`)).toHaveCount(1);
      await expect.poll(async () => (await storedProgress(page)).lessons[SLUG]?.visitedAt).toBeDefined();
      await page.goto('/progress/');
      await expect(lessonRow(page, SLUG).locator('[data-progress-state]')).toHaveText(/^Visited /);
      await expect(page.locator('[data-total="visited"]')).toHaveText(/^1 of \d+$/);
    });

    test('"Mark this lesson done" toggles, survives a reload and shows on /progress/', async ({ page }) => {
      await page.goto(LESSON);
      const article = page.locator(`article[data-lesson="${SLUG}"]`);
      const toggle = article.getByRole('button', { name: 'Mark this lesson done' });
      await expect(toggle).toHaveAttribute('aria-pressed', 'false');
      await toggle.click();
      const done = article.getByRole('button', { name: /^Done ✓/ });
      await expect(done).toHaveAttribute('aria-pressed', 'true');
      await page.reload();
      await expect(done).toHaveAttribute('aria-pressed', 'true');
      await page.goto('/progress/');
      await expect(lessonRow(page, SLUG).locator('[data-progress-state]')).toHaveText(/^Done ✓ /);
      await expect(page.locator('[data-total="done"]')).toHaveText(/^1 of \d+$/);
      await page.goto(LESSON);
      await done.click();
      await expect(toggle).toHaveAttribute('aria-pressed', 'false');
      expect((await storedProgress(page)).lessons[SLUG]?.doneAt).toBeUndefined();
    });

    test('export, reset and import restore the same progress', async ({ page }) => {
      const problems = watchForErrors(page);
      await seed(page, SEEDED);
      await expect(lessonRow(page, SLUG).locator('[data-progress-state]')).toHaveText(/^Done ✓ /);
      await expect(page.locator('[data-progress-elsewhere]')).toContainText('Page /lab/matcher/');

      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export progress' }).click()]);
      expect(download.suggestedFilename()).toBe('amp-lab-progress.json');
      const file = readFileSync(await download.path());
      expect(JSON.parse(file.toString('utf8'))).toEqual(SEEDED);

      await page.getByRole('button', { name: 'Reset progress…' }).click();
      await page.getByRole('button', { name: 'Keep it' }).click();
      expect(await storedProgress(page)).toEqual(SEEDED);
      await page.getByRole('button', { name: 'Reset progress…' }).click();
      const confirm = page.getByRole('button', { name: 'Yes, delete my progress' });
      await expect(confirm).toBeFocused();
      await confirm.click();
      await expect(page.locator('[data-progress-message]')).toHaveText('Your progress in this browser was deleted.');
      expect(await storedProgress(page)).toEqual(emptyProgress());
      await expect(page.locator('[data-progress-status]')).toContainText('No progress yet');
      await expect(lessonRow(page, SLUG).locator('[data-progress-state]')).toHaveText('Not visited yet');
      await expect(page.locator('[data-progress-elsewhere]')).toBeHidden();

      const input = page.getByLabel('Import progress from a file');
      await input.setInputFiles({ name: 'not-progress.json', mimeType: 'application/json', buffer: Buffer.from('{"version": 2}') });
      await expect(page.locator('[data-progress-message]')).toHaveText(/^This is not an Amp Lab progress file: .*Nothing was imported\.$/);
      await input.setInputFiles({ name: 'amp-lab-progress.json', mimeType: 'application/json', buffer: file });
      await expect(page.locator('[data-progress-message]')).toHaveText('Imported your progress from “amp-lab-progress.json”.');
      expect(await storedProgress(page)).toEqual(SEEDED);
      await expect(lessonRow(page, SLUG).locator('[data-progress-state]')).toHaveText(/^Done ✓ /);
      await expect(lessonRow(page, SLUG).locator('[data-progress-detail]')).toContainText('Blind test on');
      await page.reload();
      await expect(page.locator('[data-total="abx"]')).toHaveText('2');
      expect(problems).toEqual([]);
    });

    test('with storage blocked, lessons work, nothing errors, and /progress/ says progress can’t be kept', async ({ page }) => {
      await page.addInitScript(() => {
        Object.defineProperty(window, 'localStorage', {
          configurable: true,
          get() {
            throw new DOMException('The operation is insecure.', 'SecurityError');
          },
        });
      });
      const problems = watchForErrors(page);
      await page.goto(LESSON);
      await answerQuestion(page);
      await expect(page.getByRole('button', { name: /Mark this lesson done|Done ✓/ })).toHaveCount(0);
      const exercise = await hydrateWidget(page, EXERCISE);
      await exercise.getByRole('group', { name: 'Your answer' }).getByRole('button', { name: 'Sound 2' }).click();
      await expect(exercise.locator('.exercise-feedback')).toHaveText(/^(Right|Not this time)/);

      await page.goto('/progress/');
      await expect(page.locator('[data-progress-status]')).toContainText('Progress can’t be kept in this browser');
      await expect(page.locator('[data-progress-status]')).toContainText('Everything else on Amp Lab still works');
      await expect(page.getByRole('button', { name: 'Export progress' })).toBeHidden();
      await expect(page.getByLabel('Import progress from a file')).toBeHidden();
      await expect(page.getByRole('button', { name: 'Reset progress…' })).toBeHidden();
      await expect(page.getByRole('link', { name: 'Output impedance and your headphones' })).toBeVisible();
      expect(problems).toEqual([]);
    });

    test('/progress/ does not scroll sideways, with every kind of record and the reset question showing', async ({ page }) => {
      await seed(page, SEEDED);
      await page.getByRole('button', { name: 'Reset progress…' }).click();
      await expect(page.getByRole('button', { name: 'Yes, delete my progress' })).toBeVisible();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
    });
  });
}

test('/progress/ has no axe violations, with progress and without, in light and dark themes', async ({ page }) => {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await page.goto('/progress/');
    await expect(page.locator('[data-progress-status]')).toContainText('No progress yet');
    const empty = await new AxeBuilder({ page }).analyze();
    await seed(page, SEEDED);
    await page.getByRole('button', { name: 'Reset progress…' }).click();
    await page.getByLabel('Import progress from a file').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('[]') });
    await expect(page.locator('[data-progress-message]')).toContainText('Nothing was imported');
    const full = await new AxeBuilder({ page }).analyze();
    const summary = [...empty.violations, ...full.violations].map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
    expect(summary, `${colorScheme} theme`).toEqual([]);
    await page.evaluate(() => localStorage.clear());
  }
});

test('with JavaScript off, /progress/ lists the course and shows no controls', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/progress/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your progress');
  await expect(page.locator('[data-progress-status]')).toContainText('needs JavaScript');
  await expect(page.getByRole('link', { name: 'Output impedance and your headphones' })).toBeVisible();
  await expect(page.getByRole('button')).toHaveCount(0);
  await expect(page.getByLabel('Import progress from a file')).toBeHidden();
  await page.goto(LESSON);
  await expect(page.getByRole('button', { name: /Mark this lesson done/ })).toHaveCount(0);
  await context.close();
});
