// The rectifier supply in ngspice (src/spice/netlists/rectifierSupply.ts: a sine secondary behind its winding, Shockley
// diodes, the reservoir and a constant-current load), checked as the power-supply widget checks it
// (src/spice/rectifierCheck.ts) against the model and against the closed forms: the textbook ripple I/(pulses·f·C)
// bounds it from above, and a linear discharge over the time the diodes don't conduct, I·(1 − conduction)/(pulses·f·C),
// nearly gives it.
import { beforeAll, describe, expect, it } from 'vitest';
import { RECTIFIER_SUPPLY_DEFAULTS, pulsesPerPeriod, rectifierSupply, rippleEstimateVoltsPeakToPeak, type RectifierSupplyParams } from '../../src/dsp/circuits/rectifierSupply';
import { diodeSaturationAmps, RECTIFIER_RAIL_VECTOR, THERMAL_VOLTS_27C } from '../../src/spice/netlists/rectifierSupply';
import { compareRectifier, rectifierCheckDeck } from '../../src/spice/rectifierCheck';
import { realVectors } from '../../src/spice/results';
import { SpiceSimulator } from '../../src/spice/simulator';

let spice: SpiceSimulator;
beforeAll(async () => {
  spice = await SpiceSimulator.start();
}, 30_000);

const CASES: readonly [string, RectifierSupplyParams][] = [
  ['bridge, 2200 µF, 100 mA, 50 Hz (REFERENCES §6)', RECTIFIER_SUPPLY_DEFAULTS],
  ['half-wave, 2200 µF, 100 mA, 50 Hz', { ...RECTIFIER_SUPPLY_DEFAULTS, rectifier: 'half-wave' }],
  ['bridge, 470 µF, 300 mA, 60 Hz', { ...RECTIFIER_SUPPLY_DEFAULTS, capacitanceFarads: 470e-6, loadAmps: 0.3, mainsHz: 60 }],
  ['wall-wart: 12 V, 4 Ω winding, 1000 µF, bridge, 200 mA', { ...RECTIFIER_SUPPLY_DEFAULTS, secondaryVoltsRms: 12, windingOhms: 4, capacitanceFarads: 1000e-6, loadAmps: 0.2 }],
];

describe('the rectifier supply in ngspice', () => {
  it("the Shockley diode drops the model's 0.7 V (plus 0.1 Ω) at 1 A", () => {
    const saturationAmps = diodeSaturationAmps(0.7);
    expect(saturationAmps * Math.expm1(0.7 / THERMAL_VOLTS_27C)).toBeCloseTo(1, 12);
    // 60 mV a decade: at 100 mA it drops about 0.64 V where the fixed-drop diode drops 0.71 V.
    expect(THERMAL_VOLTS_27C * Math.log(0.1 / saturationAmps + 1)).toBeCloseTo(0.7 - THERMAL_VOLTS_27C * Math.LN10, 9);
  });

  for (const [name, params] of CASES) {
    it(`${name}: ngspice's ripple within 5 % of the model's and of a linear discharge between pulses, its DC level within 0.1 V`, async () => {
      const plan = { params, sampleRateHz: 48_000 };
      const deck = rectifierCheckDeck(plan);
      expect(deck).toMatch(/^\.tran .* uic$/m);
      const { result, messages } = await spice.run(deck);
      const check = compareRectifier(plan, realVectors(result, [RECTIFIER_RAIL_VECTOR], messages));
      const model = rectifierSupply(params);
      const textbook = rippleEstimateVoltsPeakToPeak(params);
      const linearDischarge = (params.loadAmps * (1 - model.conductionFraction)) / (pulsesPerPeriod(params.rectifier) * params.mainsHz * params.capacitanceFarads);
      const ripple = check.spice.rippleVoltsPeakToPeak;
      expect(ripple).toBeLessThan(textbook);
      expect(Math.abs(ripple / linearDischarge - 1)).toBeLessThan(0.05);
      expect(Math.abs(ripple / check.model.rippleVoltsPeakToPeak - 1)).toBeLessThan(0.05);
      expect(Math.abs(check.spice.dcVolts - check.model.dcVolts)).toBeLessThan(0.1);
      // The first line is the ripple fundamental, 2f for a bridge and f half-wave.
      expect(check.spice.lines[0]?.frequencyHz).toBeCloseTo(pulsesPerPeriod(params.rectifier) * params.mainsHz, 9);
      // Lines within 20 dB of the ripple fundamental agree within 1 dB, the fundamental within 0.1 dB; further down
      // the charging pulse's shape (Shockley against a fixed drop) tells, and the check reports where.
      const fundamentalDb = 20 * Math.log10(check.model.lines[0]?.voltsRms ?? NaN);
      check.model.lines.forEach((line, i) => {
        const modelDb = 20 * Math.log10(line.voltsRms);
        const spiceDb = 20 * Math.log10(check.spice.lines[i]?.voltsRms ?? NaN);
        if (modelDb > fundamentalDb - 20) expect(Math.abs(modelDb - spiceDb)).toBeLessThan(i === 0 ? 0.1 : 1);
      });
      expect(check.worstLine.differenceDb).toBeLessThan(3);
      expect(check.railVolts).toHaveLength(Math.round((3 * 48_000) / params.mainsHz));
      expect(check.worstDifferenceVolts).toBeLessThan(0.1);
    }, 60_000);
  }
});
