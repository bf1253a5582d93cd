// The sensitivity-and-power lesson's numeric questions give the answers the closed forms give, for every draw.
import { describe, expect, it } from 'vitest';
import { bassBoostRatedMargin, musicHeadroom, voltsForSpl } from '../../src/components/questions/numeric/sensitivity-and-power';
import { withinTolerance } from '../../src/components/questions/numeric/types';
import { seededRandom } from '../../src/lib/seededShuffle';

const numbersIn = (text: string): number[] => [...text.matchAll(/\d+(?:\.\d+)?/g)].map((m) => Number(m[0]));

describe('sensitivity-and-power numeric questions', () => {
  it('the voltage for a level is √(P·Z) with P = 1 mW · 10^((SPL − S)/10), and the dB/V slip is named', () => {
    for (let draw = 0; draw < 40; draw++) {
      const problem = voltsForSpl(seededRandom(`volts#${draw}`));
      const [dbPerMw, ohms, spl] = numbersIn(problem.prompt) as [number, number, number];
      const watts = 1e-3 * 10 ** ((spl - dbPerMw) / 10);
      const expected = Math.sqrt(watts * ohms);
      expect(problem.answer).toBeCloseTo(expected, 9);
      expect(withinTolerance(problem, expected * 1.025)).toBe(true);
      expect(withinTolerance(problem, expected * 1.04)).toBe(false);
      expect(problem.mistakes?.[0]?.answer).toBeCloseTo(10 ** ((spl - dbPerMw) / 20), 9);
    }
  });

  it('a 1 Vrms source into 103 dB/V leaves music with a 15 dB crest factor about 6 dB of headroom at 85 dB SPL', () => {
    for (let draw = 0; draw < 40; draw++) {
      const problem = musicHeadroom(seededRandom(`headroom#${draw}`));
      const [volts, dbPerVolt, crest, level] = numbersIn(problem.prompt) as [number, number, number, number];
      const expected = dbPerVolt + 20 * Math.log10(volts) + 20 * Math.log10(Math.sqrt(2)) - crest - level;
      expect(problem.answer).toBeCloseTo(expected, 9);
      expect(withinTolerance(problem, expected + 0.25)).toBe(true);
      expect(withinTolerance(problem, expected + 0.4)).toBe(false);
      expect(problem.mistakes?.[0]?.answer).toBeCloseTo(expected - 20 * Math.log10(Math.sqrt(2)), 9);
    }
    expect(103 + 0 + 3.01 - 15 - 85).toBeCloseTo(6, 1);
  });

  it('a 98 dB/V, 600 Ω headphone rated 100 mW with a 10 dB boost on a 108 dB note is 2.2 dB over its rating', () => {
    for (let draw = 0; draw < 40; draw++) {
      const problem = bassBoostRatedMargin(seededRandom(`rated#${draw}`));
      const [dbPerVolt, ohms, milliwatts, level, boost] = numbersIn(problem.prompt) as [number, number, number, number, number];
      const noteWatts = 10 ** ((level - dbPerVolt) / 10) / ohms;
      const expected = 10 * Math.log10(milliwatts / 1000 / (noteWatts * 10 ** (boost / 10)));
      expect(problem.answer).toBeCloseTo(expected, 9);
      expect(withinTolerance(problem, expected + 0.25)).toBe(true);
      expect(withinTolerance(problem, expected + 0.4)).toBe(false);
      expect(problem.mistakes?.[0]?.answer).toBeCloseTo(expected + boost, 9);
    }
    expect(10 * Math.log10(0.1 / ((10 ** ((108 - 98) / 10) / 600) * 10))).toBeCloseTo(-2.2, 1);
  });
});
