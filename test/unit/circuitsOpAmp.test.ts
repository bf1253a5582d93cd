import { describe, expect, it } from 'vitest';
import {
  OP_AMP_BUILD_OUT_RANGE_OHMS,
  OP_AMP_CURRENT_LIMIT_RANGE_AMPS,
  OP_AMP_DROPOUT_RANGE_VOLTS,
  OP_AMP_GAIN_RANGE,
  OP_AMP_KNEE_RANGE_VOLTS,
  OP_AMP_LOAD_RANGE_OHMS,
  OP_AMP_STAGE_DEFAULTS,
  OP_AMP_RAIL_RANGE_VOLTS,
  OP_AMP_SLEW_RATE_RANGE_VOLTS_PER_SECOND,
  OP_AMP_SUPPLY_PRESETS,
  OBJECTIVE2_OUTPUT_STAGE,
  largestCleanSwingVoltsPeak,
  opAmpClipLimit,
  opAmpStage,
  opAmpStageRanges,
  opAmpPinLimit,
  slewRateNeededVoltsPerSecond,
  softLimit,
  type OpAmpStageParams,
} from '../../src/dsp/circuits/opAmpStage';

/** A generic classic op-amp stage with round figures: 1.5 V dropout, 70 mA, 1 Ω build-out. */
const GENERIC: OpAmpStageParams = { ...OP_AMP_STAGE_DEFAULTS, dropoutVolts: 1.5, currentLimitAmps: 0.07, buildOutOhms: 1 };

/** A stage that only slews: gain 1, ±15 V with no dropout, ample current into 600 Ω, no build-out. */
function slewOnly(slewRateVoltsPerSecond: number): OpAmpStageParams {
  return {
    ...OP_AMP_STAGE_DEFAULTS,
    gain: 1,
    railVolts: 15,
    dropoutVolts: 0,
    currentLimitAmps: 0.5,
    buildOutOhms: 0,
    loadOhms: 600,
    slewRateVoltsPerSecond,
  };
}

/** One period (after three to settle) of a sine of peak voltsPeak at frequencyHz through the stage at sampleRateHz. */
function slewedPeriod(params: OpAmpStageParams, voltsPeak: number, frequencyHz: number, sampleRateHz: number) {
  const samplesPerPeriod = Math.round(sampleRateHz / frequencyHz);
  const stage = opAmpStage(params);
  stage.prepare(sampleRateHz);
  const input = (n: number) => voltsPeak * Math.sin((2 * Math.PI * n) / samplesPerPeriod);
  for (let n = 0; n < 3 * samplesPerPeriod; n++) stage.processSample(input(n));
  const inputs = Array.from({ length: samplesPerPeriod }, (_, n) => input(n));
  const outputs = inputs.map((x) => stage.processSample(x));
  return { inputs, outputs };
}

function fundamentalAmplitude(samples: readonly number[]): number {
  let re = 0;
  let im = 0;
  samples.forEach((x, n) => {
    re += x * Math.cos((2 * Math.PI * n) / samples.length);
    im -= x * Math.sin((2 * Math.PI * n) / samples.length);
  });
  return (2 * Math.hypot(re, im)) / samples.length;
}

