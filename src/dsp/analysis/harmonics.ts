/**
 * Harmonic distortion of a sine: measured from samples (harmonic levels, THD, THD+N, SINAD) and
 * predicted from a static transfer curve. Leaves out: intermodulation, frequency-dependent
 * (memory) nonlinearity, weighting filters, averaging over several captures.
 */
import { bandLevelDb } from '../bandLevel';
import { mainLobeBins, mainLobePower, windowedPowerSpectrum } from './windowedSpectrum';
import { BLACKMAN_HARRIS_7_MAIN_LOBE_HALF_WIDTH_BINS } from './windows';

/** Harmonics reported above the fundamental: the 2nd … 11th. */
export const DEFAULT_HARMONIC_COUNT = 10;

/** Band THD+N integrates over unless told otherwise (audio analysers' usual 20 Hz–20 kHz). */
export const THD_PLUS_NOISE_DEFAULT_LOW_HZ = 20;
export const THD_PLUS_NOISE_DEFAULT_HIGH_HZ = 20000;

/**
 * Shortest recording harmonicLevels() accepts, in periods of the fundamental: each harmonic's main
 * lobe is ±7·fs/N wide, so neighbouring harmonics (f₀ apart) and DC stay apart once
 * f₀ ≥ 14·fs/N, i.e. N ≥ 14 periods.
 */
export const MINIMUM_ANALYSIS_PERIODS = 2 * BLACKMAN_HARRIS_7_MAIN_LOBE_HALF_WIDTH_BINS;

/** Points per period for predictions without a sample rate (the continuous-time waveform). */
export const PREDICTION_POINTS_PER_PERIOD = 4096;

/** Longest whole-period block predictions at a sample rate will evaluate, samples. */
export const MAX_PREDICTION_LENGTH_SAMPLES = 2 ** 20;

export interface HarmonicLevels {
  /** Rms of the fundamental. */
  readonly fundamentalRms: number;
  /**
   * Rms of the 2nd, 3rd, … harmonic (index 0 = 2nd). Shorter than the count asked for when the
   * higher ones would not fit below the Nyquist frequency.
   */
  readonly harmonicsRms: number[];
  /** 20·log10(harmonic rms / fundamental rms), same indexing. */
  readonly harmonicsDb: number[];
}

/** A distortion ratio in the three ways it is quoted. */
export interface DistortionRatio {
  /** Linear, e.g. 0.001. */
  readonly ratio: number;
  /** 20·log10(ratio), e.g. −60. */
  readonly db: number;
  /** 100·ratio, e.g. 0.1. */
  readonly percent: number;
}

export interface ThdPlusNoiseOptions {
  /** Lower band edge, Hz (default THD_PLUS_NOISE_DEFAULT_LOW_HZ). */
  readonly lowHz?: number;
  /** Upper band edge, Hz, clamped to the Nyquist frequency (default THD_PLUS_NOISE_DEFAULT_HIGH_HZ). */
  readonly highHz?: number;
}

export interface SineThroughCurveOptions {
  /**
   * Subtract the output's steady-state DC (the coupling capacitor after a stage): the mean of
   * curve(A·sin) over a whole number of periods at this sample rate. Default false.
   */
  readonly removeDc?: boolean;
}

function distortionRatio(ratio: number): DistortionRatio {
  return { ratio, db: 20 * Math.log10(ratio), percent: 100 * ratio };
}

function checkFundamental(caller: string, sampleRateHz: number, fundamentalHz: number): void {
  if (!(sampleRateHz > 0)) throw new RangeError(`${caller}: sample rate ${sampleRateHz} Hz is not positive`);
  if (!(fundamentalHz > 0 && fundamentalHz < sampleRateHz / 2)) {
    throw new RangeError(
      `${caller}: fundamental ${fundamentalHz} Hz is not between 0 and the Nyquist frequency ${sampleRateHz / 2} Hz`,
    );
  }
}

