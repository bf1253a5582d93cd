// The volume-controls lesson's numeric questions give A/6.02 bits for a digital attenuation and 40·log10((1 + t)/(1 − t))
// dB for a deep ladder step, for every draw, and name the tempting wrong answers.
import { describe, expect, it } from 'vitest';
import { bitsLost, ladderMatch } from '../../src/components/questions/numeric/volume-controls';
import { withinTolerance } from '../../src/components/questions/numeric/types';
import { seededRandom } from '../../src/lib/seededShuffle';

const numbersIn = (text: string): number[] => [...text.matchAll(/\d+(?:\.\d+)?/g)].map((m) => Number(m[0]));

describe('volume-controls numeric questions', () => {
  it('bits lost are the attenuation over 20·log10(2)', () => {
    for (let draw = 0; draw < 40; draw++) {
      const problem = bitsLost(seededRandom(`bits#${draw}`));
      const [attenuationDb] = numbersIn(problem.prompt) as [number];
      expect(problem.answer).toBeCloseTo(attenuationDb / 6.0206, 3);
      expect(withinTolerance(problem, attenuationDb / 6)).toBe(attenuationDb / 6 - attenuationDb / 6.0206 <= 0.1);
      expect(withinTolerance(problem, attenuationDb / 3.0103)).toBe(false);
    }
  });

  it('a deep ladder step with ±t resistors can differ by ((1 + t)/(1 − t))² between channels', () => {
    for (let draw = 0; draw < 40; draw++) {
      const problem = ladderMatch(seededRandom(`ladder#${draw}`));
      const [percent] = numbersIn(problem.prompt) as [number];
      const t = percent / 100;
      const byHand = 20 * Math.log10(((1 + t) / (1 - t)) ** 2);
      expect(problem.answer).toBeCloseTo(byHand, 9);
      expect(withinTolerance(problem, byHand / 2)).toBe(false);
    }
    // ±0.1 %: 0.0347 dB
    expect(20 * Math.log10((1.001 / 0.999) ** 2)).toBeCloseTo(0.0347, 4);
  });
});
