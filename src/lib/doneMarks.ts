// Ticks the lessons the reader has marked done, wherever a page lists them (links carrying data-lesson-link):
// the tick is drawn by CSS from data-done, and a visually hidden "(done)" tells screen readers. Reads the progress
// kept in this browser; with storage blocked nothing is ticked. Re-runs when progress changes on the page.
import { PROGRESS_EVENT, progressStorage, readProgress } from './progress';

export function markDoneLinks(root: ParentNode = document): void {
  const apply = () => {
    const { lessons } = readProgress(progressStorage());
    for (const link of root.querySelectorAll<HTMLElement>('[data-lesson-link]')) {
      const done = Boolean(lessons[link.dataset['lessonLink'] ?? '']?.doneAt);
      link.dataset['done'] = String(done);
      const text = link.querySelector('.lesson-done-text');
      if (text) text.textContent = done ? ' (done)' : '';
    }
  };
  apply();
  window.addEventListener(PROGRESS_EVENT, apply);
}
