// The balanced-outputs lesson's numeric questions give the answers the closed forms give, for every draw.
import { describe, expect, it } from 'vitest';
import { bridgedPower, groundCrosstalk } from '../../src/components/questions/numeric/balanced-outputs';
import { withinTolerance } from '../../src/components/questions/numeric/types';
import { seededRandom } from '../../src/lib/seededShuffle';

const numbersIn = (text: string): number[] => [...text.matchAll(/\d+(?:\.\d+)?/g)].map((m) => Number(m[0]));

describe('balanced-outputs numeric questions', () => {
  it('bridged power is (2V)²/Z unless each half\'s current limit gives less, I²·Z; four times single-ended is named when current bites', () => {
    let currentLimited = 0;
    for (let draw = 0; draw < 60; draw++) {
      const problem = bridgedPower(seededRandom(`bp#${draw}`));
      const [volts, milliamps, ohms] = numbersIn(problem.prompt) as [number, number, number];
      const byVoltage = ((2 * volts) ** 2 / ohms) * 1000;
      const byCurrent = (milliamps / 1000) ** 2 * ohms * 1000;
      const expected = Math.min(byVoltage, byCurrent);
      expect(problem.answer).toBeCloseTo(expected, 6);
      expect(withinTolerance(problem, expected * 1.029)).toBe(true);
      expect(withinTolerance(problem, expected * 1.04)).toBe(false);
      if (byCurrent < byVoltage) {
        currentLimited++;
        expect(problem.mistakes?.[0]?.answer).toBeCloseTo(byVoltage, 6);
      }
    }
    expect(currentLimited).toBeGreaterThan(0);
  });

  it('crosstalk through a shared ground is 20·log10(Rg/Z): 0.1 Ω into 32 Ω is about −50 dB', () => {
    for (let draw = 0; draw < 30; draw++) {
      const problem = groundCrosstalk(seededRandom(`gx#${draw}`));
      const [groundOhms, loadOhms] = numbersIn(problem.prompt) as [number, number];
      const expected = 20 * Math.log10(groundOhms / loadOhms);
      expect(problem.answer).toBeCloseTo(expected, 9);
      expect(withinTolerance(problem, expected + 0.45)).toBe(true);
      expect(withinTolerance(problem, expected + 0.6)).toBe(false);
      expect(problem.mistakes?.[0]?.answer).toBeCloseTo(10 * Math.log10(groundOhms / loadOhms), 9);
    }
    expect(20 * Math.log10(0.1 / 32)).toBeCloseTo(-50.1, 1);
  });
});
