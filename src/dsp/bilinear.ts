/**
 * Turns an analog transfer function H(s) (a Rational in s, rad/s) into digital second-order sections for one
 * sample rate, matching |H| in dB over the audio band. Leaves out: matching the phase, and the band above ≈ 0.45·fs.
 */
import { type Biquad, biquadResponseAtHz, cascadeResponseAtHz, isStableBiquad } from './biquad';
import { type Complex, ZERO, abs, complex, div, fromPolar } from './complex';
import type { Rational } from './impedance';
import { type Polynomial, polyEvalComplex, polyTrim } from './polynomial';
import { polyFromRoots, polyRoots } from './polynomialRoots';

/** Band in which the digital magnitude is made to match the analog one (weight 1). */
export const MATCH_LOW_HZ = 20;
export const MATCH_HIGH_HZ = 16_000;
/** Above MATCH_HIGH_HZ up to this (or 0.45·fs) the match is kept with a lower weight, so the top octave stays tame. */
export const MATCH_TOP_HZ = 20_000;
/** Roots are pre-warped at their own natural frequency, clamped to this fraction of the sample rate. */
const MAX_PREWARP_FRACTION_OF_FS = 0.45;
/** Skip the refinement when the best start is already this close (max |error| over the main band, dB). */
const GOOD_ENOUGH_DB = 0.02;
/** A design may exceed the analog prototype's largest gain by at most this much anywhere up to Nyquist (dB). */
const PEAK_ALLOWANCE_DB = 0.5;
/** The refinement stops once the max |error| over the main band is this small (dB). */
const REFINED_ENOUGH_DB = 0.02;
/** Cap on Levenberg–Marquardt iterations (the error typically falls below 0.05 dB within three). */
const MAX_REFINE_ITERATIONS = 25;
const DB_PER_NEPER = 20 / Math.LN10;

interface WeightedGrid {
  frequenciesHz: number[];
  weights: number[];
}

/**
 * Log-spaced fitting grid: 20 Hz to 16 kHz (or 0.4·fs) with weight 1; on to 20 kHz (or 0.45·fs) with weight 0.1;
 * a few guard points up to 0.49·fs with weight 0.02, so the response stays near the analog one up to Nyquist.
 */
function matchGrid(sampleRateHz: number): WeightedGrid {
  const mainHighHz = Math.min(MATCH_HIGH_HZ, 0.4 * sampleRateHz);
  const topHz = Math.max(mainHighHz, Math.min(MATCH_TOP_HZ, MAX_PREWARP_FRACTION_OF_FS * sampleRateHz));
  const guardHz = 0.49 * sampleRateHz;
  const frequenciesHz: number[] = [];
  const weights: number[] = [];
  const addSegment = (fromHz: number, toHz: number, points: number, weight: number, includeStart: boolean): void => {
    if (!(toHz > fromHz * 1.001)) return;
    for (let i = includeStart ? 0 : 1; i <= points; i += 1) {
      frequenciesHz.push(fromHz * (toHz / fromHz) ** (i / points));
      weights.push(weight);
    }
  };
  addSegment(Math.min(MATCH_LOW_HZ, mainHighHz / 2), mainHighHz, 99, 1, true);
  addSegment(mainHighHz, topHz, 12, 0.1, false);
  addSegment(topHz, guardHz, 4, 0.02, false);
  return { frequenciesHz, weights };
}

/** H(j2πf) of the analog prototype. */
function analogResponseAtHz(h: Rational, frequencyHz: number): Complex {
  const s = complex(0, 2 * Math.PI * frequencyHz);
  return div(polyEvalComplex(h.num, s), polyEvalComplex(h.den, s));
}

const leading = (p: Polynomial): number => p[p.length - 1] ?? 0;

