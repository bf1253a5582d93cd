/**
 * A simulated stage's small-signal AC response fitted by a low-order analog filter with real poles: up to two
 * high-pass corners (coupling capacitors), up to two low-pass corners (Miller capacitance, the load's capacitance)
 * and optionally one shelf (a partly bypassed cathode or emitter resistor), times a mid-band gain. The gain is kept
 * apart, so the filter passes the mid-band at unity. Leaves out: complex poles (resonances, which RC stages don't
 * have), and anything outside FIT_LOW_HZ … FIT_HIGH_HZ.
 */
import type { Biquad } from '../biquad';
import { analogToDigitalSections } from '../bilinear';
import type { Rational } from '../impedance';
import { polyMul } from '../polynomial';

/** The AC sweep as the circuit lab's simulation gives it: the gain from input to output at each frequency. */
export interface AcSweep {
  readonly frequency_Hz: readonly number[];
  readonly gainRe: readonly number[];
  readonly gainIm: readonly number[];
}

/** The band the fit follows (ngspice's sweep may go far beyond it, where parasitics no one hears take over). */
export const FIT_LOW_HZ = 2;
export const FIT_HIGH_HZ = 100_000;
/** The band the fit's error is stated over. */
export const ERROR_BAND_HZ = { low: 20, high: 20_000 } as const;

export interface FittedAcResponse {
  /** The gain in the mid-band, signed (negative for an inverting stage). */
  readonly midbandGain: number;
  readonly highPassCornersHz: readonly number[];
  readonly lowPassCornersHz: readonly number[];
  /** A shelf (s + ω_z)/(s + ω_p): unity above both corners, ω_z/ω_p below them. */
  readonly shelf: { readonly zeroHz: number; readonly poleHz: number } | null;
  /** H(s)/midbandGain, s in rad/s: Π s/(s + ω_h) · Π ω_l/(s + ω_l) · (s + ω_z)/(s + ω_p). */
  readonly filter: Rational;
  /** Largest |20·log10|H_fit/H_sim|| over ERROR_BAND_HZ, dB. */
  readonly maxErrorDb: number;
  /** Largest |arg(H_fit/H_sim)| over ERROR_BAND_HZ, degrees. */
  readonly maxPhaseErrorDegrees: number;
}

interface Structure {
  readonly highPass: number;
  readonly lowPass: number;
  readonly shelf: boolean;
}

/** Every structure tried, simplest (fewest corners) first. */
const STRUCTURES: readonly Structure[] = [0, 1, 2, 3, 4, 5, 6].flatMap((corners) =>
  [0, 1, 2].flatMap((highPass) =>
    [0, 1, 2].flatMap((lowPass) =>
      [false, true].filter((shelf) => highPass + lowPass + (shelf ? 2 : 0) === corners).map((shelf) => ({ highPass, lowPass, shelf })),
    ),
  ),
);

/** A simpler structure is kept when its rms error is within this factor of the best one's … */
const ACCEPT_ERROR_FACTOR = 1.25;
/** … or this much above it (nepers/radians rms, ≈ 0.02 dB): what no one hears. */
const ACCEPT_ERROR_MARGIN = 0.002;
const MAX_ITERATIONS = 40;
/** A fit this close (rms nepers/radians, ≈ 0.004 dB) cannot be bettered audibly: more corners don't beat a simpler structure. */
const PERFECT_RMS = 0.0005;
/** Corners are kept within this factor beyond the fitted band (a corner further out does nothing there). */
const CORNER_REACH_FACTOR = 100;

interface Point {
  readonly omega: number;
  readonly logMagnitude: number;
  readonly phaseRad: number;
  readonly weight: number;
}

const wrapRad = (angle: number): number => angle - 2 * Math.PI * Math.round(angle / (2 * Math.PI));

/**
 * ln H(jω) of the model (real part: ln|H|, imaginary: arg H) for parameters [ln|G|, ln ω_h…, ln ω_l…, ln ω_z, ln ω_p]:
 *   s/(s + ω_h): ln ω − ½ln(ω² + ω_h²), π/2 − atan(ω/ω_h);   ω_l/(s + ω_l): ln ω_l − ½ln(ω² + ω_l²), −atan(ω/ω_l);
 *   (s + ω_z)/(s + ω_p): ½ln((ω² + ω_z²)/(ω² + ω_p²)), atan(ω/ω_z) − atan(ω/ω_p).
 */
