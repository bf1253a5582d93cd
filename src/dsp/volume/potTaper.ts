/**
 * A dual-gang audio-taper (logarithmic) potentiometer used as a volume control: the law that maps the knob's rotation
 * to the wiper's share of the track, the gang error between its two tracks, and the load that bends the law. Leaves
 * out: wiper contact resistance, the track's end resistance, noise and wear, and any source impedance in front.
 */

/** The Alps "A" law: the wiper at 15 % of the track at half rotation (15 % forward log). */
export const AUDIO_TAPER_HALF_ROTATION_RATIO = 0.15;

/**
 * The exponential law's base b for a taper that gives ratio m at half rotation: r(½) = (√b − 1)/(b − 1) = 1/(√b + 1),
 * so √b = 1/m − 1 and b = (1/m − 1)². For m = 0.15, b = (17/3)² ≈ 32.1.
 */
export function taperBase(halfRotationRatio: number = AUDIO_TAPER_HALF_ROTATION_RATIO): number {
  if (!(halfRotationRatio > 0 && halfRotationRatio < 0.5)) throw new RangeError(`a log taper needs 0 < r(½) < 0.5, not ${halfRotationRatio}`);
  return (1 / halfRotationRatio - 1) ** 2;
}

/**
 * The wiper's share of the track (0 … 1) at a rotation (0 … 1): r(θ) = (b^θ − 1)/(b − 1). An exponential law that
 * starts at 0 (a true zero at the stop) and ends at 1; linear in dB over most of the travel.
 */
export function taperRatio(rotationNormalized: number, base: number = taperBase()): number {
  const rotation = Math.min(1, Math.max(0, rotationNormalized));
  return (base ** rotation - 1) / (base - 1);
}

/** The rotation (0 … 1) at which the law gives a ratio: θ = log_b(1 + r·(b − 1)). */
export function rotationForRatio(ratio: number, base: number = taperBase()): number {
  const r = Math.min(1, Math.max(0, ratio));
  return Math.log(1 + r * (base - 1)) / Math.log(base);
}

/** A ratio in dB, with a floor so the stop (ratio 0) stays finite. */
export const ATTENUATION_FLOOR_DB = -120;
export function ratioDb(ratio: number): number {
  return ratio > 0 ? Math.max(ATTENUATION_FLOOR_DB, 20 * Math.log10(ratio)) : ATTENUATION_FLOOR_DB;
}

/** The attenuation a common tracking grade is specified down to, dB (3 dB down to −40 dB: tkd-volume-tracking). */
export const TRACKING_SPEC_ATTENUATION_DB = -40;
/** That grade's gang error, dB. */
export const TRACKING_SPEC_ERROR_DB = 3;
/** Gang errors the widget offers at the spec point, dB. */
export const GANG_ERROR_RANGE_DB = { min: 0, max: 3, default: 2 } as const;

/**
 * The right track's law printed a little ahead of the left's (a rotation offset δ): r_R(θ) = r(θ + δ). δ is chosen so
 * the right channel is gangErrorDb louder where the left one is at specAttenuationDb:
 * δ = θ(ρ·10^(e/20)) − θ(ρ), ρ = 10^(spec/20). Because the law's dB slope is steepest near the stop, the same δ gives a
 * small error near the top and a growing one towards the bottom, as real pots do.
 */
export function gangOffsetRotation(gangErrorDb: number, specAttenuationDb: number = TRACKING_SPEC_ATTENUATION_DB, base: number = taperBase()): number {
  const atSpec = 10 ** (specAttenuationDb / 20);
  return rotationForRatio(atSpec * 10 ** (gangErrorDb / 20), base) - rotationForRatio(atSpec, base);
}

export interface GangRatios {
  readonly leftRatio: number;
  readonly rightRatio: number;
}

/** Both tracks' wiper ratios at a rotation, the right one offset by δ (and held at 1 past the end). */
export function gangRatios(rotationNormalized: number, offsetRotation: number, base: number = taperBase()): GangRatios {
  const leftRatio = taperRatio(rotationNormalized, base);
  const rightRatio = rotationNormalized <= 0 ? 0 : taperRatio(rotationNormalized + offsetRotation, base);
  return { leftRatio, rightRatio };
}