function checkCount(caller: string, count: number): void {
  if (!(Number.isInteger(count) && count >= 0)) {
    throw new RangeError(`${caller}: harmonic count ${count} is not a whole number ≥ 0`);
  }
}

/** Samples needed for harmonicLevels() and thdPlusNoise(): MINIMUM_ANALYSIS_PERIODS periods, rounded up. */
export function minimumAnalysisLengthSamples(sampleRateHz: number, fundamentalHz: number): number {
  return Math.ceil((MINIMUM_ANALYSIS_PERIODS * sampleRateHz) / fundamentalHz);
}

function analysedSpectrum(
  caller: string,
  samples: Float32Array | Float64Array,
  sampleRateHz: number,
  fundamentalHz: number,
): ReturnType<typeof windowedPowerSpectrum> {
  checkFundamental(caller, sampleRateHz, fundamentalHz);
  const minimumLength = minimumAnalysisLengthSamples(sampleRateHz, fundamentalHz);
  if (samples.length < minimumLength) {
    throw new RangeError(
      `${caller}: ${samples.length} samples hold fewer than ${MINIMUM_ANALYSIS_PERIODS} periods of ${fundamentalHz} Hz; need ${minimumLength}`,
    );
  }
  return windowedPowerSpectrum(samples, sampleRateHz);
}

/**
 * Rms levels of the fundamental and the next `count` harmonics of a recorded sine of any length
 * (a whole number of periods is not needed). Method: the whole recording goes through the 7-term
 * Blackman–Harris window (sidelobes ≤ −180 dB) into one zero-padded power-of-two FFT, and each
 * harmonic's mean-square power is the sum of the bins of its main lobe, ±7·fs/N around h·f₀
 * (Parseval — the sum holds the tone's whole energy wherever it falls between bins, so there is no
 * scalloping loss and no flat-top window is needed):
 *   rms_h = √(Σ_{|f_k − h·f₀| ≤ 7fs/N} P[k]).
 * Noise under a lobe adds to it: 14·fs/N Hz of the fs/2 it spreads over, 28/N of its power.
 * Harmonics are omitted — the arrays come back shorter than `count` — from the first one whose
 * main lobe would reach the Nyquist frequency (h·f₀ + 7fs/N > fs/2): above Nyquist it has aliased
 * and is no longer at h·f₀. Needs at least MINIMUM_ANALYSIS_PERIODS periods of the fundamental.
 * Cost: one FFT of the next power of two ≥ N (10 s at 48 kHz → 2¹⁹ points).
 */
export function harmonicLevels(
  samples: Float32Array | Float64Array,
  sampleRateHz: number,
  fundamentalHz: number,
  count: number = DEFAULT_HARMONIC_COUNT,
): HarmonicLevels {
  checkCount('harmonicLevels', count);
  const spectrum = analysedSpectrum('harmonicLevels', samples, sampleRateHz, fundamentalHz);
  const fundamentalRms = Math.sqrt(mainLobePower(spectrum, fundamentalHz));
  const harmonicsRms: number[] = [];
  const harmonicsDb: number[] = [];
  for (let order = 2; order <= count + 1; order++) {
    const frequencyHz = order * fundamentalHz;
    if (frequencyHz + spectrum.mainLobeHalfWidthHz > sampleRateHz / 2) break;
    const rms = Math.sqrt(mainLobePower(spectrum, frequencyHz));
    harmonicsRms.push(rms);
    harmonicsDb.push(20 * Math.log10(rms / fundamentalRms));
  }
  return { fundamentalRms, harmonicsRms, harmonicsDb };
}

/** Total harmonic distortion THD = √(Σ_h rms_h²) / rms₁ over the harmonics in `levels`. */
export function thd(levels: HarmonicLevels): DistortionRatio {
  let harmonicPower = 0;
  for (const rms of levels.harmonicsRms) harmonicPower += rms * rms;
  return distortionRatio(Math.sqrt(harmonicPower) / levels.fundamentalRms);
}

