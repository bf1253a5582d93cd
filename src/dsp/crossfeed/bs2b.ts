/**
 * Crossfeed for headphones: the Bauer stereophonic-to-binaural filter (bs2b, Boris Mikhaylov's libbs2b 3.1). Each ear
 * gets its own channel through a first-order high boost (the "direct" path) plus the other channel through a
 * first-order low-pass (the "cross" path), both scaled so that a centred (mono) bass passes at unity. Leaves out:
 * head-related transfer functions (real heads shadow and delay far more intricately), room reflections, and libbs2b's
 * final clip to ±1 (the safety limiter does that job here).
 *
 * From libbs2b's init(), with feed F in dB and cut frequency fc (the low-pass corner):
 *   GB_lo = −5F/6 − 3 dB,  GB_hi = F/6 − 3 dB,  G_lo = 10^(GB_lo/20),  G_hi = 1 − 10^(GB_hi/20),
 *   fc_hi = fc · 2^((GB_lo − 20·log10 G_hi)/12),  gain = 1/(1 − G_hi + G_lo).
 * Analog prototype (what the RC networks of Linkwitz, Moy and Meier do):
 *   cross(s)  = gain · G_lo · ω_lo/(s + ω_lo),   direct(s) = gain · (1 − G_hi · ω_hi/(s + ω_hi)).
 * libbs2b realises each pole at fs by x = exp(−2π·f/fs) (the matched z-transform):
 *   cross(z) = gain · G_lo(1 − x_lo)/(1 − x_lo z⁻¹),  direct(z) = gain · (1 − G_hi(1 − x_hi) − x_hi z⁻¹)/(1 − x_hi z⁻¹).
 */
import { type Biquad, biquadResponseAtHz } from '../biquad';
import { type Complex, abs, add, complex, div, scale } from '../complex';

export interface Bs2bSettings {
  /** The cross path's low-pass corner, Hz (libbs2b's "fcut"). */
  readonly cutHz: number;
  /** How much quieter the other channel arrives at low frequencies, dB (libbs2b's "feed", positive). */
  readonly feedDb: number;
}

/** libbs2b's accepted ranges (BS2B_MINFCUT…MAXFCUT, BS2B_MINFEED…MAXFEED / 10). */
export const CUT_HZ_RANGE = { min: 300, max: 2000, step: 10 } as const;
export const FEED_DB_RANGE = { min: 1, max: 15, step: 0.5 } as const;

export type Bs2bPresetId = 'default' | 'cmoy' | 'jmeier';

/** libbs2b's three named levels (bs2b.h: BS2B_DEFAULT_CLEVEL, BS2B_CMOY_CLEVEL, BS2B_JMEIER_CLEVEL). */
export const BS2B_PRESETS: readonly { id: Bs2bPresetId; label: string; settings: Bs2bSettings }[] = [
  { id: 'default', label: 'bs2b default (700 Hz, 4.5 dB)', settings: { cutHz: 700, feedDb: 4.5 } },
  { id: 'cmoy', label: 'Chu Moy (700 Hz, 6 dB)', settings: { cutHz: 700, feedDb: 6 } },
  { id: 'jmeier', label: 'Jan Meier (650 Hz, 9.5 dB)', settings: { cutHz: 650, feedDb: 9.5 } },
];

export const BS2B_DEFAULT: Bs2bSettings = { cutHz: 700, feedDb: 4.5 };

/** The filter's derived parameters (libbs2b's init()). */
export interface Bs2bParameters {
  /** Cross path low-pass corner, Hz. */
  readonly lowpassCutHz: number;
  /** Direct path high-boost corner, Hz. */
  readonly highboostCutHz: number;
  /** Cross path gain at DC before the output gain (linear). */
  readonly lowpassGain: number;
  /** Depth of the direct path's dip at DC before the output gain (linear, 0…1). */
  readonly highboostGain: number;
  /** Overall gain that puts a mono signal's bass back at unity (linear). */
  readonly outputGain: number;
}

export function bs2bParameters({ cutHz, feedDb }: Bs2bSettings): Bs2bParameters {
  if (!(cutHz > 0) || !(feedDb > 0) || !Number.isFinite(cutHz) || !Number.isFinite(feedDb)) {
    throw new RangeError(`bs2b needs a positive cut frequency and feed, not ${cutHz} Hz, ${feedDb} dB`);
  }
  const lowDb = (feedDb * -5) / 6 - 3;
  const highDb = feedDb / 6 - 3;
  const lowpassGain = 10 ** (lowDb / 20);
  const highboostGain = 1 - 10 ** (highDb / 20);
  const highboostCutHz = cutHz * 2 ** ((lowDb - 20 * Math.log10(highboostGain)) / 12);
  return { lowpassCutHz: cutHz, highboostCutHz, lowpassGain, highboostGain, outputGain: 1 / (1 - highboostGain + lowpassGain) };
}

/** The two paths at a sample rate as first-order sections (b2 = a2 = 0), in the form IIRFilterNode plays. */
export interface CrossfeedSections {
  /** Each channel to its own ear. */
  readonly direct: Biquad;
  /** Each channel to the other ear. */
  readonly cross: Biquad;
}

export function bs2bSections(settings: Bs2bSettings, sampleRateHz: number): CrossfeedSections {
  const p = bs2bParameters(settings);
  const xLow = Math.exp((-2 * Math.PI * p.lowpassCutHz) / sampleRateHz);
  const xHigh = Math.exp((-2 * Math.PI * p.highboostCutHz) / sampleRateHz);
  return {
    cross: { b0: p.outputGain * p.lowpassGain * (1 - xLow), b1: 0, b2: 0, a1: -xLow, a2: 0 },
    direct: { b0: p.outputGain * (1 - p.highboostGain * (1 - xHigh)), b1: -p.outputGain * xHigh, b2: 0, a1: -xHigh, a2: 0 },
  };
}

