/**
 * A voltage source with output impedance Zout driving a headphone Zhp: the divider's frequency response, its
 * deviation from flat, damping factor and the 1/8 rule. Leaves out: the source's own response, cable, acoustics.
 */
import { type Complex, abs, add, complex, div } from './complex';
import { type Rational, evaluateAtHz, magnitudeOhmsAtHz } from './impedance';
import { polyAdd, polyScale } from './polynomial';
import { logFrequencies } from './logFrequencies';

export { logFrequencies };

export const AUDIO_BAND_LOW_HZ = 20;
export const AUDIO_BAND_HIGH_HZ = 20_000;
/** Measurement convention: response in dB relative to 1 kHz. */
export const REFERENCE_FREQUENCY_HZ = 1000;
/** Points per search grid (log-spaced) before refining near the extremum. */
const SEARCH_GRID_POINTS = 480;

function assertOutputImpedance(outputImpedanceOhms: number): void {
  if (!Number.isFinite(outputImpedanceOhms) || outputImpedanceOhms < 0) {
    throw new RangeError(`outputImpedanceOhms must be a finite number ≥ 0, got ${outputImpedanceOhms}`);
  }
}

/**
 * H(s) = Zhp/(Zhp + Zout) = N/(N + Zout·D) for Zhp = N/D: the fraction of the source's open-circuit voltage that
 * reaches the headphone (REFERENCES §1). Zout = 0 gives exactly H = 1.
 */
export function dividerResponse(load: Rational, outputImpedanceOhms: number): Rational {
  assertOutputImpedance(outputImpedanceOhms);
  if (outputImpedanceOhms === 0) return { num: [1], den: [1] };
  return { num: load.num, den: polyAdd(load.num, polyScale(load.den, outputImpedanceOhms)) };
}

/** 20·log10|Z/(Z + Zout)| for the load's impedance Z at one frequency. */
function dividerDb(loadImpedance: Complex, outputImpedanceOhms: number): number {
  return 20 * Math.log10(abs(div(loadImpedance, add(loadImpedance, complex(outputImpedanceOhms)))));
}

/** 20·log10|Zhp/(Zhp + Zout)| at one frequency, evaluated from Zhp(j2πf) directly. */
export function responseDbAtHz(load: Rational, outputImpedanceOhms: number, frequencyHz: number): number {
  assertOutputImpedance(outputImpedanceOhms);
  return dividerDb(evaluateAtHz(load, frequencyHz), outputImpedanceOhms);
}

/**
 * Zhp(j2πf) at each of a list of frequencies, kept per load and list: the load's impedance does not depend on Zout,
 * so a widget that moves Zout over the same frequencies evaluates the polynomials once. The same values as
 * evaluateAtHz (the same function makes them), so the responses from them are the same to the last bit.
 */
const loadImpedanceCache = new WeakMap<Rational, WeakMap<readonly number[], readonly Complex[]>>();

function loadImpedancesAt(load: Rational, frequenciesHz: readonly number[]): readonly Complex[] {
  let byFrequencies = loadImpedanceCache.get(load);
  if (byFrequencies === undefined) {
    byFrequencies = new WeakMap();
    loadImpedanceCache.set(load, byFrequencies);
  }
  let impedances = byFrequencies.get(frequenciesHz);
  if (impedances === undefined) {
    impedances = frequenciesHz.map((frequencyHz) => evaluateAtHz(load, frequencyHz));
    byFrequencies.set(frequenciesHz, impedances);
  }
  return impedances;
}

/** Response in dB relative to the response at referenceHz (default 1 kHz), as measurement plots show it. */
export function relativeResponseDb(
  load: Rational,
  outputImpedanceOhms: number,
  frequenciesHz: readonly number[],
  referenceHz = REFERENCE_FREQUENCY_HZ,
): number[] {
  const referenceDb = responseDbAtHz(load, outputImpedanceOhms, referenceHz);
  return loadImpedancesAt(load, frequenciesHz).map((loadImpedance) => dividerDb(loadImpedance, outputImpedanceOhms) - referenceDb);
}


/**
 * The frequency in [fromHz, toHz] where score(f) is largest: a dense log grid, then golden-section search on
 * log f between the best grid point's neighbours.
 */
/** The last search grid made, kept: a widget asks for the same band at every step. */
let searchGrid: { fromHz: number; toHz: number; frequenciesHz: readonly number[] } | null = null;

function searchGridFor(fromHz: number, toHz: number): readonly number[] {
  if (searchGrid === null || searchGrid.fromHz !== fromHz || searchGrid.toHz !== toHz) {
    searchGrid = { fromHz, toHz, frequenciesHz: logFrequencies(fromHz, toHz, SEARCH_GRID_POINTS) };
  }
  return searchGrid.frequenciesHz;
}

/**
 * gridScore(index, frequencyHz), when given, is score at the grid's point index: the same number, found faster (from
 * values kept per grid point).
 */
