// The tube-vs-solid-state lesson's numeric question applies the three-point formula to the voltages it states, and
// the estimate agrees with the triode model's own second harmonic.
import { describe, expect, it } from 'vitest';
import { threePointD2 } from '../../src/components/questions/numeric/tube-vs-solid-state';
import { withinTolerance } from '../../src/components/questions/numeric/types';
import { seededRandom } from '../../src/lib/seededShuffle';
import { predictedHarmonicLevels } from '../../src/dsp/analysis/harmonics';
import { TRIODE_STAGE_DEFAULTS, transferVolts } from '../../src/dsp/circuits/triodeStage';
import { triodeFullSwingInputVolts } from '../../src/lessonValues/tubeVsSolidState';

const numbersIn = (text: string): number[] => [...text.matchAll(/\d+(?:\.\d+)?/g)].map((m) => Number(m[0]));

describe('tube-vs-solid-state numeric questions', () => {
  it('|D2| = |(Vmax + Vmin)/2 − Vq| / (Vmax − Vmin) from the stated voltages, and dividing by the peak is named', () => {
    for (let draw = 0; draw < 30; draw++) {
      const problem = threePointD2(seededRandom(`d2#${draw}`));
      const [rest, max, min] = numbersIn(problem.prompt).slice(-3) as [number, number, number];
      const expected = (100 * Math.abs((max + min) / 2 - rest)) / (max - min);
      expect(problem.answer).toBeCloseTo(expected, 9);
      expect(withinTolerance(problem, expected + 0.09)).toBe(true);
      expect(withinTolerance(problem, expected + 0.12)).toBe(false);
      expect(problem.mistakes?.[0]?.answer).toBeCloseTo(2 * expected, 9);
    }
  });

  it('for a gently curved stage the three-point estimate is close to the second harmonic the spectrum shows', () => {
    // v = a1·x + a2·x² gives exactly D2 = a2·X/(2·a1); the triode adds a little higher-order curvature, so within 10 %.
    const amplitude = triodeFullSwingInputVolts / 2;
    const levels = predictedHarmonicLevels((x) => transferVolts(TRIODE_STAGE_DEFAULTS, x), amplitude, 1000);
    const second = (levels.harmonicsRms[0] ?? Number.NaN) / levels.fundamentalRms;
    const vq = transferVolts(TRIODE_STAGE_DEFAULTS, 0);
    const a = transferVolts(TRIODE_STAGE_DEFAULTS, amplitude);
    const b = transferVolts(TRIODE_STAGE_DEFAULTS, -amplitude);
    const estimate = Math.abs((a + b) / 2 - vq) / Math.abs(a - b);
    expect(estimate / second).toBeGreaterThan(0.9);
    expect(estimate / second).toBeLessThan(1.1);
  });
});
