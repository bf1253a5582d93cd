import { describe, expect, it } from 'vitest';
import { toStereo } from '../../src/audio/downmix';

const f = (...values: number[]) => Float32Array.from(values);

describe('toStereo (Web Audio "speakers" down-mix)', () => {
  it('copies mono to both channels', () => {
    const mono = f(0.1, -0.2, 0.3);
    const [left, right] = toStereo([mono]);
    expect([...left]).toEqual([...mono]);
    expect([...right]).toEqual([...mono]);
    expect(left).not.toBe(right);
  });

  it('passes stereo through unchanged', () => {
    const left = f(1, 2);
    const right = f(3, 4);
    const [outLeft, outRight] = toStereo([left, right]);
    expect(outLeft).toBe(left);
    expect(outRight).toBe(right);
  });

  it('mixes quad as L = ½(L + SL), R = ½(R + SR)', () => {
    const [left, right] = toStereo([f(0.4), f(0.2), f(0.6), f(-0.2)]);
    expect(left[0]).toBeCloseTo(0.5, 6);
    expect(right[0]).toBeCloseTo(0, 6);
  });

  it('mixes 5.1 as L = L + √½(C + SL), R = R + √½(C + SR) and drops the LFE', () => {
    const [left, right] = toStereo([f(0.1), f(0.2), f(0.3), f(0.9), f(0.4), f(-0.5)]);
    expect(left[0]).toBeCloseTo(0.1 + Math.SQRT1_2 * (0.3 + 0.4), 6);
    expect(right[0]).toBeCloseTo(0.2 + Math.SQRT1_2 * (0.3 - 0.5), 6);
  });

  it('keeps the first two channels of other layouts', () => {
    const [left, right] = toStereo([f(0.1), f(0.2), f(0.3)]);
    expect(left[0]).toBeCloseTo(0.1, 6);
    expect(right[0]).toBeCloseTo(0.2, 6);
  });

  it('refuses an empty channel list', () => {
    expect(() => toStereo([])).toThrow(RangeError);
  });
});