describe('op-amp stage: gain and limits', () => {
  it('in the linear region the load gets exactly G·Vin·RL/(RL + Rbuild)', () => {
    const params = OP_AMP_STAGE_DEFAULTS;
    const stage = opAmpStage(params);
    const divider = params.loadOhms / (params.loadOhms + params.buildOutOhms);
    const linearToInputVolts = (opAmpPinLimit(params).pinVolts - params.kneeVolts) / params.gain;
    for (const fraction of [-1, -0.5, -0.01, 0, 0.001, 0.3, 0.999]) {
      const inputVolts = fraction * linearToInputVolts;
      expect(stage.transferVolts(inputVolts)).toBe(params.gain * inputVolts * divider);
    }
  });

  it('into 600 Ω the pin clips at ±(Vrail − dropout): 12 − 1.5 = 10.5 V, and the load gets 10.5·600/601', () => {
    const params: OpAmpStageParams = { ...GENERIC, loadOhms: 600 };
    const limit = opAmpPinLimit(params);
    expect(limit.limitedBy).toBe('voltage');
    expect(limit.pinVolts).toBe(12 - 1.5);
    const stage = opAmpStage(params);
    expect(stage.transferVolts(100)).toBeCloseTo((10.5 * 600) / 601, 12);
    expect(stage.transferVolts(-100)).toBeCloseTo((-10.5 * 600) / 601, 12);
  });

  it('into 16 Ω a 70 mA limit bites first: Ilim·(Rbuild + RL) = 1.19 V < 10.5 V, so the load gets 70 mA × 16 Ω = 1.12 V', () => {
    const params: OpAmpStageParams = { ...OP_AMP_STAGE_DEFAULTS, loadOhms: 16, buildOutOhms: 1, currentLimitAmps: 0.07 };
    const limit = opAmpPinLimit(params);
    expect(limit.limitedBy).toBe('current');
    expect(limit.pinVolts).toBeCloseTo(0.07 * 17, 12);
    expect(opAmpStage(params).transferVolts(50)).toBeCloseTo(0.07 * 16, 12);
  });

  it('the soft knee is continuous in value and slope and never passes the limit', () => {
    const limit = 10;
    const knee = 0.5;
    const h = 1e-6;
    for (const x of [9.5 - h, 9.5, 9.5 + h, 9.8, 10, 11, 1e3]) {
      expect(Math.abs(softLimit(x, limit, knee))).toBeLessThanOrEqual(limit);
    }
    expect(softLimit(9.5 + h, limit, knee) - softLimit(9.5, limit, knee)).toBeCloseTo(h, 12);
    expect(softLimit(1e3, limit, knee)).toBe(limit);
    expect(softLimit(12, limit, 0)).toBe(limit);
  });

  it('the largest clean swing is (limit − knee)·RL/(RL + Rbuild), and the curve is still exactly linear there', () => {
    const params: OpAmpStageParams = { ...GENERIC, loadOhms: 300 };
    const expected = (12 - 1.5 - 0.2) * (300 / 301);
    expect(largestCleanSwingVoltsPeak(params)).toBeCloseTo(expected, 12);
    const divider = 300 / 301;
    const inputVolts = expected / (params.gain * divider);
    expect(opAmpStage(params).transferVolts(inputVolts)).toBeCloseTo(params.gain * inputVolts * divider, 12);
  });

  it('the output impedance is the build-out resistor: a 1 Ω build-out loses 20·log10(32/33) = −0.27 dB into 32 Ω', () => {
    const stage = opAmpStage(GENERIC);
    const lossDb = 20 * Math.log10(stage.transferVolts(0.1) / (GENERIC.gain * 0.1));
    expect(lossDb).toBeCloseTo(20 * Math.log10(32 / 33), 12);
  });
});

describe('op-amp supplies: portable and desktop', () => {
  it('each preset’s clean swing into 600 Ω is its rail minus the dropout, less the knee', () => {
    for (const preset of OP_AMP_SUPPLY_PRESETS) {
      for (const kind of ['rail-to-rail', 'classic'] as const) {
        const params: OpAmpStageParams = {
          ...OP_AMP_STAGE_DEFAULTS,
          railVolts: preset.railVolts,
          dropoutVolts: preset.dropoutVolts[kind],
          kneeVolts: 0,
          buildOutOhms: 0,
          loadOhms: 600,
          currentLimitAmps: 0.5,
        };
        expect(largestCleanSwingVoltsPeak(params)).toBeCloseTo(Math.max(0, preset.railVolts - preset.dropoutVolts[kind]), 12);
      }
    }
  });

  it('on a single Li-ion cell (±1.85 V) the O2’s output stage keeps about 0.1 V (1.85 − 1.74 V), under a tenth of the 1.65 V a rail-to-rail one swings', () => {
    const liIon = OP_AMP_SUPPLY_PRESETS.find((preset) => preset.id === 'li-ion');
    expect(liIon?.railVolts).toBe(1.85);
    const swing = (dropoutVolts: number) =>
      largestCleanSwingVoltsPeak({ ...OP_AMP_STAGE_DEFAULTS, railVolts: 1.85, dropoutVolts, kneeVolts: 0, buildOutOhms: 0, loadOhms: 600 });
    const classic = swing((liIon?.dropoutVolts.classic ?? Number.NaN) + OP_AMP_STAGE_DEFAULTS.kneeVolts);
    const railToRail = swing(liIon?.dropoutVolts['rail-to-rail'] ?? Number.NaN);
    // The O2 stops 12 − √2·7.24·300.54/300 V short of its rail at its 1 % point (SBAF, ±12 V).
    const o2ShortOfRailVolts = 12 - (Math.SQRT2 * 7.24 * 300.54) / 300;
    expect(o2ShortOfRailVolts).toBeCloseTo(1.74, 2);
    expect(classic).toBeCloseTo(1.85 - o2ShortOfRailVolts, 12);
    expect(railToRail).toBeCloseTo(1.85 - 0.2, 12);
    expect(classic / railToRail).toBeLessThan(0.1);
  });

  it('the presets are 3.7 V split, USB 5 V split, two 9 V batteries, a Li-ion cell stepped up to ±9 V, the O2’s ±12 V and ±15 V', () => {
    expect(OP_AMP_SUPPLY_PRESETS.map((preset) => preset.railVolts)).toEqual([1.85, 2.5, 9, 9, 12, 15]);
    expect(OP_AMP_SUPPLY_PRESETS.map((preset) => preset.power)).toEqual(['split-cell', 'usb-bus', 'two-batteries', 'boosted-cell', 'mains', 'mains']);
  });
});

