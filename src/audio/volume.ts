// The reader's volume control: its range, default and the dB → linear factor the safety stage applies.
// Leaves out: loudness matching between A and B (the widget's job) and the limiter (safety.ts).

/** A conservative starting volume: program material peaks near −3 dBFS, so about −23 dBFS out. */
export const VOLUME_DEFAULT_DB = -20;
/** The bottom of the volume range; at or below it the output is muted (shown as −∞ dB). */
export const VOLUME_MIN_DB = -60;
/** The top of the volume range: unity gain into the limiter. */
export const VOLUME_MAX_DB = 0;

/** Linear amplitude factor of a level in dB: g = 10^(dB/20). */
export const dbToGain = (gainDb: number): number => 10 ** (gainDb / 20);

/** Level in dB of a linear amplitude factor: 20·log10(g) (−Infinity for 0). */
export const gainToDb = (gain: number): number => 20 * Math.log10(gain);

/** Clamp a requested volume to [VOLUME_MIN_DB, VOLUME_MAX_DB]; anything not a number gets the default. */
export function clampVolumeDb(volumeDb: number): number {
  if (Number.isNaN(volumeDb)) return VOLUME_DEFAULT_DB;
  return Math.min(VOLUME_MAX_DB, Math.max(VOLUME_MIN_DB, volumeDb));
}

/** The linear factor for a volume setting: clamped, and exactly 0 (muted) at VOLUME_MIN_DB. */
export function volumeGain(volumeDb: number): number {
  const clampedDb = clampVolumeDb(volumeDb);
  return clampedDb <= VOLUME_MIN_DB ? 0 : dbToGain(clampedDb);
}
