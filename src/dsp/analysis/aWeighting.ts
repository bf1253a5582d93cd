/**
 * A-weighting (IEC 61672-1), the closed form of its analogue filter, and the A-weighted and unweighted rms of a
 * recording's noise within a band. Leaves out: C- and Z-weighting, the standard's tolerance classes, ITU-R 468.
 */
import type { WindowedSpectrum } from './windowedSpectrum';
import { windowedPowerSpectrum } from './windowedSpectrum';

/** The four pole frequencies of IEC 61672-1's A-weighting filter, Hz (f₁ and f₄ double poles). */
export const A_WEIGHTING_POLES_HZ = { f1: 20.598997, f2: 107.65265, f3: 737.86223, f4: 12194.217 } as const;

/** Noise is integrated over the audio band unless told otherwise. */
export const NOISE_BAND_LOW_HZ = 20;
export const NOISE_BAND_HIGH_HZ = 20_000;

/**
 * The unnormalised magnitude of the A-weighting filter (IEC 61672-1 Annex E):
 *   R_A(f) = f₄²·f⁴ / ((f² + f₁²)·√((f² + f₂²)(f² + f₃²))·(f² + f₄²)).
 */
function aWeightingMagnitudeUnnormalised(frequencyHz: number): number {
  const { f1, f2, f3, f4 } = A_WEIGHTING_POLES_HZ;
  const f2Hz = frequencyHz * frequencyHz;
  return (f4 * f4 * f2Hz * f2Hz) / ((f2Hz + f1 * f1) * Math.sqrt((f2Hz + f2 * f2) * (f2Hz + f3 * f3)) * (f2Hz + f4 * f4));
}

const A_WEIGHTING_AT_1KHZ = aWeightingMagnitudeUnnormalised(1000);

/** The A-weighting gain as a linear factor, normalised to exactly 1 at 1 kHz: R_A(f)/R_A(1 kHz). 0 at DC. */
export function aWeightingGain(frequencyHz: number): number {
  if (!(frequencyHz >= 0 && Number.isFinite(frequencyHz))) throw new RangeError(`aWeightingGain: ${frequencyHz} Hz is not a frequency`);
  return aWeightingMagnitudeUnnormalised(frequencyHz) / A_WEIGHTING_AT_1KHZ;
}

/** A(f) = 20·log10(R_A(f)/R_A(1 kHz)) dB: 0 dB at 1 kHz, −19.1 dB at 100 Hz, −9.3 dB at 20 kHz. */
export function aWeightingDb(frequencyHz: number): number {
  return 20 * Math.log10(aWeightingGain(frequencyHz));
}

export interface NoiseLevels {
  /** Rms within the band, unweighted. */
  readonly unweightedVoltsRms: number;
  /** Rms within the band after A-weighting. */
  readonly aWeightedVoltsRms: number;
}

export interface NoiseBand {
  readonly lowHz?: number;
  readonly highHz?: number;
}

/**
 * Unweighted and A-weighted rms of a power spectrum within [lowHz, highHz]: √(Σ P[k]) and √(Σ P[k]·A(f_k)²) over
 * the bins whose centres lie in the band (a brick-wall band filter, as an analyser's 20 Hz–20 kHz bandwidth).
 */
export function noiseLevelsFromSpectrum(spectrum: Pick<WindowedSpectrum, 'frequenciesHz' | 'power'>, band: NoiseBand = {}): NoiseLevels {
  const lowHz = band.lowHz ?? NOISE_BAND_LOW_HZ;
  const highHz = band.highHz ?? NOISE_BAND_HIGH_HZ;
  let unweighted = 0;
  let weighted = 0;
  for (let k = 0; k < spectrum.power.length; k++) {
    const frequencyHz = spectrum.frequenciesHz[k] as number;
    if (frequencyHz < lowHz || frequencyHz > highHz) continue;
    const power = spectrum.power[k] as number;
    unweighted += power;
    weighted += power * aWeightingGain(frequencyHz) ** 2;
  }
  return { unweightedVoltsRms: Math.sqrt(unweighted), aWeightedVoltsRms: Math.sqrt(weighted) };
}

/** noiseLevelsFromSpectrum() of a recording (one Blackman–Harris-windowed FFT, see windowedPowerSpectrum). */
export function noiseLevels(samples: Float32Array | Float64Array, sampleRateHz: number, band: NoiseBand = {}): NoiseLevels {
  return noiseLevelsFromSpectrum(windowedPowerSpectrum(samples, sampleRateHz), band);
}

/**
 * The ratio of A-weighted to unweighted rms for white noise band-limited to [lowHz, highHz]:
 * √(∫ A(f)² df / (highHz − lowHz)), by the midpoint rule on 1 Hz steps. A white hiss whose A-weighted rms is V_A
 * has unweighted rms V_A / this ratio.
 */
export function aWeightingWhiteNoiseRatio(band: NoiseBand = {}): number {
  const lowHz = band.lowHz ?? NOISE_BAND_LOW_HZ;
  const highHz = band.highHz ?? NOISE_BAND_HIGH_HZ;
  const steps = Math.max(1, Math.round(highHz - lowHz));
  const stepHz = (highHz - lowHz) / steps;
  let sum = 0;
  for (let i = 0; i < steps; i++) sum += aWeightingGain(lowHz + (i + 0.5) * stepHz) ** 2;
  return Math.sqrt(sum / steps);
}

/** Dynamic range: 20·log10(largest clean output rms / A-weighted noise rms), dB. */
export function dynamicRangeDb(maxOutputVoltsRms: number, aWeightedNoiseVoltsRms: number): number {
  return 20 * Math.log10(maxOutputVoltsRms / aWeightedNoiseVoltsRms);
}
