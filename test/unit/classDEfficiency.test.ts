// Class D power budget (src/dsp/classD/efficiency.ts) against the closed forms: lossless switches are 100 %
// efficient at every level; with a loss resistance and an idle current P_S = P_L + I²R + V·Iq; the datasheet fit
// returns the efficiency it was fitted to; class AB at full swing on a bridge is π/4 before its idle draw.
import { describe, expect, it } from 'vitest';
import {
  batteryHours,
  classABPowerBudget,
  classDPowerBudget,
  lossResistanceForEfficiency,
  voltsPeakForWatts,
} from '../../src/dsp/classD/efficiency';

describe('class D power budget', () => {
  it('ideal switches (no loss resistance, no idle current) waste nothing: η = 1 at 1 mW and at full output', () => {
    for (const vpk of [0.25, 5]) expect(classDPowerBudget(5, 32, vpk, { lossResistanceOhms: 0, quiescentAmps: 0 }).efficiency).toBeCloseTo(1, 12);
  });

  it('P_S = P_L + (P_L/R)·R_loss + V·Iq: 1 W into 8 Ω with 0.6 Ω and 2.4 mA at 5 V draws 1 + 0.075 + 0.012 W', () => {
    const budget = classDPowerBudget(5, 8, 4, { lossResistanceOhms: 0.6, quiescentAmps: 2.4e-3 });
    expect(budget.loadWatts).toBeCloseTo(1, 12);
    expect(budget.supplyWatts).toBeCloseTo(1.087, 12);
    expect(budget.efficiency).toBeCloseTo(1 / 1.087, 12);
  });

  it('the loss resistance fitted to 92 % at 1 W into 8 Ω (5 V, 2.4 mA) gives back 92 % there', () => {
    const r = lossResistanceForEfficiency(0.92, 1, 8, 5, 2.4e-3);
    expect(r).toBeCloseTo((1 / 0.92 - 1 - 0.012) / 0.125, 12);
    expect(classDPowerBudget(5, 8, voltsPeakForWatts(1, 8), { lossResistanceOhms: r, quiescentAmps: 2.4e-3 }).efficiency).toBeCloseTo(0.92, 12);
  });

  it('the fit refuses an efficiency the idle draw alone already rules out', () => {
    expect(() => lossResistanceForEfficiency(0.999, 0.001, 32, 5, 2.4e-3)).toThrow(RangeError);
  });

  it('the output is clamped to the supply: a bridge on 5 V cannot exceed a 5 V peak', () => {
    expect(classDPowerBudget(5, 32, 9, { lossResistanceOhms: 0, quiescentAmps: 0 }).loadWatts).toBeCloseTo(25 / 64, 12);
  });
});

describe('class AB next to it', () => {
  it('at full swing an ideal class B bridge reaches π/4; the idle current lowers that', () => {
    expect(classABPowerBudget(5, 32, 5, 0).efficiency).toBeCloseTo(Math.PI / 4, 12);
    const withIdle = classABPowerBudget(5, 32, 5, 2.4e-3);
    expect(withIdle.supplyWatts).toBeCloseTo((2 * 5 * 5) / (Math.PI * 32) + 0.012, 12);
  });

  it('at 1 mW into 32 Ω (Vpk = √(2·P·R) ≈ 0.253 V) class B draws 2·V·Vpk/(π·R) ≈ 25 mW from 5 V: η ≈ 4 %', () => {
    const vpk = voltsPeakForWatts(1e-3, 32);
    expect(vpk).toBeCloseTo(Math.sqrt(0.064), 12);
    const budget = classABPowerBudget(5, 32, vpk, 0);
    expect(budget.supplyWatts).toBeCloseTo((2 * 5 * vpk) / (Math.PI * 32), 12);
    expect(budget.efficiency).toBeCloseTo((Math.PI / 4) * (vpk / 5), 12);
  });
});

describe('battery life', () => {
  it('t = E/P: 8.14 Wh at 100 mW lasts 81.4 h', () => {
    expect(batteryHours(8.14, 0.1)).toBeCloseTo(81.4, 10);
  });
});
