// The gain-and-noise lesson's numeric question gives the hiss level the closed form gives, for every draw.
import { describe, expect, it } from 'vitest';
import { hissSpl } from '../../src/components/questions/numeric/gain-and-noise';
import { andromedaNoiseDbSpl, hd650NoiseDbSpl } from '../../src/lessonValues/gainAndNoise';
import { withinTolerance } from '../../src/components/questions/numeric/types';
import { seededRandom } from '../../src/lib/seededShuffle';

const numbersIn = (text: string): number[] => [...text.matchAll(/\d+(?:\.\d+)?/g)].map((m) => Number(m[0]));

describe('gain-and-noise numeric questions', () => {
  it('the hiss is S + 20·log10(V) dB SPL, and the volts-for-microvolts and 10·log10 slips are named', () => {
    for (let draw = 0; draw < 40; draw++) {
      const problem = hissSpl(seededRandom(`hiss#${draw}`));
      const [microvolts, dbPerVolt] = numbersIn(problem.prompt) as [number, number];
      const expected = dbPerVolt + 20 * Math.log10(microvolts) - 120;
      expect(problem.answer).toBeCloseTo(expected, 9);
      expect(withinTolerance(problem, expected + 0.45)).toBe(true);
      expect(withinTolerance(problem, expected - 0.6)).toBe(false);
      expect(problem.mistakes?.[0]?.answer).toBeCloseTo(expected + 120, 9);
      expect(problem.mistakes?.[1]?.answer).toBeCloseTo(dbPerVolt + 10 * Math.log10(microvolts) - 60, 9);
    }
  });

  it('the lesson\'s 10 µV is about 32 dB SPL in the Andromeda (112.8 dB/mW at 12.8 Ω) and 3 dB SPL in the HD 650 (103 dB/V)', () => {
    const andromedaDbPerVolt = 112.8 + 10 * Math.log10(1000 / 12.8);
    expect(andromedaNoiseDbSpl).toBeCloseTo(andromedaDbPerVolt - 100, 9);
    expect(andromedaNoiseDbSpl).toBeCloseTo(31.7, 1);
    expect(hd650NoiseDbSpl).toBeCloseTo(3, 9);
  });
});
