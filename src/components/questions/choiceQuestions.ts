// Page script for <Question>: checks an answer, or commits a prediction, locks it, keeps it in the reader's progress
// and shows it beside what the model says. A prediction committed earlier is restored locked on the next visit.
import { lessonOf } from '../../lib/lessonOf';
import { readPrediction, recordAnswer, recordPrediction } from '../../lib/progress';
import { announceAnswer } from './answeredEvent';

function optionText(input: HTMLInputElement): string {
  return input.closest('label')?.querySelector('.option-text')?.textContent?.trim() ?? '';
}

function lock(form: HTMLFormElement, chosenText: string): void {
  form.dataset['locked'] = 'true';
  for (const input of form.querySelectorAll<HTMLInputElement>('input[type="radio"]')) {
    input.checked = optionText(input) === chosenText;
    input.disabled = true;
  }
  const submit = form.querySelector<HTMLButtonElement>('button[type="submit"]');
  if (submit) submit.hidden = true;
  const reveal = form.querySelector<HTMLElement>('.prediction-reveal');
  const yours = form.querySelector<HTMLElement>('[data-your-prediction]');
  if (yours) yours.textContent = chosenText;
  if (reveal) reveal.hidden = false;
}

function feedbackFor(form: HTMLFormElement, chosen: HTMLInputElement): void {
  const feedback = form.querySelector<HTMLElement>('.feedback');
  if (!feedback) return;
  const correct = chosen.dataset['correct'] === 'true';
  feedback.textContent = `${correct ? 'Right.' : 'Not quite.'} ${chosen.dataset['feedback'] ?? ''}`;
  feedback.dataset['result'] = correct ? 'correct' : 'wrong';
}

export function initChoiceQuestions(): void {
  for (const form of document.querySelectorAll<HTMLFormElement>('form[data-question]')) {
    const questionId = form.dataset['question'] ?? '';
    const isPrediction = form.dataset['kind'] === 'predict';
    if (isPrediction) {
      const kept = readPrediction(questionId);
      if (kept) {
        lock(form, kept.choice);
        const chosen = form.querySelector<HTMLInputElement>('input[type="radio"]:checked');
        if (chosen) feedbackFor(form, chosen);
      }
    }
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      if (form.dataset['locked'] === 'true') return;
      const chosen = form.querySelector<HTMLInputElement>('input[type="radio"]:checked');
      const feedback = form.querySelector<HTMLElement>('.feedback');
      if (!chosen) {
        if (feedback) {
          feedback.textContent = isPrediction ? 'Choose a prediction first.' : 'Choose an answer first.';
          feedback.dataset['result'] = 'none';
        }
        return;
      }
      const correct = chosen.dataset['correct'] === 'true';
      const lesson = lessonOf(form);
      if (isPrediction) {
        recordPrediction(questionId, lesson, optionText(chosen));
        lock(form, optionText(chosen));
      }
      feedbackFor(form, chosen);
      recordAnswer(questionId, lesson, correct);
      announceAnswer(form, { questionId, correct });
    });
  }
}
