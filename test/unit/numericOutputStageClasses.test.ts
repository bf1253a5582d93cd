// The output-stage-classes lesson's numeric question gives the bias the closed form gives, for every draw.
import { describe, expect, it } from 'vitest';
import { classABias } from '../../src/components/questions/numeric/output-stage-classes';
import { biasForClassAAmps, hd650PeakAmps, lcd3PeakAmps } from '../../src/lessonValues/outputStageClasses';
import { withinTolerance } from '../../src/components/questions/numeric/types';
import { seededRandom } from '../../src/lib/seededShuffle';

const numbersIn = (text: string): number[] => [...text.matchAll(/\d+(?:\.\d+)?/g)].map((m) => Number(m[0]));

describe('output-stage-classes numeric questions', () => {
  it('the class-A bias is half the peak current, √2·10^((SPL − S)/20)/Z, and the peak and rms slips are named', () => {
    for (let draw = 0; draw < 40; draw++) {
      const problem = classABias(seededRandom(`bias#${draw}`));
      const [ohms, dbPerVolt, splDb] = numbersIn(problem.prompt) as [number, number, number];
      const rmsAmps = 10 ** ((splDb - dbPerVolt) / 20) / ohms;
      const expectedMilliamps = (1000 * Math.SQRT2 * rmsAmps) / 2;
      expect(problem.answer).toBeCloseTo(expectedMilliamps, 9);
      expect(withinTolerance(problem, expectedMilliamps * 1.025)).toBe(true);
      expect(withinTolerance(problem, expectedMilliamps * 1.04)).toBe(false);
      expect(problem.mistakes?.[0]?.answer).toBeCloseTo(2 * expectedMilliamps, 9);
      expect(problem.mistakes?.[1]?.answer).toBeCloseTo(500 * rmsAmps, 9);
    }
  });

  it('the lesson\'s HD 650 (300 Ω, 103 dB/V) needs about 5.3 mA of bias for 110 dB SPL, the LCD-3 (48 Ω, 102 dB/V) about 37 mA', () => {
    const biasMilliamps = (dbPerVolt: number, ohms: number): number => (1000 * Math.SQRT2 * 10 ** ((110 - dbPerVolt) / 20)) / ohms / 2;
    expect(1000 * biasForClassAAmps(hd650PeakAmps)).toBeCloseTo(biasMilliamps(103, 300), 9);
    expect(1000 * biasForClassAAmps(hd650PeakAmps)).toBeCloseTo(5.28, 2);
    expect(1000 * biasForClassAAmps(lcd3PeakAmps)).toBeCloseTo(biasMilliamps(102, 48), 9);
    expect(1000 * biasForClassAAmps(lcd3PeakAmps)).toBeCloseTo(37.0, 1);
  });
});
