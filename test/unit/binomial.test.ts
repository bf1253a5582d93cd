// Exact binomial statistics of ABX listening tests, checked against sums of binomial terms written out here.
// Leaves out the wording of verdicts beyond the numbers and claims they must carry.
import { describe, expect, it } from 'vitest';
import {
  binomialCoefficient,
  binomialPmf,
  criticalCorrect,
  describeAbxResult,
  formatPValue,
  missProbability,
  oneSidedPValue,
  trialsNeeded,
} from '../../src/dsp/binomial';

/** C(n, k) in exact integer arithmetic, independent of the code under test. */
function exactBinomial(n: number, k: number): bigint {
  let c = 1n;
  for (let i = 1n; i <= BigInt(k); i++) c = (c * (BigInt(n - k) + i)) / i;
  return c;
}

/** Row 16 of Pascal's triangle, C(16, 0) … C(16, 16), as printed in tables. */
const ROW_16 = [1, 16, 120, 560, 1820, 4368, 8008, 11440, 12870, 11440, 8008, 4368, 1820, 560, 120, 16, 1];
const TWO_TO_16 = 65536;

describe('binomial coefficients', () => {
  it('C(16, 12) is 16·15·14·13 / 4! = 1820 and row 16 matches the printed triangle', () => {
    expect(binomialCoefficient(16, 12)).toBe((16 * 15 * 14 * 13) / (4 * 3 * 2 * 1));
    expect(binomialCoefficient(16, 12)).toBe(1820);
    ROW_16.forEach((c, k) => expect(binomialCoefficient(16, k)).toBe(c));
  });

  it('is exact and obeys Pascal’s rule C(n, k) = C(n−1, k−1) + C(n−1, k) while below 2⁵³', () => {
    for (let n = 1; n <= 50; n++) {
      for (let k = 0; k <= n; k++) {
        expect(binomialCoefficient(n, k)).toBe(Number(exactBinomial(n, k)));
        if (k >= 1 && k <= n - 1) {
          expect(binomialCoefficient(n, k)).toBe(binomialCoefficient(n - 1, k - 1) + binomialCoefficient(n - 1, k));
        }
      }
    }
  });

  it('stays within 1e-12 relative of the exact integer up to n = 1000, and is 0 outside 0 ≤ k ≤ n', () => {
    for (const [n, k] of [[60, 30], [200, 77], [1000, 500], [1000, 3]] as const) {
      const exact = Number(exactBinomial(n, k));
      expect(Math.abs(binomialCoefficient(n, k) - exact) / exact).toBeLessThan(1e-12);
    }
    expect(binomialCoefficient(10, -1)).toBe(0);
    expect(binomialCoefficient(10, 11)).toBe(0);
  });
});

describe('binomial probabilities', () => {
  it('P(X = 12) for 16 fair guesses is 1820 / 2¹⁶', () => {
    expect(binomialPmf(16, 12, 0.5)).toBe(1820 / TWO_TO_16);
  });

  it('sums to 1 over k = 0…n for any n and p', () => {
    for (const n of [1, 16, 101, 400]) {
      for (const p of [0.1, 0.5, 0.6, 0.93]) {
        let sum = 0;
        for (let k = 0; k <= n; k++) sum += binomialPmf(n, k, p);
        expect(sum).toBeCloseTo(1, 12);
      }
    }
  });

  it('keeps terms whose powers underflow: P(X = 500 | 1000, 0.1) = C(1000,500)·0.1⁵⁰⁰·0.9⁵⁰⁰ ≈ 3.6e−224', () => {
    const log10Expected = Math.log10(Number(exactBinomial(1000, 500))) + 500 * Math.log10(0.1) + 500 * Math.log10(0.9);
    expect(Math.log10(binomialPmf(1000, 500, 0.1))).toBeCloseTo(log10Expected, 9);
  });

  it('is certain at p = 0 or 1 and zero outside the support', () => {
    expect(binomialPmf(16, 0, 0)).toBe(1);
    expect(binomialPmf(16, 16, 1)).toBe(1);
    expect(binomialPmf(16, 15, 1)).toBe(0);
    expect(binomialPmf(16, 17, 0.5)).toBe(0);
  });
});

