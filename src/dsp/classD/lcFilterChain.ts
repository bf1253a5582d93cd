/**
 * The audio view of a class D output filter into a load: H(s) of the LC filter (lcFilter.ts) as digital filter
 * sections for the running sample rate, plus the gain that loudness-matches it to a flat reference (K-weighted, pink
 * noise; ITU-R BS.1770 weighting). The switching carrier itself lies far above hearing and any sample rate, so the
 * audible part of the filter is its response in the audio band. Leaves out: the headphone's acoustics, and the phase.
 *
 * The filter's poles sit near or above the Nyquist frequency of 44.1 or 48 kHz, where a lightly damped pair (a high
 * impedance load) can leave analogToDigitalSections' fit with a smooth error of up to about 2 dB across the band. When
 * it does, one or two FIR sections are added that undo it: their squared magnitude, a cosine series, is fitted to the
 * remaining power error by least squares, then factored to its minimum-phase form.
 */
import { type Biquad, cascadeResponseAtHz } from '../biquad';
import { analogToDigitalSections } from '../bilinear';
import { abs } from '../complex';
import type { Rational } from '../impedance';
import { kWeightedPinkLevelChangeDb } from '../loudness';
import { polyFromRoots, polyRoots } from '../polynomialRoots';
import { type LcFilter, lcFilterResponse, lcFilterResponseDbAtHz } from './lcFilter';

export interface LcFilterChainSpec {
  sections: Biquad[];
  gainDb: number;
}

/** Band where the digital magnitude must follow the analog one, and the error that calls for the correction (dB). */
const FIT_LOW_HZ = 20;
const FIT_HIGH_HZ = 18_000;
const CORRECT_ABOVE_DB = 0.05;
const FIT_POINTS = 160;

function fitGrid(sampleRateHz: number): number[] {
  const highHz = Math.min(FIT_HIGH_HZ, 0.4 * sampleRateHz);
  return Array.from({ length: FIT_POINTS }, (_, i) => FIT_LOW_HZ * (highHz / FIT_LOW_HZ) ** (i / (FIT_POINTS - 1)));
}

/** Digital-minus-analog magnitude on the grid, dB. */
function errorsDb(sections: readonly Biquad[], targetDb: readonly number[], grid: readonly number[], sampleRateHz: number): number[] {
  return grid.map((f, i) => 20 * Math.log10(abs(cascadeResponseAtHz(sections, f, sampleRateHz))) - (targetDb[i] ?? 0));
}

const maxAbs = (values: readonly number[]): number => Math.max(0, ...values.map(Math.abs));

