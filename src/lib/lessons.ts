// Lesson ordering and lookups shared by the home page, lesson routes and the sources page.
import { getCollection, type CollectionEntry } from 'astro:content';

export type Lesson = CollectionEntry<'lessons'>;

export async function lessonsInOrder(): Promise<Lesson[]> {
  const all = await getCollection('lessons');
  return all.sort((a, b) => a.data.order - b.data.order);
}

export const lessonHref = (lesson: Lesson): string => `/lessons/${lesson.id}/`;