describe('one-sided p-values of ABX scores', () => {
  it('12 of 16 gives (1820 + 560 + 120 + 16 + 1) / 2¹⁶ = 2517/65536 ≈ 0.038 (Clark 1982)', () => {
    const upperRow = 1820 + 560 + 120 + 16 + 1;
    expect(upperRow).toBe(2517);
    expect(oneSidedPValue(12, 16)).toBe(upperRow / TWO_TO_16);
    expect(oneSidedPValue(12, 16)).toBeCloseTo(0.0384, 4);
  });

  it('16 of 16 gives 2⁻¹⁶ and 0 of 16 gives 1', () => {
    expect(oneSidedPValue(16, 16)).toBe(1 / TWO_TO_16);
    expect(oneSidedPValue(0, 16)).toBe(1);
  });

  it('8 of 16 gives (2¹⁶ + C(16, 8)) / 2 / 2¹⁶ = 39203/65536 ≈ 0.5982 by the symmetry of the row', () => {
    const handSum = ROW_16.slice(8).reduce((a, b) => a + b, 0);
    expect(handSum).toBe((TWO_TO_16 + 12870) / 2);
    expect(oneSidedPValue(8, 16)).toBe(handSum / TWO_TO_16);
    expect(oneSidedPValue(8, 16)).toBeCloseTo(0.5982, 4);
  });

  it('uses the chance rate given: 5 of 5 in a one-in-three test is 3⁻⁵', () => {
    expect(oneSidedPValue(5, 5, 1 / 3)).toBeCloseTo(1 / 243, 15);
  });

  it('rejects more correct answers than trials', () => {
    expect(() => oneSidedPValue(17, 16)).toThrow(RangeError);
  });
});

describe('pass marks', () => {
  it('16 trials at α = 0.05 need 12: 12 gives 2517/65536 = 0.038, 11 gives 6885/65536 = 0.105', () => {
    expect((2517 + 4368) / TWO_TO_16).toBeGreaterThan(0.05);
    expect(criticalCorrect(16)).toBe(12);
  });

  it('16 trials at α = 0.01 need 14, not 13: 13 gives 697/65536 = 0.0106 > 0.01, 14 gives 137/65536 = 0.0021', () => {
    expect((560 + 120 + 16 + 1) / TWO_TO_16).toBeGreaterThan(0.01);
    expect((120 + 16 + 1) / TWO_TO_16).toBeLessThanOrEqual(0.01);
    expect(criticalCorrect(16, 0.01)).toBe(14);
  });

  it('is the smallest score whose p-value is at most α, for every trial count up to 64', () => {
    for (let n = 5; n <= 64; n++) {
      const k = criticalCorrect(n);
      expect(oneSidedPValue(k, n)).toBeLessThanOrEqual(0.05);
      expect(oneSidedPValue(k - 1, n)).toBeGreaterThan(0.05);
    }
  });

  it('is beyond reach (trials + 1) when even a perfect score is too likely by chance: 2⁻⁴ = 0.0625 > 0.05', () => {
    expect(criticalCorrect(4)).toBe(5);
    expect(criticalCorrect(5)).toBe(5);
    expect(missProbability(4, 0.99)).toBe(1);
  });
});

describe('missing a real difference (Leventhal)', () => {
  it('16 trials, pass at 12, a listener right 60% of the time fails with probability 0.8334 ≈ 0.83', () => {
    // P(X ≥ 12 | 16, 0.6), term by term from row 16, then the miss is its complement.
    const p = 0.6;
    const q = 0.4;
    const passes =
      1820 * p ** 12 * q ** 4 + 560 * p ** 13 * q ** 3 + 120 * p ** 14 * q ** 2 + 16 * p ** 15 * q + p ** 16;
    expect(missProbability(16, 0.6)).toBeCloseTo(1 - passes, 12);
    expect(missProbability(16, 0.6)).toBeCloseTo(0.8334, 4);
  });

  it('a pure guesser fails at least 95% of the time, whatever the trial count', () => {
    for (let n = 1; n <= 100; n++) expect(missProbability(n, 0.5)).toBeGreaterThanOrEqual(0.95);
  });

  it('a perfect listener never fails once a pass is possible', () => {
    expect(missProbability(16, 1)).toBe(0);
  });
});

