/**
 * A triode common-cathode stage with an unbypassed cathode resistor, solved exactly at every input voltage with
 * Koren's model: the plate voltage (to ground) as a function of the grid voltage. Leaves out: grid current (the
 * grid draws nothing even above the cathode — a real stage clips there through its source impedance), the load
 * on the plate through its coupling capacitor (AC only, so not part of this DC curve), the grid leak (the input
 * drives the grid directly), the supply's own resistance and sag, capacitances and so frequency response.
 */
import {
  type KorenTriode,
  KOREN_12AU7,
  KOREN_12AX7,
  bracketedNewton,
  korenGridVoltsForCurrent,
  korenOperatingPoint,
} from './koren';
import type { AmplifierStage, StageRanges } from './stage';

export interface TriodeStageParams {
  readonly tube: KorenTriode;
  /** B+, the plate supply, to ground. */
  readonly supplyVolts: number;
  /** Ra, from B+ to the plate. */
  readonly plateResistorOhms: number;
  /** Rk, from the cathode to ground, unbypassed (local feedback). */
  readonly cathodeResistorOhms: number;
}

/**
 * Typical designs, one per tube. Neither is a specific published circuit; say "a typical design" in a lesson.
 * - 12AX7: Ra 100 kΩ, Rk 1.5 kΩ — the pair common in guitar-amp preamps (Fender and Marshall use it, with Rk
 *   usually bypassed; [verify] against a named schematic before a lesson cites one), here unbypassed at B+ 250 V.
 *   Idles at 0.80 mA, plate 170 V, Vgk −1.2 V; gain −31.6.
 * - 12AU7: Ra 22 kΩ, Rk 1 kΩ at B+ 250 V — our own choice, so the plate idles near the middle of the supply at a
 *   few milliamperes, as the low-µ, low-rp 12AU7 wants a smaller plate resistor than the 12AX7. Idles at 4.8 mA,
 *   plate 144 V, Vgk −4.8 V; gain −7.9.
 */
export const TRIODE_STAGE_DESIGNS = {
  '12AX7': { tube: KOREN_12AX7, supplyVolts: 250, plateResistorOhms: 100_000, cathodeResistorOhms: 1500 },
  '12AU7': { tube: KOREN_12AU7, supplyVolts: 250, plateResistorOhms: 22_000, cathodeResistorOhms: 1000 },
} as const satisfies Record<string, TriodeStageParams>;

export const TRIODE_STAGE_DEFAULTS: TriodeStageParams = TRIODE_STAGE_DESIGNS['12AU7'];

/** Ranges for a widget's controls; the model returns finite numbers everywhere inside them. */
export const SUPPLY_RANGE_VOLTS = { min: 100, max: 400 } as const;
export const PLATE_RESISTOR_RANGE_OHMS = { min: 10_000, max: 220_000 } as const;
export const CATHODE_RESISTOR_RANGE_OHMS = { min: 220, max: 10_000 } as const;

/** The cut-off convention: Koren's current never reaches zero, so "cut off" means down to 1% of its idle value. */
export const CUTOFF_FRACTION_OF_QUIESCENT = 0.01;
/** How far past the first clipping point a widget's input range goes. */
export const OVERDRIVE_FACTOR = 1.5;
/** Step for the numerical derivative of the transfer curve (central difference; error ∝ step²). */
const DERIVATIVE_STEP_VOLTS = 1e-4;
/** Inputs beyond ±1 MV (and NaN, read as 0) are clamped: the curve is flat long before. */
const INPUT_LIMIT_VOLTS = 1e6;

function assertParams(p: TriodeStageParams): void {
  const values = [p.supplyVolts, p.plateResistorOhms, p.cathodeResistorOhms];
  if (!values.every((v) => Number.isFinite(v) && v > 0)) {
    throw new RangeError('triodeStage: supplyVolts, plateResistorOhms and cathodeResistorOhms must be finite and > 0');
  }
}

/** The largest current the circuit allows: the tube a short, B+ across Ra + Rk. */
function maxCurrentAmps(p: TriodeStageParams): number {
  return p.supplyVolts / (p.plateResistorOhms + p.cathodeResistorOhms);
}

/**
 * The plate current at one input (grid) voltage. The circuit's two equations, with Ra and Rk in series,
 *   Vpk = B+ − Ip·(Ra + Rk),   Vgk = Vin − Ip·Rk,   Ip = Ikoren(Vpk, Vgk),
 * reduce to F(Ip) = Ip − Ikoren(B+ − Ip·(Ra + Rk), Vin − Ip·Rk) = 0. F rises strictly with Ip (Koren's current
 * rises with both voltages, and both fall as Ip rises), F(0) ≤ 0 and F(B+/(Ra + Rk)) > 0 (no plate voltage, no
 * current), so there is exactly one root in that bracket; F′ = 1 + (Ra + Rk)/rp + Rk·gm feeds the Newton steps.
 */
export function plateCurrentAmps(p: TriodeStageParams, inputVolts: number, guessAmps = Number.NaN): number {
  const rSeries = p.plateResistorOhms + p.cathodeResistorOhms;
  const hi = maxCurrentAmps(p);
  const vin = Number.isNaN(inputVolts) ? 0 : Math.min(Math.max(inputVolts, -INPUT_LIMIT_VOLTS), INPUT_LIMIT_VOLTS);
  const residual = (ip: number) => {
    const op = korenOperatingPoint(p.tube, p.supplyVolts - ip * rSeries, vin - ip * p.cathodeResistorOhms);
    return {
      value: ip - op.plateCurrentAmps,
      slope: 1 + rSeries * op.plateConductanceSiemens + p.cathodeResistorOhms * op.transconductanceSiemens,
    };
  };
  if (residual(0).value >= 0) return 0;
  return bracketedNewton(residual, 0, hi, 0, guessAmps);
}

