// The bits-and-dither lesson's numeric question gives the SNR the closed form gives, for every draw.
import { describe, expect, it } from 'vitest';
import { quietSnr } from '../../src/components/questions/numeric/bits-and-dither';
import { withinTolerance } from '../../src/components/questions/numeric/types';
import { seededRandom } from '../../src/lib/seededShuffle';

describe('bits-and-dither numeric question', () => {
  it('the SNR is 10·log10((10^(L/10)/2)/(Δ²/12)) with Δ = 2/2^N, less 10·log10 3 with TPDF', () => {
    for (let draw = 0; draw < 60; draw++) {
      const problem = quietSnr(seededRandom(`snr#${draw}`));
      const bits = Number(/(\d+)-bit/.exec(problem.prompt)?.[1]);
      const level = Number((/peaking at ([−-]?\d+) dBFS/.exec(problem.prompt)?.[1] ?? '').replace('−', '-'));
      const tpdf = problem.prompt.includes('TPDF');
      const step = 2 / 2 ** bits;
      const expected = 10 * Math.log10(10 ** (level / 10) / 2 / (step ** 2 / 12)) - (tpdf ? 10 * Math.log10(3) : 0);
      expect(problem.answer).toBeCloseTo(expected, 9);
      expect(withinTolerance(problem, expected - 0.25)).toBe(true);
      expect(withinTolerance(problem, expected - 0.4)).toBe(false);
      if (level < 0) expect(problem.mistakes?.[0]?.answer).toBeCloseTo(expected - level, 9);
    }
    // 16 bits at full scale: 98.1 dB.
    expect(10 * Math.log10(1.5 * 2 ** 32)).toBeCloseTo(98.09, 2);
  });
});
