// The hearing-safety lesson's numeric questions give what NIOSH's 3 dB rule gives, for every draw.
import { describe, expect, it } from 'vitest';
import { allowedTime, dayDose } from '../../src/components/questions/numeric/hearing-safety';
import { withinTolerance } from '../../src/components/questions/numeric/types';
import { seededRandom } from '../../src/lib/seededShuffle';

const numbersIn = (text: string): number[] => [...text.matchAll(/\d+(?:\.\d+)?/g)].map((m) => Number(m[0]));
/** NIOSH 98-126: 85 dBA for 8 h, halved for every 3 dB (its table: 88 dBA 4 h, 91 dBA 2 h, 94 dBA 1 h). */
const niosh = (levelDb: number): number => 8 * 0.5 ** ((levelDb - 85) / 3);

describe('hearing-safety numeric questions', () => {
  it('the allowed time halves every 3 dB from 8 hours at 85 dB, and OSHA\'s 5 dB rule is named as a mistake', () => {
    expect(niosh(94)).toBeCloseTo(1, 12);
    for (let draw = 0; draw < 30; draw++) {
      const problem = allowedTime(seededRandom(`time#${draw}`));
      const levelDb = numbersIn(problem.prompt).at(-1) as number;
      const expected = niosh(levelDb);
      expect(problem.answer).toBeCloseTo(expected, 9);
      expect(withinTolerance(problem, expected * 1.025)).toBe(true);
      expect(withinTolerance(problem, expected * 1.04)).toBe(false);
      const osha = 8 * 0.5 ** ((levelDb - 90) / 5);
      expect(problem.mistakes?.some((m) => Math.abs(m.answer - osha) < 1e-9 && /OSHA/.test(m.why))).toBe(true);
    }
  });

  it('a day\'s dose adds each session\'s hours over its own allowed time, and averaging the decibels is named as a mistake', () => {
    for (let draw = 0; draw < 30; draw++) {
      const problem = dayDose(seededRandom(`dose#${draw}`));
      const [c1, l1, c2, l2] = numbersIn(problem.prompt) as [number, number, number, number];
      const expected = 100 * (c1 / niosh(l1) + c2 / niosh(l2));
      expect(problem.answer).toBeCloseTo(expected, 9);
      expect(withinTolerance(problem, expected * 1.025)).toBe(true);
      expect(withinTolerance(problem, expected * 0.96)).toBe(false);
      const averaged = (100 * (c1 + c2)) / niosh((l1 * c1 + l2 * c2) / (c1 + c2));
      if (Math.abs(averaged - expected) > 0.03 * expected) {
        expect(problem.mistakes?.some((m) => Math.abs(m.answer - averaged) < 1e-9 && /averages the decibels/.test(m.why))).toBe(true);
      }
    }
    // The lesson's own check: 1 h at 94 dB and 1 h at 88 dB is 100 % + 25 %.
    expect(100 * (1 / niosh(94) + 1 / niosh(88))).toBeCloseTo(125, 9);
  });
});
