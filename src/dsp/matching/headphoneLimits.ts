/**
 * The headphone's own limits: how far a listening level sits below the maker's rated maximum input, and what a bass
 * boost asks of the driver at the boosted frequency (power and excursion). Leaves out: the driver's thermal time
 * constants, what the rating's test signal was (makers rarely say), and the driver's distortion, which is quoted
 * only where a measurement is cited, never modelled.
 */

/**
 * Margin between the rating and what a level needs, dB: 10·log10(P_rated / P_needed). Positive: within the rating;
 * negative: the level needs that many dB more than the headphone is rated to take.
 */
export function ratedInputMarginDb(neededPowerWatts: number, ratedPowerWatts: number): number {
  if (!(neededPowerWatts > 0 && Number.isFinite(neededPowerWatts))) throw new RangeError(`neededPowerWatts must be finite and > 0, got ${neededPowerWatts}`);
  if (!(ratedPowerWatts > 0 && Number.isFinite(ratedPowerWatts))) throw new RangeError(`ratedPowerWatts must be finite and > 0, got ${ratedPowerWatts}`);
  return 10 * Math.log10(ratedPowerWatts / neededPowerWatts);
}

/** The power a tone needs once an equaliser raises it by boostDb: P·10^(boost/10) (the same load, so power goes as V²). */
export function boostedPowerWatts(powerWatts: number, boostDb: number): number {
  return powerWatts * 10 ** (boostDb / 10);
}

/**
 * How many times the diaphragm's excursion grows at one frequency when the drive there rises by boostDb:
 * 10^(boost/20). A linear driver's displacement at a fixed frequency is proportional to its drive voltage.
 */
export function boostedExcursionRatio(boostDb: number): number {
  return 10 ** (boostDb / 20);
}

/** A harmonic's level relative to the fundamental (dB, negative) as a percentage: 100·10^(dB/20); −40 dB is 1 %. */
export function harmonicPercent(relativeDb: number): number {
  return 100 * 10 ** (relativeDb / 20);
}
