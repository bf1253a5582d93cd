// The myths lesson's numeric question converts THD+N in percent to dB as the definition of the decibel says.
import { describe, expect, it } from 'vitest';
import { thdnPercentToDb } from '../../src/components/questions/numeric/myths-and-measurements';
import { withinTolerance } from '../../src/components/questions/numeric/types';
import { seededRandom } from '../../src/lib/seededShuffle';

describe('myths-and-measurements numeric questions', () => {
  it('THD+N of p % is 20·log10(p / 100) dB (1 % is −40 dB), within 0.3 dB, with 10·log10 and a forgotten /100 named as mistakes', () => {
    for (let draw = 0; draw < 30; draw++) {
      const problem = thdnPercentToDb(seededRandom(`thd#${draw}`));
      const percent = Number(/THD\+N of ([\d.]+) %/.exec(problem.prompt)?.[1]);
      const expected = 20 * Math.log10(percent / 100);
      expect(problem.answer).toBeCloseTo(expected, 9);
      expect(withinTolerance(problem, expected + 0.29)).toBe(true);
      expect(withinTolerance(problem, expected - 0.35)).toBe(false);
      expect(problem.mistakes?.some((m) => Math.abs(m.answer - expected / 2) < 1e-9 && /10·log10/.test(m.why))).toBe(true);
      expect(problem.mistakes?.some((m) => Math.abs(m.answer - (expected + 40)) < 1e-9)).toBe(true);
    }
  });

  it('the O2+ODAC\'s 0.0016 % is about −96 dB', () => {
    const problem = thdnPercentToDb(() => 0);
    expect(problem.prompt).toContain('0.0016 %');
    expect(problem.answer).toBeCloseTo(20 * Math.log10(0.0016 / 100), 9);
    expect(Math.round(problem.answer)).toBe(-96);
  });
});
