// The connections lesson's numeric question gives the overdrive the dB definition gives, for every draw.
import { describe, expect, it } from 'vitest';
import { overdrive } from '../../src/components/questions/numeric/connections';
import { withinTolerance } from '../../src/components/questions/numeric/types';
import { seededRandom } from '../../src/lib/seededShuffle';

const numbersIn = (text: string): number[] => [...text.matchAll(/[−-]?\d+(?:\.\d+)?/g)].map((m) => Number(m[0].replace('−', '-')));

describe('connections numeric questions', () => {
  it('the overdrive is 20·log10(V_fs · 10^(volume/20) · gain / 7.24 V), accepted within 0.2 dB, with 10·log10 and a forgotten gain named as mistakes', () => {
    const limitVolts = 7.24; // The O2's 1 % THD+N output into 300 Ω (SBAF measurement, REFERENCES §3).
    for (let draw = 0; draw < 40; draw++) {
      const problem = overdrive(seededRandom(`overdrive#${draw}`));
      const numbers = numbersIn(problem.prompt);
      const sourceVolts = numbers[0] as number;
      const volumeDb = problem.prompt.includes('full digital volume') ? 0 : (numbers[1] as number);
      const gain = numbers[problem.prompt.includes('full digital volume') ? 1 : 2] as number;
      const expected = 20 * Math.log10((sourceVolts * 10 ** (volumeDb / 20) * gain) / limitVolts);
      expect(problem.answer).toBeCloseTo(expected, 9);
      expect(withinTolerance(problem, expected + 0.19)).toBe(true);
      expect(withinTolerance(problem, expected - 0.25)).toBe(false);
      for (const mistake of problem.mistakes ?? []) expect(Math.abs(mistake.answer - expected)).toBeGreaterThan(0.2);
      const halved = problem.mistakes?.find((m) => Math.abs(m.answer - expected / 2) < 1e-9);
      if (Math.abs(expected) > 0.4) expect(halved?.why).toMatch(/10·log10/);
      const noGain = problem.mistakes?.find((m) => Math.abs(m.answer - 20 * Math.log10((sourceVolts * 10 ** (volumeDb / 20)) / limitVolts)) < 1e-9);
      if (gain > 1.1) expect(noGain?.why).toMatch(/gain/);
    }
  });
});
