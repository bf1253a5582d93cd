import { describe, expect, it } from 'vitest';
import { SHAPER_CURVE_POINTS, shaperCurve } from '../../src/dsp/circuits/shaperCurve';

describe('a stage sampled for a waveshaper', () => {
  it('a linear stage of gain −20 around a 150 V plate maps to the line y = x after inversion and scaling', () => {
    const stage = { transferVolts: (v: number) => 150 - 20 * v, quiescentOutputVolts: 150 };
    const curve = shaperCurve(stage, { inputVoltsPerFullScale: 2, outputVoltsPerFullScale: 40, invert: true });
    expect(curve).toHaveLength(SHAPER_CURVE_POINTS);
    expect(curve[0]).toBeCloseTo(-1, 6);
    expect(Math.abs(curve[(SHAPER_CURVE_POINTS - 1) / 2] ?? 1)).toBe(0);
    expect(curve[SHAPER_CURVE_POINTS - 1]).toBeCloseTo(1, 6);
  });

  it('a clipping stage keeps its flat tops: ±5 V rails with gain 10 over ±1 V in', () => {
    const stage = { transferVolts: (v: number) => Math.max(-5, Math.min(5, 10 * v)), quiescentOutputVolts: 0 };
    const curve = shaperCurve(stage, { inputVoltsPerFullScale: 1, outputVoltsPerFullScale: 10, invert: false }, 101);
    expect(curve[0]).toBeCloseTo(-0.5, 6);
    expect(curve[100]).toBeCloseTo(0.5, 6);
    expect(curve[55]).toBeCloseTo(0.1, 6);
  });

  it('refuses a scaling that is not positive', () => {
    expect(() => shaperCurve({ transferVolts: (v) => v, quiescentOutputVolts: 0 }, { inputVoltsPerFullScale: 0, outputVoltsPerFullScale: 1, invert: false })).toThrow(RangeError);
  });
});
