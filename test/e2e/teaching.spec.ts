// Lessons that teach: a prediction is locked, kept and answered by the model; numeric questions check within their
// stated tolerance and draw new values; the end-of-lesson check's score goes into progress; deep dives stay closed
// on screen but print and search keep them; and without JavaScript nothing looks clickable that does nothing.
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import type { NumericProblem } from '../../src/components/questions/numeric/types';
import { toleranceOf } from '../../src/components/questions/numeric/types';
import { PROGRESS_STORAGE_KEY } from '../../src/lib/progress';
import { builtPages } from './helpers';

const lessonPages = builtPages().filter((path) => /^\/lessons\/[^/]+\/$/.test(path));
const LESSON = '/lessons/output-impedance/';

async function problemOf(page: Page, id: string): Promise<NumericProblem> {
  const json = await page.locator(`form[data-numeric-question="${id}"]`).getAttribute('data-problem');
  return JSON.parse(json ?? '{}') as NumericProblem;
}

test('a committed prediction is locked, shows the model beside it, and is still locked after a reload', async ({ page }) => {
  await page.goto(LESSON);
  const form = page.locator('form[data-question="predict-bass-120"]');
  await form.getByRole('radio', { name: /bass falls/ }).check();
  await form.getByRole('button', { name: 'Commit my prediction' }).click();
  const reveal = form.locator('.prediction-reveal');
  await expect(reveal).toBeVisible();
  await expect(reveal).toContainText('You predicted: The bass falls');
  await expect(reveal).toContainText(/The model: \+1\.1 dB at 90 Hz/);
  await expect(form.getByRole('radio').first()).toBeDisabled();
  await page.reload();
  const again = page.locator('form[data-question="predict-bass-120"]');
  await expect(again.locator('.prediction-reveal')).toBeVisible();
  await expect(again.locator('[data-your-prediction]')).toHaveText(/The bass falls/);
  await expect(again.getByRole('radio', { name: /bass falls/ })).toBeChecked();
  await expect(again.getByRole('radio', { name: /bass falls/ })).toBeDisabled();
  await expect(again.getByRole('button', { name: 'Commit my prediction' })).toBeHidden();
});

test('every predict question on the site names what to try in the widget and what the model says', () => {
  for (const path of lessonPages) {
    const html = readFileSync(`dist${path}index.html`, 'utf8');
    const forms = html.split('<form class="question question-predict"').slice(1).map((f) => f.split('</form>')[0] ?? '');
    expect(forms.length, path).toBeGreaterThanOrEqual(1);
    for (const form of forms) {
      expect(form, path).toContain('class="prediction-reveal"');
      expect(form, path).toMatch(/<strong>The model:<\/strong> \S/);
      expect(form, path).toMatch(/<strong>See it in the widget:<\/strong> \S/);
    }
  }
});

test('every lesson has a numeric question and an end-of-lesson check of 3 to 5 questions', () => {
  for (const path of lessonPages) {
    const html = readFileSync(`dist${path}index.html`, 'utf8');
    expect(html, path).toContain('data-numeric-question=');
    const total = Number(/data-lesson-check[^>]*data-total="(\d+)"/.exec(html)?.[1] ?? /data-total="(\d+)"[^>]*data-lesson-check/.exec(html)?.[1]);
    expect(total, path).toBeGreaterThanOrEqual(3);
    expect(total, path).toBeLessThanOrEqual(5);
  }
});

test('a numeric question accepts an answer within its tolerance, rejects one outside it, shows the working and draws new values', async ({ page }) => {
  await page.goto(LESSON);
  const id = 'numeric-damping-factor';
  const form = page.locator(`form[data-numeric-question="${id}"]`);
  await form.scrollIntoViewIfNeeded();
  const problem = await problemOf(page, id);
  const tolerance = toleranceOf(problem);
  const box = form.getByRole('textbox', { name: 'Your answer' });
  await box.fill(String(problem.answer + 3 * tolerance));
  await form.getByRole('button', { name: 'Check answer' }).click();
  await expect(form.locator('.feedback')).toHaveAttribute('data-result', 'wrong');
  await expect(form.locator('[data-working]')).toBeVisible();
  await box.fill(String(problem.answer + 0.5 * tolerance).replace('.', ','));
  await form.getByRole('button', { name: 'Check answer' }).click();
  await expect(form.locator('.feedback')).toHaveAttribute('data-result', 'correct');
  const before = await form.locator('[data-prompt]').textContent();
  for (let i = 0; i < 6; i++) {
    await form.getByRole('button', { name: 'Try another' }).click();
    await expect(form).toHaveAttribute('data-draw', String(i + 1));
    if ((await form.locator('[data-prompt]').textContent()) !== before) break;
  }
  await expect(form.locator('[data-prompt]')).not.toHaveText(before ?? '');
  await expect(form.locator('[data-working]')).toBeHidden();
  await expect(box).toHaveValue('');
});

test('a tempting wrong answer gets its own explanation', async ({ page }) => {
  await page.goto(LESSON);
  const id = 'numeric-damping-factor';
  const form = page.locator(`form[data-numeric-question="${id}"]`);
  const problem = await problemOf(page, id);
  const mistake = problem.mistakes?.[0];
  expect(mistake).toBeDefined();
  await form.getByRole('textbox', { name: 'Your answer' }).fill(String(mistake?.answer));
  await form.getByRole('button', { name: 'Check answer' }).click();
  await expect(form.locator('.feedback')).toContainText(mistake?.why ?? '');
});