function modelLog(structure: Structure, sign: number, parameters: readonly number[], omega: number): { re: number; im: number } {
  let re = parameters[0] as number;
  let im = sign < 0 ? Math.PI : 0;
  const omega2 = omega * omega;
  let index = 1;
  for (let k = 0; k < structure.highPass; k++) {
    const corner = Math.exp(parameters[index++] as number);
    re += Math.log(omega) - 0.5 * Math.log(omega2 + corner * corner);
    im += Math.PI / 2 - Math.atan2(omega, corner);
  }
  for (let k = 0; k < structure.lowPass; k++) {
    const corner = Math.exp(parameters[index++] as number);
    re += Math.log(corner) - 0.5 * Math.log(omega2 + corner * corner);
    im -= Math.atan2(omega, corner);
  }
  if (structure.shelf) {
    const zero = Math.exp(parameters[index++] as number);
    const pole = Math.exp(parameters[index++] as number);
    re += 0.5 * Math.log((omega2 + zero * zero) / (omega2 + pole * pole));
    im += Math.atan2(omega, zero) - Math.atan2(omega, pole);
  }
  return { re, im };
}

/**
 * The weighted residuals [re₀, im₀, re₁, im₁, …] and, when asked, their derivatives by each parameter (row per
 * parameter). With c = e^p and D = ω² + c²: ∂/∂p of −½ln D is −c²/D, of −atan(ω/c) is ωc/D, of ln c is 1.
 */
function residuals(structure: Structure, sign: number, parameters: readonly number[], points: readonly Point[], jacobian?: Float64Array[]): Float64Array {
  const r = new Float64Array(2 * points.length);
  points.forEach((point, k) => {
    const model = modelLog(structure, sign, parameters, point.omega);
    r[2 * k] = point.weight * (model.re - point.logMagnitude);
    r[2 * k + 1] = point.weight * wrapRad(model.im - point.phaseRad);
    if (!jacobian) return;
    const omega = point.omega;
    const set = (row: number, dRe: number, dIm: number): void => {
      (jacobian[row] as Float64Array)[2 * k] = point.weight * dRe;
      (jacobian[row] as Float64Array)[2 * k + 1] = point.weight * dIm;
    };
    set(0, 1, 0);
    let index = 1;
    const corner = (): { c2: number; d: number; oc: number } => {
      const c = Math.exp(parameters[index] as number);
      return { c2: c * c, d: omega * omega + c * c, oc: omega * c };
    };
    for (let h = 0; h < structure.highPass; h++, index++) {
      const { c2, d, oc } = corner();
      set(index, -c2 / d, oc / d);
    }
    for (let l = 0; l < structure.lowPass; l++, index++) {
      const { c2, d, oc } = corner();
      set(index, 1 - c2 / d, oc / d);
    }
    if (structure.shelf) {
      const zero = corner();
      set(index, zero.c2 / zero.d, -zero.oc / zero.d);
      index++;
      const pole = corner();
      set(index, -pole.c2 / pole.d, pole.oc / pole.d);
    }
  });
  return r;
}

const sumOfSquares = (r: Float64Array): number => r.reduce((sum, value) => sum + value * value, 0);

/** Solves A·x = b (n × n, row-major) by Gaussian elimination with partial pivoting; null if A is singular. */
function solve(matrix: Float64Array, rhs: Float64Array, n: number): Float64Array | null {
  const a = Float64Array.from(matrix);
  const b = Float64Array.from(rhs);
  for (let column = 0; column < n; column++) {
    let pivot = column;
    for (let row = column + 1; row < n; row++) if (Math.abs(a[row * n + column] as number) > Math.abs(a[pivot * n + column] as number)) pivot = row;
    const pivotValue = a[pivot * n + column] as number;
    if (!(Math.abs(pivotValue) > 1e-300)) return null;
    if (pivot !== column) {
      for (let k = 0; k < n; k++) {
        const held = a[column * n + k] as number;
        a[column * n + k] = a[pivot * n + k] as number;
        a[pivot * n + k] = held;
      }
      const held = b[column] as number;
      b[column] = b[pivot] as number;
      b[pivot] = held;
    }
    for (let row = column + 1; row < n; row++) {
      const factor = (a[row * n + column] as number) / pivotValue;
      for (let k = column; k < n; k++) a[row * n + k] = (a[row * n + k] as number) - factor * (a[column * n + k] as number);
      b[row] = (b[row] as number) - factor * (b[column] as number);
    }
  }
  const x = new Float64Array(n);
  for (let row = n - 1; row >= 0; row--) {
    let sum = b[row] as number;
    for (let k = row + 1; k < n; k++) sum -= (a[row * n + k] as number) * (x[k] as number);
    x[row] = sum / (a[row * n + row] as number);
  }
  return x;
}

/**
 * Levenberg–Marquardt on the weighted complex log error Σ w²·|ln H_model − ln H_sim|² (magnitude in nepers, phase in
 * radians: the natural pair), with the Jacobian in closed form; corners are clamped to [lowest, highest] rad/s.
 */
