import { describe, expect, it } from 'vitest';
import { jitterLimitedSnrDb, sinusoidalJitterSidebandDb, type JitterKind } from '../../src/dsp/dac/jitter';
import {
  JITTER_DELAY_MAX_SHIFT_SAMPLES,
  JITTER_DELAY_MULTIPLY_ADDS_PER_SAMPLE,
  JITTER_DELAY_TAPS,
  JitterDelay,
} from '../../src/dsp/dac/jitterDelay';
import { mulberry32 } from '../../src/dsp/random';
import { averagedPowerSpectrum, bandLevelDb } from '../../src/dsp/spectrum';

const RATE_HZ = 48_000;
const BLOCK = 128;

function sine(lengthSamples: number, toneHz: number, amplitude = 1): Float32Array {
  const samples = new Float32Array(lengthSamples);
  for (let n = 0; n < lengthSamples; n++) samples[n] = amplitude * Math.sin((2 * Math.PI * toneHz * n) / RATE_HZ);
  return samples;
}

/** Runs the processor over `input` in blocks of the given lengths (cycled), as an audio callback would. */
function processInBlocks(delay: JitterDelay, input: Float32Array, blockLengths: readonly number[] = [BLOCK]): Float32Array {
  const output = new Float32Array(input.length);
  let start = 0;
  for (let b = 0; start < input.length; b++) {
    const length = Math.min(blockLengths[b % blockLengths.length] as number, input.length - start);
    delay.process(input.subarray(start, start + length), output.subarray(start, start + length));
    start += length;
  }
  return output;
}

function jittered(input: Float32Array, jitterSecondsRms: number, kind: JitterKind, seed: number, jitterFrequencyHz?: number): Float32Array {
  return processInBlocks(new JitterDelay(RATE_HZ, jitterSecondsRms, kind, mulberry32(seed), jitterFrequencyHz), input);
}

/** Signal power over error power, both from `from` on, against a reference. */
function snrDb(output: Float32Array, reference: Float32Array, from: number): number {
  let signalPower = 0;
  let errorPower = 0;
  for (let n = from; n < output.length; n++) {
    const r = reference[n] as number;
    signalPower += r * r;
    errorPower += ((output[n] as number) - r) ** 2;
  }
  return 10 * Math.log10(signalPower / errorPower);
}

describe('JitterDelay without jitter', () => {
  it('delays a 1 kHz sine by exactly latencySamples = 16 + 12 samples', () => {
    const delay = new JitterDelay(RATE_HZ, 0, 'random', mulberry32(1));
    expect(delay.latencySamples).toBe(JITTER_DELAY_TAPS / 2 + JITTER_DELAY_MAX_SHIFT_SAMPLES);
    const input = sine(4096, 1000);
    const output = processInBlocks(delay, input);
    const latency = delay.latencySamples;
    let worst = 0;
    for (let n = latency; n < output.length; n++) {
      const expected = Math.sin((2 * Math.PI * 1000 * (n - latency)) / RATE_HZ);
      worst = Math.max(worst, Math.abs((output[n] as number) - expected));
    }
    expect(worst).toBeLessThan(1e-4);
    for (let n = 0; n < latency; n++) expect(output[n]).toBe(0);
  });

  it('starts over from silence after reset()', () => {
    const delay = new JitterDelay(RATE_HZ, 0, 'sinusoidal', mulberry32(1), 100);
    processInBlocks(delay, sine(1000, 3000));
    delay.reset();
    const output = processInBlocks(delay, sine(200, 1000));
    for (let n = 0; n < delay.latencySamples; n++) expect(output[n]).toBe(0);
    expect(output[delay.latencySamples + 10]).toBeCloseTo(Math.sin((2 * Math.PI * 1000 * 10) / RATE_HZ), 5);
  });
});

