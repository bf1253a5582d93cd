// The matcher's sound, from the same numbers as its readouts: the program stands for music at the reader's level,
// its peaks (MUSIC_PEAK_DBFS) at the peak voltage the crest factor implies. B adds what this source does to it —
// the divider's response change with the headphone's impedance, a hard clip at the largest clean peak voltage and
// white hiss at the source's noise voltage — all in the same volts-per-full-scale; A is an ideal source.
// Leaves out: the clip's dependence on frequency (it is set at the nominal impedance) and the hiss's spectrum
// (white, at the published figure, A-weighted or not).
import type { ChainSettings } from '../../../audio/chain';
import { MAX_NOISE_RMS_FULL_SCALE } from '../../../audio/chainLimits';
import type { ChainPair } from '../../../audio/loudnessMatch';
import { MUSIC_PEAK_DBFS } from '../../../audio/programLevels';
import type { Biquad } from '../../../dsp/biquad';
import type { Rational } from '../../../dsp/impedance';
import type { MatchResult } from '../../../dsp/matching/match';

/** The hiss generator's seed, so every render of the same settings is identical. */
export const HISS_SEED = 0x0a3b1c;

export interface MatcherSound {
  /** Volts at the headphone per unit of full scale in the program. */
  voltsPerFullScale: number;
  /** The clip as a level in full scale; ≥ 1 means the program can't reach it. */
  clipLevelFullScale: number;
  /** The hiss rms in full scale (before the chain's ceiling on hiss); 0 where the noise is not published. */
  noiseRmsFullScale: number;
}

/** Volts per full scale = music peak volts / 10^(MUSIC_PEAK_DBFS/20); clip = √2·Vclean / that; hiss = Vnoise / that. */
export function matcherSound(result: MatchResult): MatcherSound {
  const voltsPerFullScale = result.listening.peakVolts / 10 ** (MUSIC_PEAK_DBFS / 20);
  return {
    voltsPerFullScale,
    clipLevelFullScale: (Math.SQRT2 * result.clean.voltsRms) / voltsPerFullScale,
    noiseRmsFullScale: result.noise ? result.noise.voltsRms / voltsPerFullScale : 0,
  };
}

/**
 * The sections with a gain folded into the first one's numerator, so that what follows them (the clip) sees the
 * headphone's voltage: the divider's level loss is undone before the clip, not after it.
 */
export function withGainFolded(sections: readonly Biquad[], gainDb: number): Biquad[] {
  const gain = 10 ** (gainDb / 20);
  return sections.map((section, index) =>
    index === 0 ? { ...section, b0: section.b0 * gain, b1: section.b1 * gain, b2: section.b2 * gain } : section,
  );
}

/** A (an ideal source) and B (this source with this headphone), both at the same level: no loudness matching. */
export async function matcherChains(
  result: MatchResult,
  impedance: Rational | null,
  outputImpedanceOhms: number,
  sampleRateHz: number,
): Promise<ChainPair> {
  const sound = matcherSound(result);
  const { sourceLoadChain } = await import('../../../dsp/sourceLoadFilter');
  const divider = impedance ? sourceLoadChain(impedance, outputImpedanceOhms, sampleRateHz) : { sections: [], gainDb: 0 };
  const b: ChainSettings = {
    sections: withGainFolded(divider.sections, divider.gainDb),
    gainDb: 0,
    ...(sound.clipLevelFullScale < 1 ? { clipper: { levelFullScale: sound.clipLevelFullScale } } : {}),
    ...(sound.noiseRmsFullScale > 0 ? { noise: { rmsFullScale: Math.min(MAX_NOISE_RMS_FULL_SCALE, sound.noiseRmsFullScale), seed: HISS_SEED } } : {}),
  };
  return { a: { sections: [], gainDb: 0 }, b };
}