/**
 * THD+N: everything except the fundamental, within [lowHz, highHz], relative to the total there.
 * From the same windowed spectrum as harmonicLevels(): the fundamental's main-lobe bins are
 * notched out (its power P₁ kept aside), the residual power P_r is summed over the band (band
 * edges weighted by the fraction of each bin inside, as in bandLevelDb()), and
 *   THD+N = √(P_r / (P₁ + P_r)),
 * the ratio an analyser's notch filter reads against the unfiltered signal. The notch also removes
 * the noise under the fundamental's lobe, 14·fs/N Hz of the band (0.1 % of 20 kHz for 1 s).
 * Returns ratio, dB and percent.
 */
export function thdPlusNoise(
  samples: Float32Array | Float64Array,
  sampleRateHz: number,
  fundamentalHz: number,
  options: ThdPlusNoiseOptions = {},
): DistortionRatio {
  const spectrum = analysedSpectrum('thdPlusNoise', samples, sampleRateHz, fundamentalHz);
  return thdPlusNoiseFromSpectrum(spectrum, sampleRateHz, fundamentalHz, options).thdPlusNoise;
}

/**
 * thdPlusNoise() from a spectrum already taken (windowedPowerSpectrum of at least MINIMUM_ANALYSIS_PERIODS periods),
 * with the fundamental's rms from the same spectrum, so one FFT gives both.
 */
export function thdPlusNoiseFromSpectrum(
  spectrum: ReturnType<typeof windowedPowerSpectrum>,
  sampleRateHz: number,
  fundamentalHz: number,
  options: ThdPlusNoiseOptions = {},
): { thdPlusNoise: DistortionRatio; fundamentalRms: number } {
  const lowHz = options.lowHz ?? THD_PLUS_NOISE_DEFAULT_LOW_HZ;
  const highHz = Math.min(options.highHz ?? THD_PLUS_NOISE_DEFAULT_HIGH_HZ, sampleRateHz / 2);
  if (!(lowHz >= 0 && highHz > lowHz)) {
    throw new RangeError(`thdPlusNoise: band ${lowHz}–${highHz} Hz is empty`);
  }
  const fundamentalPower = mainLobePower(spectrum, fundamentalHz);
  const residual = Float64Array.from(spectrum.power);
  const { firstBin, lastBin } = mainLobeBins(spectrum, fundamentalHz);
  residual.fill(0, firstBin, lastBin + 1);
  const residualDb = bandLevelDb({ frequenciesHz: spectrum.frequenciesHz, power: residual }, lowHz, highHz);
  const residualPower = 10 ** (residualDb / 10);
  return {
    thdPlusNoise: distortionRatio(Math.sqrt(residualPower / (fundamentalPower + residualPower))),
    fundamentalRms: Math.sqrt(fundamentalPower),
  };
}

/** SINAD = (signal + noise + distortion)/(noise + distortion) in dB, the inverse of THD+N: −thdPlusNoise().db. */
export function sinad(
  samples: Float32Array | Float64Array,
  sampleRateHz: number,
  fundamentalHz: number,
  options: ThdPlusNoiseOptions = {},
): number {
  return -thdPlusNoise(samples, sampleRateHz, fundamentalHz, options).db;
}

/**
 * Exact whole-period block for a tone of frequency f at sample rate fs: the smallest lengthSamples
 * N and periods p with p/N = f/fs, from the continued-fraction convergents of f/fs. If no
 * convergent with N ≤ MAX_PREDICTION_LENGTH_SAMPLES matches f/fs to 1e−12 (relative), the last one
 * that fits is used — a tone within fs/N² of f, which samples the curve the same way.
 */
