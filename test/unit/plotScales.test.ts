import { describe, expect, it } from 'vitest';
import { linearScale, logScale, niceDomain } from '../../src/components/plots/scales';

describe('plot scales', () => {
  it('a linear scale maps the domain ends to the range ends and inverts exactly', () => {
    const scale = linearScale([-20, 20], [300, 0]);
    expect(scale(-20)).toBe(300);
    expect(scale(20)).toBe(0);
    expect(scale(0)).toBe(150);
    expect(scale.invert(75)).toBeCloseTo(10, 12);
  });

  it('linear ticks are round steps inside the domain: 0…1 in tenths', () => {
    expect(linearScale([0, 1], [0, 100]).ticks(10)).toEqual([0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1]);
    expect(linearScale([-3.2, 7.9], [0, 100]).ticks(5)).toEqual([-2, 0, 2, 4, 6]);
  });

  it('a log scale puts each decade the same distance apart: 20 Hz–20 kHz over 300 px is 100 px a decade', () => {
    const scale = logScale([20, 20000], [0, 300]);
    expect(scale(200) - scale(20)).toBeCloseTo(100, 10);
    expect(scale(20000)).toBeCloseTo(300, 10);
    expect(scale.invert(scale(1000))).toBeCloseTo(1000, 8);
  });

  it('log ticks are k·10ⁿ inside the domain', () => {
    const ticks = logScale([20, 20000], [0, 1]).ticks();
    expect(ticks.slice(0, 9)).toEqual([20, 30, 40, 50, 60, 70, 80, 90, 100]);
    expect(ticks.at(-1)).toBe(20000);
    expect(ticks).toHaveLength(8 + 9 + 9 + 2);
  });

  it('nice() rounds the ends outward to the tick step: −1.37…2.61 with 5 ticks is −2…3', () => {
    expect(niceDomain([-1.37, 2.61], 5)).toEqual([-2, 3]);
  });

  it('a zero-width domain maps to the middle instead of NaN', () => {
    expect(linearScale([5, 5], [0, 10])(5)).toBe(5);
  });
});
