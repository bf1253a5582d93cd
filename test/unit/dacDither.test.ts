import { describe, expect, it } from 'vitest';
import {
  ditherNoisePenaltyDb,
  ditherSampleLsb,
  errorVarianceLsb2,
  type DitherKind,
} from '../../src/dsp/dac/dither';
import { quantize } from '../../src/dsp/dac/quantizer';
import { mulberry32 } from '../../src/dsp/random';
import { averagedPowerSpectrum, bandLevelDb } from '../../src/dsp/spectrum';
import { sine } from '../../src/dsp/testSignals';

const SAMPLE_RATE_HZ = 48000;
const TONE_HZ = 997;

/** Mean and variance of (output − input) in LSB², over the whole block. */
function errorMomentsLsb(
  input: Float32Array | Float64Array,
  output: Float32Array,
  lsb: number,
): { mean: number; variance: number } {
  let sum = 0;
  let sumOfSquares = 0;
  for (let n = 0; n < input.length; n++) {
    const errorLsb = ((output[n] as number) - (input[n] as number)) / lsb;
    sum += errorLsb;
    sumOfSquares += errorLsb * errorLsb;
  }
  const mean = sum / input.length;
  return { mean, variance: sumOfSquares / input.length - mean * mean };
}

function errorPower(input: Float32Array, output: Float32Array): number {
  let sumOfSquares = 0;
  for (let n = 0; n < input.length; n++) sumOfSquares += ((output[n] as number) - (input[n] as number)) ** 2;
  return sumOfSquares / input.length;
}

function draw(kind: DitherKind, count: number, seed: number): Float64Array {
  const random = mulberry32(seed);
  return Float64Array.from({ length: count }, () => ditherSampleLsb(kind, random));
}

function meanAndVariance(values: Float64Array): { mean: number; variance: number } {
  const mean = values.reduce((total, value) => total + value, 0) / values.length;
  const variance = values.reduce((total, value) => total + (value - mean) ** 2, 0) / values.length;
  return { mean, variance };
}

describe('ditherSampleLsb', () => {
  it('is zero without dither', () => {
    expect(draw('none', 100, 1).every((d) => d === 0)).toBe(true);
  });

  it('draws RPDF uniformly from ±½ LSB: mean 0, variance 1/12', () => {
    const samples = draw('rpdf', 100000, 2);
    expect(samples.every((d) => d >= -0.5 && d < 0.5)).toBe(true);
    const { mean, variance } = meanAndVariance(samples);
    expect(Math.abs(mean)).toBeLessThan(0.005);
    expect(variance / (1 / 12)).toBeCloseTo(1, 1);
  });

  it('draws TPDF triangularly from ±1 LSB: variance 2/12, three quarters of it within ±½ LSB', () => {
    const samples = draw('tpdf', 100000, 3);
    expect(samples.every((d) => d > -1 && d < 1)).toBe(true);
    const { mean, variance } = meanAndVariance(samples);
    expect(Math.abs(mean)).toBeLessThan(0.005);
    expect(variance / (2 / 12)).toBeCloseTo(1, 1);
    // Triangular density 1 − |d|: P(|d| < ½) = 1 − (½)² = ¾ (a uniform ±1 density would give ½).
    const inner = samples.filter((d) => Math.abs(d) < 0.5).length / samples.length;
    expect(inner).toBeCloseTo(0.75, 2);
  });
});

describe('ditherNoisePenaltyDb', () => {
  it('is 10·log10(3) = 4.77 dB for TPDF, 10·log10(2) = 3.01 dB for RPDF, 0 without dither', () => {
    expect(ditherNoisePenaltyDb('tpdf')).toBeCloseTo(4.77, 2);
    expect(ditherNoisePenaltyDb('rpdf')).toBeCloseTo(3.01, 2);
    expect(ditherNoisePenaltyDb('none')).toBe(0);
    expect(errorVarianceLsb2('tpdf')).toBeCloseTo(1 / 12 + 2 / 12, 15);
  });

  for (const [kind, expectedDb] of [
    ['tpdf', 10 * Math.log10(3)],
    ['rpdf', 10 * Math.log10(2)],
  ] as const) {
    it(`matches the measured extra noise of ${kind.toUpperCase()} dither on a busy 16-bit sine, within 0.3 dB`, () => {
      const tone = sine(65536, SAMPLE_RATE_HZ, TONE_HZ, 0.9);
      const undithered = errorPower(tone, quantize(tone, 16, 'none', mulberry32(1)));
      const dithered = errorPower(tone, quantize(tone, 16, kind, mulberry32(1)));
      const measuredDb = 10 * Math.log10(dithered / undithered);
      expect(Math.abs(measuredDb - expectedDb)).toBeLessThan(0.3);
      expect(Math.abs(measuredDb - ditherNoisePenaltyDb(kind))).toBeLessThan(0.3);
    });
  }
});