function wholePeriodBlock(frequencyHz: number, sampleRateHz: number): { periods: number; lengthSamples: number } {
  const ratio = frequencyHz / sampleRateHz;
  let previousNumerator = 1;
  let previousDenominator = 0;
  let numerator = Math.floor(ratio);
  let denominator = 1;
  let remainder = ratio - numerator;
  while (Math.abs(ratio - numerator / denominator) > 1e-12 * ratio && remainder > 0) {
    const inverse = 1 / remainder;
    const term = Math.floor(inverse);
    remainder = inverse - term;
    const nextNumerator = term * numerator + previousNumerator;
    const nextDenominator = term * denominator + previousDenominator;
    if (nextDenominator > MAX_PREDICTION_LENGTH_SAMPLES) break;
    previousNumerator = numerator;
    previousDenominator = denominator;
    numerator = nextNumerator;
    denominator = nextDenominator;
  }
  if (numerator === 0) {
    throw new RangeError(
      `predictedHarmonicLevels: ${frequencyHz} Hz has fewer than one period in ${MAX_PREDICTION_LENGTH_SAMPLES} samples at ${sampleRateHz} Hz`,
    );
  }
  return { periods: numerator, lengthSamples: denominator };
}

/** curve(A·sin θ) for θ = 2π·periods·n/N, n = 0 … N−1, read from one cos/sin table of length N. */
function curveOverWholePeriods(
  curve: (x: number) => number,
  amplitude: number,
  periods: number,
  lengthSamples: number,
): { output: Float64Array; cosTable: Float64Array; sinTable: Float64Array } {
  const cosTable = new Float64Array(lengthSamples);
  const sinTable = new Float64Array(lengthSamples);
  for (let m = 0; m < lengthSamples; m++) {
    const angleRad = (2 * Math.PI * m) / lengthSamples;
    cosTable[m] = Math.cos(angleRad);
    sinTable[m] = Math.sin(angleRad);
  }
  const output = new Float64Array(lengthSamples);
  for (let n = 0, index = 0; n < lengthSamples; n++) {
    output[n] = curve(amplitude * (sinTable[index] as number));
    index += periods;
    if (index >= lengthSamples) index -= lengthSamples;
  }
  return { output, cosTable, sinTable };
}

/**
 * Amplitude (peak) of bin k of y[0 … N−1]: (2/N)·|Σₙ y[n]·e^(−j2πkn/N)| — a plain DFT at one bin,
 * which for a whole number of periods holds exactly the harmonic at that bin, no window needed.
 */
function binAmplitude(output: Float64Array, cosTable: Float64Array, sinTable: Float64Array, bin: number): number {
  const lengthSamples = output.length;
  const step = bin % lengthSamples;
  let re = 0;
  let im = 0;
  for (let n = 0, index = 0; n < lengthSamples; n++) {
    const value = output[n] as number;
    re += value * (cosTable[index] as number);
    im -= value * (sinTable[index] as number);
    index += step;
    if (index >= lengthSamples) index -= lengthSamples;
  }
  return (2 / lengthSamples) * Math.hypot(re, im);
}

/**
 * Harmonic levels of a sine of peak `amplitude` through a static `curve`, computed exactly: the
 * curve is evaluated over a whole number of periods and each harmonic read by a plain DFT at its
 * frequency (Fourier series coefficient b_h = (2/N)|Σ y[n]e^(−j2πhpn/N)|, rms = b_h/√2).
 * - Without sampleRateHz: the continuous-time waveform (what an alias-free stage makes), one
 *   period at PREDICTION_POINTS_PER_PERIOD points — exact up to harmonics beyond 2048 folding in:
 *   nothing for a polynomial of degree < 4096, about 2c/4096² ≈ 10⁻⁷ of the fundamental for a
 *   curve with a kink (hard clip, whose b_n fall as c/n²). Costs 4096 curve evaluations. All
 *   `count` harmonics are returned and frequencyHz does not matter.
 * - With sampleRateHz: the sine x[n] = A·sin(2πfn/fs) from phase 0, sampled at fs over the
 *   smallest whole number of periods (see wholePeriodBlock), i.e. exactly what sineThroughCurve()
 *   renders and a per-sample waveshaper plays. Harmonics above the Nyquist frequency alias; where
 *   an alias lands on a harmonic (f₀ a divisor of fs, e.g. 1 kHz at 48 kHz) it is counted there,
 *   as harmonicLevels() of the render would count it. Harmonics at or above fs/2 are omitted.
 */
