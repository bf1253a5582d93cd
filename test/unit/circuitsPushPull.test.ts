import { describe, expect, it } from 'vitest';
import {
  PUSH_PULL_BIAS_CURRENT_RANGE_AMPS,
  PUSH_PULL_EMITTER_RESISTOR_RANGE_OHMS,
  PUSH_PULL_LOAD_RANGE_OHMS,
  PUSH_PULL_DEFAULTS,
  PUSH_PULL_RAIL_RANGE_VOLTS,
  PUSH_PULL_SATURATION_CURRENT_RANGE_AMPS,
  PUSH_PULL_SATURATION_VOLTAGE_RANGE_VOLTS,
  THERMAL_VOLTAGE_VOLTS,
  biasVoltageForCurrent,
  pushPullOperatingPoint,
  pushPullStage,
  pushPullStageRanges,
  quiescentCurrentAmps,
  type PushPullParams,
} from '../../src/dsp/circuits/pushPullStage';

const classB: PushPullParams = { ...PUSH_PULL_DEFAULTS, outputClass: 'B' };
const classAB: PushPullParams = { ...PUSH_PULL_DEFAULTS, outputClass: 'AB' };

/** Amplitude of DFT bin k of one block (an integer number of periods of the fundamental fits the block). */
function binAmplitude(samples: readonly number[], k: number): number {
  let re = 0;
  let im = 0;
  samples.forEach((x, n) => {
    const phase = (2 * Math.PI * k * n) / samples.length;
    re += x * Math.cos(phase);
    im -= x * Math.sin(phase);
  });
  return (2 * Math.hypot(re, im)) / samples.length;
}

/** THD = √(Σ A_h², h = 2…H) / A_1 over `periods` periods of a sine sampled `samples` times. */
function thd(samples: readonly number[], periods: number, highestHarmonic = 20): number {
  let harmonics = 0;
  for (let h = 2; h <= highestHarmonic; h++) harmonics += binAmplitude(samples, h * periods) ** 2;
  return Math.sqrt(harmonics) / binAmplitude(samples, periods);
}

function sineThroughStage(params: PushPullParams, inputVoltsPeak: number, samples: number, periods: number): number[] {
  const stage = pushPullStage(params);
  return Array.from({ length: samples }, (_, n) =>
    stage.transferVolts(inputVoltsPeak * Math.sin((2 * Math.PI * periods * n) / samples)),
  );
}

describe('push-pull thermal voltage', () => {
  it('Vt = kT/q at 300 K is 25.85 mV', () => {
    expect(THERMAL_VOLTAGE_VOLTS).toBeCloseTo((1.380649e-23 * 300) / 1.602176634e-19, 15);
    expect(THERMAL_VOLTAGE_VOLTS).toBeCloseTo(0.02585, 5);
  });
});

describe('class B crossover: a dead zone that comes out of the diode equation', () => {
  it('with no bias the output stays below 1 mV until the input passes Vbe(1 mV/RL) + the Re drop + 1 mV (≈ 0.57 V into 32 Ω)', () => {
    // For |Vout| = 1 mV the conducting transistor carries I = 1 mV/RL, which needs Vbe = Vt·ln(1 + I/Is); the input is
    // the sum of Vbe, the emitter resistor's I·Re and the output itself.
    const currentAmps = 1e-3 / classB.loadOhms;
    const thresholdVolts =
      THERMAL_VOLTAGE_VOLTS * Math.log1p(currentAmps / classB.saturationCurrentAmps) +
      currentAmps * classB.emitterResistorOhms +
      1e-3;
    expect(thresholdVolts).toBeGreaterThan(0.5);
    const stage = pushPullStage(classB);
    for (let i = 0; i <= 98; i++) {
      const inputVolts = (thresholdVolts * i) / 100;
      expect(Math.abs(stage.transferVolts(inputVolts))).toBeLessThan(1e-3);
      expect(Math.abs(stage.transferVolts(-inputVolts))).toBeLessThan(1e-3);
    }
    expect(stage.transferVolts(1.02 * thresholdVolts)).toBeGreaterThan(1e-3);
    expect(stage.transferVolts(-1.02 * thresholdVolts)).toBeLessThan(-1e-3);
  });

  it('exactly at that threshold the output is 1 mV to within the solver’s precision', () => {
    const currentAmps = 1e-3 / classB.loadOhms;
    const thresholdVolts =
      THERMAL_VOLTAGE_VOLTS * Math.log1p(currentAmps / classB.saturationCurrentAmps) +
      currentAmps * classB.emitterResistorOhms +
      1e-3;
    // The PNP still leaks −Is, which shifts the output by Is·RL ≈ 3e-13 V.
    expect(pushPullStage(classB).transferVolts(thresholdVolts)).toBeCloseTo(1e-3, 10);
  });

  it('the transfer curve is odd: the PNP mirrors the NPN', () => {
    for (const params of [classB, classAB]) {
      const stage = pushPullStage(params);
      for (const inputVolts of [0.1, 0.6, 1.3, 5, 11.9]) {
        expect(stage.transferVolts(-inputVolts)).toBeCloseTo(-stage.transferVolts(inputVolts), 12);
      }
    }
  });
});

