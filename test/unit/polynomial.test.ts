import { describe, expect, it } from 'vitest';
import { type Complex, complex } from '../../src/dsp/complex';
import { type Polynomial, polyAdd, polyEvalComplex, polyMul, polyScale } from '../../src/dsp/polynomial';
import { polyRoots } from '../../src/dsp/polynomialRoots';

/** (x − r) for a real root, (x − r)(x − r̄) = x² − 2·Re(r)·x + |r|² for a complex one, multiplied by hand. */
function fromRootsByHand(reals: readonly number[], upperComplex: readonly Complex[]): number[] {
  let p: number[] = [1];
  const multiply = (factor: readonly number[]): void => {
    const next = new Array<number>(p.length + factor.length - 1).fill(0);
    p.forEach((a, i) => factor.forEach((b, j) => (next[i + j] = (next[i + j] ?? 0) + a * b)));
    p = next;
  };
  for (const r of reals) multiply([-r, 1]);
  for (const r of upperComplex) multiply([r.re * r.re + r.im * r.im, -2 * r.re, 1]);
  return p;
}

/** Every expected root has a found root within relativeTolerance·|expected| (and the counts agree). */
function expectSameRoots(found: readonly Complex[], expected: readonly Complex[], relativeTolerance: number): void {
  expect(found).toHaveLength(expected.length);
  const remaining = [...found];
  for (const want of expected) {
    const distances = remaining.map((r) => Math.hypot(r.re - want.re, r.im - want.im));
    const best = Math.min(...distances);
    expect(best).toBeLessThanOrEqual(relativeTolerance * Math.max(Math.hypot(want.re, want.im), 1e-300));
    remaining.splice(distances.indexOf(best), 1);
  }
}

const withConjugates = (upper: readonly Complex[]): Complex[] => upper.flatMap((r) => [r, complex(r.re, -r.im)]);

describe('polynomial arithmetic (ascending powers)', () => {
  it('adds polynomials of different lengths and drops a cancelled top coefficient', () => {
    expect(polyAdd([1, 2], [3, 4, 5])).toEqual([4, 6, 5]);
    expect(polyAdd([1, 0, 1], [0, 0, -1])).toEqual([1]);
  });

  it('multiplies (1 + x)(1 − x) into 1 − x²', () => {
    expect(polyMul([1, 1], [1, -1])).toEqual([1, 0, -1]);
  });

  it('scales every coefficient', () => {
    expect(polyScale([1, -2, 3], 2)).toEqual([2, -4, 6]);
  });

  it('evaluates 1 + x² to 0 at x = j and to 4 + 4j at x = 2 + j', () => {
    const p: Polynomial = [1, 0, 1];
    const atJ = polyEvalComplex(p, complex(0, 1));
    expect(atJ.re).toBeCloseTo(0, 15);
    expect(atJ.im).toBeCloseTo(0, 15);
    const at2j = polyEvalComplex(p, complex(2, 1));
    expect(at2j.re).toBeCloseTo(4, 12);
    expect(at2j.im).toBeCloseTo(4, 12);
  });
});

describe('polyRoots', () => {
  it('finds 1 and 2 as the roots of x² − 3x + 2', () => {
    expectSameRoots(polyRoots([2, -3, 1]), [complex(1), complex(2)], 1e-14);
  });

  it('finds ±j as the roots of x² + 1', () => {
    expectSameRoots(polyRoots([1, 0, 1]), [complex(0, 1), complex(0, -1)], 1e-14);
  });

  it('returns a triple root at 0 for x³ and splits exact zero roots off x·(x − 1)', () => {
    expectSameRoots(polyRoots([0, 0, 0, 1]), [complex(0), complex(0), complex(0)], 0);
    const roots = polyRoots([0, -1, 1]);
    expect(roots.map((r) => r.re).sort((a, b) => a - b)).toEqual([0, 1]);
  });

  it('finds the roots 1…10 of the degree-10 Wilkinson-type polynomial to 1e-6', () => {
    const reals = Array.from({ length: 10 }, (_, i) => i + 1);
    expectSameRoots(polyRoots(fromRootsByHand(reals, [])), reals.map((r) => complex(r)), 1e-6);
  });

  it('finds roots spread from 100 rad/s to 10⁶ rad/s, as impedance polynomials in s have (degree 11)', () => {
    const reals = [-264, -1.5e6, -6.4e5];
    const upper = [
      complex(-750, 2.2e3),
      complex(-900, 2.6e3),
      complex(-1.4e3, 4.1e3),
      complex(-2.7e3, 6.8e3),
      complex(-2.5e3, 1.3e4),
    ].map((r) => complex(r.re * 2 * Math.PI, r.im * 2 * Math.PI));
    const p = fromRootsByHand(reals, upper).map((c) => c * 1e-40);
    expectSameRoots(polyRoots(p), [...reals.map((r) => complex(r)), ...withConjugates(upper)], 1e-7);
  });

  it('returns complex roots of a real polynomial as exact conjugate pairs', () => {
    const upper = [complex(-1, 3), complex(-0.2, 0.5), complex(-4, 0.01)];
    const roots = polyRoots(fromRootsByHand([-2], upper));
    for (const root of roots.filter((r) => r.im !== 0)) {
      expect(roots.some((other) => other.re === root.re && other.im === -root.im)).toBe(true);
    }
    expect(roots.filter((r) => r.im === 0)).toHaveLength(1);
  });

  it('refuses the zero polynomial and non-finite coefficients', () => {
    expect(() => polyRoots([])).toThrow(RangeError);
    expect(() => polyRoots([0, 0])).toThrow(RangeError);
    expect(() => polyRoots([1, Number.NaN, 1])).toThrow(RangeError);
  });
});