function maximiseOverBand(
  score: (frequencyHz: number) => number,
  fromHz: number,
  toHz: number,
  gridScore?: (index: number, frequencyHz: number) => number,
): number {
  const grid = searchGridFor(fromHz, toHz);
  let bestIndex = 0;
  let bestScore = Number.NEGATIVE_INFINITY;
  grid.forEach((frequencyHz, index) => {
    const value = gridScore === undefined ? score(frequencyHz) : gridScore(index, frequencyHz);
    if (value > bestScore) {
      bestScore = value;
      bestIndex = index;
    }
  });
  let low = Math.log(grid[Math.max(0, bestIndex - 1)] ?? fromHz);
  let high = Math.log(grid[Math.min(grid.length - 1, bestIndex + 1)] ?? toHz);
  const scoreAtLog = (logHz: number): number => score(Math.exp(logHz));
  const goldenFraction = (Math.sqrt(5) - 1) / 2;
  let left = high - goldenFraction * (high - low);
  let right = low + goldenFraction * (high - low);
  let leftScore = scoreAtLog(left);
  let rightScore = scoreAtLog(right);
  for (let iteration = 0; iteration < 40; iteration += 1) {
    if (leftScore >= rightScore) {
      high = right;
      right = left;
      rightScore = leftScore;
      left = high - goldenFraction * (high - low);
      leftScore = scoreAtLog(left);
    } else {
      low = left;
      left = right;
      leftScore = rightScore;
      right = low + goldenFraction * (high - low);
      rightScore = scoreAtLog(right);
    }
  }
  const refinedHz = Math.exp((low + high) / 2);
  const gridBestHz = grid[bestIndex] ?? fromHz;
  return score(refinedHz) >= bestScore ? refinedHz : gridBestHz;
}

function assertBand(fromHz: number, toHz: number): void {
  if (!(fromHz > 0) || !(toHz >= fromHz) || !Number.isFinite(toHz)) {
    throw new RangeError(`band must satisfy 0 < fromHz ≤ toHz < ∞, got ${fromHz}…${toHz}`);
  }
}

/**
 * The largest |response relative to referenceHz| over fromHz…toHz (default 20 Hz–20 kHz, 1 kHz), returned with its
 * sign (positive: louder than at 1 kHz) and where it occurs.
 */
export function largestDeviation(
  load: Rational,
  outputImpedanceOhms: number,
  options: { fromHz?: number; toHz?: number; referenceHz?: number } = {},
): { deviationDb: number; atHz: number } {
  const fromHz = options.fromHz ?? AUDIO_BAND_LOW_HZ;
  const toHz = options.toHz ?? AUDIO_BAND_HIGH_HZ;
  assertBand(fromHz, toHz);
  const referenceDb = responseDbAtHz(load, outputImpedanceOhms, options.referenceHz ?? REFERENCE_FREQUENCY_HZ);
  const relativeDb = (frequencyHz: number): number => responseDbAtHz(load, outputImpedanceOhms, frequencyHz) - referenceDb;
  const gridImpedances = loadImpedancesAt(load, searchGridFor(fromHz, toHz));
  const atHz = maximiseOverBand(
    (frequencyHz) => Math.abs(relativeDb(frequencyHz)),
    fromHz,
    toHz,
    (index) => Math.abs(dividerDb(gridImpedances[index] as Complex, outputImpedanceOhms) - referenceDb),
  );
  return { deviationDb: relativeDb(atHz), atHz };
}

/** Damping factor DF = Zhp/Zout (REFERENCES §1); null when Zout = 0, where it is unbounded. */
export function dampingFactor(loadOhms: number, outputImpedanceOhms: number): number | null {
  assertOutputImpedance(outputImpedanceOhms);
  if (!Number.isFinite(loadOhms) || loadOhms < 0) throw new RangeError(`loadOhms must be finite and ≥ 0, got ${loadOhms}`);
  return outputImpedanceOhms === 0 ? null : loadOhms / outputImpedanceOhms;
}

/** NwAvGuy's 1/8 rule (REFERENCES §1): keep Zout ≤ Zmin/8, i.e. a damping factor of at least 8. */
export function eighthRuleMaxOutputImpedanceOhms(minimumLoadOhms: number): number {
  if (!Number.isFinite(minimumLoadOhms) || minimumLoadOhms < 0) {
    throw new RangeError(`minimumLoadOhms must be finite and ≥ 0, got ${minimumLoadOhms}`);
  }
  return minimumLoadOhms / 8;
}

/** The smallest |Zhp| over fromHz…toHz (default 20 Hz–20 kHz) and where it occurs. */
export function minimumImpedance(
  load: Rational,
  fromHz = AUDIO_BAND_LOW_HZ,
  toHz = AUDIO_BAND_HIGH_HZ,
): { ohms: number; atHz: number } {
  assertBand(fromHz, toHz);
  const atHz = maximiseOverBand((frequencyHz) => -magnitudeOhmsAtHz(load, frequencyHz), fromHz, toHz);
  return { ohms: magnitudeOhmsAtHz(load, atHz), atHz };
}

/** The largest |Zhp| over fromHz…toHz (default 20 Hz–20 kHz) and where it occurs. */
export function maximumImpedance(
  load: Rational,
  fromHz = AUDIO_BAND_LOW_HZ,
  toHz = AUDIO_BAND_HIGH_HZ,
): { ohms: number; atHz: number } {
  assertBand(fromHz, toHz);
  const atHz = maximiseOverBand((frequencyHz) => magnitudeOhmsAtHz(load, frequencyHz), fromHz, toHz);
  return { ohms: magnitudeOhmsAtHz(load, atHz), atHz };
}
