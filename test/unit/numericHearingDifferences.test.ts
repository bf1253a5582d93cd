// The hearing-differences lesson's numeric questions give the answers the closed forms give, for every draw.
import { describe, expect, it } from 'vitest';
import { guessingChance, levelFromVoltage } from '../../src/components/questions/numeric/hearing-differences';
import { withinTolerance } from '../../src/components/questions/numeric/types';
import { seededRandom } from '../../src/lib/seededShuffle';

const numbersIn = (text: string): number[] => [...text.matchAll(/\d+(?:\.\d+)?/g)].map((m) => Number(m[0]));
const choose = (n: number, k: number): number => {
  let c = 1;
  for (let i = 1; i <= k; i++) c = (c * (n - k + i)) / i;
  return c;
};

describe('hearing-differences numeric questions', () => {
  it('the chance of c or more of n by guessing is Σ C(n, k) / 2^n in percent (12 of 16: 2517/65536 ≈ 3.84 %)', () => {
    for (let draw = 0; draw < 40; draw++) {
      const problem = guessingChance(seededRandom(`guess#${draw}`));
      const [correct, trials] = numbersIn(problem.prompt) as [number, number];
      let tail = 0;
      for (let k = correct; k <= trials; k++) tail += choose(trials, k);
      const expected = (100 * tail) / 2 ** trials;
      expect(problem.answer).toBeCloseTo(expected, 9);
      expect(withinTolerance(problem, expected * 1.04 + 0.0)).toBe(true);
      expect(withinTolerance(problem, expected * 1.2 + 0.1)).toBe(false);
      expect(problem.mistakes?.[0]?.answer).toBeCloseTo((100 * choose(trials, correct)) / 2 ** trials, 9);
    }
    let tail = 0;
    for (let k = 12; k <= 16; k++) tail += choose(16, k);
    expect(tail).toBe(2517);
  });

  it('a voltage x % higher is 20·log10(1 + x/100) dB louder: 2.3 % is about 0.2 dB', () => {
    for (let draw = 0; draw < 30; draw++) {
      const problem = levelFromVoltage(seededRandom(`level#${draw}`));
      const [percent] = numbersIn(problem.prompt) as [number];
      const expected = 20 * Math.log10(1 + percent / 100);
      expect(problem.answer).toBeCloseTo(expected, 9);
      expect(withinTolerance(problem, expected * 1.04)).toBe(true);
      expect(withinTolerance(problem, expected * 1.1 + 0.02)).toBe(false);
      expect(problem.mistakes?.[0]?.answer).toBeCloseTo(expected / 2, 9);
    }
    expect(20 * Math.log10(1.023)).toBeCloseTo(0.2, 2);
  });
});
