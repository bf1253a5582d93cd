// Where "Continue" on the home page leads (src/lib/continueLesson.ts).
import { describe, expect, it } from 'vitest';
import { continueLesson } from '../../src/lib/continueLesson';
import { emptyProgress, type ProgressData } from '../../src/lib/progress';

const ORDER = ['a', 'b', 'c', 'd'];
const withLessons = (lessons: ProgressData['lessons']): ProgressData => ({ ...emptyProgress(), lessons });

describe('the lesson to continue with', () => {
  it('is none for a reader who has visited nothing', () => {
    expect(continueLesson(emptyProgress(), ORDER)).toBeNull();
  });

  it('is the lesson visited last when it is not done', () => {
    const progress = withLessons({ a: { visitedAt: '2026-01-01T10:00:00Z' }, c: { visitedAt: '2026-01-02T10:00:00Z' } });
    expect(continueLesson(progress, ORDER)).toBe('c');
  });

  it('is the next lesson not done after the one visited last, when that one is done', () => {
    const progress = withLessons({
      a: { visitedAt: '2026-01-03T10:00:00Z', doneAt: '2026-01-03T11:00:00Z' },
      b: { visitedAt: '2026-01-01T10:00:00Z', doneAt: '2026-01-01T11:00:00Z' },
    });
    expect(continueLesson(progress, ORDER)).toBe('c');
  });

  it('wraps round to an earlier lesson not yet done, and is none when every lesson is done', () => {
    const done = { visitedAt: '2026-01-01T10:00:00Z', doneAt: '2026-01-01T11:00:00Z' };
    expect(continueLesson(withLessons({ b: done, c: done, d: { ...done, visitedAt: '2026-01-05T10:00:00Z' } }), ORDER)).toBe('a');
    expect(continueLesson(withLessons({ a: done, b: done, c: done, d: done }), ORDER)).toBeNull();
  });

  it('ignores lessons that are no longer in the course', () => {
    expect(continueLesson(withLessons({ gone: { visitedAt: '2026-01-09T10:00:00Z' } }), ORDER)).toBeNull();
  });
});
