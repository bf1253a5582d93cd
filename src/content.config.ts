// Content collections: lessons (MDX with a checked schema) and the sources they cite.
import { defineCollection, reference } from 'astro:content';
import { z } from 'astro/zod';
import { file, glob } from 'astro/loaders';
import { COURSE_UNIT_IDS } from './data/units';

const lessons = defineCollection({
  loader: glob({ pattern: '*.mdx', base: './src/content/lessons' }),
  schema: z.object({
    title: z.string().min(3),
    /** The unit the lesson belongs to (src/data/units.ts). */
    unit: z.enum(COURSE_UNIT_IDS),
    /** The lesson's place in the whole course, 1 first. */
    order: z.number().int().positive(),
    /** One line for the course map. */
    tagline: z.string().min(20).max(80),
    summary: z.string().min(20).max(320),
    objectives: z.array(z.string().min(10)).min(2).max(5),
    prerequisites: z.array(reference('lessons')).default([]),
    minutes: z.number().int().min(5).max(120),
    references: z.array(reference('sources')).min(1),
  }),
});

const sources = defineCollection({
  loader: file('src/data/sources.json'),
  schema: z.object({
    authors: z.string().min(2),
    title: z.string().min(2),
    publisher: z.string().optional(),
    year: z.number().int().min(1900).max(2100).optional(),
    url: z.url().optional(),
    kind: z.enum(['article', 'measurement', 'datasheet', 'standard', 'book', 'forum', 'paper', 'software', 'recording']),
    note: z.string().optional(),
  }),
});

export const collections = { lessons, sources };
