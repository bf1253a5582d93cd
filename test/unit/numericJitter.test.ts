// The jitter lesson's numeric questions give the answers the closed forms give, for every draw.
import { describe, expect, it } from 'vitest';
import { sidebandLevel, snrLimit } from '../../src/components/questions/numeric/jitter';
import { withinTolerance } from '../../src/components/questions/numeric/types';
import { seededRandom } from '../../src/lib/seededShuffle';

const numbersIn = (text: string): number[] => [...text.matchAll(/\d+(?:\.\d+)?/g)].map((m) => Number(m[0]));

describe('jitter numeric questions', () => {
  it('the SNR limit is −20·log10(2π·f·tj): 1 ns at 20 kHz is 78 dB, and leaving out 2π is named as a mistake', () => {
    for (let draw = 0; draw < 40; draw++) {
      const problem = snrLimit(seededRandom(`snr#${draw}`));
      const [ps, khz] = numbersIn(problem.prompt) as [number, number];
      const expected = -20 * Math.log10(2 * Math.PI * khz * 1e3 * ps * 1e-12);
      expect(problem.answer).toBeCloseTo(expected, 9);
      expect(withinTolerance(problem, expected + 0.45)).toBe(true);
      expect(withinTolerance(problem, expected + 0.6)).toBe(false);
      expect(problem.mistakes?.[0]?.answer).toBeCloseTo(-20 * Math.log10(khz * 1e3 * ps * 1e-12), 9);
    }
    expect(-20 * Math.log10(2 * Math.PI * 20e3 * 1e-9)).toBeCloseTo(78.0, 1);
  });

  it('each sideband of sinusoidal jitter is 20·log10(π·f·√2·trms), 3 dB below reading the rms as the peak', () => {
    for (let draw = 0; draw < 40; draw++) {
      const problem = sidebandLevel(seededRandom(`sb#${draw}`));
      const [ns, khz] = numbersIn(problem.prompt) as [number, number];
      const beta = 2 * Math.PI * khz * 1e3 * Math.SQRT2 * ns * 1e-9;
      const expected = 20 * Math.log10(beta / 2);
      expect(problem.answer).toBeCloseTo(expected, 9);
      expect(withinTolerance(problem, expected - 0.45)).toBe(true);
      expect(withinTolerance(problem, expected - 0.6)).toBe(false);
      expect((problem.mistakes?.[0]?.answer ?? 0) - problem.answer).toBeCloseTo(-20 * Math.log10(Math.SQRT2), 9);
    }
  });
});
