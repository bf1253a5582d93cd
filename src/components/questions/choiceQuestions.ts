// Checks a <Question>'s answer, or commits a prediction, locks it, keeps it in the reader's progress and shows it
// beside what the model says (loaded on the first touch of a question; questionsBoot restores kept predictions).
import { lessonOf } from '../../lib/lessonOf';
import { recordAnswer, recordPrediction } from '../../lib/progress';
import { announceAnswer } from './answeredEvent';
import { lockPrediction, optionText } from './predictionLock';

function feedbackFor(form: HTMLFormElement, chosen: HTMLInputElement): void {
  const feedback = form.querySelector<HTMLElement>('.feedback');
  if (!feedback) return;
  const correct = chosen.dataset['correct'] === 'true';
  feedback.textContent = `${correct ? 'Right.' : 'Not quite.'} ${chosen.dataset['feedback'] ?? ''}`;
  feedback.dataset['result'] = correct ? 'correct' : 'wrong';
}

export function initChoiceQuestions(): void {
  for (const form of document.querySelectorAll<HTMLFormElement>('form[data-question]')) {
    form.dataset['ready'] = 'true';
    const questionId = form.dataset['question'] ?? '';
    const isPrediction = form.dataset['kind'] === 'predict';
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
        lockPrediction(form, optionText(chosen), false);
      }
      feedbackFor(form, chosen);
      recordAnswer(questionId, lesson, correct);
      announceAnswer(form, { questionId, correct });
    });
  }
}