describe('JitterDelay with random jitter', () => {
  for (const toneHz of [2000, 15_000]) {
    it(`reads the signal at (n − D) + τn·fs, τn the Box–Muller sequence of the injected RNG, within −77 dB (${toneHz} Hz, 50 µs rms)`, () => {
      const jitterSecondsRms = 50e-6;
      const seed = 99;
      const length = 8192;
      const output = jittered(sine(length, toneHz), jitterSecondsRms, 'random', seed);
      const uniform = mulberry32(seed);
      const latency = JITTER_DELAY_TAPS / 2 + JITTER_DELAY_MAX_SHIFT_SAMPLES;
      let errorPower = 0;
      let largestShiftSamples = 0;
      for (let n = 0; n < length; n += 2) {
        const radius = Math.sqrt(-2 * Math.log(1 - uniform()));
        const angleRad = 2 * Math.PI * uniform();
        const pair = [radius * Math.cos(angleRad), radius * Math.sin(angleRad)];
        for (let k = 0; k < 2; k++) {
          const unclampedSamples = jitterSecondsRms * RATE_HZ * (pair[k] as number);
          const shiftSamples = Math.max(-JITTER_DELAY_MAX_SHIFT_SAMPLES, Math.min(JITTER_DELAY_MAX_SHIFT_SAMPLES, unclampedSamples));
          largestShiftSamples = Math.max(largestShiftSamples, Math.abs(shiftSamples));
          const m = n + k;
          if (m < 2 * latency) continue;
          const expected = Math.sin((2 * Math.PI * toneHz * (m - latency + shiftSamples)) / RATE_HZ);
          errorPower += ((output[m] as number) - expected) ** 2;
        }
      }
      expect(largestShiftSamples).toBeGreaterThan(6);
      const errorRms = Math.sqrt(errorPower / (length - 2 * latency));
      expect(errorRms).toBeLessThan(1e-4);
    });
  }

  const cases = [
    { toneHz: 5000, jitterSecondsRms: 1e-6 },
    { toneHz: 10_000, jitterSecondsRms: 1e-6 },
    { toneHz: 5000, jitterSecondsRms: 10e-6 },
    { toneHz: 10_000, jitterSecondsRms: 10e-6 },
  ];
  for (const { toneHz, jitterSecondsRms } of cases) {
    it(`gives SNR −20·log10(2π·f·tj) within 1 dB for ${toneHz / 1000} kHz with ${jitterSecondsRms * 1e6} µs rms`, () => {
      const input = sine(32_768, toneHz);
      const reference = jittered(input, 0, 'random', 1);
      const output = jittered(input, jitterSecondsRms, 'random', 7);
      expect(Math.abs(snrDb(output, reference, 64) - jitterLimitedSnrDb(toneHz, jitterSecondsRms))).toBeLessThan(1);
    });
  }

  it('spreads the error as white noise: the band 0–12 kHz holds half the error power of 0–24 kHz within 0.5 dB', () => {
    const input = sine(32_768, 3000);
    const reference = jittered(input, 0, 'random', 1);
    const output = jittered(input, 2e-6, 'random', 11);
    const error = new Float32Array(output.length);
    for (let n = 0; n < error.length; n++) error[n] = (output[n] as number) - (reference[n] as number);
    const spectrum = averagedPowerSpectrum(error.subarray(64), RATE_HZ, 4096);
    const lowerHalfDb = bandLevelDb(spectrum, 0, RATE_HZ / 4);
    const upperHalfDb = bandLevelDb(spectrum, RATE_HZ / 4, RATE_HZ / 2);
    expect(Math.abs(lowerHalfDb - upperHalfDb)).toBeLessThan(0.5);
  });
});

describe('JitterDelay with sinusoidal jitter', () => {
  const cases = [
    { toneHz: 6000, jitterSecondsRms: 1e-6, jitterFrequencyHz: 1000 },
    { toneHz: 3000, jitterSecondsRms: 10e-6, jitterFrequencyHz: 500 },
    { toneHz: 1000, jitterSecondsRms: 50e-6, jitterFrequencyHz: 200 },
  ];
  for (const { toneHz, jitterSecondsRms, jitterFrequencyHz } of cases) {
    it(`puts sidebands at f ± fj at 20·log10(π·f·tpk) re the tone within 0.5 dB (${toneHz} Hz, ${jitterSecondsRms * 1e6} µs rms at ${jitterFrequencyHz} Hz)`, () => {
      const output = jittered(sine(32_768 + 64, toneHz), jitterSecondsRms, 'sinusoidal', 1, jitterFrequencyHz);
      const spectrum = averagedPowerSpectrum(output.subarray(64), RATE_HZ, 16_384);
      const halfWidthHz = jitterFrequencyHz / 4;
      const level = (centreHz: number): number => bandLevelDb(spectrum, centreHz - halfWidthHz, centreHz + halfWidthHz);
      const toneDb = level(toneHz);
      const expectedDb = sinusoidalJitterSidebandDb(toneHz, Math.SQRT2 * jitterSecondsRms);
      expect(Math.abs(level(toneHz - jitterFrequencyHz) - toneDb - expectedDb)).toBeLessThan(0.5);
      expect(Math.abs(level(toneHz + jitterFrequencyHz) - toneDb - expectedDb)).toBeLessThan(0.5);
    });
  }

  it(`clamps the timing error at ±${JITTER_DELAY_MAX_SHIFT_SAMPLES} samples: a 1 ms rms wobble reads x[n − D ± 12] at its extremes`, () => {
    const input = sine(4800, 500);
    const jitterFrequencyHz = 10;
    const delay = new JitterDelay(RATE_HZ, 1e-3, 'sinusoidal', mulberry32(1), jitterFrequencyHz);
    const output = processInBlocks(delay, input);
    const latency = delay.latencySamples;
    let clampedCount = 0;
    for (let n = latency + JITTER_DELAY_MAX_SHIFT_SAMPLES; n < input.length; n++) {
      const shiftSamples = Math.SQRT2 * 1e-3 * RATE_HZ * Math.sin((2 * Math.PI * jitterFrequencyHz * n) / RATE_HZ);
      if (Math.abs(shiftSamples) <= JITTER_DELAY_MAX_SHIFT_SAMPLES + 1e-6) continue;
      clampedCount++;
      const source = n - latency + Math.sign(shiftSamples) * JITTER_DELAY_MAX_SHIFT_SAMPLES;
      expect(Math.abs((output[n] as number) - (input[source] as number))).toBeLessThan(1e-6);
    }
    expect(clampedCount).toBeGreaterThan(4000);
  });
});