function levenbergMarquardt(structure: Structure, sign: number, start: readonly number[], points: readonly Point[], lowest: number, highest: number): { parameters: number[]; cost: number } {
  const n = start.length;
  const clamp = (p: number[]): number[] => p.map((value, index) => (index === 0 ? value : Math.min(Math.log(highest), Math.max(Math.log(lowest), value))));
  let parameters = clamp([...start]);
  let r = residuals(structure, sign, parameters, points);
  let cost = sumOfSquares(r);
  let damping = 1e-3;
  for (let iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
    const jacobian = Array.from({ length: n }, () => new Float64Array(r.length));
    residuals(structure, sign, parameters, points, jacobian);
    const normal = new Float64Array(n * n);
    const gradient = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const ji = jacobian[i] as Float64Array;
      for (let k = 0; k < r.length; k++) gradient[i] = (gradient[i] as number) + (ji[k] as number) * (r[k] as number);
      for (let j = 0; j <= i; j++) {
        const jj = jacobian[j] as Float64Array;
        let sum = 0;
        for (let k = 0; k < r.length; k++) sum += (ji[k] as number) * (jj[k] as number);
        normal[i * n + j] = sum;
        normal[j * n + i] = sum;
      }
    }
    let improved = false;
    while (damping < 1e12) {
      const damped = Float64Array.from(normal);
      for (let i = 0; i < n; i++) damped[i * n + i] = (normal[i * n + i] as number) * (1 + damping) + 1e-12;
      const step = solve(damped, gradient.map((g) => -g), n);
      if (step) {
        const trial = clamp(parameters.map((value, index) => value + (step[index] as number)));
        const trialR = residuals(structure, sign, trial, points);
        const trialCost = sumOfSquares(trialR);
        if (trialCost < cost) {
          const relativeGain = (cost - trialCost) / Math.max(cost, 1e-300);
          parameters = trial;
          r = trialR;
          cost = trialCost;
          damping = Math.max(damping / 10, 1e-9);
          improved = relativeGain > 1e-7;
          break;
        }
      }
      damping *= 10;
    }
    if (!improved) break;
  }
  return { parameters, cost };
}

function fitPoints(ac: AcSweep): Point[] {
  const { frequency_Hz: frequencies, gainRe, gainIm } = ac;
  if (frequencies.length !== gainRe.length || frequencies.length !== gainIm.length) {
    throw new RangeError('AC response: need one complex gain per frequency');
  }
  const kept = frequencies.flatMap((f, i) => (f >= FIT_LOW_HZ && f <= FIT_HIGH_HZ ? [i] : []));
  if (kept.length < 8) throw new RangeError(`AC response: need at least 8 frequencies between ${FIT_LOW_HZ} Hz and ${FIT_HIGH_HZ} Hz, got ${kept.length}`);
  const logF = kept.map((i) => Math.log(frequencies[i] as number));
  return kept.map((i, k) => {
    const re = gainRe[i] as number;
    const im = gainIm[i] as number;
    const magnitude = Math.hypot(re, im);
    if (!(magnitude > 0 && Number.isFinite(magnitude))) throw new RangeError(`AC response: the gain at ${frequencies[i]} Hz is ${magnitude}, not a positive number`);
    if (k > 0 && !((logF[k] as number) > (logF[k - 1] as number))) throw new RangeError('AC response: frequencies must rise');
    const before = logF[Math.max(0, k - 1)] as number;
    const after = logF[Math.min(kept.length - 1, k + 1)] as number;
    return { omega: 2 * Math.PI * (frequencies[i] as number), logMagnitude: Math.log(magnitude), phaseRad: Math.atan2(im, re), weight: Math.sqrt((after - before) / 2) };
  });
}

function rationalOf(structure: Structure, parameters: readonly number[]): Rational {
  let num: readonly number[] = [1];
  let den: readonly number[] = [1];
  let index = 1;
  for (let k = 0; k < structure.highPass; k++) {
    const corner = Math.exp(parameters[index++] as number);
    num = polyMul(num, [0, 1]);
    den = polyMul(den, [corner, 1]);
  }
  for (let k = 0; k < structure.lowPass; k++) {
    const corner = Math.exp(parameters[index++] as number);
    num = polyMul(num, [corner]);
    den = polyMul(den, [corner, 1]);
  }
  if (structure.shelf) {
    num = polyMul(num, [Math.exp(parameters[index++] as number), 1]);
    den = polyMul(den, [Math.exp(parameters[index++] as number), 1]);
  }
  return { num, den };
}

/**
 * The fit: for every structure (0–2 high-pass corners, 0–2 low-pass corners, with or without a shelf), a
 * Levenberg–Marquardt fit of ln|G| and the corners' ln ω to the simulated response on a log-frequency grid (each
 * point weighted by the span of ln f it stands for, so each octave counts the same), started from the −3 dB points
 * below and above the peak at up to three spreads (simplest structures first, stopping at one that fits to
 * PERFECT_RMS); then the simplest structure whose rms error is within
 * ACCEPT_ERROR_FACTOR (or ACCEPT_ERROR_MARGIN) of the best one's. The mid-band gain's sign is the sign of the
 * simulated gain's real part at its peak.
 */
