// One version (A or B) of a widget's signal chain as data: biquad sections in series, then a gain.
// Checks that it can play safely. Leaves out: the audio nodes (chain.ts builds them).
import { type Biquad, isStableBiquad } from '../dsp/biquad';

export { isStableBiquad };

export interface ChainSettings {
  /** Biquad sections applied in series (a0 = 1). */
  readonly sections: readonly Biquad[];
  /** Gain after the sections, dB (level matching or the level difference being taught). */
  readonly gainDb: number;
}

/** A chain that passes the program unchanged. */
export const BYPASS_CHAIN: ChainSettings = { sections: [], gainDb: 0 };

const sameBiquad = (p: Biquad, q: Biquad): boolean =>
  p.b0 === q.b0 && p.b1 === q.b1 && p.b2 === q.b2 && p.a1 === q.a1 && p.a2 === q.a2;

/** True when both describe exactly the same chain (same sections in the same order, same gain). */
export function chainSettingsEqual(a: ChainSettings, b: ChainSettings): boolean {
  if (a === b) return true;
  if (a.gainDb !== b.gainDb || a.sections.length !== b.sections.length) return false;
  return a.sections.every((section, index) => {
    const other = b.sections[index];
    return other !== undefined && sameBiquad(section, other);
  });
}


/** Throws a RangeError naming the problem if the chain has non-finite or unstable parts. */
export function checkChainSettings(settings: ChainSettings): void {
  if (!Number.isFinite(settings.gainDb)) throw new RangeError(`chain gain ${settings.gainDb} dB is not finite`);
  settings.sections.forEach((section, index) => {
    const coefficients = [section.b0, section.b1, section.b2, section.a1, section.a2];
    if (!coefficients.every(Number.isFinite)) {
      throw new RangeError(`biquad section ${index} has a non-finite coefficient: ${coefficients.join(', ')}`);
    }
    if (!isStableBiquad(section)) {
      throw new RangeError(`biquad section ${index} is unstable (a1 = ${section.a1}, a2 = ${section.a2})`);
    }
  });
}