describe('JitterDelay streaming', () => {
  it('gives the same output whatever the block lengths', () => {
    const input = sine(6000, 4321);
    for (const kind of ['random', 'sinusoidal'] as const) {
      const inBlocksOf128 = processInBlocks(new JitterDelay(RATE_HZ, 20e-6, kind, mulberry32(5), 300), input);
      const inOddBlocks = processInBlocks(new JitterDelay(RATE_HZ, 20e-6, kind, mulberry32(5), 300), input, [1, 7, 128, 333, 2, 64]);
      expect(Array.from(inOddBlocks)).toEqual(Array.from(inBlocksOf128));
    }
  });

  it('converts several channels through one clock exactly as one JitterDelay per channel with the same seed does', () => {
    const left = sine(5000, 3210);
    const right = sine(5000, 987, 0.5);
    for (const kind of ['random', 'sinusoidal'] as const) {
      const expectedLeft = jittered(left, 20e-6, kind, 11, 300);
      const expectedRight = jittered(right, 20e-6, kind, 11, 300);
      const channels = [left.slice(), right.slice()];
      new JitterDelay(RATE_HZ, 20e-6, kind, mulberry32(11), 300).processChannelsInPlace(channels);
      expect(Array.from(channels[0] as Float32Array)).toEqual(Array.from(expectedLeft));
      expect(Array.from(channels[1] as Float32Array)).toEqual(Array.from(expectedRight));
    }
  });

  it('outputs exact zeros for silence and finite, bounded samples for full-scale noise with 50 µs jitter', () => {
    const silence = jittered(new Float32Array(2048), 50e-6, 'random', 3);
    expect(silence.every((sample) => sample === 0)).toBe(true);
    const uniform = mulberry32(8);
    const noise = new Float32Array(16_384);
    for (let n = 0; n < noise.length; n++) noise[n] = 2 * uniform() - 1;
    for (const kind of ['random', 'sinusoidal'] as const) {
      const output = jittered(noise, 50e-6, kind, 3, 1000);
      expect(output.every((sample) => Number.isFinite(sample) && Math.abs(sample) < 4)).toBe(true);
    }
  });

  it('costs at most 100 multiply-adds per sample and runs a second of 48 kHz audio far faster than real time', () => {
    expect(JITTER_DELAY_MULTIPLY_ADDS_PER_SAMPLE).toBeLessThanOrEqual(100);
    const input = sine(RATE_HZ, 1000);
    const delay = new JitterDelay(RATE_HZ, 10e-6, 'random', mulberry32(2));
    processInBlocks(delay, input);
    const startMs = performance.now();
    processInBlocks(delay, input);
    expect(performance.now() - startMs).toBeLessThan(250);
  });

  it('rejects a sinusoidal jitter without a frequency and a negative jitter', () => {
    expect(() => new JitterDelay(RATE_HZ, 1e-6, 'sinusoidal', mulberry32(1))).toThrow(RangeError);
    expect(() => new JitterDelay(RATE_HZ, -1e-6, 'random', mulberry32(1))).toThrow(RangeError);
  });
});