describe('class AB bias', () => {
  it('the quiescent current equals the requested bias current within 1 % across bias and Re', () => {
    for (const biasCurrentAmps of [0.001, 0.005, 0.02, 0.05]) {
      for (const emitterResistorOhms of [0.47, 1, 2.2, 4.7]) {
        const params: PushPullParams = { ...classAB, biasCurrentAmps, emitterResistorOhms };
        expect(Math.abs(quiescentCurrentAmps(params) / biasCurrentAmps - 1)).toBeLessThan(0.01);
      }
    }
  });

  it('the bias voltage is 2·(Vt·ln(1 + Iq/Is) + Iq·Re): about 1.5 V for 20 mA through 1 Ω', () => {
    const expected = 2 * (THERMAL_VOLTAGE_VOLTS * Math.log(1 + 0.02 / 1e-14) + 0.02 * 1);
    expect(biasVoltageForCurrent(0.02, 1, 1e-14)).toBeCloseTo(expected, 12);
    expect(expected).toBeGreaterThan(1.4);
    expect(expected).toBeLessThan(1.6);
  });

  it('the output sits at 0 V with no input, in both classes', () => {
    expect(pushPullStage(classAB).quiescentOutputVolts).toBe(0);
    expect(pushPullStage(classB).quiescentOutputVolts).toBe(0);
  });

  it('small-signal gain at the bias point is RL/(RL + (Re + re)/2), re = Vt/Iq per device, the two halves in parallel', () => {
    for (const [biasCurrentAmps, emitterResistorOhms, loadOhms] of [
      [0.02, 1, 32],
      [0.005, 0.47, 16],
      [0.05, 2.2, 300],
    ] as const) {
      const params: PushPullParams = { ...classAB, biasCurrentAmps, emitterResistorOhms, loadOhms };
      // Each half is its junction's incremental resistance re = Vt/(Iq + Is) in series with Re; at the bias point
      // both conduct, so the source the load sees is the two in parallel.
      const re = THERMAL_VOLTAGE_VOLTS / (biasCurrentAmps + params.saturationCurrentAmps);
      const expectedGain = loadOhms / (loadOhms + (re + emitterResistorOhms) / 2);
      const stage = pushPullStage(params);
      const deltaVolts = 1e-5;
      const measuredGain = (stage.transferVolts(deltaVolts) - stage.transferVolts(-deltaVolts)) / (2 * deltaVolts);
      expect(Math.abs(measuredGain / expectedGain - 1)).toBeLessThan(1e-4);
    }
  });

  it('class B’s incremental gain at zero is nil (both transistors off); class AB’s is close to 1', () => {
    const deltaVolts = 1e-5;
    const gain = (params: PushPullParams) => {
      const stage = pushPullStage(params);
      return (stage.transferVolts(deltaVolts) - stage.transferVolts(-deltaVolts)) / (2 * deltaVolts);
    };
    expect(gain(classB)).toBeLessThan(1e-6);
    expect(gain(classAB)).toBeGreaterThan(0.95);
  });
});

describe('crossover distortion at low level', () => {
  it('30 dB below full input swing, class B’s THD is at least 10 dB worse than class AB’s', () => {
    const { maxInputVoltsPeak } = pushPullStageRanges(classAB);
    const inputVoltsPeak = maxInputVoltsPeak * 10 ** (-30 / 20);
    const periods = 3;
    const samples = 3 * 512;
    const thdB = thd(sineThroughStage(classB, inputVoltsPeak, samples, periods), periods);
    const thdAB = thd(sineThroughStage(classAB, inputVoltsPeak, samples, periods), periods);
    expect(20 * Math.log10(thdB / thdAB)).toBeGreaterThan(10);
  });

  it('class B’s THD grows as the level falls (−10 dB vs 0 dB), where class AB stays far lower', () => {
    const { maxInputVoltsPeak } = pushPullStageRanges(classB);
    const thdAt = (params: PushPullParams, db: number) =>
      thd(sineThroughStage(params, maxInputVoltsPeak * 10 ** (db / 20), 1024, 1), 1);
    expect(thdAt(classB, -10)).toBeGreaterThan(thdAt(classB, 0));
    expect(thdAt(classB, -20)).toBeGreaterThan(thdAt(classB, -10));
    expect(thdAt(classAB, -20)).toBeLessThan(thdAt(classB, -20) / 100);
  });
});