export function fitAcResponse(ac: AcSweep): FittedAcResponse {
  const points = fitPoints(ac);
  const peak = points.reduce((best, point) => (point.logMagnitude > best.logMagnitude ? point : best));
  const sign = Math.cos(peak.phaseRad) < 0 ? -1 : 1;
  const halfPower = peak.logMagnitude - 0.5 * Math.log(2);
  const first = points[0] as Point;
  const last = points[points.length - 1] as Point;
  const below = [...points].reverse().find((point) => point.omega < peak.omega && point.logMagnitude < halfPower)?.omega ?? first.omega / 3;
  const above = points.find((point) => point.omega > peak.omega && point.logMagnitude < halfPower)?.omega ?? last.omega * 3;
  const lowest = first.omega / CORNER_REACH_FACTOR;
  const highest = last.omega * CORNER_REACH_FACTOR;
  const shelfCentre = Math.sqrt(first.omega * peak.omega);
  const totalWeight = points.reduce((sum, point) => sum + point.weight * point.weight, 0);

  const fits: { structure: Structure; parameters: number[]; rms: number }[] = [];
  for (const structure of STRUCTURES) {
    let best: { parameters: number[]; cost: number } | null = null;
    for (const spread of [1, 0.5, 2]) {
      if (best && Math.sqrt(best.cost / totalWeight) < PERFECT_RMS) break;
      for (const shelfDirection of structure.shelf ? [1, -1] : [0]) {
        const start = [
          peak.logMagnitude,
          ...new Array<number>(structure.highPass).fill(0).map((_, k) => Math.log(below * spread * 1.5 ** -k)),
          ...new Array<number>(structure.lowPass).fill(0).map((_, k) => Math.log((above / spread) * 1.5 ** k)),
          ...(structure.shelf ? [Math.log(shelfCentre * 3 ** -shelfDirection), Math.log(shelfCentre * 3 ** shelfDirection)] : []),
        ];
        const fit = levenbergMarquardt(structure, sign, start, points, lowest, highest);
        if (!best || fit.cost < best.cost) best = fit;
      }
    }
    const result = best as { parameters: number[]; cost: number };
    fits.push({ structure, parameters: result.parameters, rms: Math.sqrt(result.cost / totalWeight) });
    if (Math.sqrt(result.cost / totalWeight) < PERFECT_RMS) break;
  }
  const bestRms = Math.min(...fits.map((fit) => fit.rms));
  const chosen = fits.find((fit) => fit.rms <= bestRms * ACCEPT_ERROR_FACTOR || fit.rms <= bestRms + ACCEPT_ERROR_MARGIN) as (typeof fits)[number];

  const { structure, parameters } = chosen;
  const cornersHz = parameters.slice(1).map((logOmega) => Math.exp(logOmega) / (2 * Math.PI));
  let maxErrorDb = 0;
  let maxPhaseErrorDegrees = 0;
  const frequencies = ac.frequency_Hz;
  frequencies.forEach((f, i) => {
    if (f < ERROR_BAND_HZ.low || f > ERROR_BAND_HZ.high) return;
    const model = modelLog(structure, sign, parameters, 2 * Math.PI * f);
    const re = ac.gainRe[i] as number;
    const im = ac.gainIm[i] as number;
    maxErrorDb = Math.max(maxErrorDb, Math.abs((20 / Math.LN10) * (model.re - Math.log(Math.hypot(re, im)))));
    maxPhaseErrorDegrees = Math.max(maxPhaseErrorDegrees, Math.abs((180 / Math.PI) * wrapRad(model.im - Math.atan2(im, re))));
  });
  return {
    midbandGain: sign * Math.exp(parameters[0] as number),
    highPassCornersHz: cornersHz.slice(0, structure.highPass).sort((p, q) => p - q),
    lowPassCornersHz: cornersHz.slice(structure.highPass, structure.highPass + structure.lowPass).sort((p, q) => p - q),
    shelf: structure.shelf ? { zeroHz: cornersHz[structure.highPass + structure.lowPass] as number, poleHz: cornersHz[structure.highPass + structure.lowPass + 1] as number } : null,
    filter: rationalOf(structure, parameters),
    maxErrorDb,
    maxPhaseErrorDegrees,
  };
}

/** The fitted filter (unit mid-band gain) as digital sections for a sample rate (analogToDigitalSections). */
export function fittedSections(fit: FittedAcResponse, sampleRateHz: number): Biquad[] {
  return analogToDigitalSections(fit.filter, sampleRateHz);
}
