// The EQ lesson's numeric questions give the answers the closed forms give, for every draw.
import { describe, expect, it } from 'vitest';
import { eqPreamp, gainSwitch } from '../../src/components/questions/numeric/eq-and-tone-controls';
import { withinTolerance } from '../../src/components/questions/numeric/types';
import { seededRandom } from '../../src/lib/seededShuffle';

const signedNumbersIn = (text: string): number[] => [...text.matchAll(/[−+-]?\d+(?:\.\d+)?/g)].map((m) => Number(m[0].replace('−', '-')));

describe('eq-and-tone-controls numeric questions', () => {
  it('the preamp takes back the largest single boost (a peaking filter gives exactly G at f0) less the track\'s own margin', () => {
    for (let draw = 0; draw < 40; draw++) {
      const problem = eqPreamp(seededRandom(`pre#${draw}`));
      const [peakDb, , , , shelfDb, , trackPeak] = signedNumbersIn(problem.prompt) as number[];
      // A peak filter reaches exactly its gain at its centre and a shelf its full gain far beyond its corner (RBJ);
      // bands this far apart barely add, so the largest boost is the larger of the two gains.
      const expected = -(Math.max(peakDb as number, shelfDb as number) + (trackPeak as number));
      expect(problem.answer).toBeGreaterThan(expected - 0.3);
      expect(problem.answer).toBeLessThanOrEqual(expected + 0.3);
      expect(withinTolerance(problem, problem.answer - 0.29)).toBe(true);
      expect(withinTolerance(problem, problem.answer - 0.4)).toBe(false);
      expect(problem.mistakes?.[0]?.answer).toBeCloseTo(-((peakDb as number) + (shelfDb as number) + (trackPeak as number)), 9);
    }
  });

  it('a gain switch changes the level by 20·log10(high/low): the O2\'s 6.5× to 2.5× is 8.3 dB', () => {
    for (let draw = 0; draw < 30; draw++) {
      const problem = gainSwitch(seededRandom(`gs#${draw}`));
      const [high, low] = signedNumbersIn(problem.prompt) as [number, number];
      const expected = 20 * Math.log10(high / low);
      expect(problem.answer).toBeCloseTo(expected, 9);
      expect(withinTolerance(problem, expected + 0.19)).toBe(true);
      expect(withinTolerance(problem, expected + 0.25)).toBe(false);
      expect(problem.mistakes?.[0]?.answer).toBeCloseTo(10 * Math.log10(high / low), 9);
    }
    expect(20 * Math.log10(6.5 / 2.5)).toBeCloseTo(8.3, 1);
  });
});