describe('the Objective2’s output stage (the default): derived from its measured clip points', () => {
  const o2 = (railVolts: number, loadOhms: number): OpAmpStageParams => ({ ...OP_AMP_STAGE_DEFAULTS, railVolts, loadOhms });

  it('on ±12 V it stays clean to 7.24 Vrms into 300 Ω, set by the rails, and to 4.24 Vrms into 33 Ω, set by the current (SBAF)', () => {
    const at300 = opAmpClipLimit(o2(12, 300), 1000);
    expect(at300.cause).toBe('rails');
    expect(at300.cleanLoadVoltsPeak).toBeCloseTo(7.24 * Math.SQRT2, 9);
    const at33 = opAmpClipLimit(o2(12, 33), 1000);
    expect(at33.cause).toBe('current');
    expect(at33.cleanLoadVoltsPeak).toBeCloseTo(4.24 * Math.SQRT2, 9);
  });

  it('its output impedance is the measured 0.54 Ω (JDS Labs) and its clean current into 33 Ω is √2·4.24/33 ≈ 182 mA, near the 196 mA peak of JDS Labs’ 613 mW into 32 Ω', () => {
    expect(OBJECTIVE2_OUTPUT_STAGE.buildOutOhms).toBe(0.54);
    const cleanAmps = largestCleanSwingVoltsPeak(o2(12, 33)) / 33;
    expect(cleanAmps).toBeCloseTo(0.1817, 4);
    const jdsAmps = Math.sqrt((2 * 0.613) / 32);
    expect(jdsAmps).toBeCloseTo(0.196, 3);
    expect(Math.abs(cleanAmps / jdsAmps - 1)).toBeLessThan(0.1);
  });

  it('at 32 Ω ±9 V and ±12 V give the same clean swing, set by the current limit; at 300 Ω the rails set it and ±9 V loses 3·300/300.54 V', () => {
    const mains32 = opAmpClipLimit(o2(12, 32), 1000);
    const battery32 = opAmpClipLimit(o2(9, 32), 1000);
    expect(mains32.cause).toBe('current');
    expect(battery32.cause).toBe('current');
    expect(battery32.cleanLoadVoltsPeak).toBe(mains32.cleanLoadVoltsPeak);
    // Current-limited: (Ilim·(32 + 0.54) − knee)·32/32.54, with Ilim from the 33 Ω measurement.
    const currentLimitAmps = ((Math.SQRT2 * 4.24 * 33.54) / 33 + 0.2) / 33.54;
    expect(mains32.cleanLoadVoltsPeak).toBeCloseTo(((currentLimitAmps * 32.54 - 0.2) * 32) / 32.54, 9);
    const mains300 = opAmpClipLimit(o2(12, 300), 1000);
    const battery300 = opAmpClipLimit(o2(9, 300), 1000);
    expect(battery300.cause).toBe('rails');
    expect(mains300.cleanLoadVoltsPeak - battery300.cleanLoadVoltsPeak).toBeCloseTo((3 * 300) / 300.54, 9);
    // About 9 V − 1.8 V ≈ 7.2 V peak on its batteries.
    expect(battery300.cleanLoadVoltsPeak).toBeCloseTo(7.24, 1);
  });

  it('the slew rate clips first only where SR/(2π·f) is below the static limit: never at 1 kHz with 3 V/µs (477 V), but at 20 kHz with 0.1 V/µs (0.80 V)', () => {
    expect(opAmpClipLimit(o2(12, 300), 1000).cause).toBe('rails');
    const slow = opAmpClipLimit({ ...o2(12, 300), slewRateVoltsPerSecond: 0.1e6 }, 20_000);
    expect(slow.cause).toBe('slew-rate');
    expect(slow.pinVoltsPeak).toBeCloseTo(0.1e6 / (2 * Math.PI * 20_000), 12);
  });
});

