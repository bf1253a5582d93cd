// The protection lesson's numeric questions: V²/R for a DC offset, and V·e^(−t_d/(R_b·C)) for the step a relay
// lets through, recomputed here from the numbers in each prompt.
import { describe, expect, it } from 'vitest';
import { offsetPower, relayResidual } from '../../src/components/questions/numeric/protection-and-turn-on';
import { withinTolerance } from '../../src/components/questions/numeric/types';
import { seededRandom } from '../../src/lib/seededShuffle';

const numbersIn = (text: string): number[] => [...text.matchAll(/\d+(?:\.\d+)?/g)].map((m) => Number(m[0]));

describe('protection-and-turn-on numeric questions', () => {
  it('the offset power is V²/R in µW, and the current and the unconverted millivolts are named as mistakes', () => {
    for (let draw = 0; draw < 60; draw++) {
      const problem = offsetPower(seededRandom(`offset#${draw}`));
      const [millivolts, ohms] = numbersIn(problem.prompt) as [number, number];
      const expected = ((millivolts / 1000) ** 2 / ohms) * 1e6;
      expect(problem.answer).toBeCloseTo(expected, 9);
      expect(withinTolerance(problem, expected * 1.015)).toBe(true);
      expect(withinTolerance(problem, expected * 1.05)).toBe(false);
      expect(problem.mistakes?.[0]?.answer).toBeCloseTo((millivolts / 1000 / ohms) * 1e6, 9);
    }
    // 20 mV into 32 Ω is 12.5 µW (head-fi's 0.0125 mW).
    expect((0.02 ** 2 / 32) * 1e6).toBeCloseTo(12.5, 9);
  });

  it('the relay residual is V·e^(−t_d/(R_b·C)) in mV; the whole step is the first mistake', () => {
    for (let draw = 0; draw < 60; draw++) {
      const problem = relayResidual(seededRandom(`relay#${draw}`));
      const [bias, microfarads, kilohms, delay] = numbersIn(problem.prompt) as [number, number, number, number];
      const expected = bias * 1000 * Math.exp(-delay / (kilohms * 1000 * microfarads * 1e-6));
      expect(problem.answer).toBeCloseTo(expected, 6);
      expect(withinTolerance(problem, expected * 1.025)).toBe(true);
      expect(withinTolerance(problem, expected * 1.06)).toBe(false);
      expect(problem.mistakes?.[0]?.answer).toBe(bias * 1000);
      expect(problem.answer).toBeGreaterThanOrEqual(0.1);
    }
  });
});
