/**
 * An OTL cathode-follower output stage into a headphone, the Bottlehead Crack's topology: the triode's plate at B+,
 * its grid held at a DC voltage by a direct-coupled driver, a cathode resistor to ground, and the headphone fed
 * from the cathode through a coupling capacitor. Illustrative: Koren published no set for the Crack's 6080
 * (REFERENCES §4), so Koren's 12AU7 set stands in for a power triode, with sections in parallel for more current.
 * Leaves out: grid current, the driver stage and its output impedance, the capacitor's reactance and the bias shift
 * a long burst of asymmetric clipping would charge it to, the supply's sag, and the headphone's reactance (the load
 * is a resistor).
 */
import { type KorenTriode, KOREN_12AU7, bracketedNewton, korenGridVoltsForCurrent, korenOperatingPoint } from './koren';
import type { AmplifierStage, StageRanges } from './stage';

export interface CathodeFollowerParams {
  /** Koren parameters for one section. Illustrative: a 12AU7 standing in for a power triode such as the 6080. */
  readonly tube: KorenTriode;
  /** Identical sections in parallel: n times the current, rp/n, the same µ. */
  readonly parallelSections: number;
  /** B+ on the plate, to ground. */
  readonly supplyVolts: number;
  /** The grid's DC voltage to ground, set by the direct-coupled driver; the input signal adds to it. */
  readonly gridBiasVolts: number;
  /** From the cathode to ground; it carries the idle current. */
  readonly cathodeResistorOhms: number;
  /** The headphone, as a resistance, fed through the coupling capacitor. */
  readonly loadOhms: number;
}

/**
 * An illustrative design, not the Crack's values: both sections of a 12AU7 in parallel at B+ 250 V, the grid at
 * 100 V and Rk 4.7 kΩ, idling near 22 mA in all (about 1.6 W per section, under the 12AU7's 2.75 W rating
 * [verify]), into a 300 Ω headphone — the high-impedance load an OTL suits.
 */
export const CATHODE_FOLLOWER_DEFAULTS: CathodeFollowerParams = {
  tube: KOREN_12AU7,
  parallelSections: 2,
  supplyVolts: 250,
  gridBiasVolts: 100,
  cathodeResistorOhms: 4700,
  loadOhms: 300,
};

/** Ranges for a widget's controls; the model returns finite numbers everywhere inside them. */
export const PARALLEL_SECTIONS_RANGE = { min: 1, max: 4, step: 1 } as const;
export const FOLLOWER_SUPPLY_RANGE_VOLTS = { min: 100, max: 400 } as const;
export const GRID_BIAS_RANGE_VOLTS = { min: 20, max: 200 } as const;
export const FOLLOWER_CATHODE_RESISTOR_RANGE_OHMS = { min: 1000, max: 22_000 } as const;
export const FOLLOWER_LOAD_RANGE_OHMS = { min: 16, max: 600 } as const;

/** Koren's current never reaches zero, so "cut off" means down to 1% of the idle current. */
export const FOLLOWER_CUTOFF_FRACTION_OF_QUIESCENT = 0.01;
/** How far past the first clipping point a widget's input range goes. */
export const FOLLOWER_OVERDRIVE_FACTOR = 1.5;
/** Used only if neither clipping point lies on its own side of 0, which the circuit's physics rules out. */
const FALLBACK_INPUT_VOLTS_PEAK = 1;
/** Test current for the numerical output impedance (central difference). */
const TEST_CURRENT_AMPS = 1e-6;
/** Inputs beyond ±1 MV (and NaN, read as 0) are clamped: the curve is flat long before. */
const INPUT_LIMIT_VOLTS = 1e6;

function assertParams(p: CathodeFollowerParams): void {
  const positive = [p.supplyVolts, p.cathodeResistorOhms, p.loadOhms, p.parallelSections];
  if (!positive.every((v) => Number.isFinite(v) && v > 0) || !Number.isFinite(p.gridBiasVolts)) {
    throw new RangeError(
      'cathodeFollower: supplyVolts, cathodeResistorOhms, loadOhms and parallelSections must be finite and > 0, ' +
        'gridBiasVolts finite',
    );
  }
}

/** The tube's current and partials with n sections in parallel, at a cathode voltage and a grid voltage (to ground). */
function tubeAt(p: CathodeFollowerParams, cathodeVolts: number, gridVolts: number) {
  const op = korenOperatingPoint(p.tube, p.supplyVolts - cathodeVolts, gridVolts - cathodeVolts);
  const n = p.parallelSections;
  return {
    currentAmps: n * op.plateCurrentAmps,
    /** dI/dVk: both Vpk and Vgk fall as the cathode rises. */
    slopeSiemens: -n * (op.plateConductanceSiemens + op.transconductanceSiemens),
  };
}

