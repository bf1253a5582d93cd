// Every question in the built lessons: options in a stable order shuffled by the question's id, and across the
// site no position holds more than 40 % of the right answers (a reader can't learn to pick "the first one").
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { seededShuffle } from '../../src/lib/seededShuffle';
import { builtPages } from './helpers';

interface BuiltQuestion {
  readonly id: string;
  readonly correctPlace: number;
  readonly options: number;
}

function questionsIn(html: string): BuiltQuestion[] {
  // Choice questions only (numeric ones have no options): their forms carry data-question.
  const forms = html.split('<form class="question').slice(1).filter((form) => /^[^>]*data-question="/.test(form));
  return forms.map((form) => {
    const id = /data-question="([^"]+)"/.exec(form)?.[1] ?? '';
    const inputs = [...(form.split('</form>')[0] ?? '').matchAll(/<input type="radio"[^>]*data-correct="(true|false)"/g)].map((m) => m[1]);
    return { id, correctPlace: inputs.indexOf('true'), options: inputs.length };
  });
}

const questions = builtPages()
  .filter((path) => path.startsWith('/lessons/'))
  .flatMap((path) => questionsIn(readFileSync(`dist${path}index.html`, 'utf8')));

test('the built lessons hold at least 40 questions, each with one right answer among its options', () => {
  expect(questions.length).toBeGreaterThanOrEqual(40);
  for (const q of questions) {
    expect(q.options, q.id).toBeGreaterThanOrEqual(2);
    expect(q.correctPlace, q.id).toBeGreaterThanOrEqual(0);
  }
});

test('no option position holds more than 40 % of the right answers', () => {
  const counts = new Map<number, number>();
  for (const q of questions) counts.set(q.correctPlace, (counts.get(q.correctPlace) ?? 0) + 1);
  const shares = [...counts.entries()].map(([place, n]) => ({ place, share: n / questions.length }));
  expect(shares.filter((s) => s.share > 0.4)).toEqual([]);
});

test('each question shows its authored options in the order its id seeds', async ({ page }) => {
  // The authored order, read from the lesson's source: every `text: "…"` inside the question's options.
  const source = readFileSync('src/content/lessons/output-impedance.mdx', 'utf8');
  const id = 'predict-bass-120';
  const block = source.slice(source.indexOf(`id="${id}"`));
  const authored = [...block.slice(0, block.indexOf('/>')).matchAll(/\btext: "((?:[^"\\]|\\.)*)"/g)].map((m) => m[1] ?? '');
  expect(authored.length).toBeGreaterThanOrEqual(3);
  await page.goto('/lessons/output-impedance/');
  const shown = await page.locator(`form[data-question="${id}"] .option span`).allTextContents();
  expect(shown).toEqual(seededShuffle(authored, id));
  expect(shown).not.toEqual(authored);
});
