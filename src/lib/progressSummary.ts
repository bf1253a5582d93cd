// The reader's stored progress arranged for the progress page: per lesson of the course, per other page that holds
// records (a lab page, or a lesson no longer in the course), and the totals. Pure: no storage, no DOM.
import type { AbxRecord, ExerciseRecord, ProgressData } from './progress';

export interface PlaceSummary {
  visitedAt?: string;
  doneAt?: string;
  /** Questions whose latest answer was right / wrong. */
  answersRight: number;
  answersWrong: number;
  /** Latest score of each exercise, in the order they were last done. */
  exercises: ExerciseRecord[];
  /** Every kept ABX run, oldest first. */
  abx: AbxRecord[];
}

export interface ProgressSummary {
  lessonCount: number;
  lessonsVisited: number;
  lessonsDone: number;
  answersRight: number;
  answersWrong: number;
  exercisesDone: number;
  abxRuns: number;
  /** One entry for each lesson of the course, in the order given. */
  lessons: Map<string, PlaceSummary>;
  /** Records for anything else, keyed by what they name (a page path or an unknown lesson), in first-seen order. */
  elsewhere: Map<string, PlaceSummary>;
}

const emptyPlace = (): PlaceSummary => ({ answersRight: 0, answersWrong: 0, exercises: [], abx: [] });

/** Visited: opened, marked done, or anything answered there. */
export const wasVisited = (place: PlaceSummary): boolean =>
  place.visitedAt !== undefined ||
  place.doneAt !== undefined ||
  place.answersRight + place.answersWrong + place.exercises.length + place.abx.length > 0;

const byTime = <T extends { at: string }>(a: T, b: T): number => Date.parse(a.at) - Date.parse(b.at);

/** Summarises `data` for the course whose lessons are `lessonSlugs`. */
export function summarizeProgress(data: ProgressData, lessonSlugs: readonly string[]): ProgressSummary {
  const lessons = new Map(lessonSlugs.map((slug) => [slug, emptyPlace()]));
  const elsewhere = new Map<string, PlaceSummary>();
  const place = (key: string): PlaceSummary => {
    const known = lessons.get(key) ?? elsewhere.get(key);
    if (known) return known;
    const created = emptyPlace();
    elsewhere.set(key, created);
    return created;
  };

  for (const [slug, entry] of Object.entries(data.lessons)) {
    const summary = place(slug);
    if (entry.visitedAt !== undefined) summary.visitedAt = entry.visitedAt;
    if (entry.doneAt !== undefined) summary.doneAt = entry.doneAt;
  }
  const answers = Object.values(data.answers);
  for (const answer of answers) {
    const summary = place(answer.lesson);
    if (answer.correct) summary.answersRight++;
    else summary.answersWrong++;
  }
  const exercises = Object.values(data.exercises).sort(byTime);
  for (const exercise of exercises) place(exercise.lesson).exercises.push(exercise);
  for (const run of data.abx) place(run.lesson).abx.push(run);

  const courseLessons = [...lessons.values()];
  return {
    lessonCount: lessonSlugs.length,
    lessonsVisited: courseLessons.filter(wasVisited).length,
    lessonsDone: courseLessons.filter((l) => l.doneAt !== undefined).length,
    answersRight: answers.filter((a) => a.correct).length,
    answersWrong: answers.filter((a) => !a.correct).length,
    exercisesDone: exercises.length,
    abxRuns: data.abx.length,
    lessons,
    elsewhere,
  };
}
