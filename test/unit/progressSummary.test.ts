// The progress page's arrangement of stored progress: per course lesson, elsewhere, and the totals.
import { describe, expect, it } from 'vitest';
import { emptyProgress, type ProgressData } from '../../src/lib/progress';
import { summarizeProgress, wasVisited } from '../../src/lib/progressSummary';

const COURSE = ['amplification', 'output-impedance', 'jitter'];
const at = (day: number) => `2025-03-0${day}T12:00:00.000Z`;

const data: ProgressData = {
  version: 1,
  lessons: {
    amplification: { visitedAt: at(1), doneAt: at(2) },
    'output-impedance': { visitedAt: at(3) },
    'old-lesson': { visitedAt: at(1) },
  },
  answers: {
    a1: { lesson: 'output-impedance', correct: true, at: at(3) },
    a2: { lesson: 'output-impedance', correct: false, at: at(3) },
    a3: { lesson: 'jitter', correct: true, at: at(4) },
  },
  exercises: {
    later: { lesson: 'output-impedance', title: 'Later', correct: 1, total: 1, at: at(5) },
    earlier: { lesson: 'output-impedance', title: 'Earlier', correct: 0, total: 1, at: at(4) },
  },
  abx: [
    { lesson: '/lab/matcher/', widget: 'm', correct: 12, trials: 16, pValue: 0.038, at: at(2) },
    { lesson: 'output-impedance', widget: 'oi', correct: 8, trials: 16, pValue: 0.6, at: at(3) },
  ],
};

describe('summarizeProgress', () => {
  const summary = summarizeProgress(data, COURSE);

  it('has one entry per course lesson, in course order', () => {
    expect([...summary.lessons.keys()]).toEqual(COURSE);
  });

  it('counts a lesson visited when it was opened, marked done, or answered in', () => {
    expect(summary.lessonCount).toBe(3);
    expect(summary.lessonsVisited).toBe(3);
    expect(summary.lessonsDone).toBe(1);
    expect(wasVisited(summary.lessons.get('jitter') ?? { answersRight: 0, answersWrong: 0, exercises: [], abx: [] })).toBe(true);
  });

  it('splits each lesson’s latest answers into right and wrong', () => {
    expect(summary.lessons.get('output-impedance')).toMatchObject({ visitedAt: at(3), answersRight: 1, answersWrong: 1 });
    expect(summary.answersRight).toBe(2);
    expect(summary.answersWrong).toBe(1);
  });

  it('lists a lesson’s exercises in the order they were done and its ABX runs', () => {
    const oi = summary.lessons.get('output-impedance');
    expect(oi?.exercises.map((e) => e.title)).toEqual(['Earlier', 'Later']);
    expect(oi?.abx.map((r) => r.widget)).toEqual(['oi']);
    expect(summary.exercisesDone).toBe(2);
    expect(summary.abxRuns).toBe(2);
  });

  it('puts records for lab pages and lessons not in the course under elsewhere, not in the course counts', () => {
    expect([...summary.elsewhere.keys()]).toEqual(['old-lesson', '/lab/matcher/']);
    expect(summary.elsewhere.get('/lab/matcher/')?.abx).toHaveLength(1);
  });

  it('of empty progress is all zeros with nothing elsewhere and nothing visited', () => {
    const empty = summarizeProgress(emptyProgress(), COURSE);
    expect(empty).toMatchObject({ lessonCount: 3, lessonsVisited: 0, lessonsDone: 0, answersRight: 0, answersWrong: 0, exercisesDone: 0, abxRuns: 0 });
    expect(empty.elsewhere.size).toBe(0);
    expect([...empty.lessons.values()].some(wasVisited)).toBe(false);
  });
});
