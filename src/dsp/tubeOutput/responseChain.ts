/**
 * The audio view of a tube amp's output into a headphone: the response H(s) (outputSource.ts), scaled to 0 dB at
 * 1 kHz, as digital filter sections for the running sample rate, and the gain that loudness-matches it to an ideal
 * source (K-weighted pink noise, ITU-R BS.1770 weighting). Leaves out: distortion, the headphone's acoustics.
 */
import { analogToDigitalSections } from '../bilinear';
import { type Biquad, cascadeResponseAtHz } from '../biquad';
import { abs } from '../complex';
import { type Rational, evaluateAtHz } from '../impedance';
import { kWeightedPinkLevelChangeDb } from '../loudness';
import { polyScale } from '../polynomial';
import { logFrequencies } from '../logFrequencies';
import type { FilterChainSpec } from '../sourceLoadFilter';
import { relativeResponseDbAtHz } from './topologies';

/** The band over which the sections' overall level is set to the analog one. */
const LEVEL_FIT_FREQUENCIES_HZ = logFrequencies(100, 5000, 32);

/**
 * A transformer's poles sit above the Nyquist frequency, where the fitter leaves the sections' overall level a
 * little off (≈ 0.15 dB); the least-squares level in dB over 100 Hz–5 kHz, folded into the first section, removes it.
 */
function levelFitted(sections: Biquad[], h: Rational, sampleRateHz: number): Biquad[] {
  const [first, ...rest] = sections;
  if (first === undefined) return sections;
  const meanErrorDb =
    LEVEL_FIT_FREQUENCIES_HZ.reduce(
      (sum, f) => sum + relativeResponseDbAtHz(h, f) - 20 * Math.log10(abs(cascadeResponseAtHz(sections, f, sampleRateHz))),
      0,
    ) / LEVEL_FIT_FREQUENCIES_HZ.length;
  const k = 10 ** (meanErrorDb / 20);
  return [{ ...first, b0: first.b0 * k, b1: first.b1 * k, b2: first.b2 * k }, ...rest];
}

export function responseChain(h: Rational, sampleRateHz: number): FilterChainSpec {
  const atReference = abs(evaluateAtHz(h, 1000));
  const normalized: Rational = { num: polyScale(h.num, 1 / atReference), den: h.den };
  const sections = levelFitted(analogToDigitalSections(normalized, sampleRateHz), h, sampleRateHz);
  const levelChangeDb = kWeightedPinkLevelChangeDb((frequencyHz) => relativeResponseDbAtHz(h, frequencyHz), sampleRateHz);
  return { sections, gainDb: -levelChangeDb };
}
