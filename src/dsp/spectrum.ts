/**
 * Level measurements on sample arrays: Welch power spectra, band and third-octave levels, peak and
 * RMS. Levels are dB re full scale power (mean square 1); non-finite samples count as 0.
 * Leaves out: weighting curves, phase.
 */
import { bandLevelDb, type PowerSpectrum } from './bandLevel';
import { fftInPlace, isPowerOfTwo } from './fft';

export { bandLevelDb, type PowerSpectrum };

export const DEFAULT_FFT_SIZE = 16384;

/**
 * Periodic ("DFT-even") Hann window w[n] = ½(1 − cos(2πn/N)), n = 0 … N−1, the form used for
 * spectral analysis (Harris, Proc. IEEE 66, 1978): Σw = N/2, Σw² = 3N/8 for N ≥ 2.
 */
export function hannWindow(length: number): Float64Array {
  const window = new Float64Array(length);
  for (let n = 0; n < length; n++) window[n] = 0.5 * (1 - Math.cos((2 * Math.PI * n) / length));
  return window;
}

/** Hann windows with their Σw², kept per length: a widget's spectrum asks for the same one at every step. */
const hannCache = new Map<number, { window: Float64Array; windowPower: number }>();

function cachedHann(length: number): { window: Float64Array; windowPower: number } {
  const cached = hannCache.get(length);
  if (cached) return cached;
  const window = hannWindow(length);
  let windowPower = 0;
  for (let n = 0; n < length; n++) windowPower += (window[n] as number) ** 2;
  const entry = { window, windowPower };
  hannCache.set(length, entry);
  return entry;
}

/**
 * Welch's averaged periodogram (IEEE Trans. Audio Electroacoust. 15, 1967): Hann-windowed segments
 * of fftSize samples with 50 % overlap, |X_k|² averaged, scaled by 1/(N·Σw²) and folded to one
 * side (bins 1 … N/2−1 doubled). With that scaling each bin holds mean-square power, so summing
 * the bins of a band gives the band's power for noise and tones alike (Parseval).
 * If the signal is shorter than fftSize, the largest power of two that fits is used instead.
 * Two real segments a, b share one complex FFT of z = a + j·b: with Z its transform, A[k] = (Z[k] + Z*[N−k])/2 and
 * B[k] = (Z[k] − Z*[N−k])/2j, so |A[k]|² + |B[k]|² = (|Z[k]|² + |Z[N−k]|²)/2 — the pair's summed periodogram for
 * half the transforms (A* and B* are the conjugate-mirror of A and B because a and b are real).
 */
export function averagedPowerSpectrum(
  samples: Float32Array | Float64Array,
  sampleRateHz: number,
  fftSize: number = DEFAULT_FFT_SIZE,
): PowerSpectrum {
  if (!isPowerOfTwo(fftSize) || fftSize < 2) {
    throw new RangeError(`averagedPowerSpectrum: fftSize ${fftSize} is not a power of two ≥ 2`);
  }
  if (!(sampleRateHz > 0)) {
    throw new RangeError(`averagedPowerSpectrum: sample rate ${sampleRateHz} Hz is not positive`);
  }
  if (samples.length < 2) {
    throw new RangeError(`averagedPowerSpectrum: need at least 2 samples, got ${samples.length}`);
  }
  let size = fftSize;
  while (size > samples.length) size >>= 1;

  const { window, windowPower } = cachedHann(size);

  const binCount = size / 2 + 1;
  const power = new Float64Array(binCount);
  const re = new Float64Array(size);
  const im = new Float64Array(size);
  const hopSamples = size / 2;
  const segmentCount = Math.floor((samples.length - size) / hopSamples) + 1;
  const windowed = (start: number, n: number): number => {
    const sample = samples[start + n] as number;
    return Number.isFinite(sample) ? sample * (window[n] as number) : 0;
  };
  for (let segment = 0; segment < segmentCount; segment += 2) {
    const startA = segment * hopSamples;
    const paired = segment + 1 < segmentCount;
    const startB = startA + hopSamples;
    for (let n = 0; n < size; n++) {
      re[n] = windowed(startA, n);
      im[n] = paired ? windowed(startB, n) : 0;
    }
    fftInPlace(re, im);
    if (paired) {
      for (let k = 0; k < binCount; k++) {
        const mirror = (size - k) & (size - 1);
        const sum = (re[k] as number) ** 2 + (im[k] as number) ** 2 + (re[mirror] as number) ** 2 + (im[mirror] as number) ** 2;
        power[k] = (power[k] as number) + sum / 2;
      }
    } else {
      for (let k = 0; k < binCount; k++) {
        power[k] = (power[k] as number) + (re[k] as number) ** 2 + (im[k] as number) ** 2;
      }
    }
  }

  const scale = 1 / (segmentCount * size * windowPower);
  const frequenciesHz = new Float64Array(binCount);
  for (let k = 0; k < binCount; k++) {
    const oneSidedFactor = k === 0 || k === binCount - 1 ? 1 : 2;
    power[k] = (power[k] as number) * scale * oneSidedFactor;
    frequenciesHz[k] = (k * sampleRateHz) / size;
  }
  return { frequenciesHz, power };
}


/**
 * Base-2 one-third-octave band around centerHz: edges fc·2^(∓1/6), ratio 2^(1/3). (IEC 61260-1's
 * base-ten bands use 10^(∓1/20); the two differ by less than 0.1 %.)
 */
export function thirdOctaveBandEdgesHz(centerHz: number): { lowHz: number; highHz: number } {
  return { lowHz: centerHz * 2 ** (-1 / 6), highHz: centerHz * 2 ** (1 / 6) };
}

/**
 * Level of one third-octave band in dB, from a Welch spectrum whose FFT is long enough to put at
 * least about 8 bins across the band (capped at 65 536 points and at the signal length).
 */
export function thirdOctaveLevelDb(
  samples: Float32Array | Float64Array,
  sampleRateHz: number,
  centerHz: number,
): number {
  const { lowHz, highHz } = thirdOctaveBandEdgesHz(centerHz);
  const binsAcrossBand = 8;
  let fftSize = 1024;
  while (fftSize < 65536 && (sampleRateHz / fftSize) * binsAcrossBand > highHz - lowHz) {
    fftSize *= 2;
  }
  return bandLevelDb(averagedPowerSpectrum(samples, sampleRateHz, fftSize), lowHz, highHz);
}

/** max |x[n]| over the finite samples. */
export function peakAbs(samples: Float32Array | Float64Array): number {
  let peak = 0;
  for (let n = 0; n < samples.length; n++) {
    const magnitude = Math.abs(samples[n] as number);
    if (magnitude > peak && Number.isFinite(magnitude)) peak = magnitude;
  }
  return peak;
}

/**
 * RMS level 20·log10(√(Σx²/N)) in dB re a sample value of 1: a full-scale sine reads
 * 20·log10(1/√2) = −3.01 dB. −Infinity for silence or an empty array.
 */
export function rmsDb(samples: Float32Array | Float64Array): number {
  if (samples.length === 0) return -Infinity;
  let sumOfSquares = 0;
  for (let n = 0; n < samples.length; n++) {
    const sample = samples[n] as number;
    if (Number.isFinite(sample)) sumOfSquares += sample * sample;
  }
  return 10 * Math.log10(sumOfSquares / samples.length);
}
