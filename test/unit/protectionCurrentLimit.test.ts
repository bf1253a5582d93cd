// A current-limited output: the clean peak is the lesser of the swing and I_lim·R; into a short, I_lim at 0 V.
import { describe, expect, it } from 'vitest';
import { cleanPeakVolts, cleanSinePowerWatts, crossoverOhms, limitedSine, limitingFactor, NE5532_OUTPUT, shortCircuitAmps, shortCircuitDissipationWatts } from '../../src/dsp/protection/currentLimit';

describe('current limiting', () => {
  it('an NE5532 (38 mA, ±13 V) into 16 Ω: 0.608 V peak, 11.6 mW; even 300 Ω is current-limited (11.4 V < 13 V), 600 Ω is not', () => {
    expect(cleanPeakVolts(NE5532_OUTPUT, 16)).toBeCloseTo(0.038 * 16, 12);
    expect(cleanSinePowerWatts(NE5532_OUTPUT, 16)).toBeCloseTo((0.608 * 0.608) / 32, 12);
    expect(limitingFactor(NE5532_OUTPUT, 16)).toBe('current');
    // 38 mA × 300 Ω = 11.4 V < 13 V: even 300 Ω is current-limited; 600 Ω is not (22.8 V > 13 V).
    expect(limitingFactor(NE5532_OUTPUT, 300)).toBe('current');
    expect(limitingFactor(NE5532_OUTPUT, 600)).toBe('voltage');
    expect(cleanPeakVolts(NE5532_OUTPUT, 600)).toBe(13);
    expect(crossoverOhms(NE5532_OUTPUT)).toBeCloseTo(13 / 0.038, 9);
  });

  it('into a short: 38 mA, and 15 V × 38 mA = 0.57 W in the output transistors', () => {
    expect(shortCircuitAmps(NE5532_OUTPUT)).toBe(0.038);
    expect(shortCircuitDissipationWatts(NE5532_OUTPUT, 15)).toBeCloseTo(0.57, 12);
  });

  it('a 2 V peak sine into 16 Ω is flat-topped at ±0.608 V, and follows the demand where it is below', () => {
    const { demand, load } = limitedSine(NE5532_OUTPUT, 16, 2, 1000, 48_000, 0.002);
    let max = 0;
    for (let n = 0; n < load.length; n++) {
      const d = demand[n] ?? 0;
      const v = load[n] ?? 0;
      max = Math.max(max, Math.abs(v));
      if (Math.abs(d) < 0.608) expect(v).toBe(d);
      else expect(Math.abs(v)).toBeCloseTo(0.608, 12);
    }
    expect(max).toBeCloseTo(0.608, 12);
  });
});
