// The portable-vs-desktop lesson's numeric questions give the answers the closed forms give, for every draw.
import { describe, expect, it } from 'vitest';
import { boostedCell, loudestClean } from '../../src/components/questions/numeric/portable-vs-desktop';
import { withinTolerance } from '../../src/components/questions/numeric/types';
import { seededRandom } from '../../src/lib/seededShuffle';

const numbersIn = (text: string): number[] => [...text.matchAll(/\d+(?:\.\d+)?/g)].map((m) => Number(m[0]));

describe('portable-vs-desktop numeric questions', () => {
  it('the loudest clean level is S + 20·log10((Vrail − Vdrop)/√2), and peak-for-rms and a forgotten dropout are named', () => {
    for (let draw = 0; draw < 40; draw++) {
      const problem = loudestClean(seededRandom(`loud#${draw}`));
      const [rail, drop, sensitivity] = numbersIn(problem.prompt) as [number, number, number];
      const expected = sensitivity + 20 * Math.log10((rail - drop) / Math.sqrt(2));
      expect(problem.answer).toBeCloseTo(expected, 9);
      expect(withinTolerance(problem, expected + 0.25)).toBe(true);
      expect(withinTolerance(problem, expected + 0.4)).toBe(false);
      const mistakes = problem.mistakes?.map((m) => m.answer) ?? [];
      expect(mistakes[0]).toBeCloseTo(expected + 20 * Math.log10(Math.sqrt(2)), 9);
      if (drop > 0) expect(mistakes).toContainEqual(sensitivity + 20 * Math.log10(rail / Math.sqrt(2)));
    }
  });

  it('one cell stepped up to ±Vrail supplies 2·Vrail·I/(η·Vcell): power is conserved, not current', () => {
    for (let draw = 0; draw < 40; draw++) {
      const problem = boostedCell(seededRandom(`boost#${draw}`));
      const [cellVolts, railVolts, efficiencyPercent, railMilliamps] = numbersIn(problem.prompt) as [number, number, number, number];
      const expected = (2 * railVolts * railMilliamps) / ((efficiencyPercent / 100) * cellVolts);
      expect(problem.answer).toBeCloseTo(expected, 6);
      expect(expected).toBeGreaterThan(railMilliamps);
      expect(withinTolerance(problem, expected * 1.025)).toBe(true);
      expect(withinTolerance(problem, expected * 1.05)).toBe(false);
      expect(problem.mistakes?.[0]?.answer).toBe(railMilliamps);
      expect(problem.mistakes?.[1]?.answer).toBeCloseTo(expected * (efficiencyPercent / 100), 6);
    }
    // The lesson's example: 31 mA between ±9 V rails from a 3.7 V cell needs at least 151 mA.
    expect((2 * 9 * 31) / 3.7).toBeCloseTo(150.8, 1);
  });
});