/** Solves A·x = b by Gaussian elimination with partial pivoting; null if singular. */
function solveLinear(matrix: readonly (readonly number[])[], rhs: readonly number[]): number[] | null {
  const n = rhs.length;
  const a = matrix.map((row, i) => [...row, rhs[i] ?? 0]);
  for (let column = 0; column < n; column += 1) {
    let pivotRow = column;
    for (let row = column + 1; row < n; row += 1) if (Math.abs(a[row]?.[column] ?? 0) > Math.abs(a[pivotRow]?.[column] ?? 0)) pivotRow = row;
    const pivot = a[pivotRow];
    const current = a[column];
    if (pivot === undefined || current === undefined || !(Math.abs(pivot[column] ?? 0) > 1e-300)) return null;
    a[pivotRow] = current;
    a[column] = pivot;
    for (let row = column + 1; row < n; row += 1) {
      const target = a[row];
      if (target === undefined) continue;
      const factor = (target[column] ?? 0) / (pivot[column] ?? 1);
      for (let k = column; k <= n; k += 1) target[k] = (target[k] ?? 0) - factor * (pivot[k] ?? 0);
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let row = n - 1; row >= 0; row -= 1) {
    const r = a[row] ?? [];
    let sum = r[n] ?? 0;
    for (let k = row + 1; k < n; k += 1) sum -= (r[k] ?? 0) * (x[k] ?? 0);
    x[row] = sum / (r[row] ?? 1);
  }
  return x.every(Number.isFinite) ? x : null;
}

/**
 * FIR sections (order 2 or 4) whose squared magnitude best matches 10^(−error/10) on the grid: fit
 * P(ω) = c0 + 2·Σ c_k·cos kω by least squares, then keep the roots of z^N·P(z) inside the unit circle (minimum
 * phase) and pair them into sections. Null when P dips to zero or below (no real filter has that magnitude).
 */
function firCorrection(errors: readonly number[], grid: readonly number[], sampleRateHz: number, order: 2 | 4): Biquad[] | null {
  const size = order + 1;
  const normal = Array.from({ length: size }, () => new Array<number>(size).fill(0));
  const rhs = new Array<number>(size).fill(0);
  grid.forEach((f, i) => {
    const w = (2 * Math.PI * f) / sampleRateHz;
    const basis = Array.from({ length: size }, (_, k) => (k === 0 ? 1 : 2 * Math.cos(k * w)));
    const target = 10 ** (-(errors[i] ?? 0) / 10);
    for (let r = 0; r < size; r += 1) {
      rhs[r] = (rhs[r] ?? 0) + (basis[r] ?? 0) * target;
      const row = normal[r] ?? [];
      for (let c = 0; c < size; c += 1) row[c] = (row[c] ?? 0) + (basis[r] ?? 0) * (basis[c] ?? 0);
    }
  });
  const c = solveLinear(normal, rhs);
  if (c === null) return null;
  const powerAt = (w: number): number => c.reduce((sum, ck, k) => sum + (k === 0 ? ck : 2 * ck * Math.cos(k * w)), 0);
  for (let k = 0; k <= 128; k += 1) if (!(powerAt((Math.PI * k) / 128) > 0)) return null;
  // z^N·P(z): coefficients c_N … c_1, c_0, c_1 … c_N (symmetric, so ascending and descending agree)
  const symmetric = [...c.slice(1).reverse(), ...c];
  const inside = polyRoots(symmetric).filter((root) => abs(root) < 1);
  if (inside.length !== order) return null;
  const pairs = inside.filter((root) => root.im > 1e-12);
  const reals = inside.filter((root) => Math.abs(root.im) <= 1e-12);
  const groups = [...pairs.map((root) => [root, { re: root.re, im: -root.im }]), ...Array.from({ length: Math.ceil(reals.length / 2) }, (_, i) => reals.slice(2 * i, 2 * i + 2))];
  const sections = groups.map((group) => {
    const monic = polyFromRoots(group);
    // ascending in z: z² + m1·z + m0 ↔ 1 + m1·z⁻¹ + m0·z⁻² (a single root: z + m0 ↔ 1 + m0·z⁻¹)
    return group.length === 2
      ? { b0: 1, b1: monic[1] ?? 0, b2: monic[0] ?? 0, a1: 0, a2: 0 }
      : { b0: 1, b1: monic[0] ?? 0, b2: 0, a1: 0, a2: 0 };
  });
  const dc = abs(cascadeResponseAtHz(sections, 0, sampleRateHz));
  const [first, ...rest] = sections;
  if (first === undefined || !(dc > 0)) return null;
  const scale = Math.sqrt(powerAt(0)) / dc;
  return [{ ...first, b0: first.b0 * scale, b1: first.b1 * scale, b2: first.b2 * scale }, ...rest];
}

/** Sections realising H(s) = Zp/(sL + Zp) at `sampleRateHz`, and the gain that undoes its K-weighted loudness change. */
export function lcFilterChain(load: Rational, filter: LcFilter, sampleRateHz: number): LcFilterChainSpec {
  let sections = analogToDigitalSections(lcFilterResponse(load, filter), sampleRateHz);
  const grid = fitGrid(sampleRateHz);
  const targetDb = grid.map((f) => lcFilterResponseDbAtHz(load, filter, f));
  const errors = errorsDb(sections, targetDb, grid, sampleRateHz);
  if (maxAbs(errors) > CORRECT_ABOVE_DB) {
    let best = { sections, errorDb: maxAbs(errors) };
    for (const order of [2, 4] as const) {
      const correction = firCorrection(errors, grid, sampleRateHz, order);
      if (correction === null) continue;
      const corrected = [...sections, ...correction];
      const errorDb = maxAbs(errorsDb(corrected, targetDb, grid, sampleRateHz));
      if (errorDb < best.errorDb) best = { sections: corrected, errorDb };
    }
    sections = best.sections;
  }
  const levelChangeDb = kWeightedPinkLevelChangeDb((frequencyHz) => lcFilterResponseDbAtHz(load, filter, frequencyHz), sampleRateHz);
  return { sections, gainDb: -levelChangeDb };
}