/** The analog prototype's responses at f (what an RC network with ideal buffers does). */
export function bs2bAnalogResponse(settings: Bs2bSettings, frequencyHz: number): { direct: Complex; cross: Complex } {
  const p = bs2bParameters(settings);
  const lowpass = (cornerHz: number): Complex => div(complex(1), complex(1, frequencyHz / cornerHz));
  return {
    cross: scale(lowpass(p.lowpassCutHz), p.outputGain * p.lowpassGain),
    direct: scale(add(complex(1), scale(lowpass(p.highboostCutHz), -p.highboostGain)), p.outputGain),
  };
}

/**
 * Group delay of a first-order section at f, seconds: τ = τ(numerator) − τ(denominator), where a polynomial
 * c0 + c1·e^{−jω} delays by Re(c1·e^{−jω} / (c0 + c1·e^{−jω})) samples.
 */
export function firstOrderGroupDelaySeconds(q: Biquad, frequencyHz: number, sampleRateHz: number): number {
  const w = (2 * Math.PI * frequencyHz) / sampleRateHz;
  const e = complex(Math.cos(w), -Math.sin(w));
  const polynomialDelay = (c0: number, c1: number): number => {
    if (c1 === 0) return 0;
    const term = scale(e, c1);
    return div(term, add(complex(c0), term)).re;
  };
  return (polynomialDelay(q.b0, q.b1) - polynomialDelay(1, q.a1)) / sampleRateHz;
}

/** One frequency of the crossfeed: each path's gain in dB and group delay in seconds, and the interaural level difference. */
export interface CrossfeedPoint {
  readonly directDb: number;
  readonly crossDb: number;
  readonly directDelaySeconds: number;
  readonly crossDelaySeconds: number;
  /** For a sound in one channel only: how much louder it is at the near ear than at the far ear, dB. */
  readonly interauralLevelDifferenceDb: number;
  /** Mono (both channels equal): direct + cross, dB. */
  readonly monoDb: number;
}

export function crossfeedPointAtHz(sections: CrossfeedSections, frequencyHz: number, sampleRateHz: number): CrossfeedPoint {
  const direct = biquadResponseAtHz(sections.direct, frequencyHz, sampleRateHz);
  const cross = biquadResponseAtHz(sections.cross, frequencyHz, sampleRateHz);
  const directDb = 20 * Math.log10(abs(direct));
  const crossDb = 20 * Math.log10(abs(cross));
  return {
    directDb,
    crossDb,
    directDelaySeconds: firstOrderGroupDelaySeconds(sections.direct, frequencyHz, sampleRateHz),
    crossDelaySeconds: firstOrderGroupDelaySeconds(sections.cross, frequencyHz, sampleRateHz),
    interauralLevelDifferenceDb: directDb - crossDb,
    monoDb: 20 * Math.log10(abs(add(direct, cross))),
  };
}

/**
 * The lag of the far ear behind the near ear at low frequencies (f → 0), seconds, of the analog prototype: the
 * crossfeed's interaural time difference. The 48 kHz filters lag about half a sample less (the matched z-transform).
 */
export function lowFrequencyInterauralDelaySeconds(settings: Bs2bSettings): number {
  const p = bs2bParameters(settings);
  // A pole at −a delays by 1/a, a zero at −a advances by 1/a. cross: 1/ω_lo;
  // direct: 1 − G·ω_h/(s+ω_h) = (s + (1−G)ω_h)/(s+ω_h) → 1/ω_h − 1/((1−G)ω_h), a lead (negative).
  const crossDelay = 1 / (2 * Math.PI * p.lowpassCutHz);
  const directDelay = 1 / (2 * Math.PI * p.highboostCutHz) - 1 / ((1 - p.highboostGain) * 2 * Math.PI * p.highboostCutHz);
  return crossDelay - directDelay;
}

/**
 * Woodworth's spherical-head interaural time difference for a distant source at azimuth θ: ITD = (a/c)(θ + sin θ),
 * a the head's radius, c the speed of sound. For loudspeakers at ±30° this is the far ear's lag.
 */
export function woodworthItdSeconds(headRadiusMetres: number, azimuthRad: number, speedOfSoundMetresPerSecond = 343): number {
  return (headRadiusMetres / speedOfSoundMetresPerSecond) * (azimuthRad + Math.sin(azimuthRad));
}

/** Render a stereo pair through the crossfeed sample by sample (for tests and offline checks): outL = d*L + c*R. */
export function applyCrossfeed(sections: CrossfeedSections, left: Float32Array, right: Float32Array): [Float32Array, Float32Array] {
  const run = (q: Biquad, input: Float32Array): Float64Array => {
    const out = new Float64Array(input.length);
    let x1 = 0;
    let y1 = 0;
    for (let n = 0; n < input.length; n++) {
      const x = input[n] as number;
      const y = q.b0 * x + q.b1 * x1 - q.a1 * y1;
      out[n] = y;
      x1 = x;
      y1 = y;
    }
    return out;
  };
  const dl = run(sections.direct, left);
  const dr = run(sections.direct, right);
  const cl = run(sections.cross, left);
  const cr = run(sections.cross, right);
  const outL = new Float32Array(left.length);
  const outR = new Float32Array(right.length);
  for (let n = 0; n < left.length; n++) {
    outL[n] = (dl[n] as number) + (cr[n] as number);
    outR[n] = (dr[n] as number) + (cl[n] as number);
  }
  return [outL, outR];
}
