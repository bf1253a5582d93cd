/**
 * The audio view of a class D output filter into a load: H(s) of the LC filter (lcFilter.ts) as digital filter
 * sections for the running sample rate, plus the gain that loudness-matches it to a flat reference (K-weighted, pink
 * noise; ITU-R BS.1770 weighting). The switching carrier itself lies far above hearing and any sample rate, so the
 * audible part of the filter is its response in the audio band. Leaves out: the headphone's acoustics.
 */
import type { Biquad } from '../biquad';
import { analogToDigitalSections } from '../bilinear';
import type { Rational } from '../impedance';
import { kWeightedPinkLevelChangeDb } from '../loudness';
import { type LcFilter, lcFilterResponse, lcFilterResponseDbAtHz } from './lcFilter';

export interface LcFilterChainSpec {
  sections: Biquad[];
  gainDb: number;
}

/** Sections realising H(s) = Zp/(sL + Zp) at `sampleRateHz`, and the gain that undoes its K-weighted loudness change. */
export function lcFilterChain(load: Rational, filter: LcFilter, sampleRateHz: number): LcFilterChainSpec {
  const sections = analogToDigitalSections(lcFilterResponse(load, filter), sampleRateHz);
  const levelChangeDb = kWeightedPinkLevelChangeDb((frequencyHz) => lcFilterResponseDbAtHz(load, filter, frequencyHz), sampleRateHz);
  return { sections, gainDb: -levelChangeDb };
}