export function predictedHarmonicLevels(
  curve: (x: number) => number,
  amplitude: number,
  frequencyHz: number,
  sampleRateHz?: number,
  count: number = DEFAULT_HARMONIC_COUNT,
): HarmonicLevels {
  checkCount('predictedHarmonicLevels', count);
  let periods = 1;
  let lengthSamples = PREDICTION_POINTS_PER_PERIOD;
  let highestOrder = count + 1;
  if (sampleRateHz !== undefined) {
    checkFundamental('predictedHarmonicLevels', sampleRateHz, frequencyHz);
    ({ periods, lengthSamples } = wholePeriodBlock(frequencyHz, sampleRateHz));
    highestOrder = Math.min(highestOrder, Math.ceil(lengthSamples / (2 * periods)) - 1);
  }
  const { output, cosTable, sinTable } = curveOverWholePeriods(curve, amplitude, periods, lengthSamples);
  const fundamentalRms = binAmplitude(output, cosTable, sinTable, periods) / Math.SQRT2;
  const harmonicsRms: number[] = [];
  const harmonicsDb: number[] = [];
  for (let order = 2; order <= highestOrder; order++) {
    const rms = binAmplitude(output, cosTable, sinTable, order * periods) / Math.SQRT2;
    harmonicsRms.push(rms);
    harmonicsDb.push(20 * Math.log10(rms / fundamentalRms));
  }
  return { fundamentalRms, harmonicsRms, harmonicsDb };
}

/**
 * THD of a sine of peak `amplitude` through `curve`: thd(predictedHarmonicLevels(…)) — the
 * reference a measurement of rendered audio is compared with. See predictedHarmonicLevels() for
 * what sampleRateHz changes.
 */
export function predictedThd(
  curve: (x: number) => number,
  amplitude: number,
  frequencyHz: number,
  sampleRateHz?: number,
  count: number = DEFAULT_HARMONIC_COUNT,
): DistortionRatio {
  return thd(predictedHarmonicLevels(curve, amplitude, frequencyHz, sampleRateHz, count));
}

/**
 * A test signal: y[n] = curve(A·sin(2π·f·n/fs)), n = 0 … lengthSamples−1 — a sine from phase 0
 * through a static transfer curve (widgets pass stage.transferVolts). With removeDc the output's
 * steady-state mean over a whole number of periods is subtracted, so y is what follows a coupling
 * capacitor once it has settled. Pure: same arguments, same samples.
 */
export function sineThroughCurve(
  curve: (x: number) => number,
  amplitude: number,
  frequencyHz: number,
  sampleRateHz: number,
  lengthSamples: number,
  options: SineThroughCurveOptions = {},
): Float64Array {
  checkFundamental('sineThroughCurve', sampleRateHz, frequencyHz);
  if (!(Number.isInteger(lengthSamples) && lengthSamples >= 0)) {
    throw new RangeError(`sineThroughCurve: length ${lengthSamples} is not a whole number ≥ 0`);
  }
  const output = new Float64Array(lengthSamples);
  const radiansPerSample = (2 * Math.PI * frequencyHz) / sampleRateHz;
  for (let n = 0; n < lengthSamples; n++) output[n] = curve(amplitude * Math.sin(radiansPerSample * n));
  if (options.removeDc) {
    const { periods, lengthSamples: blockLength } = wholePeriodBlock(frequencyHz, sampleRateHz);
    const block = curveOverWholePeriods(curve, amplitude, periods, blockLength).output;
    let sum = 0;
    for (let n = 0; n < blockLength; n++) sum += block[n] as number;
    const dc = sum / blockLength;
    for (let n = 0; n < lengthSamples; n++) output[n] = (output[n] as number) - dc;
  }
  return output;
}
