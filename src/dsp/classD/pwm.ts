/**
 * Two-level pulse-width modulation of a sine, as a class D amplifier's switching stage makes it: the output is +1
 * while the sine is above a symmetric triangle carrier and −1 below it (natural sampling, "AD" modulation; ±1 stands
 * for ±Vdc/2). Computed at a high internal rate over one period of the sine, which holds a whole number of carrier
 * periods, so its discrete spectrum has no leakage; then filtered in the frequency domain by any H(f) (the LC filter
 * into its load). Leaves out: dead time, finite switching edges, supply ripple and feedback.
 */
import type { Complex } from '../complex';
import { fftInPlace, isPowerOfTwo } from '../fft';

export interface PwmSettings {
  /** The switching (carrier) frequency. */
  readonly carrierHz: number;
  /** Carrier periods per period of the sine: the sine is at carrierHz / carrierPeriodsPerTone. */
  readonly carrierPeriodsPerTone: number;
  /** The sine's peak relative to the carrier's peak, 0..1 (1: the pulses just reach 0 % and 100 % duty). */
  readonly modulationIndex: number;
  /** Samples per carrier period; carrierPeriodsPerTone × this must be a power of two. */
  readonly samplesPerCarrierPeriod: number;
}

export const PWM_DEFAULTS: Readonly<PwmSettings> = {
  carrierHz: 384_000,
  carrierPeriodsPerTone: 64,
  modulationIndex: 0.7,
  samplesPerCarrierPeriod: 64,
};

export interface PwmWaveform {
  readonly sampleRateHz: number;
  readonly toneHz: number;
  /** One period of the sine: the switch node's level, ±1. */
  readonly samples: Float64Array;
  /** The modulating sine itself, scaled like the samples (peak = modulation index). */
  readonly reference: Float64Array;
}

function assertSettings(settings: PwmSettings): void {
  const { carrierHz, carrierPeriodsPerTone, modulationIndex, samplesPerCarrierPeriod } = settings;
  if (!(carrierHz > 0) || !Number.isFinite(carrierHz)) throw new RangeError(`carrierHz must be finite and > 0, got ${carrierHz}`);
  if (!Number.isInteger(carrierPeriodsPerTone) || carrierPeriodsPerTone < 2) throw new RangeError('carrierPeriodsPerTone must be an integer ≥ 2');
  if (!(modulationIndex >= 0 && modulationIndex <= 1)) throw new RangeError(`modulationIndex must be in 0..1, got ${modulationIndex}`);
  if (!isPowerOfTwo(carrierPeriodsPerTone * samplesPerCarrierPeriod)) {
    throw new RangeError('carrierPeriodsPerTone × samplesPerCarrierPeriod must be a power of two');
  }
}

/**
 * Triangle carrier between −1 and +1 with period 1 (in carrier periods): −1 at phase 0 and 1, +1 at phase ½
 * (symmetric, so each pulse is centred on its period).
 */
function triangle(phase: number): number {
  const fraction = phase - Math.floor(phase);
  return fraction < 0.5 ? -1 + 4 * fraction : 3 - 4 * fraction;
}

/** Samples are taken at the middle of each sampling interval, so no sample lands exactly on the carrier's tip. */
export function pwmWaveform(settings: PwmSettings): PwmWaveform {
  assertSettings(settings);
  const { carrierHz, carrierPeriodsPerTone, modulationIndex, samplesPerCarrierPeriod } = settings;
  const length = carrierPeriodsPerTone * samplesPerCarrierPeriod;
  const samples = new Float64Array(length);
  const reference = new Float64Array(length);
  for (let i = 0; i < length; i += 1) {
    const carrierPhase = (i + 0.5) / samplesPerCarrierPeriod;
    const sine = modulationIndex * Math.sin((2 * Math.PI * (i + 0.5)) / length);
    reference[i] = sine;
    samples[i] = sine > triangle(carrierPhase) ? 1 : -1;
  }
  return { sampleRateHz: carrierHz * samplesPerCarrierPeriod, toneHz: carrierHz / carrierPeriodsPerTone, samples, reference };
}

export interface LineSpectrum {
  /** Frequency of bin k: k × the tone's frequency (k = 0 … length/2). */
  readonly frequenciesHz: Float64Array;
  /** Peak amplitude of each frequency's cosine (the DC bin: its mean), in the samples' units. */
  readonly amplitudes: Float64Array;
}

/** The waveform's exact line spectrum over one sine period (a whole number of every component's periods). */
export function lineSpectrum(waveform: PwmWaveform): { spectrum: LineSpectrum; re: Float64Array; im: Float64Array } {
  const length = waveform.samples.length;
  const re = Float64Array.from(waveform.samples);
  const im = new Float64Array(length);
  fftInPlace(re, im);
  const half = length / 2;
  const frequenciesHz = new Float64Array(half + 1);
  const amplitudes = new Float64Array(half + 1);
  for (let k = 0; k <= half; k += 1) {
    frequenciesHz[k] = k * waveform.toneHz;
    const scale = k === 0 || k === half ? 1 / length : 2 / length;
    amplitudes[k] = scale * Math.hypot(re[k] ?? 0, im[k] ?? 0);
  }
  return { spectrum: { frequenciesHz, amplitudes }, re, im };
}

/**
 * The waveform through a linear filter H(f): each line k·f_tone multiplied by H(j2π·k·f_tone) (and its mirror by the
 * conjugate), then back to time by an inverse FFT (conj–FFT–conj). Exact for this periodic signal, up to the
 * internal rate's Nyquist frequency.
 */
export function filteredWaveform(
  waveform: PwmWaveform,
  spectrumBins: { re: Float64Array; im: Float64Array },
  responseAtHz: (frequencyHz: number) => Complex,
): { samples: Float64Array; spectrum: LineSpectrum } {
  const length = waveform.samples.length;
  const half = length / 2;
  const re = new Float64Array(length);
  const im = new Float64Array(length);
  const frequenciesHz = new Float64Array(half + 1);
  const amplitudes = new Float64Array(half + 1);
  for (let k = 0; k <= half; k += 1) {
    const frequencyHz = k * waveform.toneHz;
    const h = k === 0 ? responseAtHz(0) : responseAtHz(frequencyHz);
    const xr = spectrumBins.re[k] ?? 0;
    const xi = spectrumBins.im[k] ?? 0;
    const yr = xr * h.re - xi * h.im;
    const yi = xr * h.im + xi * h.re;
    re[k] = yr;
    im[k] = yi;
    if (k > 0 && k < half) {
      re[length - k] = yr;
      im[length - k] = -yi;
    }
    frequenciesHz[k] = frequencyHz;
    const scale = k === 0 || k === half ? 1 / length : 2 / length;
    amplitudes[k] = scale * Math.hypot(yr, yi);
  }
  for (let i = 0; i < length; i += 1) im[i] = -(im[i] ?? 0);
  fftInPlace(re, im);
  const samples = new Float64Array(length);
  for (let i = 0; i < length; i += 1) samples[i] = (re[i] ?? 0) / length;
  return { samples, spectrum: { frequenciesHz, amplitudes } };
}

/** 20·log10 of an amplitude, floored so a plot's log axis never meets −∞. */
export function amplitudeDb(amplitude: number, floorDb = -160): number {
  return amplitude > 0 ? Math.max(floorDb, 20 * Math.log10(amplitude)) : floorDb;
}
