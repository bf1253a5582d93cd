// Citations in running text: no space between a citation's closing bracket and the punctuation after it
// ("[S&V]." not "[S&V] ."), on every built page, in the HTML and in the text a reader sees.
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { builtPages } from './helpers';

const LESSONS = builtPages().filter((path) => path.startsWith('/lessons/'));
const SPACE_BEFORE_PUNCTUATION = /\]\s+[.,;:]/;

test('no built lesson puts whitespace between a citation and the punctuation after it', () => {
  expect(LESSONS.length).toBeGreaterThan(10);
  for (const path of LESSONS) {
    const html = readFileSync(`dist${path}index.html`, 'utf8');
    const offenders = [...html.matchAll(/class="cite"[^>]*>[^<]*<\/a>(\s+[.,;:])/g)].map((m) => m[0]);
    expect(offenders, path).toEqual([]);
  }
});

test('the rendered text of a lesson with many citations has no "] ." either', async ({ page }) => {
  await page.goto('/lessons/output-impedance/');
  const text = await page.locator('main').innerText();
  expect(text.match(SPACE_BEFORE_PUNCTUATION)).toBeNull();
  expect(await page.locator('a.cite').count()).toBeGreaterThan(5);
});

test('each reference reads "Title. Publisher": a space follows the title\'s full stop', async ({ page }) => {
  await page.goto('/lessons/output-impedance/');
  const entries = await page.locator('.source-entry').evaluateAll((spans) =>
    spans.map((span) => {
      const title = span.querySelector('a, cite');
      return { title: title?.textContent ?? '', after: title?.nextSibling?.textContent ?? '' };
    }),
  );
  expect(entries.length).toBeGreaterThan(5);
  const joined = entries.filter(({ after }) => /^\.\S/.test(after));
  expect(joined.map(({ title }) => title)).toEqual([]);
});
