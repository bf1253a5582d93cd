// What every lesson page runs for its questions before the reader touches one: committed predictions are shown
// locked, and the first touch of any question (focus, pointer, submit, click) loads the code that checks answers.
// Keeps the page's JavaScript before interaction small (DESIGN.md's budget).
import { readPrediction } from '../../lib/progress';
import { lockPrediction } from './predictionLock';

const QUESTION_FORMS = 'form[data-question], form[data-numeric-question]';

let interactive: Promise<void> | undefined;
function loadInteractive(): Promise<void> {
  interactive ??= import('./questionsInteractive').then((module) => module.initQuestions());
  return interactive;
}

let booted = false;

/** Runs once per page, however many question components' scripts call it. */
export function bootQuestions(): void {
  if (booted) return;
  booted = true;
  for (const form of document.querySelectorAll<HTMLFormElement>('form[data-question][data-kind="predict"]')) {
    const kept = readPrediction(form.dataset['question'] ?? '');
    if (kept) lockPrediction(form, kept.choice, true);
  }
  for (const form of document.querySelectorAll<HTMLFormElement>(QUESTION_FORMS)) {
    const warm = (): void => void loadInteractive();
    form.addEventListener('focusin', warm, { once: true });
    form.addEventListener('pointerdown', warm, { once: true });
    // A submit or button click that arrives before the code has loaded is replayed once it has.
    form.addEventListener('submit', (event) => {
      if (form.dataset['ready'] === 'true') return;
      event.preventDefault();
      void loadInteractive().then(() => form.requestSubmit());
    });
    form.addEventListener('click', (event) => {
      const button = (event.target as Element | null)?.closest<HTMLButtonElement>('button[type="button"]');
      if (!button || form.dataset['ready'] === 'true') return;
      void loadInteractive().then(() => button.click());
    });
  }
}
