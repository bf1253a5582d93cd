/**
 * What a lossy codec changed, measured on the samples: the difference between its decoded output and the input
 * (time-aligned), as a level relative to the input, over all and in one-third-octave bands. Leaves out how audible
 * the difference is: a perceptual codec puts its error where the music masks it, so a large error can be inaudible.
 */
import { averagedPowerSpectrum, thirdOctaveBandEdgesHz } from '../spectrum';
import { bandLevelDb } from '../bandLevel';

/** The error signal, decoded − original, over the common length of the channels. */
export function codecErrorSignal(original: Float32Array, decoded: Float32Array): Float64Array {
  const length = Math.min(original.length, decoded.length);
  const error = new Float64Array(length);
  for (let n = 0; n < length; n++) error[n] = (decoded[n] as number) - (original[n] as number);
  return error;
}

/** 10·log10(Σ error² / Σ original²) over the channels: how loud the codec's error is next to the program, dB. */
export function errorLevelDb(original: readonly Float32Array[], decoded: readonly Float32Array[]): number {
  let signal = 0;
  let error = 0;
  original.forEach((channel, index) => {
    const out = decoded[index];
    if (!out) throw new RangeError('errorLevelDb: channel counts differ');
    const length = Math.min(channel.length, out.length);
    for (let n = 0; n < length; n++) {
      const x = channel[n] as number;
      const d = (out[n] as number) - x;
      signal += x * x;
      error += d * d;
    }
  });
  return 10 * Math.log10(error / signal);
}

/** ISO one-third-octave centres from 25 Hz to 20 kHz (base-2 exact: 1000·2^(k/3)). */
export const THIRD_OCTAVE_CENTRES_HZ: readonly number[] = Array.from({ length: 30 }, (_, index) => 1000 * 2 ** ((index - 16) / 3));

/** Levels in dB of a signal's one-third-octave bands (from one Welch spectrum with 16 384-point segments). */
export function thirdOctaveLevelsDb(samples: Float32Array | Float64Array, sampleRateHz: number, centresHz: readonly number[] = THIRD_OCTAVE_CENTRES_HZ): number[] {
  const spectrum = averagedPowerSpectrum(samples, sampleRateHz, 16384);
  return centresHz.map((centreHz) => {
    const { lowHz, highHz } = thirdOctaveBandEdgesHz(centreHz);
    return bandLevelDb(spectrum, lowHz, highHz);
  });
}
