// The transformer lesson's numeric questions give the answers the closed forms give, for every draw: n²·R_L for the
// reflected load, (rp + Rpri)/n² + Rsec for the output impedance, read back from each prompt's own numbers.
import { describe, expect, it } from 'vitest';
import { reflectedLoad, transformerOutputImpedance } from '../../src/components/questions/numeric/tube-output-transformers';
import { withinTolerance } from '../../src/components/questions/numeric/types';
import { seededRandom } from '../../src/lib/seededShuffle';

const numbersIn = (text: string): number[] => [...text.matchAll(/\d+(?:\.\d+)?/g)].map((m) => Number(m[0]));

describe('tube-output-transformers numeric questions', () => {
  it('the reflected load is n² times the headphone, and n times it is named as the mistake', () => {
    for (let draw = 0; draw < 40; draw++) {
      const problem = reflectedLoad(seededRandom(`rl#${draw}`));
      const [loadOhms, n] = numbersIn(problem.prompt) as [number, number];
      expect(problem.answer).toBeCloseTo(n * n * loadOhms, 9);
      expect(withinTolerance(problem, n * n * loadOhms * 1.015)).toBe(true);
      expect(withinTolerance(problem, n * loadOhms)).toBe(false);
      expect(problem.mistakes?.[0]?.answer).toBe(n * loadOhms);
    }
  });

  it('the output impedance is (rp + Rpri)/n² + Rsec, and dividing by n is named as the mistake', () => {
    for (let draw = 0; draw < 40; draw++) {
      const problem = transformerOutputImpedance(seededRandom(`zo#${draw}`));
      const [rp, n, , rpri, rsec] = numbersIn(problem.prompt) as [number, number, number, number, number];
      expect(problem.answer).toBeCloseTo((rp + rpri) / (n * n) + rsec, 9);
      expect(withinTolerance(problem, (rp + rpri) / n + rsec)).toBe(false);
      expect(problem.mistakes?.[0]?.answer).toBeCloseTo((rp + rpri) / n + rsec, 9);
    }
  });
});
