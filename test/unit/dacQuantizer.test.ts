import { describe, expect, it } from 'vitest';
import { DITHER_KINDS, NOISE_SHAPINGS, type DitherKind, type NoiseShaping } from '../../src/dsp/dac/dither';
import {
  BIT_DEPTH_RANGE,
  createQuantizer,
  lsbSize,
  measuredSnrDb,
  quantize,
  quantizeSample,
  theoreticalSineSnrDb,
} from '../../src/dsp/dac/quantizer';
import { mulberry32 } from '../../src/dsp/random';
import { averagedPowerSpectrum, bandLevelDb } from '../../src/dsp/spectrum';
import { sine } from '../../src/dsp/testSignals';

const SAMPLE_RATE_HZ = 48000;
/** A prime number of hertz: not a sub-multiple of 48 kHz, so the sine visits every code phase. */
const TONE_HZ = 997;

function errorSignal(reference: Float32Array, output: Float32Array): Float64Array {
  return Float64Array.from(reference, (x, n) => (output[n] as number) - x);
}

function isOnGrid(sample: number, bits: number): boolean {
  return Number.isInteger(sample * 2 ** (bits - 1));
}

/**
 * Mean of |1 − e^(−j2πf/fs)|² = 4·sin²(πf/fs) = 2 − 2·cos(2πf/fs) over [lowHz, highHz]:
 * 2 − 2·fs·(sin(2π·high/fs) − sin(2π·low/fs)) / (2π·(high − low)).
 */
function firstOrderNoisePowerGain(lowHz: number, highHz: number, sampleRateHz: number): number {
  const w = (2 * Math.PI) / sampleRateHz;
  return 2 - (2 * (Math.sin(w * highHz) - Math.sin(w * lowHz))) / (w * (highHz - lowHz));
}

describe('lsbSize', () => {
  it('is the full-scale span 2 divided into 2^N steps', () => {
    expect(lsbSize(1)).toBe(1);
    expect(lsbSize(8)).toBe(1 / 128);
    expect(lsbSize(16)).toBe(1 / 32768);
    expect(lsbSize(24)).toBe(2 / 16777216);
  });

  it('rejects bit depths outside 1–24 or not whole', () => {
    expect(BIT_DEPTH_RANGE).toEqual({ min: 1, max: 24 });
    for (const bits of [0, 25, 8.5, Number.NaN]) expect(() => lsbSize(bits)).toThrow(RangeError);
  });
});

describe('quantizeSample', () => {
  it('rounds to the nearest multiple of the LSB, with zero as a code (mid-tread)', () => {
    const lsb = 1 / 128;
    expect(quantizeSample(0.3 * lsb, 8)).toBe(0);
    expect(quantizeSample(-0.3 * lsb, 8)).toBe(0);
    expect(quantizeSample(0.6 * lsb, 8)).toBe(lsb);
    expect(quantizeSample(-2.7 * lsb, 8)).toBe(-3 * lsb);
    expect(quantizeSample(0.25, 8)).toBe(0.25);
  });

  it('adds the dither, in LSB, before rounding', () => {
    const lsb = 1 / 128;
    expect(quantizeSample(0.3 * lsb, 8, 0.3)).toBe(lsb);
    expect(quantizeSample(0.3 * lsb, 8, -0.9)).toBe(-lsb);
  });

  it('clamps to the largest codes, −1 and 1 − LSB, and reads NaN as silence', () => {
    expect(quantizeSample(1, 8)).toBe(1 - 1 / 128);
    expect(quantizeSample(-1, 8)).toBe(-1);
    expect(quantizeSample(5, 16, 1)).toBe(1 - 1 / 32768);
    expect(quantizeSample(-Infinity, 16)).toBe(-1);
    expect(quantizeSample(Infinity, 16)).toBe(1 - 1 / 32768);
    expect(quantizeSample(Number.NaN, 16)).toBe(0);
    expect(quantizeSample(0.7, 1)).toBe(0);
    expect(quantizeSample(-0.7, 1)).toBe(-1);
  });

  it('always lands on the grid, within ±1, and within ½ LSB of an in-range undithered input', () => {
    const random = mulberry32(11);
    const failures: { x: number; bits: number; ditherLsb: number; dithered: number }[] = [];
    for (let trial = 0; trial < 20000; trial++) {
      const bits = BIT_DEPTH_RANGE.min + Math.floor(random() * BIT_DEPTH_RANGE.max);
      const x = 3 * random() - 1.5;
      const ditherLsb = 2 * random() - 1;
      const lsb = 2 ** (1 - bits);
      const dithered = quantizeSample(x, bits, ditherLsb);
      const inRange = x >= -1 && x <= 1 - lsb;
      if (
        !isOnGrid(dithered, bits) ||
        dithered < -1 ||
        dithered > 1 - lsb ||
        (inRange && Math.abs(quantizeSample(x, bits) - x) > lsb / 2)
      ) {
        failures.push({ x, bits, ditherLsb, dithered });
      }
    }
    expect(failures).toEqual([]);
  });
});