/**
 * The cathode voltage where Kirchhoff's current law holds at the cathode node:
 *   I(B+ − Vk, Vg − Vk) = Vk/Rk + Iout(Vk),
 * for an outgoing current Iout that rises with Vk (slope dIout/dVk ≥ 0). The left side falls with Vk and the right
 * rises, so the root is unique; lo must have the right side ≤ 0 and hi = B+ (no plate voltage, no current).
 * guessVolts (e.g. the idle Vk) only speeds the search up.
 */
function solveCathodeVolts(
  p: CathodeFollowerParams,
  gridVolts: number,
  outgoingAmps: (cathodeVolts: number) => number,
  outgoingSlopeSiemens: number,
  lo: number,
  guessVolts = Number.NaN,
): number {
  const hi = p.supplyVolts;
  const balance = (vk: number) => {
    const tube = tubeAt(p, vk, gridVolts);
    return {
      value: tube.currentAmps - vk / p.cathodeResistorOhms - outgoingAmps(vk),
      slope: tube.slopeSiemens - 1 / p.cathodeResistorOhms - outgoingSlopeSiemens,
    };
  };
  if (balance(lo).value <= 0) return lo;
  if (balance(hi).value >= 0) return hi;
  return bracketedNewton(balance, lo, hi, 0, guessVolts);
}

export interface CathodeFollowerBiasPoint {
  /** The total idle current through the sections (and Rk: no DC flows into the capacitor). */
  readonly cathodeCurrentAmps: number;
  /** Cathode to ground: also the DC voltage across the coupling capacitor. */
  readonly cathodeVolts: number;
  readonly gridToCathodeVolts: number;
  readonly plateToCathodeVolts: number;
  /** Vpk·I/n, per section. */
  readonly plateDissipationWattsPerSection: number;
}

/** The idle operating point: no signal, and no DC through the coupling capacitor, so only Rk loads the cathode. */
export function cathodeFollowerBiasPoint(p: CathodeFollowerParams): CathodeFollowerBiasPoint {
  assertParams(p);
  const vk = solveCathodeVolts(p, p.gridBiasVolts, () => 0, 0, 0);
  const current = tubeAt(p, vk, p.gridBiasVolts).currentAmps;
  return {
    cathodeCurrentAmps: current,
    cathodeVolts: vk,
    gridToCathodeVolts: p.gridBiasVolts - vk,
    plateToCathodeVolts: p.supplyVolts - vk,
    plateDissipationWattsPerSection: ((p.supplyVolts - vk) * current) / p.parallelSections,
  };
}

/**
 * The headphone's voltage for a steady input on top of the grid bias. The coupling capacitor is taken as large and
 * charged to the idle cathode voltage Vk0, so the load sees Vout = Vk − Vk0 and draws (Vk − Vk0)/RL; Vk solves
 *   I(B+ − Vk, Vg0 + Vin − Vk) = Vk/Rk + (Vk − Vk0)/RL,
 * bracketed below by Vk0·Rk/(Rk + RL), where the tube is off and Rk and RL share the capacitor's charge.
 */
export function cathodeFollowerTransferVolts(p: CathodeFollowerParams, inputVolts: number): number {
  const vk0 = cathodeFollowerBiasPoint(p).cathodeVolts;
  return outputAt(p, vk0, inputVolts);
}

function outputAt(p: CathodeFollowerParams, vk0: number, inputVolts: number): number {
  const vin = Number.isNaN(inputVolts) ? 0 : Math.min(Math.max(inputVolts, -INPUT_LIMIT_VOLTS), INPUT_LIMIT_VOLTS);
  const rl = p.loadOhms;
  const lo = (vk0 * p.cathodeResistorOhms) / (p.cathodeResistorOhms + rl);
  const vk = solveCathodeVolts(p, p.gridBiasVolts + vin, (v) => (v - vk0) / rl, 1 / rl, lo, vk0);
  return vk - vk0;
}

/**
 * The output impedance at the bias point, numerically: the change in cathode voltage per ampere drawn from the
 * output by a test current (load removed), Zout = −dVk/dIload. For the model linearised at the bias point it equals
 * rp/(µ + 1) ∥ Rk with rp and µ of the paralleled sections.
 */
export function cathodeFollowerOutputImpedanceOhms(p: CathodeFollowerParams): number {
  assertParams(p);
  const h = TEST_CURRENT_AMPS;
  const cathodeVoltsDrawing = (amps: number) =>
    solveCathodeVolts(p, p.gridBiasVolts, () => amps, 0, -Math.abs(amps) * p.cathodeResistorOhms);
  return (cathodeVoltsDrawing(-h) - cathodeVoltsDrawing(h)) / (2 * h);
}

