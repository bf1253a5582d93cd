// The measurement lesson's build-time figures from the bench's O2 model: below the knee THD+N is the fixed hiss over
// the tone (so it falls 10 dB per decade of power), and the model's 1 % points land on the O2's measured clip points
// (7.24 V into 300 Ω, about 175 mW), within the bench's 10 %.
import { describe, expect, it } from 'vitest';
import * as R from '../../src/lessonValues/readingMeasurements';

describe('reading-measurements lesson values', () => {
  it('below the knee THD+N is noise over signal: 10 dB lower per decade of power, equal to hiss/V at 1 mW', () => {
    const low = R.o2Into32.filter((p) => p.watts > 1e-5 && p.watts < 1e-2);
    const first = low[0];
    const last = low[low.length - 1];
    if (!first || !last) throw new Error('no low-power points');
    const slope = (20 * Math.log10(last.thdPlusNoiseRatio / first.thdPlusNoiseRatio)) / Math.log10(last.watts / first.watts);
    expect(slope).toBeCloseTo(-10, 1);
    expect(R.o2AtListening32.thdPlusNoiseRatio).toBeCloseTo(R.o2NoiseVoltsRms / Math.sqrt(1e-3 * 32), 8);
  });

  it("the 1 % point into 300 Ω is within 10 % (the bench's tolerance for the O2) of the measured 7.24 V, and SINAD there is 40 dB", () => {
    expect(R.o2OnePercent300.voltsRms / 7.24).toBeGreaterThan(0.9);
    expect(R.o2OnePercent300.voltsRms / 7.24).toBeLessThan(1.1);
    expect(R.sinadDbFromRatio(R.o2OnePercent300.thdPlusNoiseRatio)).toBeCloseTo(40, 3);
  });

  it('SINAD and THD+N are one reading: 40 dB is 1 %, 100 dB is 0.001 %', () => {
    expect(R.percentFromSinadDb(40)).toBeCloseTo(1, 12);
    expect(R.percentFromSinadDb(100)).toBeCloseTo(0.001, 15);
    expect(R.sinadDbFromRatio(0.006)).toBeCloseTo(44.437, 3);
  });
});