/**
 * The plate voltage to ground for a steady input voltage: Vp = B+ − Ip·Ra. guessAmps (optional) only speeds the
 * solver up; the result is the same root to within a few units in the last place.
 */
export function transferVolts(p: TriodeStageParams, inputVolts: number, guessAmps = Number.NaN): number {
  return p.supplyVolts - plateCurrentAmps(p, inputVolts, guessAmps) * p.plateResistorOhms;
}

export interface TriodeBiasPoint {
  readonly plateCurrentAmps: number;
  /** Plate to ground. */
  readonly plateVolts: number;
  /** Cathode to ground, Ip·Rk. */
  readonly cathodeVolts: number;
  /** −Ip·Rk: the self-bias the cathode resistor develops. */
  readonly gridToCathodeVolts: number;
  readonly plateToCathodeVolts: number;
  /** Vpk·Ip, against the tube's rated plate dissipation (12AX7 1 W, 12AU7 2.75 W per section [verify]). */
  readonly plateDissipationWatts: number;
}

/** The idle operating point, at input 0. */
export function triodeBiasPoint(p: TriodeStageParams): TriodeBiasPoint {
  assertParams(p);
  const ip = plateCurrentAmps(p, 0);
  const plateVolts = p.supplyVolts - ip * p.plateResistorOhms;
  const cathodeVolts = ip * p.cathodeResistorOhms;
  return {
    plateCurrentAmps: ip,
    plateVolts,
    cathodeVolts,
    gridToCathodeVolts: -cathodeVolts,
    plateToCathodeVolts: plateVolts - cathodeVolts,
    plateDissipationWatts: (plateVolts - cathodeVolts) * ip,
  };
}

/**
 * dVp/dVin at the bias point, by central difference of the solved transfer curve. Negative: the stage inverts.
 * It matches the textbook A = −µ·Ra/(Ra + rp + (µ + 1)·Rk) with µ and rp taken at the bias point.
 */
export function smallSignalGain(p: TriodeStageParams): number {
  assertParams(p);
  const h = DERIVATIVE_STEP_VOLTS;
  return (transferVolts(p, h) - transferVolts(p, -h)) / (2 * h);
}

export interface TriodeClippingPoints {
  /** The input at which the grid reaches the cathode (Vgk = 0), where a real grid starts to draw current. */
  readonly inputAtGridCurrentVolts: number;
  /** The input at which the plate current falls to CUTOFF_FRACTION_OF_QUIESCENT of its idle value. */
  readonly inputAtCutoffVolts: number;
}

/**
 * Both ends of the clean range, solved directly rather than searched along the curve:
 * - Vgk = 0: Ip solves Ip = Ikoren(B+ − Ip·(Ra + Rk), 0), and then Vin = Ip·Rk.
 * - cut-off: Ip = Ic (1% of idle) fixes Vpk = B+ − Ic·(Ra + Rk); Vgk from Koren's equation inverted for Ic;
 *   Vin = Vgk + Ic·Rk.
 */
export function triodeClippingPoints(p: TriodeStageParams): TriodeClippingPoints {
  assertParams(p);
  const rSeries = p.plateResistorOhms + p.cathodeResistorOhms;
  const hi = maxCurrentAmps(p);
  const gridCurrentIp = bracketedNewton(
    (ip) => {
      const op = korenOperatingPoint(p.tube, p.supplyVolts - ip * rSeries, 0);
      return { value: ip - op.plateCurrentAmps, slope: 1 + rSeries * op.plateConductanceSiemens };
    },
    0,
    hi,
  );

  const cutoffIp = CUTOFF_FRACTION_OF_QUIESCENT * plateCurrentAmps(p, 0);
  const cutoffVpk = p.supplyVolts - cutoffIp * rSeries;
  const cutoffVgk = korenGridVoltsForCurrent(p.tube, cutoffVpk, cutoffIp);
  return {
    inputAtGridCurrentVolts: gridCurrentIp * p.cathodeResistorOhms,
    inputAtCutoffVolts: cutoffVgk + cutoffIp * p.cathodeResistorOhms,
  };
}

/**
 * The range a widget drives the stage over: OVERDRIVE_FACTOR times the distance from 0 to the nearer clipping
 * point (for the designs above, the grid reaching the cathode), so the first clipping shows at two thirds of the
 * range; the output range is the plate's swing over it.
 */
export function triodeStageRanges(p: TriodeStageParams): StageRanges {
  const { inputAtGridCurrentVolts, inputAtCutoffVolts } = triodeClippingPoints(p);
  const maxInputVoltsPeak = OVERDRIVE_FACTOR * Math.min(inputAtGridCurrentVolts, -inputAtCutoffVolts);
  const low = transferVolts(p, maxInputVoltsPeak);
  const high = transferVolts(p, -maxInputVoltsPeak);
  return { maxInputVoltsPeak, outputVoltsRange: [low, high] };
}

/** The stage as an AmplifierStage: memoryless, so prepare and reset have nothing to do. */
export function triodeStage(p: TriodeStageParams = TRIODE_STAGE_DEFAULTS): AmplifierStage {
  assertParams(p);
  const biasAmps = plateCurrentAmps(p, 0);
  const transfer = (inputVolts: number) => transferVolts(p, inputVolts, biasAmps);
  return {
    transferVolts: transfer,
    quiescentOutputVolts: transfer(0),
    prepare: () => undefined,
    reset: () => undefined,
    processSample: transfer,
  };
}