/** Removes pole–zero pairs that coincide to rounding (e.g. H = N/(N + Zout·D) for a tiny Zout). */
function cancelCoincidentRoots(zeros: Complex[], poles: Complex[]): { zeros: Complex[]; poles: Complex[] } {
  const remainingZeros = [...zeros];
  const remainingPoles: Complex[] = [];
  for (const pole of poles) {
    const index = remainingZeros.findIndex(
      (zero) => Math.hypot(zero.re - pole.re, zero.im - pole.im) <= 1e-9 * Math.max(abs(pole), Number.MIN_VALUE),
    );
    if (index >= 0) remainingZeros.splice(index, 1);
    else remainingPoles.push(pole);
  }
  return { zeros: remainingZeros, poles: remainingPoles };
}

/**
 * Bilinear transform of one root r with its own pre-warping: s = k·(z − 1)/(z + 1), k = ω₀/tan(ω₀/(2·fs)),
 * ω₀ = |r| clamped to 0.45·2π·fs, so the factor (s − r) is exact at ω₀. Then (s − r) = (k − r)(z − r_d)/(z + 1)
 * with r_d = (k + r)/(k − r); a left-half-plane r lands inside the unit circle.
 */
function bilinearRoot(root: Complex, sampleRateHz: number): Complex {
  return bilinearRootWarpedAt(root, sampleRateHz, abs(root));
}

/** Bilinear transform of one root with the pre-warping frequency given (rad/s, clamped to 0.45·2π·fs). */
function bilinearRootWarpedAt(root: Complex, sampleRateHz: number, prewarpRadPerS: number): Complex {
  const maximumRadPerS = MAX_PREWARP_FRACTION_OF_FS * 2 * Math.PI * sampleRateHz;
  const naturalRadPerS = Math.min(prewarpRadPerS, maximumRadPerS);
  const k = naturalRadPerS > 0 ? naturalRadPerS / Math.tan(naturalRadPerS / (2 * sampleRateHz)) : 2 * sampleRateHz;
  return div(complex(k + root.re, root.im), complex(k - root.re, -root.im));
}

/**
 * Matched-z mapping of one root: r_d = e^{r/fs}, which keeps a resonance's frequency and bandwidth exactly. Roots
 * whose imaginary part is near or above Nyquist would alias, so they fall back to the bilinear mapping.
 */
function matchedRoot(root: Complex, sampleRateHz: number): Complex {
  if (Math.abs(root.im) >= MAX_PREWARP_FRACTION_OF_FS * 2 * Math.PI * sampleRateHz) return bilinearRoot(root, sampleRateHz);
  return fromPolar(Math.exp(root.re / sampleRateHz), root.im / sampleRateHz);
}

/** Splits roots of a real polynomial into conjugate pairs (upper member first) and real roots. */
function splitRoots(roots: readonly Complex[]): { pairs: Complex[]; reals: number[] } {
  const pairs = roots.filter((root) => root.im > 0);
  if (roots.filter((root) => root.im < 0).length !== pairs.length) {
    throw new RangeError('analogToDigitalSections: complex roots must come in conjugate pairs');
  }
  return { pairs, reals: roots.filter((root) => root.im === 0).map((root) => root.re) };
}

/** Root groups of one section: a conjugate pair, two real roots, or one real root. */
type RootGroup = Complex[];

function groupRoots(roots: readonly Complex[]): RootGroup[] {
  const { pairs, reals } = splitRoots(roots);
  const groups: RootGroup[] = pairs.map((root) => [root, complex(root.re, -root.im)]);
  const sorted = [...reals].sort((a, b) => Math.abs(b) - Math.abs(a));
  for (let i = 0; i < sorted.length; i += 2) {
    const group = [complex(sorted[i] ?? 0)];
    if (i + 1 < sorted.length) group.push(complex(sorted[i + 1] ?? 0));
    groups.push(group);
  }
  return groups;
}

const groupRadius = (group: RootGroup): number => Math.max(...group.map(abs));

