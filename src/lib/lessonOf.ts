// Which lesson a part of the page belongs to, for progress records. Leaves out everything but the lookup: the lesson
// page marks its <article> with data-lesson; without that mark the URL says it, and outside the lessons the page's
// own site path stands in (a lab page's exercises and blind tests are recorded under "/lab/…/", without the base the
// site may be deployed under, so an exported record means the same wherever it is imported).
import { withoutBase } from './paths';

/** The part of an Element the lookup needs. */
export interface LessonMarkedElement {
  closest(selector: string): { getAttribute(name: string): string | null } | null;
}

const LESSON_PATH = /\/lessons\/([^/]+)\/?$/;

/** The slug of the lesson `element` sits in: its closest [data-lesson], else a …/lessons/<slug>/ URL, else `pathname`'s site path. */
export function lessonOf(element: LessonMarkedElement | null, pathname: string = location.pathname): string {
  const marked = element?.closest('[data-lesson]')?.getAttribute('data-lesson');
  if (marked) return marked;
  return LESSON_PATH.exec(pathname)?.[1] ?? withoutBase(pathname);
}
