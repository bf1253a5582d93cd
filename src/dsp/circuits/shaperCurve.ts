/**
 * A stage's transfer curve sampled for a waveshaper: input samples −1…1 stand for ±inputVoltsPerFullScale at the
 * stage's input; the output is the stage's output minus its quiescent voltage (the coupling capacitor after it),
 * divided by outputVoltsPerFullScale, with the sign flipped for an inverting stage so A and B keep one polarity.
 * Leaves out: memory (slew), which a waveshaper can't have.
 */
import type { AmplifierStage } from './stage';

/** Odd, so input 0 falls exactly on a point. */
export const SHAPER_CURVE_POINTS = 8193;

export interface ShaperScaling {
  /** Stage input volts for a full-scale sample. */
  readonly inputVoltsPerFullScale: number;
  /** Stage output volts (AC) for a full-scale sample out. */
  readonly outputVoltsPerFullScale: number;
  /** Flip the sign (for an inverting stage such as a common-cathode triode). */
  readonly invert: boolean;
}

export function shaperCurve(stage: Pick<AmplifierStage, 'transferVolts' | 'quiescentOutputVolts'>, scaling: ShaperScaling, points = SHAPER_CURVE_POINTS): Float32Array {
  if (!(scaling.inputVoltsPerFullScale > 0 && scaling.outputVoltsPerFullScale > 0)) {
    throw new RangeError('shaperCurve: the volts per full scale must be > 0');
  }
  const sign = scaling.invert ? -1 : 1;
  const curve = new Float32Array(points);
  for (let i = 0; i < points; i++) {
    const x = (2 * i) / (points - 1) - 1;
    const outputVolts = stage.transferVolts(x * scaling.inputVoltsPerFullScale) - stage.quiescentOutputVolts;
    curve[i] = (sign * outputVolts) / scaling.outputVoltsPerFullScale;
  }
  return curve;
}