/**
 * Pairs pole groups with zero groups (same order where possible) as scipy's zpk2sos does: poles nearest the unit
 * circle first, each taking the nearest remaining zero group. Only the numerics depend on the pairing.
 */
function pairGroups(poleGroups: RootGroup[], zeroGroups: RootGroup[]): { poles: RootGroup; zeros: RootGroup }[] {
  const poles = [...poleGroups].sort((a, b) => groupRadius(b) - groupRadius(a));
  const zeros = [...zeroGroups];
  return poles.map((poleGroup) => {
    const dominant = poleGroup[0] ?? ZERO;
    let bestIndex = -1;
    let bestScore = Number.POSITIVE_INFINITY;
    zeros.forEach((zeroGroup, index) => {
      const orderPenalty = zeroGroup.length === poleGroup.length ? 0 : 10;
      const distance = Math.min(...zeroGroup.map((zero) => Math.hypot(zero.re - dominant.re, zero.im - dominant.im)));
      if (distance + orderPenalty < bestScore) {
        bestScore = distance + orderPenalty;
        bestIndex = index;
      }
    });
    const zeroGroup = bestIndex >= 0 ? (zeros.splice(bestIndex, 1)[0] ?? []) : [];
    return { poles: poleGroup, zeros: zeroGroup };
  });
}

/** Monic z-polynomial coefficients [1, c1, c2] of Π(1 − rᵢ·z⁻¹), padded to second order. */
function monicSecondOrder(group: RootGroup): [number, number, number] {
  const p = polyFromRoots(group);
  const c0 = p[0] ?? 0;
  if (group.length === 2) return [1, p[1] ?? 0, c0];
  if (group.length === 1) return [1, c0, 0];
  return [1, 0, 0];
}

/** Scales a section's numerator so its magnitude at frequencyHz is 1 (skipped if it is ~0 there). */
function normaliseAt(section: Biquad, frequencyHz: number, sampleRateHz: number): Biquad {
  const magnitude = abs(biquadResponseAtHz(section, frequencyHz, sampleRateHz));
  if (!(magnitude > 1e-9) || !Number.isFinite(magnitude)) return section;
  return { ...section, b0: section.b0 / magnitude, b1: section.b1 / magnitude, b2: section.b2 / magnitude };
}

function scaleNumerator(section: Biquad, gain: number): Biquad {
  return { ...section, b0: section.b0 * gain, b1: section.b1 * gain, b2: section.b2 * gain };
}

/** Digital-minus-analog magnitude in dB on the grid. */
function errorsDb(sections: readonly Biquad[], targetDb: readonly number[], grid: WeightedGrid, sampleRateHz: number): number[] {
  return grid.frequenciesHz.map(
    (frequencyHz, i) => DB_PER_NEPER * Math.log(abs(cascadeResponseAtHz(sections, frequencyHz, sampleRateHz))) - (targetDb[i] ?? 0),
  );
}

/** Multiplies the first section by the gain that centres the error band (minimises the max |error|). */
function centreGain(sections: Biquad[], targetDb: readonly number[], grid: WeightedGrid, sampleRateHz: number): Biquad[] {
  const errors = errorsDb(sections, targetDb, grid, sampleRateHz).filter((_, i) => (grid.weights[i] ?? 0) >= 1);
  const offsetDb = (Math.max(...errors) + Math.min(...errors)) / 2;
  const [first, ...rest] = sections;
  if (first === undefined || !Number.isFinite(offsetDb)) return sections;
  return [scaleNumerator(first, 10 ** (-offsetDb / 20)), ...rest];
}

const maxAbsMainBandError = (errors: readonly number[], grid: WeightedGrid): number =>
  Math.max(0, ...errors.filter((_, i) => (grid.weights[i] ?? 0) >= 1).map(Math.abs));

