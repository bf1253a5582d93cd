/**
 * Program signals as sample arrays: pink noise (equal power per octave) and sine tones.
 * Leaves out: music, sweeps, band-limited shaping beyond the pink filter itself.
 */
import { mulberry32 } from './random';

/** RMS level pinkNoise() is normalised to, dB re full scale (a full-scale sine is −3.01). */
export const PINK_NOISE_RMS_DBFS = -18;
export const PINK_NOISE_DEFAULT_SEED = 0x1234abcd;

/** Samples run through the pink filter before output, ≈ 9 time constants of its slowest pole. */
const PINK_WARM_UP_SAMPLES = 8192;

/**
 * Paul Kellet's "refined" pink filter (music-dsp mailing list, 1999): white noise summed through
 * six one-pole low-passes plus a direct path, giving |H|² ∝ 1/f within ±0.05 dB above 9.2 Hz at
 * 44.1 kHz. Returns a stateful function: one white sample in, one pink sample out (unnormalised).
 */
export function createPinkFilter(): (whiteSample: number) => number {
  let b0 = 0;
  let b1 = 0;
  let b2 = 0;
  let b3 = 0;
  let b4 = 0;
  let b5 = 0;
  let b6 = 0;
  return (white) => {
    b0 = 0.99886 * b0 + white * 0.0555179;
    b1 = 0.99332 * b1 + white * 0.0750759;
    b2 = 0.969 * b2 + white * 0.153852;
    b3 = 0.8665 * b3 + white * 0.3104856;
    b4 = 0.55 * b4 + white * 0.5329522;
    b5 = -0.7616 * b5 - white * 0.016898;
    const pink = b0 + b1 + b2 + b3 + b4 + b5 + b6 + white * 0.5362;
    b6 = white * 0.115926;
    return pink;
  };
}

/**
 * Pink noise: uniform white noise from mulberry32(seed) through Kellet's refined filter (after a
 * warm-up so the slow poles have settled), scaled so the block's RMS is exactly
 * PINK_NOISE_RMS_DBFS. The same seed always gives the same samples. The filter's corner
 * frequencies scale with the sample rate; the −3 dB/octave slope holds from 40 Hz to 16 kHz at
 * 44.1 and 48 kHz.
 */
export function pinkNoise(
  lengthSamples: number,
  sampleRateHz: number,
  seed: number = PINK_NOISE_DEFAULT_SEED,
): Float32Array {
  if (!(sampleRateHz > 0)) throw new RangeError(`pinkNoise: sample rate ${sampleRateHz} Hz is not positive`);
  const output = new Float32Array(Math.max(0, Math.floor(lengthSamples)));
  const random = mulberry32(seed);
  const filter = createPinkFilter();
  for (let n = 0; n < PINK_WARM_UP_SAMPLES; n++) filter(2 * random() - 1);
  const raw = new Float64Array(output.length);
  let sumOfSquares = 0;
  for (let n = 0; n < raw.length; n++) {
    const pink = filter(2 * random() - 1);
    raw[n] = pink;
    sumOfSquares += pink * pink;
  }
  if (sumOfSquares === 0) return output;
  const targetRms = 10 ** (PINK_NOISE_RMS_DBFS / 20);
  const gain = targetRms / Math.sqrt(sumOfSquares / raw.length);
  for (let n = 0; n < raw.length; n++) output[n] = (raw[n] as number) * gain;
  return output;
}

/**
 * amplitude·sin(2π·f·n/fs), n = 0 … length−1. The phase is computed per sample from the fractional
 * part of f·n/fs, so it neither accumulates error nor loses precision in long signals.
 */
export function sine(
  lengthSamples: number,
  sampleRateHz: number,
  frequencyHz: number,
  amplitude: number,
): Float32Array {
  const output = new Float32Array(Math.max(0, Math.floor(lengthSamples)));
  for (let n = 0; n < output.length; n++) {
    const cycles = (frequencyHz * n) / sampleRateHz;
    output[n] = amplitude * Math.sin(2 * Math.PI * (cycles - Math.floor(cycles)));
  }
  return output;
}

/**
 * White noise: uniform samples from mulberry32(seed), scaled so the block's RMS is exactly rms (a flat spectrum,
 * like an amplifier's hiss). The same seed always gives the same samples.
 */
export function whiteNoise(lengthSamples: number, rms: number, seed: number): Float32Array {
  if (!(rms >= 0 && Number.isFinite(rms))) throw new RangeError(`whiteNoise: rms ${rms} is not finite and ≥ 0`);
  const output = new Float32Array(Math.max(0, Math.floor(lengthSamples)));
  const random = mulberry32(seed);
  const raw = new Float64Array(output.length);
  let sumOfSquares = 0;
  for (let n = 0; n < raw.length; n++) {
    const sample = 2 * random() - 1;
    raw[n] = sample;
    sumOfSquares += sample * sample;
  }
  if (sumOfSquares === 0) return output;
  const gain = rms / Math.sqrt(sumOfSquares / raw.length);
  for (let n = 0; n < raw.length; n++) output[n] = (raw[n] as number) * gain;
  return output;
}