test("the end-of-lesson check counts first answers and keeps the score in the reader's progress", async ({ page }) => {
  await page.goto(LESSON);
  const check = page.locator('[data-lesson-check]');
  const total = Number(await check.getAttribute('data-total'));
  for (const form of await check.locator('form[data-question]').all()) {
    await form.getByRole('radio').first().check();
    await form.getByRole('button', { name: 'Check answer' }).click();
  }
  for (const form of await check.locator('form[data-numeric-question]').all()) {
    const problem = JSON.parse((await form.getAttribute('data-problem')) ?? '{}') as NumericProblem;
    await form.getByRole('textbox', { name: 'Your answer' }).fill(String(problem.answer));
    await form.getByRole('button', { name: 'Check answer' }).click();
  }
  const choiceRight = await check.locator('form[data-question] .feedback[data-result="correct"]').count();
  const numeric = await check.locator('form[data-numeric-question]').count();
  await expect(check.locator('[data-check-score]')).toContainText(`${choiceRight + numeric} of ${total}`);
  const stored = await page.evaluate((key) => localStorage.getItem(key), PROGRESS_STORAGE_KEY);
  const exercise = (JSON.parse(stored ?? '{}') as { exercises: Record<string, { correct: number; total: number }> }).exercises['check:output-impedance'];
  expect(exercise).toEqual(expect.objectContaining({ correct: choiceRight + numeric, total }));
  await page.goto('/progress/');
  await expect(page.locator('[data-progress-report]')).toContainText('End-of-lesson check');
});

test('a deep dive is closed on screen, open in print, and a link to a heading inside it opens it', async ({ page }) => {
  await page.goto(LESSON);
  const dive = page.locator('details.deep-dive').first();
  await expect(dive).not.toHaveAttribute('open');
  const inside = dive.locator('.deep-dive-body p').first();
  await expect(inside).toBeHidden();
  await page.emulateMedia({ media: 'print' });
  await expect(inside).toBeVisible();
  await page.emulateMedia({ media: 'screen' });
  await page.goto(`${LESSON}#inside-a-dynamic-driver`);
  await expect(page.locator('details.deep-dive').first()).toHaveAttribute('open', '');
});

test('search indexes what a deep dive holds', () => {
  const html = readFileSync(`dist${LESSON}index.html`, 'utf8');
  const body = html.slice(html.indexOf('data-pagefind-body'));
  expect(body).toContain('class="deep-dive"');
  expect(body.slice(body.indexOf('class="deep-dive"'))).not.toMatch(/^[^>]*data-pagefind-ignore/);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  for (const path of [...lessonPages, '/lab/matcher/', '/progress/', '/search/', '/']) {
    test(`${path}: no control that needs JavaScript looks usable, and each figure says why`, async ({ page }) => {
      await page.goto(path);
      const live = await page.evaluate(() => {
        const selector = 'button, input, select, textarea, [role="slider"], [role="button"], [role="switch"], [role="tab"]';
        return [...document.querySelectorAll<HTMLElement>(selector)]
          .filter((el) => !(el as HTMLButtonElement).disabled && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden')
          .map((el) => `${el.tagName.toLowerCase()} "${(el.textContent ?? '').trim().slice(0, 40)}" ${el.getAttribute('aria-label') ?? ''}`);
      });
      expect(live).toEqual([]);
      const islands = await page.locator('astro-island').count();
      if (path.startsWith('/lessons/') && islands > 0) {
        await expect(page.locator('.no-script-note').first()).toBeVisible();
        await expect(page.locator('.no-script-note').first()).toContainText('Turn on JavaScript to play with this figure');
      }
    });
  }
});

/** Words a reader reads on the main path: the lesson's prose without deep dives, questions, figures, tables, glossary pop-ups and references. */
const MAIN_PATH_WORDS_PER_MINUTE = 75;

test.describe('the main path fits the stated minutes', () => {
  for (const path of lessonPages) {
    test(`${path}: at most ${MAIN_PATH_WORDS_PER_MINUTE} words of main-path prose per stated minute (reading at about 200 words a minute leaves the rest for the figures, listening and questions)`, async ({ page }) => {
      await page.goto(path);
      const words = await page.evaluate(() => {
        const article = document.querySelector('article.lesson')?.cloneNode(true) as HTMLElement | undefined;
        if (!article) return Number.NaN;
        const aside = 'details.deep-dive, form, astro-island, figure, .table-scroll, table, header, nav, .lesson-progress, noscript, .katex, .term-def, [data-lesson-check], script, style';
        for (const element of article.querySelectorAll(aside)) element.remove();
        const references = [...article.querySelectorAll('h2')].find((h) => h.textContent?.trim() === 'References');
        for (let node: Element | null = references ?? null; node; ) {
          const next: Element | null = node.nextElementSibling;
          node.remove();
          node = next;
        }
        return (article.textContent ?? '').split(/\s+/).filter(Boolean).length;
      });
      const minutes = Number(/about (\d+) minutes/.exec((await page.locator('.kicker').textContent()) ?? '')?.[1]);
      expect(words).toBeLessThanOrEqual(minutes * MAIN_PATH_WORDS_PER_MINUTE);
    });
  }
});

test("each lesson's figures are numbered 1, 2, 3… in reading order, whether a widget or the lesson draws them", () => {
  for (const path of lessonPages) {
    const html = readFileSync(`dist${path}index.html`, 'utf8');
    const numbers = [...html.matchAll(/>Figure (\d+)\./g)].map((m) => Number(m[1]));
    expect(numbers, path).toEqual(numbers.map((_, i) => i + 1));
  }
});
