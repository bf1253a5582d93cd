// The class-d lesson's numeric questions give the closed forms written out here, for every draw:
// f₀ = 1/(2π√(LC)) and, into a resistor, 20·log10(R·√(C/L)) at the corner.
import { describe, expect, it } from 'vitest';
import { filterCorner, filterPeak } from '../../src/components/questions/numeric/class-d';
import { withinTolerance } from '../../src/components/questions/numeric/types';
import { seededRandom } from '../../src/lib/seededShuffle';

const numbersIn = (text: string): number[] => [...text.matchAll(/\d+(?:\.\d+)?/g)].map((m) => Number(m[0]));

describe('class-d numeric questions', () => {
  it('the corner is 1/(2π√(LC)) in kHz, and ω₀ in thousands (forgetting 2π) is named as a mistake', () => {
    for (let draw = 0; draw < 40; draw++) {
      const problem = filterCorner(seededRandom(`corner#${draw}`));
      const [microhenries, microfarads] = numbersIn(problem.prompt) as [number, number];
      const expectedKhz = 1 / (2 * Math.PI * Math.sqrt(microhenries * 1e-6 * microfarads * 1e-6)) / 1000;
      expect(problem.answer).toBeCloseTo(expectedKhz, 9);
      expect(withinTolerance(problem, expectedKhz * 1.015)).toBe(true);
      expect(withinTolerance(problem, expectedKhz * 1.05)).toBe(false);
      expect(problem.mistakes?.[0]?.answer).toBeCloseTo(expectedKhz * 2 * Math.PI, 9);
    }
    // 22 µH with 0.68 µF: ≈ 41.1 kHz
    expect(1 / (2 * Math.PI * Math.sqrt(22e-6 * 0.68e-6)) / 1000).toBeCloseTo(41.15, 2);
  });

  it('the level at the corner into a resistor is 20·log10(R·√(C/L)) dB', () => {
    for (let draw = 0; draw < 40; draw++) {
      const problem = filterPeak(seededRandom(`peak#${draw}`));
      const [microhenries, microfarads, ohms] = numbersIn(problem.prompt) as [number, number, number];
      const expectedDb = 20 * Math.log10(ohms * Math.sqrt(microfarads / microhenries));
      expect(problem.answer).toBeCloseTo(expectedDb, 9);
      expect(withinTolerance(problem, expectedDb + 0.15)).toBe(true);
      expect(withinTolerance(problem, expectedDb + 0.5)).toBe(false);
    }
  });
});
