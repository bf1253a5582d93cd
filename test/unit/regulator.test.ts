import { describe, expect, it } from 'vitest';
import {
  LM317_RIPPLE_REJECTION_DB,
  REGULATOR_CORNER_RANGE_HZ,
  REGULATOR_DEFAULTS,
  REGULATOR_DROPOUT_RANGE_VOLTS,
  REGULATOR_OUTPUT_RANGE_VOLTS,
  REGULATOR_REJECTION_RANGE_DB,
  regulatorOutput,
  rippleRejectionAtDb,
  type RegulatorParams,
} from '../../src/dsp/circuits/regulator';
import {
  RECTIFIER_SUPPLY_DEFAULTS,
  harmonicVoltsRms,
  rectifierSupply,
  type PeriodicWaveform,
} from '../../src/dsp/circuits/rectifierSupply';

/** One period of DC + a sine at 1/periodSeconds, on 4096 points. */
function toneOnDc(dcVolts: number, peakVolts: number, frequencyHz: number, length = 4096): PeriodicWaveform {
  const volts = new Float64Array(length);
  for (let n = 0; n < length; n++) volts[n] = dcVolts + peakVolts * Math.sin((2 * Math.PI * n) / length);
  return { volts, periodSeconds: 1 / frequencyHz };
}

const db = (ratio: number) => 20 * Math.log10(ratio);

describe('regulator: ripple rejection', () => {
  for (const [label, rejectionDb] of [
    ['no ADJ capacitor, 65 dB', LM317_RIPPLE_REJECTION_DB.withoutAdjustCapacitor],
    ['10 µF on ADJ, 80 dB', LM317_RIPPLE_REJECTION_DB.withAdjustCapacitor10uF],
  ] as const) {
    it(`LM317 with ${label}: a 120 Hz ripple comes out exactly that much lower (within 0.1 dB)`, () => {
      const params: RegulatorParams = { ...REGULATOR_DEFAULTS, rippleRejectionDb: rejectionDb };
      const input = toneOnDc(18, 0.5, 120);
      const output = regulatorOutput(input, params);
      const inputRms = 0.5 / Math.SQRT2;
      expect(harmonicVoltsRms(input, 1)).toBeCloseTo(inputRms, 12);
      expect(Math.abs(db(harmonicVoltsRms(output.period, 1) / inputRms) + rejectionDb)).toBeLessThan(0.1);
      expect(output.dcVolts).toBeCloseTo(params.outputVolts, 9);
      expect(output.dropoutFraction).toBe(0);
    });
  }

  it('a 60 Hz bridge supply into an LM317 at 12 V: its 120 Hz line comes out 80 dB down (within 0.1 dB)', () => {
    const rail = rectifierSupply({ ...RECTIFIER_SUPPLY_DEFAULTS, mainsHz: 60 });
    expect(rail.troughVolts).toBeGreaterThan(REGULATOR_DEFAULTS.outputVolts + REGULATOR_DEFAULTS.dropoutVolts);
    const output = regulatorOutput(rail.period, REGULATOR_DEFAULTS, { harmonicStep: 2 });
    const inputLine = rail.rippleLines[0];
    const outputLine = output.rippleLines[0];
    expect(inputLine?.frequencyHz).toBe(120);
    expect(outputLine?.frequencyHz).toBe(120);
    expect(Math.abs(db((outputLine?.voltsRms ?? 0) / (inputLine?.voltsRms ?? 1)) + 80)).toBeLessThan(0.1);
    expect(output.headroomVolts).toBeCloseTo(rail.troughVolts - 14, 12);
  });

  it('the rejection is flat through the hum range and falls 20 dB/decade well above its corner', () => {
    const params = { ...REGULATOR_DEFAULTS, rejectionCornerHz: 10_000 };
    expect(rippleRejectionAtDb(params, 120)).toBe(80);
    expect(Math.abs(rippleRejectionAtDb(params, 100) - 80)).toBeLessThan(0.01);
    expect(Math.abs(rippleRejectionAtDb(params, 1_000) - 80)).toBeLessThan(0.05);
    expect(rippleRejectionAtDb(params, 10_000)).toBeCloseTo(80 - 10 * Math.log10(2 / (1 + (120 / 10_000) ** 2)), 9);
    expect(Math.abs(rippleRejectionAtDb(params, 100_000) - rippleRejectionAtDb(params, 1_000_000) - 20)).toBeLessThan(0.05);
  });

  it('never amplifies ripple: the rejection bottoms out at 0 dB far above the corner', () => {
    expect(rippleRejectionAtDb({ ...REGULATOR_DEFAULTS, rippleRejectionDb: 40, rejectionCornerHz: 1_000 }, 1e9)).toBe(0);
  });
});

