/**
 * One long FFT of a whole recording through the 7-term Blackman–Harris window, scaled so a tone's
 * power is the sum over its main lobe. Leaves out: averaging (Welch, see ../spectrum.ts), phase.
 */
import { fftInPlace, nextPowerOfTwo } from '../fft';
import { BLACKMAN_HARRIS_7_MAIN_LOBE_HALF_WIDTH_BINS, blackmanHarris7Window } from './windows';

export interface WindowedSpectrum {
  /** Bin centre frequencies k·fs/M, k = 0 … M/2, M the zero-padded FFT length. */
  readonly frequenciesHz: Float64Array;
  /**
   * Mean-square power per bin, one-sided. A tone of rms R puts R² into the bins of its main lobe;
   * white noise of mean square σ² puts σ² into all bins together.
   */
  readonly power: Float64Array;
  /** fs/M. */
  readonly binWidthHz: number;
  /** Half-width of a tone's main lobe, 7·fs/N for a recording of N samples. */
  readonly mainLobeHalfWidthHz: number;
}

/**
 * Power spectrum of samples x[0 … N−1]: the sample mean is removed, x is multiplied by the 7-term
 * Blackman–Harris window w of length N, zero-padded to M = the next power of two ≥ N, and
 * transformed. Scaling, from Parseval (Σₖ|Xₖ|² = M·Σₙ|x[n]w[n]|²):
 *   P[k] = c·|X[k]|²/(M·Σw²), c = 2 for 0 < k < M/2 and 1 at DC and Nyquist,
 * so a cosine of amplitude A well away from DC and Nyquist gives Σ over its main lobe = A²/2, and
 * white noise gives its mean square summed over all bins. Removing the mean changes only the DC
 * main lobe (a constant's transform is the window's own, below −180 dB outside ±7 bins), but
 * keeps a large DC offset (a valve stage's plate voltage) from leaking at all. Non-finite samples
 * count as 0.
 */
export function windowedPowerSpectrum(
  samples: Float32Array | Float64Array,
  sampleRateHz: number,
): WindowedSpectrum {
  if (!(sampleRateHz > 0)) {
    throw new RangeError(`windowedPowerSpectrum: sample rate ${sampleRateHz} Hz is not positive`);
  }
  const length = samples.length;
  if (length < 2) {
    throw new RangeError(`windowedPowerSpectrum: need at least 2 samples, got ${length}`);
  }
  let sum = 0;
  for (let n = 0; n < length; n++) {
    const sample = samples[n] as number;
    if (Number.isFinite(sample)) sum += sample;
  }
  const mean = sum / length;

  const fftLength = nextPowerOfTwo(length);
  const window = blackmanHarris7Window(length);
  const re = new Float64Array(fftLength);
  const im = new Float64Array(fftLength);
  let windowPower = 0;
  for (let n = 0; n < length; n++) {
    const sample = samples[n] as number;
    const weight = window[n] as number;
    re[n] = Number.isFinite(sample) ? (sample - mean) * weight : 0;
    windowPower += weight * weight;
  }
  fftInPlace(re, im);

  const binCount = fftLength / 2 + 1;
  const power = new Float64Array(binCount);
  const frequenciesHz = new Float64Array(binCount);
  const binWidthHz = sampleRateHz / fftLength;
  const scale = 1 / (fftLength * windowPower);
  for (let k = 0; k < binCount; k++) {
    const oneSidedFactor = k === 0 || k === binCount - 1 ? 1 : 2;
    power[k] = oneSidedFactor * scale * ((re[k] as number) ** 2 + (im[k] as number) ** 2);
    frequenciesHz[k] = k * binWidthHz;
  }
  return {
    frequenciesHz,
    power,
    binWidthHz,
    mainLobeHalfWidthHz: (BLACKMAN_HARRIS_7_MAIN_LOBE_HALF_WIDTH_BINS * sampleRateHz) / length,
  };
}

/** First and last bin (inclusive) within the main lobe of a tone at frequencyHz, clamped to 0 … M/2. */
export function mainLobeBins(
  spectrum: WindowedSpectrum,
  frequencyHz: number,
): { firstBin: number; lastBin: number } {
  const lastIndex = spectrum.power.length - 1;
  const firstBin = Math.max(0, Math.ceil((frequencyHz - spectrum.mainLobeHalfWidthHz) / spectrum.binWidthHz));
  const lastBin = Math.min(lastIndex, Math.floor((frequencyHz + spectrum.mainLobeHalfWidthHz) / spectrum.binWidthHz));
  return { firstBin, lastBin };
}

/**
 * Mean-square power of a tone at frequencyHz: the sum of the bins of its main lobe, i.e. (its rms)²
 * plus whatever noise shares those bins. Exact for any frequency — no scalloping — because the sum
 * covers the whole lobe rather than reading its peak.
 */
export function mainLobePower(spectrum: WindowedSpectrum, frequencyHz: number): number {
  const { firstBin, lastBin } = mainLobeBins(spectrum, frequencyHz);
  let total = 0;
  for (let k = firstBin; k <= lastBin; k++) total += spectrum.power[k] as number;
  return total;
}
