// Lesson ordering and lookups shared by the home page, lesson routes, the course navigation and the sources page.
import { getCollection, type CollectionEntry } from 'astro:content';
import { COURSE_UNITS, type CourseUnit } from '../data/units';
import { withBase } from './paths';

export type Lesson = CollectionEntry<'lessons'>;

export async function lessonsInOrder(): Promise<Lesson[]> {
  const all = await getCollection('lessons');
  return all.sort((a, b) => a.data.order - b.data.order);
}

/** The lesson's URL on this deployment (under the site's base). */
export const lessonHref = (lesson: Lesson): string => withBase(`/lessons/${lesson.id}/`);

export interface UnitWithLessons {
  readonly unit: CourseUnit;
  /** 1 for the first unit. */
  readonly number: number;
  readonly lessons: readonly Lesson[];
}

/** The course: every unit in order with its lessons in order. */
export async function courseUnits(): Promise<UnitWithLessons[]> {
  const lessons = await lessonsInOrder();
  return COURSE_UNITS.map((unit, index) => ({
    unit,
    number: index + 1,
    lessons: lessons.filter((lesson) => lesson.data.unit === unit.id),
  }));
}
