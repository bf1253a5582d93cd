// Exact binomial arithmetic for blind listening tests (ABX): p-values, pass criteria, the chance of missing
// a real difference, and a plain-language verdict. Leaves out normal approximations, two-sided tests, and priors.

/** Below this a power p^k or (1 − p)^(n−k) is near double underflow, so the pmf is taken in log space. */
const UNDERFLOW_GUARD = 1e-280;

/** Largest integer a double holds exactly: 2⁵³. */
const EXACT_INTEGER_LIMIT = 2 ** 53;

function assertTrialCount(n: number, name: string): void {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`${name} must be a non-negative integer, got ${n}`);
}

function assertProbability(p: number, name: string): void {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`${name} must lie in [0, 1], got ${p}`);
}

/**
 * C(n, k) = n! / (k! (n − k)!), by the multiplicative form C = ∏_{i=1..k} (n − k + i) / i with k ≤ n − k.
 * Each partial product is itself the integer C(n − k + i, i), so the result is exact while it stays below
 * 2⁵³; beyond that (e.g. C(60, 30)) it is the nearest double to within about k rounding errors. Finite for
 * n ≤ 1029; C(1000, 500) ≈ 2.7·10²⁹⁹. Returns 0 for k < 0 or k > n.
 */
export function binomialCoefficient(n: number, k: number): number {
  assertTrialCount(n, 'n');
  if (!Number.isInteger(k)) throw new RangeError(`k must be an integer, got ${k}`);
  if (k < 0 || k > n) return 0;
  const m = Math.min(k, n - k);
  let c = 1;
  for (let i = 1; i <= m; i++) c = (c * (n - m + i)) / i;
  return c < EXACT_INTEGER_LIMIT ? Math.round(c) : c;
}

/** ln C(n, k) as a sum of logarithms, for terms whose direct product would underflow. */
function logBinomialCoefficient(n: number, k: number): number {
  const m = Math.min(k, n - k);
  let sum = 0;
  for (let i = 1; i <= m; i++) sum += Math.log((n - m + i) / i);
  return sum;
}

/**
 * P(X = k) for X ~ Binomial(n, p): C(n, k) p^k (1 − p)^(n−k). Computed directly (exact for p = 1/2 and
 * n ≤ 53 or so, since every factor is dyadic), or in log space when a power would underflow.
 */
export function binomialPmf(n: number, k: number, p: number): number {
  assertTrialCount(n, 'n');
  if (!Number.isInteger(k)) throw new RangeError(`k must be an integer, got ${k}`);
  assertProbability(p, 'p');
  if (k < 0 || k > n) return 0;
  if (p === 0) return k === 0 ? 1 : 0;
  if (p === 1) return k === n ? 1 : 0;
  const c = binomialCoefficient(n, k);
  const successPower = p ** k;
  const failurePower = (1 - p) ** (n - k);
  if (Number.isFinite(c) && successPower > UNDERFLOW_GUARD && failurePower > UNDERFLOW_GUARD) {
    return c * successPower * failurePower;
  }
  return Math.exp(logBinomialCoefficient(n, k) + k * Math.log(p) + (n - k) * Math.log1p(-p));
}

/** P(X ≥ k), summed from the smallest term (j = n) upward; 0 when k > n, 1 when k ≤ 0. */
function upperTail(n: number, k: number, p: number): number {
  let sum = 0;
  for (let j = n; j >= Math.max(k, 0); j--) sum += binomialPmf(n, j, p);
  return Math.min(sum, 1);
}

/** P(X < k) = Σ_{j<k} P(X = j), summed directly rather than as 1 − P(X ≥ k) to keep small values accurate. */
function lowerTailBelow(n: number, k: number, p: number): number {
  let sum = 0;
  for (let j = Math.min(k, n + 1) - 1; j >= 0; j--) sum += binomialPmf(n, j, p);
  return Math.min(sum, 1);
}

/**
 * One-sided binomial p-value of an ABX score: P(X ≥ correct) when every answer is a guess that is right with
 * probability `chance` (1/2 for ABX). Clark (JAES 1982): 12 of 16 → Σ_{j=12..16} C(16, j) / 2¹⁶ = 2517/65536 ≈ 0.038.
 */
export function oneSidedPValue(correct: number, trials: number, chance = 0.5): number {
  assertTrialCount(trials, 'trials');
  assertTrialCount(correct, 'correct');
  if (correct > trials) throw new RangeError(`correct (${correct}) exceeds trials (${trials})`);
  assertProbability(chance, 'chance');
  return upperTail(trials, correct, chance);
}

/**
 * Pass mark: the smallest k with P(X ≥ k | guessing) ≤ alpha. 16 trials at α = 0.05 → 12 (P = 0.038; 11
 * gives 0.105). Returns trials + 1 when no score is rare enough (e.g. 3 trials: even 3/3 has P = 1/8).
 */
