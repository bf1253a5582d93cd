/**
 * How long a battery runs a headphone amp: the current the battery supplies for a supply arrangement (one cell split
 * into ± rails, one battery per rail, or one cell stepped up to higher rails by a converter) from the amplifier's
 * idle current and a sine-like music current, then t = C / I. Leaves out: how capacity falls with the drain and the
 * cut-off voltage (the battery data says under which conditions each capacity holds), the converter's own losses
 * unless an efficiency is given, and music that isn't a sine.
 */

/** How the battery (or batteries) makes the amplifier's ± rails. */
export type BatteryArrangement =
  /** One cell across both rails, its mid-point made into ground by a rail splitter: ±V/2. */
  | 'split-cell'
  /** One battery per rail, the joint between them as ground: ±V. */
  | 'two-batteries'
  /** One cell stepped up to the rails by a boost converter: power in = power out / efficiency. */
  | 'boosted-cell';

export interface BatteryDrainParams {
  readonly arrangement: BatteryArrangement;
  /** ±railVolts. */
  readonly railVolts: number;
  /** The battery's (or each battery's) nominal voltage. */
  readonly batteryVolts: number;
  /** The current that flows from the + rail to the − rail with no music. */
  readonly idleAmps: number;
  /** The rms current of a sine-like music signal in the headphone. */
  readonly loadAmpsRms: number;
  /** Only for 'boosted-cell': the converter's efficiency, 0..1 (1 gives the lossless bound: the longest life). */
  readonly converterEfficiencyNormalized?: number;
}

/**
 * Each rail of a class AB or B output stage supplies one half-wave of the load current: on average Ipk/π = √2·Irms/π.
 */
export function railAverageAmps(loadAmpsRms: number): number {
  return (Math.SQRT2 * loadAmpsRms) / Math.PI;
}

/**
 * The current drawn from the battery (from each battery, for two):
 * - split cell: the idle current plus both rails' half-waves, Iq + 2√2·Irms/π (the cell carries both);
 * - two batteries: each carries the idle current and its own rail's half-waves, Iq + √2·Irms/π;
 * - boosted cell: power is conserved, not current: the rails deliver 2·Vrail·(Iq + √2·Irms/π), so the cell gives
 *   that power divided by (η·Vcell).
 */
export function batteryDrainAmps(params: BatteryDrainParams): number {
  const { arrangement, railVolts, batteryVolts, idleAmps, loadAmpsRms } = params;
  for (const [name, value] of [['railVolts', railVolts], ['batteryVolts', batteryVolts]] as const) {
    if (!(Number.isFinite(value) && value > 0)) throw new RangeError(`${name} must be finite and > 0, got ${value}`);
  }
  for (const [name, value] of [['idleAmps', idleAmps], ['loadAmpsRms', loadAmpsRms]] as const) {
    if (!(Number.isFinite(value) && value >= 0)) throw new RangeError(`${name} must be finite and ≥ 0, got ${value}`);
  }
  const perRailAmps = idleAmps + railAverageAmps(loadAmpsRms);
  switch (arrangement) {
    case 'split-cell':
      return idleAmps + 2 * railAverageAmps(loadAmpsRms);
    case 'two-batteries':
      return perRailAmps;
    case 'boosted-cell': {
      const efficiency = params.converterEfficiencyNormalized ?? 1;
      if (!(efficiency > 0 && efficiency <= 1)) throw new RangeError(`converterEfficiencyNormalized must be in (0, 1], got ${efficiency}`);
      return (2 * railVolts * perRailAmps) / (efficiency * batteryVolts);
    }
  }
}

/** Battery life in hours: capacity (ampere-hours) / drain (amperes). */
export function batteryLifeHours(capacityAmpHours: number, drainAmps: number): number {
  if (!(Number.isFinite(capacityAmpHours) && capacityAmpHours > 0)) throw new RangeError(`capacityAmpHours must be finite and > 0, got ${capacityAmpHours}`);
  if (!(Number.isFinite(drainAmps) && drainAmps > 0)) throw new RangeError(`drainAmps must be finite and > 0, got ${drainAmps}`);
  return capacityAmpHours / drainAmps;
}

/**
 * Which batteries can make the rails of an arrangement: a split cell gives ±V/2 and a battery per rail ±V (each within
 * 10 % of the rail); a boosted cell is
 * one at most half the rail voltage, which only a step-up converter lifts to the rails.
 */
export function batteryFitsRails(arrangement: BatteryArrangement, railVolts: number, batteryVolts: number): boolean {
  switch (arrangement) {
    case 'split-cell':
      // A splitter halves the cell: ±V/2 within 10 % of the rail.
      return Math.abs(batteryVolts / 2 - railVolts) <= 0.1 * railVolts;
    case 'two-batteries':
      return Math.abs(batteryVolts - railVolts) <= 0.1 * railVolts;
    case 'boosted-cell':
      // A low-voltage cell (at most half the rail), which only a converter can lift to the rails.
      return batteryVolts <= railVolts / 2;
  }
}
