// Which lesson a progress record belongs to: the lesson page's data-lesson mark, else the lesson URL, else the page.
import { describe, expect, it } from 'vitest';
import { lessonOf, type LessonMarkedElement } from '../../src/lib/lessonOf';

/** An element whose closest [data-lesson] ancestor carries `mark` (or that has none). */
const inside = (mark: string | null): LessonMarkedElement => ({
  closest: (selector) => {
    expect(selector).toBe('[data-lesson]');
    return mark === null ? null : { getAttribute: (name) => (name === 'data-lesson' ? mark : null) };
  },
});

describe('lessonOf', () => {
  it('takes the slug from the closest [data-lesson] ancestor, whatever the URL', () => {
    expect(lessonOf(inside('output-impedance'), '/lessons/jitter/')).toBe('output-impedance');
  });

  it('falls back to the slug in a /lessons/<slug>/ URL, with or without the trailing slash or a base path', () => {
    expect(lessonOf(inside(null), '/lessons/output-impedance/')).toBe('output-impedance');
    expect(lessonOf(null, '/lessons/jitter')).toBe('jitter');
    expect(lessonOf(null, '/amp-lab/lessons/sample-rates/')).toBe('sample-rates');
  });

  it('ignores an empty mark', () => {
    expect(lessonOf(inside(''), '/lessons/jitter/')).toBe('jitter');
  });

  it('outside the lessons gives the page path', () => {
    expect(lessonOf(inside(null), '/lab/matcher/')).toBe('/lab/matcher/');
    expect(lessonOf(null, '/lessons/')).toBe('/lessons/');
  });
});
