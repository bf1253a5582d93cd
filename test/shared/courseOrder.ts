// The course as the lesson files define it (frontmatter `unit`, `order`, `prerequisites`), read independently of
// Astro, for the tests that check the order and the navigation built from it.
import { readFileSync, readdirSync } from 'node:fs';
import { parse } from 'yaml';

export interface LessonFrontmatter {
  readonly slug: string;
  readonly title: string;
  readonly unit: string;
  readonly order: number;
  readonly prerequisites: readonly string[];
}

const DIR = 'src/content/lessons';

/** Every lesson, in course order. */
export function lessonsFromFiles(): LessonFrontmatter[] {
  return readdirSync(DIR)
    .filter((name) => name.endsWith('.mdx'))
    .map((name) => {
      const text = readFileSync(`${DIR}/${name}`, 'utf8');
      const match = /^---\n([\s\S]*?)\n---/.exec(text);
      if (!match?.[1]) throw new Error(`${name} has no frontmatter`);
      const data = parse(match[1]) as Omit<LessonFrontmatter, 'slug'>;
      return { ...data, prerequisites: data.prerequisites ?? [], slug: name.replace(/\.mdx$/, '') };
    })
    .sort((a, b) => a.order - b.order);
}