/** Solves A·x = b (A n×n, row-major) by Gaussian elimination with partial pivoting; null if singular. */
function solveLinear(matrix: number[][], rhs: number[]): number[] | null {
  const n = rhs.length;
  const a = matrix.map((row, i) => [...row, rhs[i] ?? 0]);
  for (let column = 0; column < n; column += 1) {
    let pivotRow = column;
    for (let row = column + 1; row < n; row += 1) {
      if (Math.abs(a[row]?.[column] ?? 0) > Math.abs(a[pivotRow]?.[column] ?? 0)) pivotRow = row;
    }
    const pivot = a[pivotRow];
    const current = a[column];
    if (pivot === undefined || current === undefined) return null;
    const pivotValue = pivot[column] ?? 0;
    if (Math.abs(pivotValue) < 1e-300) return null;
    a[pivotRow] = current;
    a[column] = pivot;
    for (let row = column + 1; row < n; row += 1) {
      const target = a[row];
      if (target === undefined) continue;
      const factor = (target[column] ?? 0) / pivotValue;
      if (factor === 0) continue;
      for (let k = column; k <= n; k += 1) target[k] = (target[k] ?? 0) - factor * (pivot[k] ?? 0);
    }
  }
  const x: number[] = new Array<number>(n).fill(0);
  for (let row = n - 1; row >= 0; row -= 1) {
    const r = a[row];
    if (r === undefined) return null;
    let sum = r[n] ?? 0;
    for (let k = row + 1; k < n; k += 1) sum -= (r[k] ?? 0) * (x[k] ?? 0);
    x[row] = sum / (r[row] ?? 1);
  }
  return x.every(Number.isFinite) ? x : null;
}

const toParameters = (sections: readonly Biquad[]): number[] => sections.flatMap((q) => [q.b0, q.b1, q.b2, q.a1, q.a2]);
const fromParameters = (x: readonly number[]): Biquad[] =>
  Array.from({ length: x.length / 5 }, (_, s) => ({
    b0: x[5 * s] ?? 0,
    b1: x[5 * s + 1] ?? 0,
    b2: x[5 * s + 2] ?? 0,
    a1: x[5 * s + 3] ?? 0,
    a2: x[5 * s + 4] ?? 0,
  }));

/** Keeps every pole a little inside the unit circle (radius² = a2 ≤ 1 − 1e-9 for a complex pair). */
const STABILITY_MARGIN = 1e-9;
function isSafelyStable(q: Biquad): boolean {
  return isStableBiquad(q) && Math.abs(q.a2) <= 1 - STABILITY_MARGIN && Math.abs(q.a1) <= 1 + q.a2 - STABILITY_MARGIN;
}

/** cos/sin of ω and 2ω at each grid frequency, for fast evaluation of |B(e^{jω})|² and |A(e^{jω})|². */
interface GridTrig {
  cos1: Float64Array;
  sin1: Float64Array;
  cos2: Float64Array;
  sin2: Float64Array;
}

function gridTrig(frequenciesHz: readonly number[], sampleRateHz: number): GridTrig {
  const count = frequenciesHz.length;
  const trig: GridTrig = { cos1: new Float64Array(count), sin1: new Float64Array(count), cos2: new Float64Array(count), sin2: new Float64Array(count) };
  frequenciesHz.forEach((frequencyHz, i) => {
    const omega = (2 * Math.PI * frequencyHz) / sampleRateHz;
    trig.cos1[i] = Math.cos(omega);
    trig.sin1[i] = -Math.sin(omega);
    trig.cos2[i] = Math.cos(2 * omega);
    trig.sin2[i] = -Math.sin(2 * omega);
  });
  return trig;
}