describe('op-amp slew rate', () => {
  it('a 20 kHz sine at 10.3 V peak needs 2π·f·Vpk = 1.29 V/µs', () => {
    expect(slewRateNeededVoltsPerSecond(20_000, 10.3) / 1e6).toBeCloseTo(1.294, 3);
  });

  it('a step rises at exactly SR: 1 V per sample at 1 V/µs and 1 MHz, from 0 after reset', () => {
    const stage = opAmpStage(slewOnly(1e6));
    stage.prepare(1e6);
    expect(stage.processSample(5)).toBeCloseTo(1, 12);
    expect(stage.processSample(5)).toBeCloseTo(2, 12);
    stage.reset();
    expect(stage.processSample(5)).toBeCloseTo(1, 12);
    for (let n = 0; n < 10; n++) stage.processSample(5);
    expect(stage.processSample(5)).toBe(5);
  });

  it('with 3 V/µs the 20 kHz, 10.3 V sine comes through within 1 % of the ideal sine (sampled at 9.6 MHz)', () => {
    const { inputs, outputs } = slewedPeriod(slewOnly(3e6), 10.3, 20_000, 9.6e6);
    outputs.forEach((y, n) => expect(Math.abs(y - (inputs[n] ?? Number.NaN))).toBeLessThan(0.01 * 10.3));
  });

  it('with 1 V/µs the zero crossings become straight lines at exactly 1 V/µs, the output lags and the fundamental falls', () => {
    const sampleRateHz = 9.6e6;
    const { inputs, outputs } = slewedPeriod(slewOnly(1e6), 10.3, 20_000, sampleRateHz);
    const maxStep = 1e6 / sampleRateHz;
    const steps = outputs.map((y, n) => Math.abs(y - (outputs[n - 1] ?? outputs[outputs.length - 1] ?? 0)));
    const slewingSamples = steps.filter((step) => Math.abs(step - maxStep) < 1e-9).length;
    expect(Math.max(...steps)).toBeLessThanOrEqual(maxStep + 1e-12);
    // Where the sine is steeper than SR: |cos| > SR/(2π·f·Vpk) = 0.773 for at least 2·acos(0.773)/π ≈ 44 % of a period.
    expect(slewingSamples / outputs.length).toBeGreaterThan(0.4);
    const worstLagVolts = Math.max(...outputs.map((y, n) => Math.abs(y - (inputs[n] ?? Number.NaN))));
    expect(worstLagVolts).toBeGreaterThan(0.1 * 10.3);
    expect(fundamentalAmplitude(outputs)).toBeLessThan(0.95 * 10.3);
  });

  it('below 4·f·Vpk (0.82 V/µs) the output never catches the sine: a triangle of peak SR/(4f), 0.5 V/µs → 6.25 V', () => {
    const { outputs } = slewedPeriod(slewOnly(0.5e6), 10.3, 20_000, 9.6e6);
    const expectedPeakVolts = 0.5e6 / (4 * 20_000);
    expect(Math.max(...outputs)).toBeCloseTo(expectedPeakVolts, 1);
    expect(Math.min(...outputs)).toBeCloseTo(-expectedPeakVolts, 1);
  });
});

describe('op-amp model over its whole parameter range', () => {
  it('returns finite outputs within the drawn range for every corner of the ranges, statically and sample by sample', () => {
    const corners = <T extends { readonly min: number; readonly max: number }>(range: T) => [range.min, range.max];
    for (const gain of corners(OP_AMP_GAIN_RANGE)) {
      for (const railVolts of corners(OP_AMP_RAIL_RANGE_VOLTS)) {
        for (const dropoutVolts of corners(OP_AMP_DROPOUT_RANGE_VOLTS)) {
          for (const kneeVolts of corners(OP_AMP_KNEE_RANGE_VOLTS)) {
            for (const currentLimitAmps of corners(OP_AMP_CURRENT_LIMIT_RANGE_AMPS)) {
              for (const buildOutOhms of corners(OP_AMP_BUILD_OUT_RANGE_OHMS)) {
                for (const loadOhms of corners(OP_AMP_LOAD_RANGE_OHMS)) {
                  for (const slewRateVoltsPerSecond of corners(OP_AMP_SLEW_RATE_RANGE_VOLTS_PER_SECOND)) {
                    const params: OpAmpStageParams = {
                      gain,
                      railVolts,
                      dropoutVolts,
                      kneeVolts,
                      currentLimitAmps,
                      buildOutOhms,
                      loadOhms,
                      slewRateVoltsPerSecond,
                    };
                    const ranges = opAmpStageRanges(params);
                    const [low, high] = ranges.outputVoltsRange;
                    const stage = opAmpStage(params);
                    stage.prepare(48_000);
                    expect(Number.isFinite(largestCleanSwingVoltsPeak(params))).toBe(true);
                    for (let i = -8; i <= 8; i++) {
                      const inputVolts = (ranges.maxInputVoltsPeak * i) / 8;
                      for (const output of [stage.transferVolts(inputVolts), stage.processSample(inputVolts)]) {
                        expect(Number.isFinite(output)).toBe(true);
                        expect(output).toBeGreaterThanOrEqual(low);
                        expect(output).toBeLessThanOrEqual(high);
                      }
                    }
                  }
                }
              }
            }
          }
        }
      }
    }
  });
});
