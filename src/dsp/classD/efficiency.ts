/**
 * Power drawn by a class D output stage for a sine into a resistive load, next to the ideal class A and B closed
 * forms (../circuits/classEfficiency): the load's power, plus the switches' and inductors' resistance (I²R, one loss
 * resistance in series with the load), plus the stage's idle draw (quiescent current × supply: bias, gate drive,
 * switching). Then how long a battery lasts. Leaves out: switching losses that grow with the output, the LC filter's
 * ripple current, a converter between battery and amplifier, and music's crest factor (a steady sine).
 */
import { idealPowerBudget, type PowerBudget } from '../circuits/classEfficiency';

export interface ClassDLosses {
  /** The resistance in series with the load when a switch conducts (both switches of a bridge, inductor DCR). */
  readonly lossResistanceOhms: number;
  /** The supply current with no signal. */
  readonly quiescentAmps: number;
}

function assertPositive(name: string, value: number): void {
  if (!(Number.isFinite(value) && value > 0)) throw new RangeError(`${name} must be finite and > 0, got ${value}`);
}

function assertLosses(losses: ClassDLosses): void {
  if (!(Number.isFinite(losses.lossResistanceOhms) && losses.lossResistanceOhms >= 0)) throw new RangeError('lossResistanceOhms must be finite and ≥ 0');
  if (!(Number.isFinite(losses.quiescentAmps) && losses.quiescentAmps >= 0)) throw new RangeError('quiescentAmps must be finite and ≥ 0');
}

/**
 * A bridge (BTL) class D stage on a single supply V delivers a sine of peak up to V. For a peak Vpk at the load RL:
 * P_L = Vpk²/(2·RL), I_rms² = P_L/RL, P_S = P_L + I_rms²·R_loss + V·Iq, η = P_L/P_S. With no losses η = 1 at every
 * level: an ideal switch drops no voltage when on and passes no current when off.
 */
export function classDPowerBudget(supplyVolts: number, loadOhms: number, outputVoltsPeak: number, losses: ClassDLosses): PowerBudget {
  assertPositive('supplyVolts', supplyVolts);
  assertPositive('loadOhms', loadOhms);
  assertLosses(losses);
  if (!Number.isFinite(outputVoltsPeak)) throw new RangeError(`outputVoltsPeak must be finite, got ${outputVoltsPeak}`);
  const vpk = Math.min(Math.max(outputVoltsPeak, 0), supplyVolts);
  const loadWatts = (vpk * vpk) / (2 * loadOhms);
  const conductionWatts = (loadWatts / loadOhms) * losses.lossResistanceOhms;
  const supplyWatts = loadWatts + conductionWatts + supplyVolts * losses.quiescentAmps;
  return { supplyWatts, loadWatts, deviceWatts: supplyWatts - loadWatts, efficiency: supplyWatts > 0 ? loadWatts / supplyWatts : 0 };
}

/**
 * The loss resistance that makes the model give a datasheet's efficiency η at its stated output power and load:
 * R_loss = (P_L/η − P_L − V·Iq) / (P_L/RL). Throws if the idle draw alone already exceeds the datasheet's losses.
 */
export function lossResistanceForEfficiency(
  efficiency: number,
  loadWatts: number,
  loadOhms: number,
  supplyVolts: number,
  quiescentAmps: number,
): number {
  if (!(efficiency > 0 && efficiency <= 1)) throw new RangeError(`efficiency must be in (0, 1], got ${efficiency}`);
  assertPositive('loadWatts', loadWatts);
  assertPositive('loadOhms', loadOhms);
  const lossWatts = loadWatts / efficiency - loadWatts - supplyVolts * quiescentAmps;
  if (lossWatts < 0) throw new RangeError('the idle draw alone exceeds the losses this efficiency allows');
  return lossWatts / (loadWatts / loadOhms);
}

/** A class AB (ideal class B with an idle current Iq on top) bridge stage on a single supply V: P_S = 2·V·Vpk/(π·RL) + V·Iq. */
export function classABPowerBudget(supplyVolts: number, loadOhms: number, outputVoltsPeak: number, quiescentAmps: number): PowerBudget {
  const ideal = idealPowerBudget('B', supplyVolts, loadOhms, outputVoltsPeak);
  const supplyWatts = ideal.supplyWatts + supplyVolts * quiescentAmps;
  return { ...ideal, supplyWatts, deviceWatts: supplyWatts - ideal.loadWatts, efficiency: supplyWatts > 0 ? ideal.loadWatts / supplyWatts : 0 };
}

/** The sine peak that puts an average power P into R: Vpk = √(2·P·R). */
export function voltsPeakForWatts(loadWatts: number, loadOhms: number): number {
  if (!(loadWatts >= 0) || !(loadOhms > 0)) throw new RangeError('voltsPeakForWatts: P ≥ 0 and R > 0');
  return Math.sqrt(2 * loadWatts * loadOhms);
}

/** Hours a battery of this energy (Wh) runs a draw of this many watts: t = E/P. */
export function batteryHours(batteryWattHours: number, supplyWatts: number): number {
  assertPositive('batteryWattHours', batteryWattHours);
  assertPositive('supplyWatts', supplyWatts);
  return batteryWattHours / supplyWatts;
}
