import { describe, expect, it } from 'vitest';
import {
  classBWorstDissipationVoltsPeak,
  idealPowerBudget,
  maxOutputVoltsPeak,
  pushPullPowerBudget,
  type IdealOutputClass,
} from '../../src/dsp/circuits/classEfficiency';
import { PUSH_PULL_DEFAULTS, pushPullStage, type PushPullParams } from '../../src/dsp/circuits/pushPullStage';

const SUPPLY_VOLTS = 12;
const LOAD_OHMS = 32;

describe('ideal output classes at full output', () => {
  it('class A with a resistive load peaks at 25 % efficiency, at Vpk = V/2', () => {
    expect(maxOutputVoltsPeak('A-single-ended', SUPPLY_VOLTS)).toBe(SUPPLY_VOLTS / 2);
    expect(idealPowerBudget('A-single-ended', SUPPLY_VOLTS, LOAD_OHMS, SUPPLY_VOLTS / 2).efficiency).toBeCloseTo(0.25, 12);
  });

  it('class A push-pull (or transformer-coupled) peaks at 50 %', () => {
    expect(idealPowerBudget('A-push-pull', SUPPLY_VOLTS, LOAD_OHMS, SUPPLY_VOLTS).efficiency).toBeCloseTo(0.5, 12);
  });

  it('class B peaks at π/4 = 78.5 %', () => {
    const { efficiency } = idealPowerBudget('B', SUPPLY_VOLTS, LOAD_OHMS, SUPPLY_VOLTS);
    expect(efficiency).toBeCloseTo(Math.PI / 4, 12);
    expect(efficiency).toBeCloseTo(0.785, 3);
  });

  it('no output level beats those maxima, and asking for more than the stage can swing gives its maximum', () => {
    const maxima: Record<IdealOutputClass, number> = { 'A-single-ended': 0.25, 'A-push-pull': 0.5, B: Math.PI / 4 };
    for (const outputClass of Object.keys(maxima) as IdealOutputClass[]) {
      for (let i = 0; i <= 100; i++) {
        const budget = idealPowerBudget(outputClass, SUPPLY_VOLTS, LOAD_OHMS, (1.5 * SUPPLY_VOLTS * i) / 100);
        expect(budget.efficiency).toBeLessThanOrEqual(maxima[outputClass] + 1e-12);
        expect(budget.deviceWatts).toBeGreaterThanOrEqual(-1e-12);
      }
    }
  });

  it('class A burns the most in its devices with no signal; class B burns nothing then', () => {
    const idleA = idealPowerBudget('A-push-pull', SUPPLY_VOLTS, LOAD_OHMS, 0);
    expect(idleA.deviceWatts).toBeCloseTo((SUPPLY_VOLTS * SUPPLY_VOLTS) / LOAD_OHMS, 12);
    expect(idealPowerBudget('B', SUPPLY_VOLTS, LOAD_OHMS, 0)).toEqual({ supplyWatts: 0, loadWatts: 0, deviceWatts: 0, efficiency: 0 });
  });
});

describe('class B device dissipation', () => {
  it('peaks at Vpk = 2V/π (7.64 V on ±12 V) with 2V²/(π²·RL), found by scanning the output level', () => {
    let bestVoltsPeak = 0;
    let bestWatts = Number.NEGATIVE_INFINITY;
    const points = 12_000;
    for (let i = 0; i <= points; i++) {
      const voltsPeak = (SUPPLY_VOLTS * i) / points;
      const { deviceWatts } = idealPowerBudget('B', SUPPLY_VOLTS, LOAD_OHMS, voltsPeak);
      if (deviceWatts > bestWatts) {
        bestWatts = deviceWatts;
        bestVoltsPeak = voltsPeak;
      }
    }
    const expectedVoltsPeak = (2 * SUPPLY_VOLTS) / Math.PI;
    expect(Math.abs(bestVoltsPeak - expectedVoltsPeak)).toBeLessThanOrEqual(SUPPLY_VOLTS / points);
    expect(classBWorstDissipationVoltsPeak(SUPPLY_VOLTS)).toBeCloseTo(expectedVoltsPeak, 12);
    expect(bestWatts).toBeCloseTo((2 * SUPPLY_VOLTS * SUPPLY_VOLTS) / (Math.PI * Math.PI * LOAD_OHMS), 6);
  });

  it('at that peak the devices dissipate more than at full output', () => {
    const worst = idealPowerBudget('B', SUPPLY_VOLTS, LOAD_OHMS, classBWorstDissipationVoltsPeak(SUPPLY_VOLTS));
    const full = idealPowerBudget('B', SUPPLY_VOLTS, LOAD_OHMS, SUPPLY_VOLTS);
    expect(worst.deviceWatts).toBeGreaterThan(full.deviceWatts);
  });
});

