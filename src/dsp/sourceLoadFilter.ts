/**
 * The audio view of "a source with output impedance drives a headphone": the divider H(s) = Zhp/(Zhp + Zout)
 * as digital filter sections for the running sample rate, plus the gain that loudness-matches it to a 0 Ω
 * source (K-weighted, pink-noise spectrum; ITU-R BS.1770 weighting). Leaves out: the headphone's acoustics.
 */
import type { Biquad } from './biquad';
import { analogToDigitalSections } from './bilinear';
import type { Rational } from './impedance';
import { kWeightedPinkLevelChangeDb } from './loudness';
import { dividerResponse, responseDbAtHz } from './sourceLoad';

export interface FilterChainSpec {
  sections: Biquad[];
  gainDb: number;
}

/**
 * A 0 Ω source passes the signal unchanged (no sections, no gain). Otherwise: filter sections realising H(s) = Zhp/(Zhp + Zout) at `sampleRateHz`, followed by the gain that undoes the
 * K-weighted loudness change H causes on pink noise, so that A (0 Ω) and B differ in tonality, not level.
 */
export function sourceLoadChain(load: Rational, outputImpedanceOhms: number, sampleRateHz: number): FilterChainSpec {
  if (!(outputImpedanceOhms > 0)) return { sections: [], gainDb: 0 };
  const sections = analogToDigitalSections(dividerResponse(load, outputImpedanceOhms), sampleRateHz);
  const levelChangeDb = kWeightedPinkLevelChangeDb(
    (frequencyHz) => responseDbAtHz(load, outputImpedanceOhms, frequencyHz),
    sampleRateHz,
  );
  return { sections, gainDb: -levelChangeDb };
}
