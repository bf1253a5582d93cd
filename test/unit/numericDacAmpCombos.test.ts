// The DAC/amp-combos lesson's numeric questions give the answers the closed forms give, for every draw.
import { describe, expect, it } from 'vitest';
import { chainHeadroom, lineLevelVolts } from '../../src/components/questions/numeric/dac-amp-combos';
import { withinTolerance } from '../../src/components/questions/numeric/types';
import { seededRandom } from '../../src/lib/seededShuffle';

const signedNumbersIn = (text: string): number[] => [...text.matchAll(/[−-]?\d+(?:\.\d+)?/g)].map((m) => Number(m[0].replace('−', '-')));

describe('dac-amp-combos numeric questions', () => {
  it('a level in dBV counts from 1 V and in dBu from √(1 mW × 600 Ω): −10 dBV is 0.316 V, +4 dBu 1.228 V', () => {
    for (let draw = 0; draw < 30; draw++) {
      const problem = lineLevelVolts(seededRandom(`ll#${draw}`));
      const [db] = signedNumbersIn(problem.prompt) as [number];
      const reference = problem.prompt.includes('dBu') ? Math.sqrt(0.6) : 1;
      const expected = reference * 10 ** (db / 20);
      expect(problem.answer).toBeCloseTo(expected, 9);
      expect(withinTolerance(problem, expected * 1.019)).toBe(true);
      expect(withinTolerance(problem, expected * 1.03)).toBe(false);
      const wrongReference = problem.prompt.includes('dBu') ? 1 : Math.sqrt(0.6);
      expect(problem.mistakes?.[0]?.answer).toBeCloseTo(wrongReference * 10 ** (db / 20), 9);
    }
    expect(10 ** (-10 / 20)).toBeCloseTo(0.316, 3);
    expect(Math.sqrt(0.6) * 10 ** (4 / 20)).toBeCloseTo(1.228, 3);
  });

  it('the headroom is 20·log10(clip / (Vfs·√2·10^(peak/20)·10^(volume/20)·gain)); comparing rms with a peak limit is named', () => {
    for (let draw = 0; draw < 40; draw++) {
      const problem = chainHeadroom(seededRandom(`hr#${draw}`));
      const [fullScaleVolts, volumeDb, peakDbfs, gain, clipVolts] = signedNumbersIn(problem.prompt) as [number, number, number, number, number];
      const demand = fullScaleVolts * Math.SQRT2 * 10 ** (peakDbfs / 20) * 10 ** (volumeDb / 20) * gain;
      const expected = 20 * Math.log10(clipVolts / demand);
      expect(problem.answer).toBeCloseTo(expected, 1);
      expect(withinTolerance(problem, problem.answer + 0.19)).toBe(true);
      expect(withinTolerance(problem, problem.answer + 0.25)).toBe(false);
      expect((problem.mistakes?.[0]?.answer ?? 0) - problem.answer).toBeCloseTo(20 * Math.log10(Math.SQRT2), 9);
    }
  });
});
