// The what-a-dac-does lesson's numeric questions give the answers the closed forms give, for every draw.
import { describe, expect, it } from 'vitest';
import { headphoneCurrent, idealSnr } from '../../src/components/questions/numeric/what-a-dac-does';
import { withinTolerance } from '../../src/components/questions/numeric/types';
import { seededRandom } from '../../src/lib/seededShuffle';

const numbersIn = (text: string): number[] => [...text.matchAll(/\d+(?:\.\d+)?/g)].map((m) => Number(m[0]));

describe('what-a-dac-does numeric questions', () => {
  it('the current into a headphone is V/Z in mA, and the 1 kΩ line current is named as a mistake', () => {
    for (let draw = 0; draw < 40; draw++) {
      const problem = headphoneCurrent(seededRandom(`current#${draw}`));
      const [, volts, ohms] = numbersIn(problem.prompt) as [number, number, number];
      const expected = (1000 * volts) / ohms;
      expect(problem.answer).toBeCloseTo(expected, 9);
      expect(withinTolerance(problem, expected * 1.025)).toBe(true);
      expect(withinTolerance(problem, expected * 1.04)).toBe(false);
      expect(problem.mistakes?.[0]?.answer).toBeCloseTo(volts, 9);
    }
    expect((1000 * 2.1) / 32).toBeCloseTo(65.6, 1);
  });

  it('an ideal N-bit converter gives 20·log10(2^N·√1.5) dB for a full-scale sine: 98.1 dB at 16 bits', () => {
    for (let draw = 0; draw < 30; draw++) {
      const problem = idealSnr(seededRandom(`snr#${draw}`));
      const [bits] = numbersIn(problem.prompt) as [number];
      const expected = 20 * Math.log10(2 ** bits * Math.sqrt(1.5));
      expect(problem.answer).toBeCloseTo(expected, 9);
      expect(withinTolerance(problem, expected - 0.25)).toBe(true);
      expect(withinTolerance(problem, expected - 0.4)).toBe(false);
      expect(problem.mistakes?.[0]?.answer).toBeCloseTo(expected - 10 * Math.log10(1.5), 9);
    }
    expect(20 * Math.log10(2 ** 16 * Math.sqrt(1.5))).toBeCloseTo(98.09, 2);
  });
});