/** dVout/dVin at the bias point, into the load (central difference). */
export function cathodeFollowerSmallSignalGain(p: CathodeFollowerParams): number {
  assertParams(p);
  const vk0 = cathodeFollowerBiasPoint(p).cathodeVolts;
  const h = 1e-4;
  return (outputAt(p, vk0, h) - outputAt(p, vk0, -h)) / (2 * h);
}

export interface CathodeFollowerClippingPoints {
  /** The input at which the grid reaches the cathode (Vgk = 0), where a real grid draws current. */
  readonly inputAtGridCurrentVolts: number;
  /** The input at which the tube's current falls to 1% of idle: the load then pulls the rest from Rk. */
  readonly inputAtCutoffVolts: number;
  /** The output there: about −Vk0·RL/(Rk + RL), the most the idle current can pull the load down. */
  readonly outputAtCutoffVolts: number;
}

/**
 * Both ends of the clean range, solved directly:
 * - Vgk = 0: Vk solves I(B+ − Vk, 0) = Vk/Rk + (Vk − Vk0)/RL, and Vin = Vk − Vg0.
 * - cut-off: I = Ic fixes Vk = (Ic + Vk0/RL)/(1/Rk + 1/RL) (below Vk0, as Ic < I0, so Vpk > 0); Vgk from Koren's
 *   equation inverted for Ic/n; Vin = Vgk + Vk − Vg0.
 */
export function cathodeFollowerClippingPoints(p: CathodeFollowerParams): CathodeFollowerClippingPoints {
  const bias = cathodeFollowerBiasPoint(p);
  const vk0 = bias.cathodeVolts;
  const rk = p.cathodeResistorOhms;
  const rl = p.loadOhms;

  const gridAtCathode = (vk: number) => korenOperatingPoint(p.tube, p.supplyVolts - vk, 0);
  const gridCurrentCathodeVolts = bracketedNewton(
    (vk) => {
      const op = gridAtCathode(vk);
      return {
        value: p.parallelSections * op.plateCurrentAmps - vk / rk - (vk - vk0) / rl,
        slope: -p.parallelSections * op.plateConductanceSiemens - 1 / rk - 1 / rl,
      };
    },
    (vk0 * rk) / (rk + rl),
    p.supplyVolts,
  );

  const cutoffAmps = FOLLOWER_CUTOFF_FRACTION_OF_QUIESCENT * bias.cathodeCurrentAmps;
  const cutoffVk = (cutoffAmps + vk0 / rl) / (1 / rk + 1 / rl);
  const cutoffVpk = p.supplyVolts - cutoffVk;
  const cutoffVgk = korenGridVoltsForCurrent(p.tube, cutoffVpk, cutoffAmps / p.parallelSections);

  return {
    inputAtGridCurrentVolts: gridCurrentCathodeVolts - p.gridBiasVolts,
    inputAtCutoffVolts: cutoffVgk + cutoffVk - p.gridBiasVolts,
    outputAtCutoffVolts: cutoffVk - vk0,
  };
}

/**
 * The range a widget drives the follower over: FOLLOWER_OVERDRIVE_FACTOR past the nearer clipping point. A grid
 * biased above its cathode at idle (possible at the ranges' corners) has no positive clean range; then only cut-off
 * counts.
 */
export function cathodeFollowerRanges(p: CathodeFollowerParams): StageRanges {
  const { inputAtGridCurrentVolts, inputAtCutoffVolts } = cathodeFollowerClippingPoints(p);
  const distances = [inputAtGridCurrentVolts, -inputAtCutoffVolts].filter((volts) => volts > 0);
  const nearerVolts = distances.length > 0 ? Math.min(...distances) : FALLBACK_INPUT_VOLTS_PEAK;
  const maxInputVoltsPeak = FOLLOWER_OVERDRIVE_FACTOR * nearerVolts;
  const vk0 = cathodeFollowerBiasPoint(p).cathodeVolts;
  return {
    maxInputVoltsPeak,
    outputVoltsRange: [outputAt(p, vk0, -maxInputVoltsPeak), outputAt(p, vk0, maxInputVoltsPeak)],
  };
}

/** The follower as an AmplifierStage: memoryless; the output is the load's voltage, so it idles at 0 V. */
export function cathodeFollower(p: CathodeFollowerParams = CATHODE_FOLLOWER_DEFAULTS): AmplifierStage {
  const vk0 = cathodeFollowerBiasPoint(p).cathodeVolts;
  const transfer = (inputVolts: number) => outputAt(p, vk0, inputVolts);
  return {
    transferVolts: transfer,
    quiescentOutputVolts: transfer(0),
    prepare: () => undefined,
    reset: () => undefined,
    processSample: transfer,
  };
}
