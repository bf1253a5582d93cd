// The amplification lesson's numeric questions give the answers the closed forms give, for every draw.
import { describe, expect, it } from 'vitest';
import { railHeadroom, stageCleanPeak } from '../../src/components/questions/numeric/amplification';
import { withinTolerance } from '../../src/components/questions/numeric/types';
import { seededRandom } from '../../src/lib/seededShuffle';

const numbersIn = (text: string): number[] => [...text.matchAll(/\d+(?:\.\d+)?/g)].map((m) => Number(m[0]));

describe('amplification numeric questions', () => {
  it('the headroom of a sine is 20·log10((rail − dropout) / (√2 · Vin · gain)), with the rms and no-dropout slips named', () => {
    for (let draw = 0; draw < 40; draw++) {
      const problem = railHeadroom(seededRandom(`headroom#${draw}`));
      const [rail, dropout, gain, vin] = numbersIn(problem.prompt) as [number, number, number, number];
      const expected = 20 * Math.log10((rail - dropout) / (Math.sqrt(2) * vin * gain));
      expect(problem.answer).toBeCloseTo(expected, 9);
      expect(withinTolerance(problem, expected + 0.15)).toBe(true);
      expect(withinTolerance(problem, expected + 0.3)).toBe(false);
      const [rms, noDropout] = problem.mistakes ?? [];
      expect(rms?.answer).toBeCloseTo(expected + 20 * Math.log10(Math.sqrt(2)), 9);
      expect(noDropout?.answer).toBeCloseTo(20 * Math.log10(rail / (Math.sqrt(2) * vin * gain)), 9);
    }
  });

  it('the clean peak is the smaller of the rail limit and the current limit times the load, through the build-out divider, and the draws reach both limits', () => {
    const seen = new Set<string>();
    for (let draw = 0; draw < 80; draw++) {
      const problem = stageCleanPeak(seededRandom(`peak#${draw}`));
      const [rail, dropout, milliamps, load, buildOut] = numbersIn(problem.prompt) as [number, number, number, number, number];
      const voltageLimit = rail - dropout;
      const currentLimit = (milliamps / 1000) * (buildOut + load);
      const expected = Math.min(voltageLimit, currentLimit) * (load / (load + buildOut));
      expect(problem.answer).toBeCloseTo(expected, 9);
      expect(withinTolerance(problem, expected * 1.02)).toBe(true);
      expect(withinTolerance(problem, expected * 1.05)).toBe(false);
      const other = currentLimit < voltageLimit ? voltageLimit : currentLimit;
      expect(problem.mistakes?.[0]?.answer).toBeCloseTo(other * (load / (load + buildOut)), 9);
      seen.add(currentLimit < voltageLimit ? 'current' : 'voltage');
    }
    expect(seen).toEqual(new Set(['current', 'voltage']));
  });
});