/** The cascade's magnitude in dB, for coefficients x (5 per section), at every frequency of trig. */
function cascadeDb(x: readonly number[], trig: GridTrig): number[] {
  const sectionCount = x.length / 5;
  return Array.from(trig.cos1, (c1, i) => {
    const s1 = trig.sin1[i] ?? 0;
    const c2 = trig.cos2[i] ?? 0;
    const s2 = trig.sin2[i] ?? 0;
    let logPower = 0;
    for (let s = 0; s < sectionCount; s += 1) {
      const b0 = x[5 * s] ?? 0;
      const b1 = x[5 * s + 1] ?? 0;
      const b2 = x[5 * s + 2] ?? 0;
      const a1 = x[5 * s + 3] ?? 0;
      const a2 = x[5 * s + 4] ?? 0;
      const bRe = b0 + b1 * c1 + b2 * c2;
      const bIm = b1 * s1 + b2 * s2;
      const aRe = 1 + a1 * c1 + a2 * c2;
      const aIm = a1 * s1 + a2 * s2;
      logPower += Math.log((bRe * bRe + bIm * bIm) / (aRe * aRe + aIm * aIm));
    }
    return 0.5 * DB_PER_NEPER * logPower;
  });
}

/**
 * Frequencies (Hz) at which a design's peak gain is checked: from 10⁻⁴ of Nyquist up on a log grid, plus a linear
 * grid over the top octave, where a fitted design could hide a peak above the fitting band.
 */
function peakCheckFrequencies(sampleRateHz: number): number[] {
  const nyquistHz = sampleRateHz / 2;
  const frequenciesHz: number[] = [];
  for (let i = 0; i <= 120; i += 1) frequenciesHz.push(nyquistHz * 1e-4 ** (1 - i / 120));
  for (let i = 0; i <= 80; i += 1) frequenciesHz.push(nyquistHz * (0.5 + (0.4999 * i) / 80));
  return frequenciesHz;
}

/**
 * Levenberg–Marquardt on all sections' coefficients, minimising Σ wᵢ·(dB_digital(fᵢ) − dB_analog(fᵢ))² over the
 * log grid. Derivatives: ∂ln|B|/∂b_k = Re(e^{−jkω}/B), ∂ln|A|/∂a_k = Re(e^{−jkω}/A). A step is taken only if it
 * lowers the cost and passes isAcceptable (poles inside the unit circle by Jury's stability triangle, no peak above
 * the limit), so the result is never unstable or worse than its start. Stops once the main band is within
 * REFINED_ENOUGH_DB, or after MAX_REFINE_ITERATIONS (four times that while still above 0.05 dB).
 */
