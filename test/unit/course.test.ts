// The course order (src/data/units.ts and each lesson's frontmatter): every lesson has a unique place, every
// unit's lessons sit together in unit order, and no lesson comes before one it requires.
import { describe, expect, it } from 'vitest';
import { COURSE_UNIT_IDS } from '../../src/data/units';
import { lessonsFromFiles } from '../shared/courseOrder';

const lessons = lessonsFromFiles();

describe('the course order', () => {
  it('numbers the lessons 1, 2, 3 … with no gap and no repeat', () => {
    expect(lessons.map((l) => l.order)).toEqual(lessons.map((_, i) => i + 1));
  });

  it('keeps each unit’s lessons together, the units in their own order', () => {
    const unitSequence = lessons.map((l) => COURSE_UNIT_IDS.indexOf(l.unit as (typeof COURSE_UNIT_IDS)[number]));
    expect(unitSequence.every((u) => u >= 0)).toBe(true);
    expect(unitSequence).toEqual([...unitSequence].sort((a, b) => a - b));
    expect(new Set(unitSequence).size).toBe(COURSE_UNIT_IDS.length);
  });

  it('puts every prerequisite before the lesson that requires it', () => {
    const position = new Map(lessons.map((l) => [l.slug, l.order]));
    const late = lessons.flatMap((l) =>
      l.prerequisites.filter((p) => !((position.get(p) ?? Infinity) < l.order)).map((p) => `${l.slug} needs ${p}`),
    );
    expect(late).toEqual([]);
  });

  it('starts from what an amplifier does', () => {
    expect(lessons[0]?.slug).toBe('amplification');
  });
});
