// Where a returning reader should pick up: the lesson they visited last if they haven't marked it done, otherwise
// the first lesson after it (in course order) that isn't done. Null for a reader with no visits yet.
import type { ProgressData } from './progress';

export function continueLesson(progress: ProgressData, courseOrder: readonly string[]): string | null {
  const visits = Object.entries(progress.lessons)
    .filter(([slug, p]) => p.visitedAt !== undefined && courseOrder.includes(slug))
    .sort((a, b) => (a[1].visitedAt ?? '').localeCompare(b[1].visitedAt ?? ''));
  const last = visits[visits.length - 1];
  if (!last) return null;
  const [slug, lesson] = last;
  if (!lesson.doneAt) return slug;
  const start = courseOrder.indexOf(slug);
  const rest = [...courseOrder.slice(start + 1), ...courseOrder.slice(0, start)];
  return rest.find((s) => !progress.lessons[s]?.doneAt) ?? null;
}
