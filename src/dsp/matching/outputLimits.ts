/**
 * How much clean voltage a headphone output can put into a load: a voltage limit behind the output impedance, a
 * current limit, the maker's published ratings between them, and the gain (input full scale × gain at full
 * volume). Leaves out: frequency dependence, reactive loads (|Z| = R here), soft clipping and supply sag over time.
 */

/** A published clean-output rating, as a voltage into a load. */
export interface VoltageRating {
  readonly loadOhms: number;
  readonly voltsRms: number;
}

export type OutputLimit =
  /** Published ratings at one or more loads (see limitsFromRatings). */
  | { readonly kind: 'ratings'; readonly ratings: readonly VoltageRating[] }
  /** A plain open-circuit voltage and current limit (custom entries). */
  | { readonly kind: 'voltage-current'; readonly openCircuitVoltsRms: number; readonly currentLimitAmpsRms: number };

export interface OutputModel {
  readonly outputImpedanceOhms: number;
  readonly limit: OutputLimit;
  /** The open-circuit voltage at full volume for a full-scale input: input full scale × gain. */
  readonly fullVolumeVoltsRms: number;
}

/** What stops the output first. */
export type LimitedBy = 'voltage' | 'current' | 'gain';

export interface CleanOutput {
  /** Largest clean rms sine voltage across the load. */
  readonly voltsRms: number;
  readonly limitedBy: LimitedBy;
  /** The voltage limit alone across this load. */
  readonly voltageLimitVoltsRms: number;
  /** The current limit alone across this load (I·Z); null when no current limit is known (a single rating). */
  readonly currentLimitVoltsRms: number | null;
  /** Full volume with a full-scale input, across this load. */
  readonly fullVolumeVoltsRms: number;
}

/**
 * Full volume counts as the limit only when it is clearly below the others (0.01 dB): a device whose full-scale
 * output is its voltage rating is voltage-limited, not gain-limited.
 */
const GAIN_BITES_RATIO = 10 ** (-0.01 / 20);

function assertPositive(name: string, value: number): void {
  if (!(Number.isFinite(value) && value > 0)) throw new RangeError(`${name} must be finite and > 0, got ${value}`);
}

function assertOutputImpedance(outputImpedanceOhms: number): void {
  if (!(Number.isFinite(outputImpedanceOhms) && outputImpedanceOhms >= 0)) {
    throw new RangeError(`outputImpedanceOhms must be finite and ≥ 0, got ${outputImpedanceOhms}`);
  }
}

/** The fraction of an open-circuit voltage that reaches a resistive load: Z / (Z + Zout). */
export function dividerFraction(loadOhms: number, outputImpedanceOhms: number): number {
  assertPositive('loadOhms', loadOhms);
  assertOutputImpedance(outputImpedanceOhms);
  return loadOhms / (loadOhms + outputImpedanceOhms);
}

function sortedRatings(ratings: readonly VoltageRating[]): VoltageRating[] {
  if (ratings.length === 0) throw new RangeError('an output needs at least one rating');
  for (const r of ratings) {
    assertPositive('rating loadOhms', r.loadOhms);
    assertPositive('rating voltsRms', r.voltsRms);
  }
  return [...ratings].sort((p, q) => p.loadOhms - q.loadOhms);
}

/**
 * The voltage and current limits across a load, read from ratings: the current of the nearest rating at or below
 * the load (the lowest rating's below all of them) and the voltage of the nearest rating at or above it (the
 * highest's above all of them), that voltage moved to this load through the divider Z/(Z + Zout). A current that
 * can't grow as the load falls and a voltage that can't grow as it rises make min(I·Z, V) the most the ratings
 * allow; at each rated load it is the rating itself. A single rating gives no current limit.
 */
export function limitsFromRatings(
  ratings: readonly VoltageRating[],
  outputImpedanceOhms: number,
  loadOhms: number,
): { voltageLimitVoltsRms: number; currentLimitVoltsRms: number | null } {
  const sorted = sortedRatings(ratings);
  const below = [...sorted].reverse().find((r) => r.loadOhms <= loadOhms) ?? (sorted[0] as VoltageRating);
  const above = sorted.find((r) => r.loadOhms >= loadOhms) ?? (sorted.at(-1) as VoltageRating);
  const voltageLimitVoltsRms =
    (above.voltsRms * dividerFraction(loadOhms, outputImpedanceOhms)) / dividerFraction(above.loadOhms, outputImpedanceOhms);
  const currentLimitVoltsRms = sorted.length < 2 ? null : (below.voltsRms / below.loadOhms) * loadOhms;
  return { voltageLimitVoltsRms, currentLimitVoltsRms };
}

/**
 * The largest clean sine voltage across a resistive load: the least of the voltage limit, the current limit and
 * full volume with a full-scale input (input full scale × gain through the divider), with which of them bites.
 */
export function cleanOutput(output: OutputModel, loadOhms: number): CleanOutput {
  assertPositive('loadOhms', loadOhms);
  assertOutputImpedance(output.outputImpedanceOhms);
  assertPositive('fullVolumeVoltsRms', output.fullVolumeVoltsRms);
  const fraction = dividerFraction(loadOhms, output.outputImpedanceOhms);
  let limits: { voltageLimitVoltsRms: number; currentLimitVoltsRms: number | null };
  if (output.limit.kind === 'voltage-current') {
    assertPositive('openCircuitVoltsRms', output.limit.openCircuitVoltsRms);
    assertPositive('currentLimitAmpsRms', output.limit.currentLimitAmpsRms);
    limits = {
      voltageLimitVoltsRms: output.limit.openCircuitVoltsRms * fraction,
      currentLimitVoltsRms: output.limit.currentLimitAmpsRms * loadOhms,
    };
  } else {
    limits = limitsFromRatings(output.limit.ratings, output.outputImpedanceOhms, loadOhms);
  }
  const { voltageLimitVoltsRms, currentLimitVoltsRms } = limits;
  const fullVolumeVoltsRms = output.fullVolumeVoltsRms * fraction;

  let voltsRms = voltageLimitVoltsRms;
  let limitedBy: LimitedBy = 'voltage';
  if (currentLimitVoltsRms !== null && currentLimitVoltsRms < voltsRms) {
    voltsRms = currentLimitVoltsRms;
    limitedBy = 'current';
  }
  if (fullVolumeVoltsRms < voltsRms * GAIN_BITES_RATIO) {
    voltsRms = fullVolumeVoltsRms;
    limitedBy = 'gain';
  }
  return { voltsRms, limitedBy, voltageLimitVoltsRms, currentLimitVoltsRms, fullVolumeVoltsRms };
}