describe('regulator: dropout', () => {
  it('an input whose crest is below Vout + dropout is in dropout throughout: the output is the input − 2 V and the ripple passes whole', () => {
    const input = toneOnDc(13, 0.5, 120);
    const output = regulatorOutput(input, REGULATOR_DEFAULTS);
    expect(output.dropoutFraction).toBe(1);
    expect(output.dcVolts).toBeCloseTo(13 - 2, 9);
    expect(harmonicVoltsRms(output.period, 1)).toBeCloseTo(harmonicVoltsRms(input, 1), 9);
    expect(output.rippleVoltsPeakToPeak).toBeCloseTo(1, 9);
    expect(output.headroomVolts).toBeCloseTo(12.5 - 14, 12);
  });

  it('a trough that dips below Vout + dropout pulls the output down in the troughs only: output trough = input trough − dropout', () => {
    const input = toneOnDc(14.5, 1, 120);
    const output = regulatorOutput(input, REGULATOR_DEFAULTS);
    let minimum = Infinity;
    let maximum = -Infinity;
    for (const v of output.period.volts) {
      minimum = Math.min(minimum, v);
      maximum = Math.max(maximum, v);
    }
    expect(minimum).toBeCloseTo(13.5 - 2, 9);
    expect(Math.abs(maximum - 12)).toBeLessThan(1e-3);
    expect(output.dropoutFraction).toBeGreaterThan(0);
    expect(output.dropoutFraction).toBeLessThan(0.5);
    // The regulated ripple alone would be 2 V·10^(−80/20) = 0.2 mV peak to peak; dropout lets about 0.5 V through.
    expect(output.rippleVoltsPeakToPeak).toBeGreaterThan(0.49);
  });

  it('a heavy load on a small capacitor pushes a real supply into dropout: 1 A on 1000 µF at 50 Hz with a 12 V regulator on 12 Vrms', () => {
    const rail = rectifierSupply({ ...RECTIFIER_SUPPLY_DEFAULTS, secondaryVoltsRms: 12, capacitanceFarads: 1e-3, loadAmps: 1 });
    const output = regulatorOutput(rail.period, REGULATOR_DEFAULTS, { harmonicStep: 2 });
    expect(output.headroomVolts).toBeLessThan(0);
    expect(output.dropoutFraction).toBeGreaterThan(0);
    expect(db((output.rippleLines[0]?.voltsRms ?? 0) / (rail.rippleLines[0]?.voltsRms ?? 1))).toBeGreaterThan(-20);
  });
});

describe('regulator: every setting in range', () => {
  it('gives finite outputs at the corners of the ranges, for inputs from 0 V to far above the set voltage', () => {
    for (const outputVolts of [REGULATOR_OUTPUT_RANGE_VOLTS.min, REGULATOR_OUTPUT_RANGE_VOLTS.max]) {
      for (const dropoutVolts of [REGULATOR_DROPOUT_RANGE_VOLTS.min, REGULATOR_DROPOUT_RANGE_VOLTS.max]) {
        for (const rippleRejectionDb of [REGULATOR_REJECTION_RANGE_DB.min, REGULATOR_REJECTION_RANGE_DB.max]) {
          for (const rejectionCornerHz of [REGULATOR_CORNER_RANGE_HZ.min, REGULATOR_CORNER_RANGE_HZ.max]) {
            for (const dcVolts of [0, 5, 50]) {
              const output = regulatorOutput(toneOnDc(dcVolts, 1, 100, 1000), {
                outputVolts,
                dropoutVolts,
                rippleRejectionDb,
                rejectionCornerHz,
              });
              for (const value of [output.dcVolts, output.rippleVoltsPeakToPeak, output.rippleVoltsRms, output.headroomVolts]) {
                expect(Number.isFinite(value)).toBe(true);
              }
              for (const v of output.period.volts) expect(Number.isFinite(v) && v >= 0).toBe(true);
            }
          }
        }
      }
    }
  });
});
