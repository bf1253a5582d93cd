// Figures the hearing-safety lesson quotes: NIOSH allowed times (the matcher's rule, from src/dsp/matching/exposure),
// OSHA's legal rule beside it, and a day's dose, so the prose, the table and the matcher can't disagree. Leaves out
// every correction from SPL under a headphone to the diffuse-field dBA the limits are written in.
import { nioshAllowedHours } from '../dsp/matching/exposure';

export { nioshAllowedHours };

/** OSHA 29 CFR 1910.95: 90 dBA for 8 hours with a 5 dB exchange rate, T = 8 h / 2^((L − 90) / 5). */
export const OSHA_REFERENCE_LEVEL_DBA = 90;
export const OSHA_EXCHANGE_RATE_DB = 5;
export function oshaAllowedHours(levelDb: number): number {
  return 8 / 2 ** ((levelDb - OSHA_REFERENCE_LEVEL_DBA) / OSHA_EXCHANGE_RATE_DB);
}

/** A day's dose in percent: 100 % × Σ (hours at a level / hours allowed at that level), by NIOSH. */
export function nioshDosePercent(exposures: readonly { readonly levelDb: number; readonly hours: number }[]): number {
  return 100 * exposures.reduce((sum, e) => sum + e.hours / nioshAllowedHours(e.levelDb), 0);
}

/** The energy ratio of a 3 dB step: 10^(3/10) ≈ 2. */
export const threeDbEnergyRatio = 10 ** (3 / 10);


/** At 100 dBA: NIOSH's and OSHA's allowed times, and how many times longer OSHA allows. */
export const nioshAt100Hours = nioshAllowedHours(100);
export const oshaAt100Hours = oshaAllowedHours(100);
export const oshaOverNioshAt100 = oshaAt100Hours / nioshAt100Hours;

/** The worked example: 1 h at 91 dBA and 2 h at 88 dBA. */
export const exampleDayDosePercent = nioshDosePercent([
  { levelDb: 91, hours: 1 },
  { levelDb: 88, hours: 2 },
]);

/** Allowed hours against level, 80–105 dB, by both rules, for a small figure. */
export function allowedHoursCurves(points = 51): { id: string; label: string; points: { x: number; y: number }[] }[] {
  const levels = Array.from({ length: points }, (_, i) => 85 + (20 * i) / (points - 1));
  return [
    { id: 'niosh', label: 'NIOSH (85 dBA, 3 dB)', points: levels.map((x) => ({ x, y: nioshAllowedHours(x) })) },
    { id: 'osha', label: 'OSHA (90 dBA, 5 dB)', points: levels.map((x) => ({ x, y: oshaAllowedHours(x) })) },
  ];
}
