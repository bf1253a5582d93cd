/**
 * Two-level pulse-width modulation of a sine, as a class D amplifier's switching stage makes it: the output is +1
 * while the sine is above a symmetric triangle carrier and −1 below it (natural sampling, "AD" modulation; ±1 stands
 * for ±Vdc/2). One period of the sine holds a whole number of carrier periods, so the waveform is periodic and its
 * spectrum is a set of lines at multiples of the sine's frequency. The switching instants are solved exactly (not on
 * a sampling grid, which would add false distortion), the lines come from integrating the pulses analytically, and a
 * filter H(f) (the LC filter into its load) acts on each line before an inverse FFT gives the filtered waveform.
 * Leaves out: dead time, finite switching edges, supply ripple and feedback.
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
}

export const PWM_DEFAULTS: Readonly<PwmSettings> = { carrierHz: 384_000, carrierPeriodsPerTone: 64, modulationIndex: 0.7 };

/** Switching instants over one period of the sine, in seconds from its start. */
export interface PwmEdges {
  readonly settings: PwmSettings;
  readonly toneHz: number;
  /** In carrier period j the output falls from +1 to −1 at fallSeconds[j] and rises back at riseSeconds[j]. */
  readonly fallSeconds: Float64Array;
  readonly riseSeconds: Float64Array;
}

function assertSettings(settings: PwmSettings): void {
  const { carrierHz, carrierPeriodsPerTone, modulationIndex } = settings;
  if (!(carrierHz > 0) || !Number.isFinite(carrierHz)) throw new RangeError(`carrierHz must be finite and > 0, got ${carrierHz}`);
  if (!Number.isInteger(carrierPeriodsPerTone) || carrierPeriodsPerTone < 8) throw new RangeError('carrierPeriodsPerTone must be an integer ≥ 8');
  if (!(modulationIndex >= 0 && modulationIndex <= 1)) throw new RangeError(`modulationIndex must be in 0..1, got ${modulationIndex}`);
}

/**
 * Where the sine M·sin(2πt/N) meets a carrier edge of slope ±4 per carrier period starting at −1 (t in carrier
 * periods). g(t) = sine − carrier is monotonic on the half period (|sine′| ≤ 2πM/N < 4), so Newton's method from the
 * linear guess converges in a few steps; it is kept inside the half period.
 */
function crossing(start: number, slope: 1 | -1, modulationIndex: number, periods: number): number {
  const w = (2 * Math.PI) / periods;
  const carrierStart = slope === 1 ? -1 : 1;
  let t = start + (modulationIndex * Math.sin(w * (start + 0.25)) - carrierStart) / (4 * slope);
  for (let i = 0; i < 6; i += 1) {
    const g = modulationIndex * Math.sin(w * t) - (carrierStart + 4 * slope * (t - start));
    const dg = modulationIndex * w * Math.cos(w * t) - 4 * slope;
    t = Math.min(start + 0.5, Math.max(start, t - g / dg));
  }
  return t;
}

/**
 * The carrier rises from −1 (start of each period) to +1 (middle) and falls back: the output is +1 until the rising
 * carrier passes the sine, −1 until the falling carrier passes it again, then +1: each −1 pulse is centred on the
 * period's middle.
 */
export function pwmEdges(settings: PwmSettings): PwmEdges {
  assertSettings(settings);
  const { carrierHz, carrierPeriodsPerTone: periods, modulationIndex } = settings;
  const fallSeconds = new Float64Array(periods);
  const riseSeconds = new Float64Array(periods);
  for (let j = 0; j < periods; j += 1) {
    fallSeconds[j] = crossing(j, 1, modulationIndex, periods) / carrierHz;
    riseSeconds[j] = crossing(j + 0.5, -1, modulationIndex, periods) / carrierHz;
  }
  return { settings, toneHz: carrierHz / periods, fallSeconds, riseSeconds };
}

/** Lines k·f_tone, k = 0 … maxHarmonic: complex Fourier coefficients c_k (v(t) = Σ c_k·e^{j2πk·f·t}, both signs). */
export interface LineSpectrum {
  readonly toneHz: number;
  readonly re: Float64Array;
  readonly im: Float64Array;
}

/**
 * c_k = (1/T)∫₀ᵀ v(t)·e^{−jkω₀t} dt with v = +1 except −1 on each [fall, rise): c₀ = 1 − 2·Σ(rise − fall)/T and, for
 * k ≥ 1, c_k = −(2/T)·Σ (e^{−jkω₀·fall} − e^{−jkω₀·rise})/(jkω₀). The exponentials are stepped by rotation in k.
 */
