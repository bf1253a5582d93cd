// The measurement lesson's numeric questions: power at a clip point is V²/R, and SINAD in dB is THD+N in percent by the
// definition of the decibel for voltage ratios (40 dB = 1 %, 100 dB = 0.001 %).
import { describe, expect, it } from 'vitest';
import { CLIP_READINGS, SINAD_READINGS, powerAtOnePercent, sinadToPercent } from '../../src/components/questions/numeric/reading-measurements';
import { withinTolerance } from '../../src/components/questions/numeric/types';
import { seededRandom } from '../../src/lib/seededShuffle';

describe('reading-measurements numeric questions', () => {
  it('the power at a clip point is V²/R in mW, within 3 %, with V/R named as a mistake', () => {
    const seen = new Set<string>();
    for (let draw = 0; draw < 40; draw++) {
      const problem = powerAtOnePercent(seededRandom(`power#${draw}`));
      const [, volts, ohms] = /at ([\d.]+) V rms into a (\d+) Ω/.exec(problem.prompt) ?? [];
      const expected = (Number(volts) ** 2 / Number(ohms)) * 1000;
      seen.add(`${volts}/${ohms}`);
      expect(problem.answer).toBeCloseTo(expected, 9);
      expect(withinTolerance(problem, expected * 1.025)).toBe(true);
      expect(withinTolerance(problem, expected * 1.04)).toBe(false);
      expect(problem.mistakes?.some((m) => Math.abs(m.answer - (Number(volts) / Number(ohms)) * 1000) < 1e-9)).toBe(true);
    }
    expect(seen.size).toBe(CLIP_READINGS.length);
  });

  it('the O2 measured at 7.24 V into 300 Ω delivers about 175 mW, as the measurement thread says', () => {
    const problem = powerAtOnePercent(() => 0);
    expect(problem.prompt).toContain('7.24 V rms into a 300 Ω');
    expect(Math.round(problem.answer)).toBe(175);
  });

  it('SINAD s dB is 100·10^(−s/20) % THD+N, within 5 %, with the /10 power rule named as a mistake', () => {
    const seen = new Set<number>();
    for (let draw = 0; draw < 40; draw++) {
      const problem = sinadToPercent(seededRandom(`sinad#${draw}`));
      const sinad = Number(/SINAD of (\d+) dB/.exec(problem.prompt)?.[1]);
      seen.add(sinad);
      const expected = 100 * 10 ** (-sinad / 20);
      expect(problem.answer).toBeCloseTo(expected, 12);
      expect(withinTolerance(problem, expected * 1.04)).toBe(true);
      expect(withinTolerance(problem, expected * 1.07)).toBe(false);
      expect(problem.mistakes?.some((m) => /divide by 20/.test(m.why) && Math.abs(m.answer - 100 * 10 ** (-sinad / 10)) < 1e-15)).toBe(true);
    }
    expect(seen.size).toBe(SINAD_READINGS.length);
  });

  it("98 dB SINAD (Apple's USB-C adapter) is 0.00126 % THD+N", () => {
    const problem = sinadToPercent(() => 0);
    expect(problem.prompt).toContain('98 dB');
    expect(problem.answer).toBeCloseTo(0.001259, 6);
  });
});