describe('large signals: saturation', () => {
  it('far past the rails the output clips at (Vcc − Vce,sat)·RL/(RL + Re): the saturated emitter sits at Vcc − Vce,sat', () => {
    for (const params of [classB, classAB, { ...classAB, loadOhms: 16, emitterResistorOhms: 2.2, railVolts: 5 }]) {
      const stage = pushPullStage(params);
      const limitVolts = params.railVolts - params.saturationVolts;
      const expected = (limitVolts * params.loadOhms) / (params.loadOhms + params.emitterResistorOhms);
      for (const inputVolts of [params.railVolts + 2, 10 * params.railVolts, 1e6]) {
        const point = pushPullOperatingPoint(params, inputVolts);
        expect(point.npnSaturated).toBe(true);
        expect(point.outputVolts).toBeCloseTo(expected, 9);
        expect(stage.transferVolts(-inputVolts)).toBeCloseTo(-expected, 9);
      }
    }
  });

  it('class AB reaches the saturation limit within its ±Vcc input range; class B stops about a Vbe short', () => {
    const ranges = pushPullStageRanges(classAB);
    expect(pushPullOperatingPoint(classAB, ranges.maxInputVoltsPeak).npnSaturated).toBe(true);
    const pointB = pushPullOperatingPoint(classB, ranges.maxInputVoltsPeak);
    expect(pointB.npnSaturated).toBe(false);
    // Vout = Vcc − Vbe(I) − I·Re with I = Vout/RL.
    const vbe = THERMAL_VOLTAGE_VOLTS * Math.log1p(pointB.npnCurrentAmps / classB.saturationCurrentAmps);
    expect(pointB.outputVolts).toBeCloseTo(classB.railVolts - vbe - pointB.npnCurrentAmps * classB.emitterResistorOhms, 9);
  });
});

describe('push-pull model over its whole parameter range', () => {
  it('returns finite, monotonic outputs inside ±(Vcc − Vce,sat) for every corner of the ranges and beyond ±Vcc in', () => {
    const corners = <T extends { readonly min: number; readonly max: number }>(range: T) => [range.min, range.max];
    for (const outputClass of ['B', 'AB'] as const) {
      for (const biasCurrentAmps of corners(PUSH_PULL_BIAS_CURRENT_RANGE_AMPS)) {
        for (const emitterResistorOhms of corners(PUSH_PULL_EMITTER_RESISTOR_RANGE_OHMS)) {
          for (const loadOhms of corners(PUSH_PULL_LOAD_RANGE_OHMS)) {
            for (const railVolts of corners(PUSH_PULL_RAIL_RANGE_VOLTS)) {
              for (const saturationVolts of corners(PUSH_PULL_SATURATION_VOLTAGE_RANGE_VOLTS)) {
                for (const saturationCurrentAmps of corners(PUSH_PULL_SATURATION_CURRENT_RANGE_AMPS)) {
                  const params: PushPullParams = {
                    outputClass,
                    biasCurrentAmps,
                    emitterResistorOhms,
                    loadOhms,
                    railVolts,
                    saturationVolts,
                    saturationCurrentAmps,
                  };
                  const stage = pushPullStage(params);
                  const limit = railVolts - saturationVolts;
                  let previous = Number.NEGATIVE_INFINITY;
                  for (let i = -24; i <= 24; i++) {
                    const output = stage.transferVolts((2 * railVolts * i) / 24);
                    expect(Number.isFinite(output)).toBe(true);
                    expect(Math.abs(output)).toBeLessThanOrEqual(limit);
                    // Flat in saturation, so "never falls" is up to rounding.
                    expect(output).toBeGreaterThanOrEqual(previous - 1e-12);
                    previous = output;
                  }
                  expect(Number.isFinite(quiescentCurrentAmps(params))).toBe(true);
                }
              }
            }
          }
        }
      }
    }
  });

  it('processSample gives transferVolts sample by sample (memoryless), after prepare and reset too', () => {
    const stage = pushPullStage(classAB);
    stage.prepare(48_000);
    for (let n = 0; n < 480; n++) {
      const inputVolts = 11 * Math.sin((2 * Math.PI * n) / 48) + 0.3 * Math.sin((2 * Math.PI * n) / 7);
      expect(stage.processSample(inputVolts)).toBeCloseTo(stage.transferVolts(inputVolts), 11);
    }
    stage.reset();
    expect(stage.processSample(-3)).toBeCloseTo(stage.transferVolts(-3), 11);
  });

  it('rejects a rail at or below Vce,sat and non-finite inputs', () => {
    expect(() => pushPullStage({ ...classAB, railVolts: 0.1, saturationVolts: 0.2 })).toThrow(RangeError);
    expect(() => pushPullOperatingPoint(classAB, Number.NaN)).toThrow(RangeError);
  });
});