function refineMagnitude(
  start: Biquad[],
  targetDb: readonly number[],
  grid: WeightedGrid,
  sampleRateHz: number,
  isAcceptable: (x: readonly number[]) => boolean,
): Biquad[] {
  const count = grid.frequenciesHz.length;
  const trig = gridTrig(grid.frequenciesHz, sampleRateHz);
  const sqrtWeights = grid.weights.map(Math.sqrt);
  const mainBand = grid.weights.map((w) => w >= 1);
  const residuals = (x: readonly number[]): number[] =>
    cascadeDb(x, trig).map((valueDb, i) => (valueDb - (targetDb[i] ?? 0)) * (sqrtWeights[i] ?? 0));
  const cost = (r: readonly number[]): number => r.reduce((sum, value) => sum + value * value, 0);
  const mainBandMaxDb = (r: readonly number[]): number =>
    r.reduce((worst, value, i) => (mainBand[i] ? Math.max(worst, Math.abs(value)) : worst), 0);
  let x = toParameters(start);
  let r = residuals(x);
  let currentCost = cost(r);
  let damping = 1e-3;
  const parameterCount = x.length;
  const sectionCount = start.length;
  const keepGoing = (iteration: number): boolean => {
    const errorDb = mainBandMaxDb(r);
    return errorDb > REFINED_ENOUGH_DB && (iteration < MAX_REFINE_ITERATIONS || (errorDb > 0.05 && iteration < 4 * MAX_REFINE_ITERATIONS));
  };
  for (let iteration = 0; damping < 1e12 && keepGoing(iteration); iteration += 1) {
    const normal = new Float64Array(parameterCount * parameterCount);
    const gradient = new Float64Array(parameterCount);
    const row = new Float64Array(parameterCount);
    for (let i = 0; i < count; i += 1) {
      const c1 = trig.cos1[i] ?? 0;
      const s1 = trig.sin1[i] ?? 0;
      const c2 = trig.cos2[i] ?? 0;
      const s2 = trig.sin2[i] ?? 0;
      const weight = (sqrtWeights[i] ?? 0) * DB_PER_NEPER;
      for (let s = 0; s < sectionCount; s += 1) {
        const b0 = x[5 * s] ?? 0;
        const b1 = x[5 * s + 1] ?? 0;
        const b2 = x[5 * s + 2] ?? 0;
        const a1 = x[5 * s + 3] ?? 0;
        const a2 = x[5 * s + 4] ?? 0;
        const bRe = b0 + b1 * c1 + b2 * c2;
        const bIm = b1 * s1 + b2 * s2;
        const aRe = 1 + a1 * c1 + a2 * c2;
        const aIm = a1 * s1 + a2 * s2;
        const bScale = weight / (bRe * bRe + bIm * bIm);
        const aScale = -weight / (aRe * aRe + aIm * aIm);
        row[5 * s] = bScale * bRe;
        row[5 * s + 1] = bScale * (c1 * bRe + s1 * bIm);
        row[5 * s + 2] = bScale * (c2 * bRe + s2 * bIm);
        row[5 * s + 3] = aScale * (c1 * aRe + s1 * aIm);
        row[5 * s + 4] = aScale * (c2 * aRe + s2 * aIm);
      }
      const residual = r[i] ?? 0;
      for (let p = 0; p < parameterCount; p += 1) {
        const jp = row[p] ?? 0;
        gradient[p] = (gradient[p] ?? 0) - jp * residual;
        const offset = p * parameterCount;
        for (let q = p; q < parameterCount; q += 1) normal[offset + q] = (normal[offset + q] ?? 0) + jp * (row[q] ?? 0);
      }
    }
    const normalMatrix = (damping: number): number[][] =>
      Array.from({ length: parameterCount }, (_, p) =>
        Array.from({ length: parameterCount }, (_, q) => {
          const value = normal[Math.min(p, q) * parameterCount + Math.max(p, q)] ?? 0;
          return p === q ? value * (1 + damping) + 1e-12 : value;
        }),
      );
    let improved = false;
    while (!improved && damping < 1e12) {
      const step = solveLinear(normalMatrix(damping), [...gradient]);
      if (step !== null) {
        const trial = x.map((value, p) => value + (step[p] ?? 0));
        if (isAcceptable(trial)) {
          const trialResiduals = residuals(trial);
          const trialCost = cost(trialResiduals);
          if (Number.isFinite(trialCost) && trialCost < currentCost) {
            const relativeGain = (currentCost - trialCost) / currentCost;
            x = trial;
            r = trialResiduals;
            currentCost = trialCost;
            damping = Math.max(damping / 4, 1e-9);
            improved = true;
            if (relativeGain < 1e-7) return fromParameters(x);
            continue;
          }
        }
      }
      damping *= 5;
    }
  }
  return fromParameters(x);
}

