// The power-supplies lesson's numeric question gives the ripple the textbook estimate gives, for every draw.
import { describe, expect, it } from 'vitest';
import { ripple } from '../../src/components/questions/numeric/power-supplies';
import { withinTolerance } from '../../src/components/questions/numeric/types';
import { seededRandom } from '../../src/lib/seededShuffle';

const numbersIn = (text: string): number[] => [...text.matchAll(/\d+(?:\.\d+)?/g)].map((m) => Number(m[0].replace(/,/g, '')));

describe('power-supplies numeric question', () => {
  it('the ripple is I/(2fC) full-wave and I/(fC) half-wave, and the wrong number of recharges is named', () => {
    let halfWave = 0;
    for (let draw = 0; draw < 60; draw++) {
      const problem = ripple(seededRandom(`ripple#${draw}`));
      const digits = problem.prompt.replace(/(\d),(\d)/g, '$1$2');
      const [mainsHz, microfarads, milliamps] = numbersIn(digits) as [number, number, number];
      const isHalf = problem.prompt.includes('half-wave');
      if (isHalf) halfWave += 1;
      const expected = (milliamps / 1000) / ((isHalf ? 1 : 2) * mainsHz * microfarads * 1e-6);
      expect(problem.answer).toBeCloseTo(expected, 9);
      expect(withinTolerance(problem, expected * 1.025)).toBe(true);
      expect(withinTolerance(problem, expected * 1.05)).toBe(false);
      expect(problem.mistakes?.[0]?.answer).toBeCloseTo(isHalf ? expected / 2 : expected * 2, 9);
    }
    expect(halfWave).toBeGreaterThan(0);
    // The lesson's example: 100 mA, 2200 µF, full-wave on 50 Hz mains ≈ 0.45 V.
    expect(0.1 / (2 * 50 * 2200e-6)).toBeCloseTo(0.4545, 3);
  });
});