describe('theoreticalSineSnrDb', () => {
  it('is 6.02·N + 1.76 dB: 98.1 dB at 16 bits and 146.2 dB at 24 bits', () => {
    for (let bits = 1; bits <= 24; bits++) {
      expect(Math.abs(theoreticalSineSnrDb(bits) - (6.02 * bits + 1.76))).toBeLessThan(0.02);
    }
    expect(theoreticalSineSnrDb(16)).toBeCloseTo(98.09, 2);
    expect(Math.abs(theoreticalSineSnrDb(24) - 146.2)).toBeLessThan(0.1);
  });
});

describe('measuredSnrDb', () => {
  it('is 10·log10 of signal power over error power', () => {
    const reference = new Float64Array([1, -1, 1, -1]);
    const output = reference.map((x) => x + 0.1);
    expect(measuredSnrDb(reference, output)).toBeCloseTo(20, 10);
    expect(measuredSnrDb(reference, reference)).toBe(Infinity);
    expect(() => measuredSnrDb(reference, new Float64Array(3))).toThrow(RangeError);
  });
});

describe('quantize', () => {
  for (const bits of [8, 12, 16]) {
    it(`gives an undithered near-full-scale sine an SNR of 6.02·N + 1.76 dB within 0.3 dB at ${bits} bits`, () => {
      const amplitude = 1 - 2 ** (1 - bits);
      const tone = sine(65536, SAMPLE_RATE_HZ, TONE_HZ, amplitude);
      const output = quantize(tone, bits, 'none', mulberry32(1));
      const expectedDb = 6.02 * bits + 1.76 + 20 * Math.log10(amplitude);
      expect(Math.abs(measuredSnrDb(tone, output) - expectedDb)).toBeLessThan(0.3);
    });
  }

  it('gives the same output for the same seed, and different dither for a different seed', () => {
    const tone = sine(4096, SAMPLE_RATE_HZ, TONE_HZ, 0.5);
    const first = quantize(tone, 12, 'tpdf', mulberry32(7), 'first-order');
    const again = quantize(tone, 12, 'tpdf', mulberry32(7), 'first-order');
    const otherSeed = quantize(tone, 12, 'tpdf', mulberry32(8), 'first-order');
    expect(again).toEqual(first);
    expect(otherSeed).not.toEqual(first);
  });

  it('shapes the error of first-order feedback by 4·sin²(πf/fs): −22 dB below 1 kHz, +6 dB near Nyquist, twice the total', () => {
    const tone = sine(131072, SAMPLE_RATE_HZ, TONE_HZ, 0.5);
    const flat = errorSignal(tone, quantize(tone, 16, 'tpdf', mulberry32(3)));
    const shaped = errorSignal(tone, quantize(tone, 16, 'tpdf', mulberry32(3), 'first-order'));
    const flatSpectrum = averagedPowerSpectrum(flat, SAMPLE_RATE_HZ, 4096);
    const shapedSpectrum = averagedPowerSpectrum(shaped, SAMPLE_RATE_HZ, 4096);
    for (const [lowHz, highHz] of [
      [0, 1000],
      [20000, 24000],
      [0, 24000],
    ] as const) {
      const expectedDb = 10 * Math.log10(firstOrderNoisePowerGain(lowHz, highHz, SAMPLE_RATE_HZ));
      const measuredDb = bandLevelDb(shapedSpectrum, lowHz, highHz) - bandLevelDb(flatSpectrum, lowHz, highHz);
      expect(Math.abs(measuredDb - expectedDb)).toBeLessThan(0.5);
    }
    expect(10 * Math.log10(firstOrderNoisePowerGain(0, 1000, SAMPLE_RATE_HZ))).toBeCloseTo(-22.4, 1);
  });

  it('does not feed clipping error back: after an over-range passage the shaped error is back within ±3 LSB at once', () => {
    const bits = 8;
    const lsb = 2 ** (1 - bits);
    const input = Float64Array.from({ length: 2000 }, (_, n) => (n < 1000 ? 1.5 : 0.01 * Math.sin(n / 7)));
    const output = quantize(input, bits, 'tpdf', mulberry32(4), 'first-order');
    for (let n = 1000; n < input.length; n++) {
      expect(Math.abs((output[n] as number) - (input[n] as number))).toBeLessThanOrEqual(3 * lsb);
    }
  });

  it('never returns NaN or Infinity, and only grid values within ±1, for any bit depth, dither and shaping', () => {
    const random = mulberry32(21);
    const extremes = [1, -1, 0.9999999, -0.9999999, 0, 1.5, -7, Infinity, -Infinity, Number.NaN];
    const cases: { bits: number; dither: DitherKind; shaping: NoiseShaping }[] = [];
    for (const dither of DITHER_KINDS) {
      for (const shaping of NOISE_SHAPINGS) {
        cases.push({ bits: BIT_DEPTH_RANGE.min, dither, shaping }, { bits: BIT_DEPTH_RANGE.max, dither, shaping });
      }
    }
    for (let trial = 0; trial < 200; trial++) {
      cases.push({
        bits: BIT_DEPTH_RANGE.min + Math.floor(random() * BIT_DEPTH_RANGE.max),
        dither: DITHER_KINDS[Math.floor(random() * DITHER_KINDS.length)] ?? 'none',
        shaping: NOISE_SHAPINGS[Math.floor(random() * NOISE_SHAPINGS.length)] ?? 'none',
      });
    }
    const failures: { bits: number; dither: string; shaping: string; sample: number }[] = [];
    cases.forEach(({ bits, dither, shaping }, caseIndex) => {
      const input = Float32Array.from({ length: 512 }, (_, n) =>
        n < extremes.length ? (extremes[n] as number) : 2 * random() - 1,
      );
      for (const sample of quantize(input, bits, dither, mulberry32(caseIndex), shaping)) {
        if (!Number.isFinite(sample) || !isOnGrid(sample, bits) || Math.abs(sample) > 1) {
          failures.push({ bits, dither, shaping, sample });
        }
      }
    });
    expect(failures).toEqual([]);
  });

  it('streams: createQuantizer fed sample by sample matches quantize on the whole block', () => {
    const tone = sine(1000, SAMPLE_RATE_HZ, TONE_HZ, 0.8);
    const block = quantize(tone, 10, 'rpdf', mulberry32(5), 'first-order');
    const quantizer = createQuantizer(10, 'rpdf', mulberry32(5), 'first-order');
    expect(Float32Array.from(tone, (x) => quantizer(x))).toEqual(block);
  });
});
