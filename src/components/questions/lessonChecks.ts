// Page script for <LessonCheck>: counts the first answer to each of its questions and, once all are answered, shows
// the score and records it in the reader's progress as the lesson's end-of-lesson check.
import { lessonOf } from '../../lib/lessonOf';
import { readProgress, recordExercise } from '../../lib/progress';
import { ANSWERED_EVENT, type AnsweredDetail } from './answeredEvent';

export const CHECK_TITLE = 'End-of-lesson check';

export function checkExerciseId(lesson: string): string {
  return `check:${lesson}`;
}

export function initLessonChecks(): void {
  for (const group of document.querySelectorAll<HTMLElement>('[data-lesson-check]')) {
    const total = Number(group.dataset['total']);
    const lesson = lessonOf(group);
    const score = group.querySelector<HTMLElement>('[data-check-score]');
    const earlier = readProgress().exercises[checkExerciseId(lesson)];
    if (score && earlier) score.textContent = `Your last score here: ${earlier.correct} of ${earlier.total}.`;
    const first = new Map<string, boolean>();
    group.addEventListener(ANSWERED_EVENT, (event) => {
      const { questionId, correct } = (event as CustomEvent<AnsweredDetail>).detail;
      if (first.has(questionId)) return;
      first.set(questionId, correct);
      if (first.size < total) return;
      const right = [...first.values()].filter(Boolean).length;
      recordExercise(checkExerciseId(lesson), { lesson, title: CHECK_TITLE, correct: right, total });
      if (score) score.textContent = `Your score: ${right} of ${total} right at the first try. It is kept in your progress.`;
    });
  }
}