export function pwmLineSpectrum(edges: PwmEdges, maxHarmonic: number): LineSpectrum {
  const count = Math.floor(maxHarmonic) + 1;
  const re = new Float64Array(count);
  const im = new Float64Array(count);
  const periodSeconds = 1 / edges.toneHz;
  const w0 = 2 * Math.PI * edges.toneHz;
  let lowSeconds = 0;
  for (let j = 0; j < edges.fallSeconds.length; j += 1) {
    const fall = edges.fallSeconds[j] ?? 0;
    const rise = edges.riseSeconds[j] ?? 0;
    lowSeconds += rise - fall;
    // Σ over k of (e^{−jkw0·fall} − e^{−jkw0·rise}), accumulated per k
    const stepFallRe = Math.cos(w0 * fall);
    const stepFallIm = -Math.sin(w0 * fall);
    const stepRiseRe = Math.cos(w0 * rise);
    const stepRiseIm = -Math.sin(w0 * rise);
    let fallRe = 1;
    let fallIm = 0;
    let riseRe = 1;
    let riseIm = 0;
    for (let k = 1; k < count; k += 1) {
      const nextFallRe = fallRe * stepFallRe - fallIm * stepFallIm;
      fallIm = fallRe * stepFallIm + fallIm * stepFallRe;
      fallRe = nextFallRe;
      const nextRiseRe = riseRe * stepRiseRe - riseIm * stepRiseIm;
      riseIm = riseRe * stepRiseIm + riseIm * stepRiseRe;
      riseRe = nextRiseRe;
      re[k] = (re[k] ?? 0) + fallRe - riseRe;
      im[k] = (im[k] ?? 0) + fallIm - riseIm;
    }
  }
  re[0] = 1 - (2 * lowSeconds) / periodSeconds;
  for (let k = 1; k < count; k += 1) {
    // multiply the sum by −(2/T)/(j·k·w0) = (2/(T·k·w0))·j
    const scale = 2 / (periodSeconds * k * w0);
    const sumRe = re[k] ?? 0;
    const sumIm = im[k] ?? 0;
    re[k] = -scale * sumIm;
    im[k] = scale * sumRe;
  }
  return { toneHz: edges.toneHz, re, im };
}

/** Peak amplitude of the cosine at k·f_tone: 2·|c_k| (|c₀| for DC). */
export function lineAmplitudes(spectrum: LineSpectrum): Float64Array {
  return Float64Array.from(spectrum.re, (value, k) => (k === 0 ? 1 : 2) * Math.hypot(value, spectrum.im[k] ?? 0));
}

/** Each line multiplied by H(j2π·k·f_tone). */
export function filterLines(spectrum: LineSpectrum, responseAtHz: (frequencyHz: number) => Complex): LineSpectrum {
  const re = new Float64Array(spectrum.re.length);
  const im = new Float64Array(spectrum.re.length);
  for (let k = 0; k < re.length; k += 1) {
    const h = responseAtHz(k * spectrum.toneHz);
    const xr = spectrum.re[k] ?? 0;
    const xi = spectrum.im[k] ?? 0;
    re[k] = xr * h.re - xi * h.im;
    im[k] = xr * h.im + xi * h.re;
  }
  return { toneHz: spectrum.toneHz, re, im };
}

/**
 * The waveform the lines make, at `samplesPerTone` instants over one period of the sine (a power of two larger than
 * twice the highest line): an inverse FFT by conj–FFT–conj. Exact for the lines given; lines left out are left out.
 */
export function waveformFromLines(spectrum: LineSpectrum, samplesPerTone: number): Float64Array {
  if (!isPowerOfTwo(samplesPerTone) || samplesPerTone <= 2 * (spectrum.re.length - 1)) {
    throw new RangeError('samplesPerTone must be a power of two above twice the highest line');
  }
  const re = new Float64Array(samplesPerTone);
  const im = new Float64Array(samplesPerTone);
  re[0] = spectrum.re[0] ?? 0;
  for (let k = 1; k < spectrum.re.length; k += 1) {
    re[k] = spectrum.re[k] ?? 0;
    im[k] = -(spectrum.im[k] ?? 0);
    re[samplesPerTone - k] = spectrum.re[k] ?? 0;
    im[samplesPerTone - k] = spectrum.im[k] ?? 0;
  }
  fftInPlace(re, im);
  return re;
}

/** The switch node's level as a step line for a plot: (time s, ±1) at each edge, twice. */
export function pwmStepPoints(edges: PwmEdges): { x: number; y: number }[] {
  const points: { x: number; y: number }[] = [{ x: 0, y: 1 }];
  for (let j = 0; j < edges.fallSeconds.length; j += 1) {
    const fall = edges.fallSeconds[j] ?? 0;
    const rise = edges.riseSeconds[j] ?? 0;
    points.push({ x: fall, y: 1 }, { x: fall, y: -1 }, { x: rise, y: -1 }, { x: rise, y: 1 });
  }
  points.push({ x: 1 / edges.toneHz, y: 1 });
  return points;
}

/** 20·log10 of an amplitude, floored so a plot never meets −∞. */
export function amplitudeDb(amplitude: number, floorDb = -160): number {
  return amplitude > 0 ? Math.max(floorDb, 20 * Math.log10(amplitude)) : floorDb;
}