describe('trials needed for 80% power', () => {
  it('is the first trial count whose miss probability is at most 0.2', () => {
    for (const rate of [0.7, 0.8, 0.9]) {
      const n = trialsNeeded(rate);
      expect(n).not.toBeNull();
      if (n === null) continue;
      expect(missProbability(n, rate)).toBeLessThanOrEqual(0.2);
      for (let m = 1; m < n; m++) expect(missProbability(m, rate)).toBeGreaterThan(0.2);
    }
  });

  it('a perfect listener needs 5 trials, the fewest in which 5 of 5 (p = 1/32) passes', () => {
    expect(trialsNeeded(1)).toBe(5);
  });

  it('falls as the listener gets better: 60% needs more trials than 70%, which needs more than 90%', () => {
    const n60 = trialsNeeded(0.6);
    const n70 = trialsNeeded(0.7);
    const n90 = trialsNeeded(0.9);
    expect(n60).not.toBeNull();
    expect(n70).not.toBeNull();
    expect(n90).not.toBeNull();
    expect(n60 ?? 0).toBeGreaterThan(n70 ?? Infinity);
    expect(n70 ?? 0).toBeGreaterThan(n90 ?? Infinity);
    expect(n60 ?? 0).toBeGreaterThan(ROW_16.length - 1);
  });

  it('is null for a guesser, and when the limit is too low', () => {
    expect(trialsNeeded(0.5)).toBeNull();
    expect(trialsNeeded(0.6, 0.05, 0.8, 50)).toBeNull();
  });
});

describe('the plain-language verdict', () => {
  it('12 of 16 passes, quoting p = 0.038 and about 4 times in 100', () => {
    const result = describeAbxResult(12, 16);
    expect(result.pValue).toBe(2517 / TWO_TO_16);
    expect(result.significant).toBe(true);
    expect(result.verdict).toContain('12 of 16 correct: p = 0.038.');
    expect(result.verdict).toContain('about 4 times in 100');
    expect(result.verdict).toContain('evidence you heard a difference');
  });

  it('8 of 16 is consistent with guessing, and says a 60% listener fails about 83 times in 100', () => {
    const result = describeAbxResult(8, 16);
    expect(result.significant).toBe(false);
    expect(result.verdict).toContain('p = 0.60');
    expect(result.verdict).toContain('consistent with guessing');
    expect(result.verdict).toContain('does not prove there is no difference');
    expect(result.verdict).toContain('83 times in 100');
  });

  it('passes exactly from the pass mark upward', () => {
    for (const n of [8, 16, 20]) {
      for (let correct = 0; correct <= n; correct++) {
        expect(describeAbxResult(correct, n).significant).toBe(correct >= criticalCorrect(n));
      }
    }
  });

  it('writes very small p-values as p < 0.001', () => {
    expect(describeAbxResult(16, 16).verdict).toContain('p < 0.001');
    expect(formatPValue(1 / TWO_TO_16)).toBe('< 0.001');
    expect(formatPValue(697 / TWO_TO_16)).toBe('0.011');
  });

  it('flags a score far below half as a possible swapped-labels difference, but not a middling one', () => {
    expect(describeAbxResult(2, 16).verdict).toContain('wrong letter');
    expect(describeAbxResult(6, 16).verdict).not.toContain('wrong letter');
  });

  it('states in the caveat what p is not', () => {
    const { caveat } = describeAbxResult(12, 16);
    expect(caveat).toContain('not the probability that you were guessing');
    expect(caveat).toContain('how large the difference is');
    expect(caveat).toContain('1 test in 20');
  });
});