export function criticalCorrect(trials: number, alpha = 0.05, chance = 0.5): number {
  assertTrialCount(trials, 'trials');
  assertProbability(alpha, 'alpha');
  assertProbability(chance, 'chance');
  let tail = 0;
  for (let k = trials; k >= 0; k--) {
    tail += binomialPmf(trials, k, chance);
    if (tail > alpha) return k + 1;
  }
  return 0;
}

/**
 * Type II error (Leventhal, JAES 1986): the probability that a listener who really is right with probability
 * `trueRate` still scores below the pass mark, P(X < criticalCorrect(trials, alpha)) for X ~ Binomial(trials,
 * trueRate). 16 trials, α = 0.05 (pass at 12), trueRate 0.6 → 0.833.
 */
export function missProbability(trials: number, trueRate: number, alpha = 0.05): number {
  assertProbability(trueRate, 'trueRate');
  return lowerTailBelow(trials, criticalCorrect(trials, alpha), trueRate);
}

/**
 * Smallest number of trials whose miss probability for a `trueRate` listener is at most 1 − power, or null if
 * none up to maxTrials. Scans every n because the miss probability is not monotone in n: the pass mark moves
 * in whole steps, so it saw-tooths downward.
 */
export function trialsNeeded(trueRate: number, alpha = 0.05, power = 0.8, maxTrials = 400): number | null {
  assertProbability(trueRate, 'trueRate');
  assertProbability(power, 'power');
  assertTrialCount(maxTrials, 'maxTrials');
  for (let n = 1; n <= maxTrials; n++) {
    if (missProbability(n, trueRate, alpha) <= 1 - power) return n;
  }
  return null;
}

/** p to two significant figures ("0.038", "0.60"), or "< 0.001". */
export function formatPValue(p: number): string {
  if (p < 0.001) return '< 0.001';
  return p >= 0.1 ? p.toFixed(2) : p.toPrecision(2);
}

/** "about 4 times in 100", "about once in 1000", "less than once in 1000", "more than 99 times in 100". */
function describeFrequency(p: number): string {
  if (p >= 1) return 'every time';
  if (p > 0.99) return 'more than 99 times in 100';
  if (p < 0.001) return 'less than once in 1000';
  const per = p >= 0.01 ? 100 : 1000;
  const count = Math.round(p * per);
  return `about ${count === 1 ? 'once' : `${count} times`} in ${per}`;
}

/** The listener rate and significance level the verdict uses to illustrate a miss. */
const ILLUSTRATIVE_TRUE_RATE = 0.6;
const SIGNIFICANCE_LEVEL = 0.05;
/** Fewest trials in which a perfect score passes at α = 0.05: 2⁻⁵ = 0.031 ≤ 0.05 < 2⁻⁴. */
const ABX_MIN_PASSABLE_TRIALS = 5;

/**
 * Plain-language result of an ABX run, judged one-sided at α = 0.05. The verdict says what the p-value is
 * (how often guessing does this well) and, for a fail, how often a listener right 60% of the time would fail
 * too. The caveat says what p is not: the probability of guessing, or the size of the difference.
 */
export function describeAbxResult(
  correct: number,
  trials: number,
): { pValue: number; significant: boolean; verdict: string; caveat: string } {
  const caveat =
    'The p-value is how often pure guessing would score at least this well. It is not the probability that you were ' +
    'guessing, and it says nothing about how large the difference is. Guessing alone passes about 1 test in 20, so a ' +
    'single pass after several tries is weak evidence.';
  if (trials === 0) {
    return { pValue: 1, significant: false, verdict: 'No trials answered, so there is nothing to judge yet.', caveat };
  }
  const pValue = oneSidedPValue(correct, trials);
  const significant = pValue <= SIGNIFICANCE_LEVEL;
  const pText = formatPValue(pValue);
  const head = `${correct} of ${trials} correct: p ${pText.startsWith('<') ? pText : `= ${pText}`}.`;
  const frequency = `Guessing would score this well or better ${describeFrequency(pValue)}`;
  if (significant) {
    return { pValue, significant, verdict: `${head} ${frequency}, so this is evidence you heard a difference.`, caveat };
  }
  const missed = missProbability(trials, ILLUSTRATIVE_TRUE_RATE, SIGNIFICANCE_LEVEL);
  const percent = Math.round(ILLUSTRATIVE_TRUE_RATE * 100);
  let verdict =
    `${head} ${frequency}, so this is consistent with guessing. It does not prove there is no difference: with ` +
    `${trials} trials, a listener right ${percent}% of the time fails this test ${describeFrequency(missed)}.`;
  if (criticalCorrect(trials, SIGNIFICANCE_LEVEL) > trials) {
    verdict += ` With only ${trials} trials not even a perfect score could pass; ${ABX_MIN_PASSABLE_TRIALS} is the fewest that can.`;
  }
  const belowChance = lowerTailBelow(trials, correct + 1, 0.5);
  if (belowChance <= SIGNIFICANCE_LEVEL) {
    verdict +=
      ` Scoring this far below half is itself unlikely by guessing (${describeFrequency(belowChance)}): you may ` +
      'hear a difference but be matching X to the wrong letter.';
  }
  return { pValue, significant, verdict, caveat };
}