describe('class AB from the push-pull model', () => {
  const classAB: PushPullParams = { ...PUSH_PULL_DEFAULTS, outputClass: 'AB' };

  it('idles at 2·Vcc·Iq from the supplies (0.48 W for 20 mA on ±12 V), nearly all of it in the transistors', () => {
    const idle = pushPullPowerBudget(classAB, 0);
    const iq = classAB.biasCurrentAmps;
    expect(idle.supplyWatts / (2 * classAB.railVolts * iq)).toBeCloseTo(1, 2);
    expect(idle.loadWatts).toBe(0);
    expect(idle.emitterResistorWatts / (2 * iq * iq * classAB.emitterResistorOhms)).toBeCloseTo(1, 2);
    expect(idle.efficiency).toBe(0);
    expect(idle.deviceWatts / idle.supplyWatts).toBeGreaterThan(0.99);
  });

  it('costs no more than ideal class B plus the 2·Vcc·Iq of its bias, and is never more efficient than class B', () => {
    for (const voltsPeak of [0.5, 2, 5, 8, 11]) {
      const ab = pushPullPowerBudget(classAB, voltsPeak);
      // The model's output is nearly a sine (its THD is a fraction of a percent), so compare at the same peak.
      const idealB = idealPowerBudget('B', classAB.railVolts, classAB.loadOhms, voltsPeak);
      expect(ab.supplyWatts).toBeLessThanOrEqual((idealB.supplyWatts + 2 * classAB.railVolts * classAB.biasCurrentAmps) * 1.01);
      expect(ab.efficiency).toBeLessThan(idealB.efficiency * 1.01);
    }
  });

  it('the model in class B draws Vcc·⟨|Vout|⟩/RL from the supplies: each half carries the load current in turn', () => {
    const classB: PushPullParams = { ...PUSH_PULL_DEFAULTS, outputClass: 'B' };
    const points = 256;
    for (const voltsPeak of [1, 6, 11]) {
      const budget = pushPullPowerBudget(classB, voltsPeak, points);
      const stage = pushPullStage(classB);
      let meanAbsVolts = 0;
      let meanSquareVolts = 0;
      for (let n = 0; n < points; n++) {
        const v = stage.transferVolts(budget.inputVoltsPeak * Math.sin((2 * Math.PI * n) / points));
        meanAbsVolts += Math.abs(v) / points;
        meanSquareVolts += (v * v) / points;
      }
      expect(budget.supplyWatts).toBeCloseTo((classB.railVolts * meanAbsVolts) / classB.loadOhms, 9);
      expect(budget.loadWatts).toBeCloseTo(meanSquareVolts / classB.loadOhms, 12);
    }
  });

  it('an output peak asked beyond the stage’s reach gives the budget at its saturation limit, finite', () => {
    const budget = pushPullPowerBudget(classAB, 100);
    const limit = ((classAB.railVolts - classAB.saturationVolts) * classAB.loadOhms) / (classAB.loadOhms + classAB.emitterResistorOhms);
    expect(Number.isFinite(budget.efficiency)).toBe(true);
    expect(budget.loadWatts).toBeLessThanOrEqual((limit * limit) / classAB.loadOhms);
    expect(budget.efficiency).toBeLessThan(Math.PI / 4);
  });
});
