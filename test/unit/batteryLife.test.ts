// Battery life from the supply arrangement: the current each battery supplies, and which batteries can make which rails.
import { describe, expect, it } from 'vitest';
import { batteryDrainAmps, batteryFitsRails, batteryLifeHours, railAverageAmps } from '../../src/dsp/circuits/batteryLife';

describe('battery drain', () => {
  it('each rail supplies a half-wave of the sine: an average of Ipk/π = √2·Irms/π', () => {
    expect(railAverageAmps(0.01)).toBeCloseTo((Math.SQRT2 * 0.01) / Math.PI, 15);
  });

  it('two 9 V NiMH (250 mAh) with the O2’s 31 mA idle and 3.3 mA peak of music run 250/(31 + 3.3/π) ≈ 7.8 h (the lesson’s working)', () => {
    const loadAmpsRms = 0.0033 / Math.SQRT2;
    const drain = batteryDrainAmps({ arrangement: 'two-batteries', railVolts: 9, batteryVolts: 8.4, idleAmps: 0.031, loadAmpsRms });
    expect(drain).toBeCloseTo(0.031 + 0.0033 / Math.PI, 12);
    expect(batteryLifeHours(0.25, drain)).toBeCloseTo(7.8, 1);
  });

  it('a split cell carries both rails’ half-waves: Iq + 2√2·Irms/π', () => {
    const drain = batteryDrainAmps({ arrangement: 'split-cell', railVolts: 1.85, batteryVolts: 3.7, idleAmps: 0.002, loadAmpsRms: 0.01 });
    expect(drain).toBeCloseTo(0.002 + (2 * Math.SQRT2 * 0.01) / Math.PI, 15);
  });

  it('a cell stepped up to ±9 V conserves power, not current: 31 mA from 18 V is 0.56 W, 151 mA from 3.7 V, 14.6 h from 2,200 mAh', () => {
    const drain = batteryDrainAmps({ arrangement: 'boosted-cell', railVolts: 9, batteryVolts: 3.7, idleAmps: 0.031, loadAmpsRms: 0 });
    expect(drain).toBeCloseTo((0.031 * 18) / 3.7, 12);
    expect(drain * 1000).toBeCloseTo(151, 0);
    expect(batteryLifeHours(2.2, drain)).toBeCloseTo(14.6, 1);
  });

  it('a converter of efficiency η takes 1/η times the lossless current: 80 % → 189 mA', () => {
    const lossless = batteryDrainAmps({ arrangement: 'boosted-cell', railVolts: 9, batteryVolts: 3.7, idleAmps: 0.031, loadAmpsRms: 0 });
    const real = batteryDrainAmps({ arrangement: 'boosted-cell', railVolts: 9, batteryVolts: 3.7, idleAmps: 0.031, loadAmpsRms: 0, converterEfficiencyNormalized: 0.8 });
    expect(real).toBeCloseTo(lossless / 0.8, 12);
  });
});

describe('which batteries make which rails', () => {
  it('a 3.7 V Li-ion cell splits into ±1.85 V but can’t make ±9 V without a converter; with one it can', () => {
    expect(batteryFitsRails('split-cell', 1.85, 3.7)).toBe(true);
    expect(batteryFitsRails('split-cell', 1.85, 3.6)).toBe(true);
    expect(batteryFitsRails('two-batteries', 9, 3.7)).toBe(false);
    expect(batteryFitsRails('boosted-cell', 9, 3.7)).toBe(true);
  });

  it('two 9 V batteries (9 V alkaline, 8.4 V NiMH) make ±9 V; a 9 V battery is not a cell to split into ±1.85 V', () => {
    expect(batteryFitsRails('two-batteries', 9, 9)).toBe(true);
    expect(batteryFitsRails('two-batteries', 9, 8.4)).toBe(true);
    expect(batteryFitsRails('split-cell', 1.85, 9)).toBe(false);
    expect(batteryFitsRails('boosted-cell', 9, 8.4)).toBe(false);
  });

  it('refuses negative or non-finite inputs', () => {
    expect(() => batteryDrainAmps({ arrangement: 'split-cell', railVolts: 1.85, batteryVolts: 3.7, idleAmps: -1, loadAmpsRms: 0 })).toThrow(RangeError);
    expect(() => batteryLifeHours(1, 0)).toThrow(RangeError);
  });
});
