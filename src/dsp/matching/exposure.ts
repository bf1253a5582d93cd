/**
 * How long a listening level is safe per day by the NIOSH recommended exposure limit: 85 dBA for 8 hours, halving
 * the time for every 3 dB more (REFERENCES §2). Leaves out: the difference between SPL at the eardrum under a
 * headphone and the diffuse-field dBA the limit is defined in, and exposure outside listening.
 */

export const NIOSH_REFERENCE_LEVEL_DBA = 85;
export const NIOSH_REFERENCE_HOURS = 8;
export const NIOSH_EXCHANGE_RATE_DB = 3;

/** T = 8 h / 2^((L − 85) / 3): hours per day at levelDb before the NIOSH limit's daily dose is reached. */
export function nioshAllowedHours(levelDb: number): number {
  if (!Number.isFinite(levelDb)) throw new RangeError(`levelDb must be finite, got ${levelDb}`);
  return NIOSH_REFERENCE_HOURS / 2 ** ((levelDb - NIOSH_REFERENCE_LEVEL_DBA) / NIOSH_EXCHANGE_RATE_DB);
}

/**
 * Above this level a loudest-possible figure gets a plain warning: at 120 dB SPL the NIOSH limit's daily dose comes in
 * 8 h / 2^((120 − 85)/3) ≈ 8.9 s (nioshAllowedHours). A display threshold, not a limit from a standard.
 */
export const FAR_ABOVE_SAFE_LISTENING_DB_SPL = 120;