/**
 * Digital sections whose cascade reproduces |H(j2πf)| of an analog, stable, proper H(s) at sampleRateHz.
 *
 * 1. Factor: H(s) = K·Π(s − zᵢ)/Π(s − pᵢ) (Aberth roots); pole–zero pairs that coincide to rounding cancel.
 * 2. Map every root to the z-plane in three ways and keep the best start (smallest max |dB error| over
 *    20 Hz–16 kHz, or to 0.4·fs at low sample rates):
 *    a. bilinear, pre-warped at each root's own natural frequency |r| (clamped to 0.45·fs), so each corner and
 *       resonance factor is exact at its own frequency;
 *    b. matched-z, r_d = e^{r/fs}, which keeps every resonance's frequency and bandwidth;
 *    c. bilinear with one pre-warping frequency (1 kHz) for all roots: the analog response on a warped axis, hence
 *       never louder anywhere up to Nyquist than the analog maximum. It is the safe fallback, and a or b is
 *       accepted only if its gain stays within 0.5 dB of that maximum everywhere up to Nyquist.
 *    Excess poles get zeros at z = −1. Left-half-plane roots land inside the unit circle, so every start is stable.
 * 3. Group conjugate pairs and pairs of real roots into sections (poles nearest the unit circle first, each with
 *    the nearest zeros, as scipy's zpk2sos), normalise each section to unit gain at 1 kHz, and put the overall gain
 *    into the first section, chosen to centre the error band.
 * 4. Warping (a) and aliasing (b) still bend features near the top of the band: a multi-BA IEM's crossover and
 *    tweeter seen through a 100 Ω source change by several dB between 10 and 20 kHz, and the best start misses
 *    by ≈ 1.3 dB there. When the start misses by more than 0.02 dB, a Levenberg–Marquardt fit of all section
 *    coefficients to the analog dB magnitude on a log grid (weight 1 to 16 kHz, 0.1 to 20 kHz or 0.45·fs, 0.02 to
 *    0.49·fs) refines it; steps that would put a pole on or outside the unit circle, or lift the gain anywhere up to
 *    Nyquist above the limit of 2c, are rejected. It typically reaches ≈ 0.02–0.03 dB in a few iterations.
 *
 * A frequency-independent H (e.g. a resistive load: R/(R + Zout)) gives one section with b0 = K: exactly flat.
 * H ≡ 0 gives one all-zero section (Web Audio rejects an all-zero feedforward: mute instead).
 * Throws a RangeError for an improper H (numerator degree above the denominator's) or poles not in the left half-plane.
 */