describe('dither on an 8-bit quantizer', () => {
  const bits = 8;
  const lsb = 2 ** (1 - bits);

  it('keeps a 0.3 LSB sine that plain rounding loses: undithered output is silence, TPDF shows the tone at its level', () => {
    const amplitude = 0.3 * lsb;
    const tone = sine(131072, SAMPLE_RATE_HZ, TONE_HZ, amplitude);
    const undithered = quantize(tone, bits, 'none', mulberry32(1));
    expect(undithered.every((sample) => sample === 0)).toBe(true);
    const dithered = quantize(tone, bits, 'tpdf', mulberry32(1));
    const spectrum = averagedPowerSpectrum(dithered, SAMPLE_RATE_HZ, 16384);
    const toneLevelDb = bandLevelDb(spectrum, TONE_HZ - 15, TONE_HZ + 15);
    expect(Math.abs(toneLevelDb - 20 * Math.log10(amplitude / Math.SQRT2))).toBeLessThan(0.5);
    // Away from the tone only the flat dithered noise floor: ¼ LSB² spread over 0 … fs/2.
    const floorLevelDb = bandLevelDb(spectrum, 5000 - 15, 5000 + 15);
    const expectedFloorDb = 10 * Math.log10(((lsb * lsb) / 4) * (30 / (SAMPLE_RATE_HZ / 2)));
    expect(Math.abs(floorLevelDb - expectedFloorDb)).toBeLessThan(1.5);
  });

  it('makes the TPDF error mean 0 and variance ¼ LSB² whatever the sine level, unlike no dither', () => {
    for (const amplitudeLsb of [0, 0.3, 2.5, 40]) {
      const tone = sine(65536, SAMPLE_RATE_HZ, TONE_HZ, amplitudeLsb * lsb);
      const tpdf = errorMomentsLsb(tone, quantize(tone, bits, 'tpdf', mulberry32(5)), lsb);
      expect(Math.abs(tpdf.mean)).toBeLessThan(0.02);
      expect(Math.abs(tpdf.variance / (1 / 12 + 2 / 12) - 1)).toBeLessThan(0.1);
    }
    // Without dither the error is the signal itself for small signals: 0 for silence, A²/2 = 0.045 LSB² at 0.3 LSB.
    const silence = new Float32Array(65536);
    expect(errorMomentsLsb(silence, quantize(silence, bits, 'none', mulberry32(5)), lsb).variance).toBe(0);
    const whisper = sine(65536, SAMPLE_RATE_HZ, TONE_HZ, 0.3 * lsb);
    const whisperError = errorMomentsLsb(whisper, quantize(whisper, bits, 'none', mulberry32(5)), lsb);
    expect(whisperError.variance).toBeCloseTo(0.3 ** 2 / 2, 3);
  });

  it('makes the error mean zero for any constant with RPDF or TPDF, but only TPDF fixes the variance', () => {
    for (const offsetLsb of [0, 0.25, 0.5, 0.75]) {
      const constant = new Float64Array(65536).fill((10 + offsetLsb) * lsb);
      const moments = (kind: DitherKind): { mean: number; variance: number } =>
        errorMomentsLsb(constant, quantize(constant, bits, kind, mulberry32(9)), lsb);
      // Undithered: the error is the constant rounding error round(f) − f, variance 0.
      const none = moments('none');
      expect(none.mean).toBeCloseTo(Math.round(offsetLsb) - offsetLsb, 9);
      expect(none.variance).toBeCloseTo(0, 9);
      // RPDF: rounds up with probability f, so mean 0 and variance f·(1 − f), which depends on f.
      const rpdf = moments('rpdf');
      expect(Math.abs(rpdf.mean)).toBeLessThan(0.02);
      expect(Math.abs(rpdf.variance - offsetLsb * (1 - offsetLsb))).toBeLessThan(0.02);
      // TPDF: mean 0, variance 1/12 + 2/12 = ¼ at every f.
      const tpdf = moments('tpdf');
      expect(Math.abs(tpdf.mean)).toBeLessThan(0.02);
      expect(Math.abs(tpdf.variance - 0.25)).toBeLessThan(0.025);
    }
  });
});