/**
 * The wiper's output into a load RL, as a fraction of the input (the pot fed from a zero-impedance source):
 * the lower part r·Rp in parallel with RL, under the upper part (1 − r)·Rp:
 * H = (r·Rp ∥ RL) / ((1 − r)·Rp + r·Rp ∥ RL). With RL → ∞ it is r.
 */
export function loadedRatio(ratio: number, potOhms: number, loadOhms: number): number {
  const r = Math.min(1, Math.max(0, ratio));
  if (!(potOhms > 0)) throw new RangeError(`a pot needs a positive resistance, not ${potOhms} Ω`);
  if (!(loadOhms > 0)) return 0;
  if (!Number.isFinite(loadOhms)) return r;
  const lower = r * potOhms;
  const lowerLoaded = lower === 0 ? 0 : (lower * loadOhms) / (lower + loadOhms);
  const upper = (1 - r) * potOhms;
  return upper + lowerLoaded === 0 ? 1 : lowerLoaded / (upper + lowerLoaded);
}

/** The impedance at the wiper, unloaded and fed from 0 Ω: the two parts in parallel, r·(1 − r)·Rp (Rp/4 at most). */
export function wiperOutputOhms(ratio: number, potOhms: number): number {
  const r = Math.min(1, Math.max(0, ratio));
  return r * (1 - r) * potOhms;
}

export interface PotSettings {
  readonly rotationNormalized: number;
  readonly gangErrorDb: number;
  readonly potOhms: number;
  /** The next stage's input impedance, Ω (Infinity: unloaded). */
  readonly loadOhms: number;
}

export const POT_OHMS_OPTIONS = [10e3, 50e3] as const;
export const LOAD_OHMS_OPTIONS = [Number.POSITIVE_INFINITY, 100e3, 10e3] as const;
export const DEFAULT_POT_SETTINGS: PotSettings = { rotationNormalized: 0.1, gangErrorDb: GANG_ERROR_RANGE_DB.default, potOhms: 10e3, loadOhms: Number.POSITIVE_INFINITY };

export interface PotPoint {
  readonly rotationNormalized: number;
  readonly leftDb: number;
  readonly rightDb: number;
  /** Right minus left, dB. */
  readonly imbalanceDb: number;
}

/** Left and right attenuation (loaded) and their difference at a rotation. */
export function potPoint(settings: PotSettings, rotationNormalized: number, offsetRotation: number = gangOffsetRotation(settings.gangErrorDb)): PotPoint {
  const { leftRatio, rightRatio } = gangRatios(rotationNormalized, offsetRotation);
  const leftDb = ratioDb(loadedRatio(leftRatio, settings.potOhms, settings.loadOhms));
  const rightDb = ratioDb(loadedRatio(rightRatio, settings.potOhms, settings.loadOhms));
  return { rotationNormalized, leftDb, rightDb, imbalanceDb: rightDb - leftDb };
}

/** The curves across the travel, `steps` + 1 points from just off the stop to full rotation. */
export function potCurves(settings: PotSettings, steps = 100): PotPoint[] {
  const offset = gangOffsetRotation(settings.gangErrorDb);
  return Array.from({ length: steps + 1 }, (_, i) => potPoint(settings, Math.max(0.01, i / steps), offset));
}

/**
 * Where a centred sound appears to sit when one channel is louder: the tangent panning law, a phantom source at
 * angle φ between loudspeakers at ±φ0 has tan φ / tan φ0 = (gR − gL)/(gR + gL). Returns (gR − gL)/(gR + gL), from −1
 * (hard left) to 1 (hard right): a way to put a number on "the image moves", not a model of headphone localisation.
 */
export function panPosition(imbalanceDb: number): number {
  const g = 10 ** (imbalanceDb / 20);
  return (g - 1) / (g + 1);
}