export function analogToDigitalSections(h: Rational, sampleRateHz: number): Biquad[] {
  if (!Number.isFinite(sampleRateHz) || sampleRateHz <= 0) throw new RangeError(`sampleRateHz must be > 0, got ${sampleRateHz}`);
  const num = polyTrim(h.num);
  const den = polyTrim(h.den);
  if (![...num, ...den].every(Number.isFinite)) throw new RangeError('analogToDigitalSections: coefficients must be finite');
  if (den.length === 0) throw new RangeError('analogToDigitalSections: the denominator is zero');
  if (num.length === 0) return [{ b0: 0, b1: 0, b2: 0, a1: 0, a2: 0 }];
  if (num.length > den.length) throw new RangeError('analogToDigitalSections: H(s) must be proper (deg num ≤ deg den)');
  const gainK = leading(num) / leading(den);
  if (den.length === 1) return [{ b0: gainK, b1: 0, b2: 0, a1: 0, a2: 0 }];

  const { zeros, poles } = cancelCoincidentRoots(polyRoots(num), polyRoots(den));
  if (poles.some((pole) => !(pole.re < 0))) {
    throw new RangeError('analogToDigitalSections: H(s) must be stable (all poles in the left half-plane)');
  }
  if (poles.length === 0) return [{ b0: gainK, b1: 0, b2: 0, a1: 0, a2: 0 }];

  const referenceHz = Math.min(1000, 0.2 * sampleRateHz);
  const grid = matchGrid(sampleRateHz);
  const targetDb = grid.frequenciesHz.map((f) => DB_PER_NEPER * Math.log(abs(analogResponseAtHz({ num, den }, f))));
  const mapAndGroup = (mapRoot: (root: Complex, sampleRateHz: number) => Complex): Biquad[] => {
    const digitalPoles = poles.map((pole) => mapRoot(pole, sampleRateHz));
    const digitalZeros = [
      ...zeros.map((zero) => mapRoot(zero, sampleRateHz)),
      ...new Array<Complex>(poles.length - zeros.length).fill(complex(-1)),
    ];
    return pairGroups(groupRoots(digitalPoles), groupRoots(digitalZeros)).map(({ poles: p, zeros: z }) => {
      const a = monicSecondOrder(p);
      const b = monicSecondOrder(z);
      return normaliseAt({ b0: b[0], b1: b[1], b2: b[2], a1: a[1], a2: a[2] }, referenceHz, sampleRateHz);
    });
  };
  const design = (mapRoot: (root: Complex, sampleRateHz: number) => Complex): Biquad[] =>
    centreGain(mapAndGroup(mapRoot), targetDb, grid, sampleRateHz);
  const errorOf = (candidate: Biquad[]): number => maxAbsMainBandError(errorsDb(candidate, targetDb, grid, sampleRateHz), grid);
  // Start c: its gain is set exactly at referenceHz, where its warping is pinned, so its peak is the analog peak.
  const uniformlyWarped = matchGainAt(
    mapAndGroup((root, fs) => bilinearRootWarpedAt(root, fs, 2 * Math.PI * referenceHz)),
    abs(analogResponseAtHz({ num, den }, referenceHz)),
    referenceHz,
    sampleRateHz,
  );
  const peakTrig = gridTrig(peakCheckFrequencies(sampleRateHz), sampleRateHz);
  const peakGainDb = (x: readonly number[]): number => Math.max(...cascadeDb(x, peakTrig).map((v) => (Number.isNaN(v) ? Infinity : v)));
  const peakLimitDb = peakGainDb(toParameters(uniformlyWarped)) + PEAK_ALLOWANCE_DB;
  const isTameParameters = (x: readonly number[]): boolean =>
    fromParameters(x).every(isSafelyStable) && peakGainDb(x) <= peakLimitDb;
  const isTame = (candidate: Biquad[]): boolean => isTameParameters(toParameters(candidate));
  const candidates = [design(bilinearRoot), design(matchedRoot), uniformlyWarped]
    .filter(isTame)
    .map((candidate) => ({ sections: candidate, errorDb: errorOf(candidate) }))
    .sort((a, b) => a.errorDb - b.errorDb);
  const best = candidates[0] ?? { sections: uniformlyWarped, errorDb: errorOf(uniformlyWarped) };
  let sections = best.sections;
  if (best.errorDb > GOOD_ENOUGH_DB) {
    const refined = centreGain(refineMagnitude(sections, targetDb, grid, sampleRateHz, isTameParameters), targetDb, grid, sampleRateHz);
    if (errorOf(refined) < best.errorDb && isTame(refined)) sections = redistributeGain(refined, referenceHz, sampleRateHz);
  }
  return sections;
}

/** Scales the first section so the cascade's magnitude at frequencyHz equals targetMagnitude. */
function matchGainAt(sections: Biquad[], targetMagnitude: number, frequencyHz: number, sampleRateHz: number): Biquad[] {
  const magnitude = abs(cascadeResponseAtHz(sections, frequencyHz, sampleRateHz));
  const [first, ...rest] = sections;
  if (first === undefined || !(magnitude > 0) || !Number.isFinite(targetMagnitude / magnitude)) return sections;
  return [scaleNumerator(first, targetMagnitude / magnitude), ...rest];
}

/** Renormalises every section to unit gain at referenceHz and moves the product of those gains into the first. */
function redistributeGain(sections: readonly Biquad[], referenceHz: number, sampleRateHz: number): Biquad[] {
  let overall = 1;
  const normalised = sections.map((section) => {
    const magnitude = abs(biquadResponseAtHz(section, referenceHz, sampleRateHz));
    if (!(magnitude > 1e-9) || !Number.isFinite(magnitude)) return section;
    overall *= magnitude;
    return scaleNumerator(section, 1 / magnitude);
  });
  const [first, ...rest] = normalised;
  return first === undefined ? [] : [scaleNumerator(first, overall), ...rest];
}
