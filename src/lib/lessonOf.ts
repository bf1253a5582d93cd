// Which lesson a part of the page belongs to, for progress records. Leaves out everything but the lookup: the lesson
// page marks its <article> with data-lesson; without that mark the URL says it, and outside the lessons the page's
// own path stands in (a lab page's exercises and blind tests are recorded under "/lab/…/").

/** The part of an Element the lookup needs. */
export interface LessonMarkedElement {
  closest(selector: string): { getAttribute(name: string): string | null } | null;
}

const LESSON_PATH = /\/lessons\/([^/]+)\/?$/;

/** The slug of the lesson `element` sits in: its closest [data-lesson], else a …/lessons/<slug>/ URL, else `pathname`. */
export function lessonOf(element: LessonMarkedElement | null, pathname: string = location.pathname): string {
  const marked = element?.closest('[data-lesson]')?.getAttribute('data-lesson');
  if (marked) return marked;
  return LESSON_PATH.exec(pathname)?.[1] ?? pathname;
}
